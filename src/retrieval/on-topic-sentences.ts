import type { Bm25Index } from './bm25-index.js';
import { contentBigrams, normalizeForSearch } from '../text/tokenize.js';
import { splitSentences } from '../text/split-sentences.js';

/**
 * The sentences of a passage that are about what the question asks: those sharing the largest
 * IDF-weighted share of the topic's bigrams (ties kept), and the sentence the dense retriever
 * matched (`matched`, its index), when there is one. These are the sentences an answer would
 * quote, so whether they hold what was asked decides whether the passage answers. `weight`: the
 * IDF weight of the topic bigrams the best of them holds (0 when none holds any).
 */
export function onTopicSentences(topic: string, passageText: string, bm25: Bm25Index, matched?: number): { sentences: string[]; weight: number } {
  const all = splitSentences(passageText);
  const sentences = all.filter((s) => s.trim().length >= 4);
  const grams = contentBigrams(topic);
  const scores = sentences.map((s) => {
    const n = normalizeForSearch(s);
    return grams.reduce((sum, g) => sum + (n.includes(g) ? bm25.idf(g) : 0), 0);
  });
  const best = Math.max(0, ...scores);
  const out = best > 0 ? sentences.filter((_, i) => scores[i] === best) : [];
  const dense = matched === undefined ? undefined : all[matched];
  if (dense && !out.includes(dense)) out.push(dense);
  return { sentences: out.length > 0 ? out : sentences.slice(0, 1), weight: best };
}
