/**
 * Checks a Block Kit payload against Slack's documented limits, written apart from the
 * formatter so that a formatter bug cannot hide itself: https://docs.slack.dev/reference/block-kit
 * Returns the problems found (empty when valid).
 */
export function validateMessageBlocks(blocks: unknown, fallbackText?: unknown): string[] {
  const problems: string[] = [];
  if (fallbackText !== undefined) {
    if (typeof fallbackText !== 'string' || fallbackText.length === 0) problems.push('text: fallback text must be a non-empty string');
    else checkString(problems, 'text', fallbackText, 40_000);
  }
  checkBlocks(problems, blocks, 50);
  return problems;
}

/** A modal view: title and close at most 24 characters, at most 100 blocks. */
export function validateModal(view: unknown): string[] {
  const problems: string[] = [];
  const v = view as Record<string, unknown>;
  if (v?.type !== 'modal') problems.push('view.type must be modal');
  checkTextObject(problems, 'view.title', v?.title, 24, ['plain_text']);
  if (v?.close !== undefined) checkTextObject(problems, 'view.close', v.close, 24, ['plain_text']);
  checkBlocks(problems, v?.blocks, 100);
  return problems;
}

function checkBlocks(problems: string[], blocks: unknown, max: number): void {
  if (!Array.isArray(blocks)) {
    problems.push('blocks must be an array');
    return;
  }
  if (blocks.length === 0) problems.push('blocks is empty');
  if (blocks.length > max) problems.push(`${blocks.length} blocks; the limit is ${max}`);
  const blockIds = new Set<string>();
  blocks.forEach((block: Record<string, unknown>, i) => {
    const at = `blocks[${i}]`;
    // Slack: an action_id must be unique among the elements of its block.
    const actionIds = new Set<string>();
    if (block.block_id !== undefined) {
      const id = String(block.block_id);
      checkString(problems, `${at}.block_id`, id, 255);
      if (blockIds.has(id)) problems.push(`${at}.block_id ${id} is not unique`);
      blockIds.add(id);
    }
    switch (block.type) {
      case 'section':
        if (block.text === undefined && block.fields === undefined) problems.push(`${at}: section needs text or fields`);
        if (block.text !== undefined) checkTextObject(problems, `${at}.text`, block.text, 3000);
        if (block.accessory !== undefined) checkButton(problems, `${at}.accessory`, block.accessory, actionIds);
        break;
      case 'context': {
        const elements = block.elements;
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10) problems.push(`${at}: context needs 1 to 10 elements`);
        else elements.forEach((e, j) => checkTextObject(problems, `${at}.elements[${j}]`, e, 3000));
        break;
      }
      case 'actions': {
        const elements = block.elements;
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25) problems.push(`${at}: actions needs 1 to 25 elements`);
        else elements.forEach((e, j) => checkButton(problems, `${at}.elements[${j}]`, e, actionIds));
        break;
      }
      case 'header':
        checkTextObject(problems, `${at}.text`, block.text, 150, ['plain_text']);
        break;
      case 'divider':
        break;
      default:
        problems.push(`${at}: unexpected block type ${String(block.type)}`);
    }
  });
}

function checkButton(problems: string[], at: string, element: unknown, actionIds: Set<string>): void {
  const e = element as Record<string, unknown>;
  if (e?.type !== 'button') {
    problems.push(`${at}: expected a button`);
    return;
  }
  checkTextObject(problems, `${at}.text`, e.text, 75, ['plain_text']);
  if (typeof e.action_id !== 'string' || e.action_id.length === 0) problems.push(`${at}.action_id is missing`);
  else {
    checkString(problems, `${at}.action_id`, e.action_id, 255);
    if (actionIds.has(e.action_id)) problems.push(`${at}.action_id ${e.action_id} is not unique`);
    actionIds.add(e.action_id);
  }
  if (e.value !== undefined) checkString(problems, `${at}.value`, String(e.value), 2000);
  if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger') problems.push(`${at}.style must be primary or danger`);
}

function checkTextObject(problems: string[], at: string, value: unknown, max: number, types = ['plain_text', 'mrkdwn']): void {
  const t = value as Record<string, unknown>;
  if (!t || typeof t !== 'object') {
    problems.push(`${at}: text object missing`);
    return;
  }
  if (!types.includes(String(t.type))) problems.push(`${at}.type ${String(t.type)} not in ${types.join('/')}`);
  if (typeof t.text !== 'string' || t.text.length === 0) problems.push(`${at}.text must be a non-empty string`);
  else checkString(problems, `${at}.text`, t.text, max);
}

/** Length in UTF-16 code units (never fewer than code points), and no half of a surrogate pair. */
function checkString(problems: string[], at: string, value: string, max: number): void {
  if (value.length > max) problems.push(`${at}: ${value.length} characters; the limit is ${max}`);
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) problems.push(`${at}: contains a lone surrogate (a character cut in half)`);
}
