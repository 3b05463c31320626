import { searchText, type Corpus } from '../../core/corpus.js';
import type { Reranker } from '../http-reranker.js';
import type { RankedPoint } from './ranked-point.js';

/**
 * Stage: rerank. The reranker reorders the first `topN` points by its own scores; when it fails or
 * is slow, the fused order stands (answers never wait on it beyond its timeout).
 */
export async function rerankPoints(reranker: Reranker, question: string, ranked: RankedPoint[], topN: number, corpus: Corpus): Promise<RankedPoint[]> {
  const head = ranked.slice(0, topN);
  try {
    const scores = await reranker.rerank(
      question,
      head.map((r) => searchText(corpus.passage(r.id)!, corpus.document(corpus.passage(r.id)!.docId))),
    );
    const order = head.map((r, i) => ({ r, s: scores[i]! })).sort((a, b) => b.s - a.s);
    return [...order.map((x) => ({ ...x.r, rerank: x.s })), ...ranked.slice(head.length)];
  } catch {
    return ranked;
  }
}
