import { isItem, type Corpus } from '../core/corpus.js';
import type { Passage } from '../core/types.js';
import { normalizeWidth } from '../text/normalize-width.js';
import { pairShare } from '../text/runs.js';

/** One passage per point (the first part of a long one), in the document's order. */
export function firstParts(passages: readonly Passage[]): Passage[] {
  return passages.filter((p) => (p.part?.index ?? 1) === 1).sort((a, b) => a.order - b.order);
}

/** The headings an item sits under, outermost first (its own title or number left out): the block it belongs to. */
export function blockPath(passage: Passage): readonly string[] {
  return passage.path.slice(0, -1);
}

/** The items of a document under the same headings as `passage`, one passage per point, in the document's order. */
export function blockPoints(corpus: Corpus, passage: Passage): Passage[] {
  const key = blockPath(passage).join('\n');
  return firstParts(corpus.passages.filter((p) => p.docId === passage.docId && isItem(p) && blockPath(p).join('\n') === key));
}

/** The whole text of a point, its parts joined. */
export function pointText(p: Passage, corpus: Corpus): string {
  return corpus.passages
    .filter((q) => q.pointId === p.pointId)
    .map((q) => q.text)
    .join('');
}

/**
 * The points of the block (the innermost headings) a passage's point sits in, in the document's order; with `others`,
 * without that point (它所在的那一部分还有哪些其他工作). Empty when the passage is no item of a block.
 */
export function pointsAround(passageId: string, others: boolean, corpus: Corpus): Passage[] {
  const passage = corpus.passage(passageId);
  if (!passage || !isItem(passage) || blockPath(passage).length === 0) return [];
  return blockPoints(corpus, passage).filter((p) => !others || p.pointId !== passage.pointId);
}

/** Least share of a subject's character pairs a point must hold to mention it (区级康复医院 for 区康复医院). */
export const MENTION_PAIR_SHARE = 0.75;

/** The points of a document that mention the subject (MENTION_PAIR_SHARE of its character pairs), in the document's order. */
export function pointsMentioning(docId: string, subject: string, corpus: Corpus): Passage[] {
  return firstParts(corpus.passages.filter((p) => p.docId === docId && isItem(p))).filter((p) => pairShare(normalizeWidth(pointText(p, corpus)).replace(/\s+/g, ''), subject) >= MENTION_PAIR_SHARE);
}
