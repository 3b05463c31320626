import type { Corpus } from '../core/corpus.js';
import { toChineseNumeral } from '../text/chinese-numerals.js';
import { splitSentences } from '../text/split-sentences.js';

/**
 * What "第N点/第N项/第N条" refers to after an answer: the N-th 一是/二是 item of the passage the
 * answer cited first, else the answer's N-th citation, else the N-th point of that passage's
 * section. Undefined when none exists.
 */
export function pickOrdinal(n: number, citedIds: readonly string[], corpus: Corpus): { passageId: string; sentence?: string; text: string } | undefined {
  const first = citedIds[0] ? corpus.passage(citedIds[0]) : undefined;
  if (!first) return undefined;
  const point = corpus.passages.filter((p) => p.pointId === first.pointId);
  for (const part of point) {
    const item = splitSentences(part.text).find((s) => s.startsWith(`${toChineseNumeral(n)}是`));
    if (item) return { passageId: part.id, sentence: item, text: part.text };
  }
  const nth = citedIds[n - 1] ? corpus.passage(citedIds[n - 1]!) : undefined;
  if (nth && n > 1) return { passageId: nth.id, text: nth.text };
  const siblings = new Map<string, (typeof corpus.passages)[number]>();
  for (const p of corpus.passages) {
    if (p.docId === first.docId && p.section === first.section && p.sub === first.sub && p.kind === first.kind && !siblings.has(p.pointId)) siblings.set(p.pointId, p);
  }
  const sibling = [...siblings.values()][n - 1];
  return sibling ? { passageId: sibling.id, text: sibling.text } : undefined;
}
