/**
 * Splitting a model's answer into sentences and reading its markers and quotes. The model writes
 * `…「quote」[2]。`, `…。[1]`, `[1][3]`, `[1, 3]` or `【1】`; quotes may hold sentence ends and nest.
 */

const OPEN_TO_CLOSE: Record<string, string> = { '「': '」', '『': '』', '“': '”', '‘': '’', '"': '"' };
const TERMINATOR = /[。！？!?\n]/;
/** One marker group: `[1]`, `［1］`, `【1】`, `[1,3]`, `[1、3]`. */
export const MARKER = /[[［【]\s*([0-9０-９]{1,3}(?:\s*[,，、]\s*[0-9０-９]{1,3})*)\s*[\]］】]/g;
const TRAILING = /^(?:[ \t]*[[［【]\s*[0-9０-９]{1,3}(?:\s*[,，、]\s*[0-9０-９]{1,3})*\s*[\]］】]|[。！？!?])+/;
/** What may still grow into a trailing marker when the stream stops mid-way: `[`, `[1`, `[1,`. */
const PARTIAL_TRAILING = /^[ \t]*(?:[[［【]\s*[0-9０-９,，、\s]*)?$/;

/**
 * Takes the complete sentences off the front of `buffer`. A sentence ends at 。！？ or a line
 * break outside quotes, together with the markers that follow it; surrounding whitespace is
 * trimmed, except that a sentence ended by a line break keeps one `\n`. Unless `final`, a sentence
 * is held back while what follows could still be its marker; with `final` the rest is a sentence too.
 */
export function takeSentences(buffer: string, final: boolean): { sentences: string[]; rest: string } {
  const sentences: string[] = [];
  const stack: string[] = [];
  let start = 0;
  for (let i = 0; i < buffer.length; i++) {
    const ch = buffer[i]!;
    const top = stack.at(-1);
    if (top !== undefined && ch === OPEN_TO_CLOSE[top]) {
      stack.pop();
      continue;
    }
    if (OPEN_TO_CLOSE[ch] !== undefined) {
      stack.push(ch);
      continue;
    }
    if (stack.length > 0 || !TERMINATOR.test(ch)) continue;
    const after = buffer.slice(i + 1);
    const trailing = TRAILING.exec(after)?.[0] ?? '';
    const remaining = after.slice(trailing.length);
    if (!final && PARTIAL_TRAILING.test(remaining)) break;
    const end = i + 1 + trailing.length;
    // A sentence ended by a line break keeps it (`1. 甲[1]\n`) so that lists stay lists.
    const sentence = buffer.slice(start, end).trim();
    if (sentence !== '') sentences.push(ch === '\n' && trailing === '' ? `${sentence}\n` : sentence);
    start = end;
    i = end - 1;
  }
  const rest = buffer.slice(start);
  if (final) {
    if (rest.trim() !== '') sentences.push(rest.trim());
    return { sentences, rest: '' };
  }
  return { sentences, rest };
}

/** The passage numbers a sentence cites, in order of appearance, repeats kept. */
export function markersOf(sentence: string): number[] {
  const out: number[] = [];
  for (const m of sentence.matchAll(MARKER)) {
    for (const n of m[1]!.split(/[,，、]/)) out.push(Number(n.trim().replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))));
  }
  return out;
}

/** Rewrites every marker group through `map` (old passage number -> new citation number) as `[a][b]`. */
export function renumberMarkers(sentence: string, map: (n: number) => number): string {
  return sentence.replace(MARKER, (group) =>
    markersOf(group)
      .map((n) => `[${map(n)}]`)
      .join(''),
  );
}

/** The outermost quoted spans of a sentence (inner quotes stay inside their span), or `unbalanced`. */
export function quotedSpans(sentence: string): { spans: string[]; unbalanced: boolean } {
  const spans: string[] = [];
  const stack: string[] = [];
  let from = 0;
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i]!;
    const top = stack.at(-1);
    if (top !== undefined && ch === OPEN_TO_CLOSE[top]) {
      stack.pop();
      if (stack.length === 0) spans.push(sentence.slice(from, i));
    } else if (OPEN_TO_CLOSE[ch] !== undefined) {
      if (stack.length === 0) from = i + 1;
      stack.push(ch);
    }
  }
  return { spans, unbalanced: stack.length > 0 };
}
