import type { Bm25Index } from '../retrieval/bm25-index.js';
import type { Corpus } from '../retrieval/corpus.js';
import { contentBigrams, normalizeForSearch } from '../retrieval/tokenize.js';
import { splitSentences } from '../ingest/split-sentences.js';

export interface ScoredSentence {
  passageId: string;
  /** Rank of the passage in retrieval (0 = first). */
  rank: number;
  sentence: string;
  score: number;
}

const ASKS_NUMBER = /多少|几[个家所项名次条年月]|比例|百分|多大|何时|什么时候|哪一年|哪年|时间|日期|期限|有效期|数量|人数/;
const HAS_NUMBER = /\d/;

/**
 * Scores every sentence of the retrieved passages against the question: the IDF-weighted share
 * of the question's topic bigrams it contains, a bonus for a number when a number is asked for,
 * and a small prior for the passage's retrieval rank.
 */
export function scoreSentences(question: string, passageIds: readonly string[], corpus: Corpus, bm25: Bm25Index): ScoredSentence[] {
  const grams = contentBigrams(question);
  const n = Math.max(1, corpus.passages.length);
  const idf = new Map(grams.map((g) => [g, Math.log(1 + n / (1 + bm25.documentFrequency(g)))]));
  const total = [...idf.values()].reduce((a, b) => a + b, 0) || 1;
  const wantsNumber = ASKS_NUMBER.test(question);
  const out: ScoredSentence[] = [];
  passageIds.forEach((id, rank) => {
    const passage = corpus.passage(id);
    if (!passage) return;
    for (const sentence of splitSentences(passage.text)) {
      const s = normalizeForSearch(sentence);
      if (s.length < 4) continue;
      let hit = 0;
      for (const [g, w] of idf) if (s.includes(g)) hit += w;
      let score = hit / total;
      if (wantsNumber && HAS_NUMBER.test(sentence)) score += 0.15;
      score -= rank * 0.03;
      out.push({ passageId: id, rank, sentence, score });
    }
  });
  return out.sort((a, b) => b.score - a.score);
}

/** The clause of a sentence that carries the number asked for, when the question asks for one. */
export function factClause(question: string, sentence: string): string | undefined {
  if (!ASKS_NUMBER.test(question)) return undefined;
  const clauses = sentence.split(/(?<=[，,；;：:])/);
  const grams = contentBigrams(question);
  const scored = clauses
    .filter((c) => HAS_NUMBER.test(c))
    .map((c) => ({ c, s: grams.filter((g) => normalizeForSearch(c).includes(g)).length }))
    .sort((a, b) => b.s - a.s);
  const best = scored[0]?.c.replace(/[，,；;：:。.]$/, '');
  return best && best.length >= 4 && best.length < sentence.length ? best : undefined;
}
