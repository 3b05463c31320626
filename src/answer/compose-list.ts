import type { Corpus } from '../core/corpus.js';
import type { Passage, RetrievalResult } from '../core/types.js';
import type { Bm25Index } from '../retrieval/bm25-index.js';
import { listTopic } from '../retrieval/question-intent.js';
import { contentBigrams, normalizeForSearch } from '../text/tokenize.js';
import { RANK_PENALTY, scoreSentences, type ScoredSentence } from './select-sentences.js';

/** Most points a list answer cites: more is a document to read, not an answer. */
export const MAX_LIST_POINTS = 5;
/** A point joins the list when its best sentence matches the question at least this share as well as the first point's. */
export const LIST_SHARE = 0.6;
/** A section whose heading holds at least this IDF-weighted share of the question's topic is what the list asks for. */
export const SECTION_HEADING_SHARE = 0.5;

/**
 * A list question ("…有哪些安排？", "…都有哪些措施？") answered from several points, one sentence
 * each, in the document's order, up to MAX_LIST_POINTS. Two ways a list is found:
 * - the question names a section of the first point's document by its heading ("医院管理这块"):
 *   the points of that section;
 * - else the first point, then the retrieved points of its section whose best sentence matches the
 *   question's topic (its item words such as 安排, 措施 left out) nearly as well as the first's, in
 *   the document's order.
 * Undefined when fewer than two points qualify: the question is answered like any other, so a
 * list held inside one point ("医生执业都有啥保险") is not padded with its neighbours.
 */
export function composeList(question: string, retrieval: RetrievalResult, corpus: Corpus, bm25: Bm25Index, tuning: { minSentenceScore: number }): ScoredSentence[] | undefined {
  const ids = retrieval.citations.map((c) => c.id);
  const top = corpus.passage(ids[0] ?? '');
  if (!top) return undefined;
  const topic = listTopic(question);
  const section = namedSection(topic, top, corpus, bm25);
  if (section) {
    const points = firstParts(corpus.passages.filter((p) => p.docId === top.docId && p.section === section && (p.kind === 'point' || p.kind === 'paragraph'))).slice(0, MAX_LIST_POINTS);
    if (points.length >= 2) return points.map((p) => bestSentence(topic, p, corpus, bm25));
  }
  const bestOf = new Map<string, ScoredSentence>();
  for (const s of scoreSentences(topic, ids, corpus, bm25)) if (!bestOf.has(s.passageId)) bestOf.set(s.passageId, s);
  const lead = bestOf.get(top.id);
  // Scores carry a penalty per retrieval rank; points of a list are compared by how well they match.
  const match = (s: ScoredSentence) => s.score + s.rank * RANK_PENALTY;
  if (!lead || match(lead) < tuning.minSentenceScore) return undefined;
  const others = [...bestOf.values()]
    .filter((s) => {
      const p = corpus.passage(s.passageId)!;
      return p.docId === top.docId && p.section === top.section && match(s) >= tuning.minSentenceScore && match(s) >= match(lead) * LIST_SHARE;
    })
    // One sentence per point: parts of one long point count once.
    .filter((s, i, all) => all.findIndex((o) => corpus.passage(o.passageId)!.pointId === corpus.passage(s.passageId)!.pointId) === i)
    .filter((s) => s.passageId !== top.id)
    .slice(0, MAX_LIST_POINTS - 1);
  if (others.length === 0) return undefined;
  // The first point stays first (when the list is inside it, it is the answer); the others follow in the document's order.
  return [lead, ...others.sort((a, b) => corpus.passage(a.passageId)!.order - corpus.passage(b.passageId)!.order)];
}

/** The section of the first point's document whose heading holds most of the topic, when it holds enough. */
function namedSection(topic: string, top: Passage, corpus: Corpus, bm25: Bm25Index): number | undefined {
  // Words of the document's title chose the document; the section is named by the rest.
  const title = normalizeForSearch(corpus.document(top.docId).title);
  const grams = contentBigrams(topic).filter((g) => !title.includes(g));
  const total = grams.reduce((s, g) => s + bm25.idf(g), 0);
  if (total === 0) return undefined;
  let best: { section: number; share: number } | undefined;
  for (const p of corpus.passages) {
    if (p.docId !== top.docId || p.section === undefined || !p.path[0]) continue;
    const heading = normalizeForSearch(p.path[0]);
    const share = grams.reduce((s, g) => s + (heading.includes(g) ? bm25.idf(g) : 0), 0) / total;
    if (share >= SECTION_HEADING_SHARE && (!best || share > best.share)) best = { section: p.section, share };
  }
  return best?.section;
}

/** One passage per point (the first part of a long one), in the document's order. */
function firstParts(passages: readonly Passage[]): Passage[] {
  return passages.filter((p) => (p.part?.index ?? 1) === 1).sort((a, b) => a.order - b.order);
}

/** The passage's sentence that best matches the topic, else its first sentence. */
function bestSentence(topic: string, passage: Passage, corpus: Corpus, bm25: Bm25Index): ScoredSentence {
  const scored = scoreSentences(topic, [passage.id], corpus, bm25)[0];
  return scored ?? { passageId: passage.id, rank: 0, sentence: passage.text, score: 0 };
}
