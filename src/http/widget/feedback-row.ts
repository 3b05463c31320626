import type { ApiClient, FeedbackBody } from './api-client.js';
import { el } from './el.js';
import type { WidgetAnswer, WidgetTurn } from './widget-types.js';
import { FEEDBACK_TURNS } from '../../core/limits.js';

export interface FeedbackRowDeps {
  api: ApiClient;
  /** Shows a failure right below this answer, with a retry. */
  showError(error: unknown, retry: () => void, near: HTMLElement): void;
  /** The turns before this answer, so a 👎 on "第二点呢？" can be reviewed in context. */
  history: readonly WidgetTurn[];
}

/** Turns and text sent with feedback: enough to judge the answer, bounded well under the 32 KiB body limit. */
export { FEEDBACK_TURNS };
const FEEDBACK_ANSWER_CHARS = 4000;
const FEEDBACK_TURN_ANSWER_CHARS = 1000;
const FEEDBACK_BODY_BUDGET = 28 * 1024;

/** The feedback body: rating, plus the answer as shown, what it cited, how it was composed and the turns before it. */
export function feedbackBody(answer: WidgetAnswer, history: readonly WidgetTurn[], rating: 'up' | 'down', extra: { comment?: string; expectedPassageId?: string } = {}): FeedbackBody {
  const turns = history.slice(-FEEDBACK_TURNS).map((t) => ({ question: t.question, answer: t.answer.slice(0, FEEDBACK_TURN_ANSWER_CHARS), citations: t.citations.map((c) => ({ id: c.id })) }));
  const body: FeedbackBody = {
    question: answer.question,
    answerId: answer.answerId,
    rating,
    ...extra,
    answer: answer.answer.slice(0, FEEDBACK_ANSWER_CHARS),
    citedIds: answer.citations.map((c) => c.id),
    ...(answer.mode ? { mode: answer.mode } : {}),
    ...(answer.confidence ? { confidence: answer.confidence } : {}),
    ...(turns.length > 0 ? { history: turns } : {}),
  };
  const encoder = new TextEncoder();
  while (body.history && body.history.length > 0 && encoder.encode(JSON.stringify(body)).length > FEEDBACK_BODY_BUDGET) body.history.shift();
  return body;
}

/**
 * 👍 sends at once. 👎 opens a short form: which passage it should have cited (picked from the
 * passages retrieval ranked, so the eval issue can mine it as `expectedPassageId`) and a comment.
 * A button shows as pressed only while its rating is being sent or once it is stored.
 */
export function feedbackRow(answer: WidgetAnswer, deps: FeedbackRowDeps): HTMLElement {
  const history = deps.history.slice();
  const row = el('div', { class: 'feedback' }, [el('span', { text: '这个回答有帮助吗？' })]);
  const up = el('button', { text: '👍 有帮助', attrs: { type: 'button', 'aria-label': '有帮助', 'aria-pressed': 'false' } });
  const down = el('button', { text: '👎 没有帮助', attrs: { type: 'button', 'aria-label': '没有帮助', 'aria-pressed': 'false' } });
  // One id per rating sent; a retry after a failure (the server may have stored it after all) reuses it, so it is stored once.
  const submit = async (rating: 'up' | 'down', extra: { comment?: string; expectedPassageId?: string } = {}, send?: HTMLButtonElement, feedbackId = newFeedbackId()) => {
    up.disabled = down.disabled = true;
    if (send) send.disabled = true;
    (rating === 'up' ? up : down).setAttribute('aria-pressed', 'true');
    try {
      await deps.api.feedback({ ...feedbackBody(answer, history, rating, extra), feedbackId });
      row.replaceChildren(el('span', { class: 'thanks', text: '谢谢反馈！', attrs: { role: 'status' } }));
    } catch (error) {
      up.disabled = down.disabled = false;
      if (send) send.disabled = false;
      if (rating === 'up') up.setAttribute('aria-pressed', 'false');
      deps.showError(error, () => void submit(rating, extra, send, feedbackId), row);
    }
  };
  up.addEventListener('click', () => void submit('up'));
  down.addEventListener('click', () => {
    down.setAttribute('aria-pressed', 'true');
    const pick = passagePicker(answer, deps.api);
    const comment = el('textarea', { attrs: { 'aria-label': '补充说明（可选）', placeholder: '补充说明，例如应该引用哪份文件的哪一条（可选）', maxlength: '2000' } });
    const send: HTMLButtonElement = el('button', {
      text: '提交反馈',
      attrs: { type: 'button' },
      on: {
        click: () => {
          const text = comment.value.trim();
          void submit('down', { ...(text ? { comment: text } : {}), ...(pick.value ? { expectedPassageId: pick.value } : {}) }, send);
        },
      },
    });
    row.replaceChildren(el('span', { text: '哪里不对？' }), pick, comment, send);
    pick.focus();
  });
  row.append(up, down);
  return row;
}

/** The passages shown or ranked for this answer; labels of ranked-but-unshown ones are fetched. */
function passagePicker(answer: WidgetAnswer, api: ApiClient): HTMLSelectElement {
  const select = el('select', { attrs: { 'aria-label': '应该引用的条目（可选）' } }, [el('option', { text: '应该引用哪一条？（不确定可不选）', attrs: { value: '' } })]);
  const listed = new Set<string>();
  const add = (id: string, title: string, label: string) => {
    if (listed.has(id)) return;
    listed.add(id);
    select.append(el('option', { text: `《${title}》${label}`, attrs: { value: id } }));
  };
  for (const c of [...(answer.nearest ?? []), ...answer.citations]) add(c.id, c.title, c.label);
  for (const id of (answer.retrievedIds ?? []).slice(0, 5)) {
    if (listed.has(id)) continue;
    api.passage(id).then(
      (p) => add(id, p.document.title, p.passage.label),
      () => {},
    );
  }
  return select;
}

/** A random id (128 bits, hex) from `getRandomValues`, which unlike `randomUUID` also works on plain-http intranet pages. */
function newFeedbackId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `fb-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
