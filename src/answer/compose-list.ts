import type { Corpus } from '../core/corpus.js';
import type { RetrievalResult } from '../core/types.js';
import type { Bm25Index } from '../retrieval/bm25-index.js';
import { RANK_PENALTY, scoreSentences, type ScoredSentence } from './select-sentences.js';

/** Most points a list answer cites: more is a document to read, not an answer. */
export const MAX_LIST_POINTS = 5;
/** A point joins the list when its best sentence matches the question at least this share as well as the best point's. */
export const LIST_SHARE = 0.6;

/**
 * A list question ("…有哪些安排？", "…都有哪些措施？") answered from several points: the retrieved
 * points of the best point's document whose best sentence matches the question nearly as well as
 * the best one's, up to MAX_LIST_POINTS, one sentence each, in the document's order. Undefined
 * when fewer than two points qualify: the question is then answered like any other.
 */
export function composeList(question: string, retrieval: RetrievalResult, corpus: Corpus, bm25: Bm25Index, tuning: { minSentenceScore: number }): ScoredSentence[] | undefined {
  const ids = retrieval.citations.map((c) => c.id);
  const top = corpus.passage(ids[0] ?? '');
  if (!top) return undefined;
  const bestOf = new Map<string, ScoredSentence>();
  for (const s of scoreSentences(question, ids, corpus, bm25)) if (!bestOf.has(s.passageId)) bestOf.set(s.passageId, s);
  const lead = bestOf.get(top.id);
  if (!lead || lead.score < tuning.minSentenceScore) return undefined;
  // Scores carry a penalty per retrieval rank; compare matches without it.
  const match = (s: ScoredSentence) => s.score + s.rank * RANK_PENALTY;
  const members = ids
    .filter((id) => corpus.passage(id)?.docId === top.docId)
    .flatMap((id) => bestOf.get(id) ?? [])
    .filter((s) => s.score >= tuning.minSentenceScore && match(s) >= match(lead) * LIST_SHARE)
    // One sentence per point: parts of one long point count once.
    .filter((s, i, all) => all.findIndex((o) => corpus.passage(o.passageId)!.pointId === corpus.passage(s.passageId)!.pointId) === i)
    .slice(0, MAX_LIST_POINTS);
  if (members.length < 2) return undefined;
  return members.sort((a, b) => corpus.passage(a.passageId)!.order - corpus.passage(b.passageId)!.order);
}
