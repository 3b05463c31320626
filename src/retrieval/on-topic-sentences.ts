import type { Bm25Index } from './bm25-index.js';
import { contentBigrams, normalizeForSearch } from '../text/tokenize.js';
import { splitSentences } from '../text/split-sentences.js';

/** Share of the best sentence's topic weight a sentence holding the topic's rarest word needs to be about the topic too. */
export const NEAR_SHARE = 0.5;

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
  const normalized = sentences.map(normalizeForSearch);
  const scores = normalized.map((n) => grams.reduce((sum, g) => sum + (n.includes(g) ? bm25.idf(g) : 0), 0));
  const best = Math.max(0, ...scores);
  // The topic's rarest word the passage holds names what is asked (IDC of 传染病诊治中心IDC今年新挂几家医院): a sentence
  // that holds it and NEAR_SHARE of the best weight is about it too (遴选新的30家左右IDC医院挂牌, beside 加快推进…IDC…网络).
  const present = grams.filter((g) => normalized.some((n) => n.includes(g)));
  const rarest = present.reduce<string | undefined>((r, g) => (r === undefined || bm25.idf(g) > bm25.idf(r) ? g : r), undefined);
  const near = (i: number) => scores[i] === best || (rarest !== undefined && scores[i]! >= NEAR_SHARE * best && normalized[i]!.includes(rarest));
  const out = best > 0 ? sentences.filter((_, i) => near(i)) : [];
  const dense = matched === undefined ? undefined : all[matched];
  if (dense && !out.includes(dense)) out.push(dense);
  return { sentences: out.length > 0 ? out : sentences.slice(0, 1), weight: best };
}
