import type { Bm25Index } from '../retrieval/bm25-index.js';
import type { Corpus } from '../core/corpus.js';
import { SCOPE_WORDS } from '../retrieval/scope-check.js';
import { expandEverydayWords } from '../retrieval/everyday-words.js';
import { contentBigrams, normalizeForSearch } from '../text/tokenize.js';
import { splitSentences } from '../text/split-sentences.js';

export interface ScoredSentence {
  passageId: string;
  /** Rank of the passage in retrieval (0 = first). */
  rank: number;
  sentence: string;
  score: number;
}

/** Asks for a number or a date ("哪几条/哪几项" ask for a list, not a number). */
const ASKS_NUMBER = /多少|(?<!哪)几[个家所名次年月届批]|第几|比例|百分|多大|何时|什么时候|哪一年|哪年|哪天|时间|日期|期限|有效期|数量|人数|多长/;
const HAS_NUMBER = /\d|[一二三四五六七八九十两]+[个家所项名次届批年]/;
/** A point's opening sentence is its title: it names the topic but rarely answers. */
const TITLE_WEIGHT = 0.6;
/** Per retrieval rank: a lower passage must match clearly better to supply the answer. */
export const RANK_PENALTY = 0.08;

/**
 * Scores every sentence of the retrieved passages against the question: the IDF-weighted share
 * of the question's topic bigrams it contains, a bonus for a number when a number is asked for,
 * a small prior for the passage's retrieval rank, and less weight for a point's title sentence.
 */
export function scoreSentences(question: string, passageIds: readonly string[], corpus: Corpus, bm25: Bm25Index): ScoredSentence[] {
  // Places, years and quoted titles chose the document; within it they say nothing about which sentence answers.
  const grams = contentBigrams(
    expandEverydayWords(question)
      .replace(/[《«][^》»]*[》»]/g, ' ')
      .replace(SCOPE_WORDS, ' '),
  );
  const idf = new Map(grams.map((g) => [g, bm25.idf(g)]));
  const total = [...idf.values()].reduce((a, b) => a + b, 0) || 1;
  const wantsNumber = ASKS_NUMBER.test(question);
  const out: ScoredSentence[] = [];
  const titles = new Set<string>();
  passageIds.forEach((id, rank) => {
    const passage = corpus.passage(id);
    if (!passage) return;
    const opensPoint = (passage.kind === 'point' || passage.kind === 'paragraph') && (passage.part?.index ?? 1) === 1;
    const sentences = splitSentences(passage.text);
    sentences.forEach((sentence, i) => {
      const s = normalizeForSearch(sentence);
      if (s.length < 4) return;
      let hit = 0;
      for (const [g, w] of idf) if (s.includes(g)) hit += w;
      let score = hit / total;
      if (wantsNumber && HAS_NUMBER.test(sentence)) score += 0.25;
      if (opensPoint && i === 0 && sentences.length > 1) score *= TITLE_WEIGHT;
      if (opensPoint && i === 0) titles.add(sentence);
      score -= rank * RANK_PENALTY;
      out.push({ passageId: id, rank, sentence, score });
    });
  });
  out.sort((a, b) => b.score - a.score);
  // A point's title names the topic; the sentence after it says what is to be done. Prefer a body
  // sentence of the same passage whenever one matches at all.
  return out.filter((s) => !titles.has(s.sentence) || !out.some((o) => o.passageId === s.passageId && !titles.has(o.sentence) && o.score > 0));
}

/**
 * Keeps a claim short and verbatim: a sentence over `maxChars` is cut to the run of whole
 * clauses that best matches the question.
 */
export function shortenClaim(question: string, sentence: string, maxChars: number): string {
  if ([...sentence].length <= maxChars) return sentence;
  const clauses = sentence.split(/(?<=[，,；;：:])/);
  const grams = contentBigrams(question);
  const wantsNumber = ASKS_NUMBER.test(question);
  let best = '';
  let bestScore = -1;
  for (let i = 0; i < clauses.length; i++) {
    let span = '';
    for (let j = i; j < clauses.length && [...(span + clauses[j]!)].length <= maxChars; j++) {
      span += clauses[j]!;
      const text = normalizeForSearch(span);
      const score = grams.filter((g) => text.includes(g)).length + (wantsNumber && HAS_NUMBER.test(span) ? 1 : 0) + span.length / 1000;
      if (score > bestScore) {
        best = span;
        bestScore = score;
      }
    }
  }
  return best || sentence;
}
