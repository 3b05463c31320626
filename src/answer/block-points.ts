import { isItem, type Corpus } from '../core/corpus.js';
import type { Passage } from '../core/types.js';

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
