/** Escapes the three characters Slack's mrkdwn and plain text treat as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface FitOptions {
  /** Escape for mrkdwn while fitting, so an entity such as `&amp;` is never cut in half. */
  escape?: boolean;
  /** Appended when text was cut; counted within `max`. */
  ellipsis?: string;
}

export interface Fitted {
  text: string;
  trimmed: boolean;
}

/**
 * Fits text into `max` UTF-16 code units (how Slack's limits are safest counted), cutting only
 * between code points so a surrogate pair (emoji, rare CJK) is never split, and ending a cut
 * text with an ellipsis.
 */
export function fitText(raw: string, max: number, options: FitOptions = {}): Fitted {
  const ellipsis = options.ellipsis ?? '…';
  const pieces = Array.from(raw, (ch) => (options.escape ? escapeMrkdwn(ch) : ch));
  const full = pieces.join('');
  if (full.length <= max) return { text: full, trimmed: false };
  const budget = max - ellipsis.length;
  let text = '';
  for (const piece of pieces) {
    if (text.length + piece.length > budget) break;
    text += piece;
  }
  return { text: text.trimEnd() + ellipsis, trimmed: true };
}

/**
 * Splits long text into chunks of at most `max` code units without cutting a code point,
 * preferring to break after a sentence end (。；！？ or a newline) — used where the whole
 * text must be shown (the passage modal) rather than trimmed.
 */
export function splitText(raw: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  let lastBreak = -1;
  for (const ch of Array.from(raw)) {
    while (current !== '' && current.length + ch.length > max) {
      const cut = lastBreak > 0 ? lastBreak : current.length;
      chunks.push(current.slice(0, cut));
      current = current.slice(cut);
      lastBreak = -1;
    }
    current += ch;
    if (/[。；！？\n]/.test(ch)) lastBreak = current.length;
  }
  if (current) chunks.push(current);
  return chunks;
}
