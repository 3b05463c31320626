import type { Corpus } from '../../core/corpus.js';
import type { Citation } from '../../core/types.js';
import type { RankedPoint } from './ranked-point.js';

/**
 * Stage: cite. The first `k` points as citations; when the question names several scopes (the
 * city and a district), each keeps its best point among them, so a cross-document answer can cite
 * both. With each cited point's best-matching sentence, where the dense retriever found one.
 */
export function citePoints(ranked: readonly RankedPoint[], groups: readonly string[][], k: number, corpus: Corpus): { citations: Citation[]; matchedSentences: Record<string, string> } {
  const docOf = (id: string) => corpus.passage(id)!.docId;
  const citations = ranked.slice(0, k).map((r) => corpus.citation(r.id, r.score));
  for (const group of groups.length > 1 ? groups : []) {
    if (citations.some((c) => group.includes(docOf(c.id)))) continue;
    const best = ranked.find((r) => group.includes(docOf(r.id)));
    if (best) citations.push(corpus.citation(best.id, best.score));
  }
  const matchedSentences = Object.fromEntries(ranked.slice(0, k).flatMap((r) => (r.sentenceId ? [[r.id, r.sentenceId]] : [])));
  return { citations, matchedSentences };
}
