import type { Bm25Index } from '../bm25-index.js';
import type { DecisionSignals } from '../decision-model.js';
import { documentTermsFor } from '../everyday-words.js';
import { contentBigrams, topicTerms } from '../../text/tokenize.js';
import { slotAsked, type AnswerIntent } from '../question-intent.js';
import { askedChoice, holdsPredicate, holdsSlot, settlesChoice } from '../slot-evidence.js';
import { onTopicSentences } from '../on-topic-sentences.js';
import type { RetrievalMode } from './gather-candidates.js';
import type { RankedPoint } from './ranked-point.js';

/**
 * Stage: decide, its inputs. The signals of the best point: its sentence and point cosines, the
 * IDF-weighted share of the topic's bigrams found in the best point of each named scope
 * (`covering`), the share of topic words found nowhere in the corpus (an everyday word with a
 * document term is not unknown), its margin over the others, and whether the best point holds
 * an answer of the kind asked in the sentences an answer would quote (a figure, a date, a body,
 * several items, what a yes/no question asks of its topic; 1 when nothing specific is asked).
 */
export function decisionSignals(
  topic: string,
  ranked: readonly RankedPoint[],
  covering: readonly RankedPoint[],
  mode: RetrievalMode,
  ctx: {
    bm25: Bm25Index;
    /** Normalised search text of a passage (title and headings with it). */
    text: (passageId: string) => string;
    /** The passage's own text, as split into sentences for the sentence index. */
    passageText: (passageId: string) => string;
    corpusText: string;
    /**
     * What the question asks and the question itself: for a figure, a date, a body or a list the
     * quoted sentences must hold one (of the measure the question may name); for yes/no they must
     * speak to its predicate (自己掏钱 in 老人打疫苗要自己掏钱吗). Absent or `what`: nothing specific.
     */
    asked?: { intent: AnswerIntent; question: string };
    /** Whether a passage is an item of its document (a point, a paragraph, a headed part), not its preamble or notice. */
    isItem?: (passageId: string) => boolean;
  },
): DecisionSignals {
  const top = ranked[0]!;
  const grams = contentBigrams(topic);
  const weights = grams.map((g) => ctx.bm25.idf(g));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const coveringText = covering.map((r) => ctx.text(r.id)).join('\n');
  const coverage = grams.reduce((s, g, i) => s + (coveringText.includes(g) ? weights[i]! : 0), 0) / total;
  const terms = topicTerms(topic);
  const unknown = terms.length === 0 ? 0 : terms.filter((t) => !ctx.corpusText.includes(t) && documentTermsFor(t).length === 0).length / terms.length;
  // After a reranker the first point need not have the highest fused score: the margin is then 0.
  const margin = Math.max(0, top.score - Math.max(0, ...ranked.slice(1).map((c) => c.score)));
  // The sentences an answer would quote, not the whole point: a long point holds some figure somewhere.
  const topical = covering.map((r) => onTopicSentences(topic, ctx.passageText(r.id), ctx.bm25, r.sentenceId ? Number(r.sentenceId.slice(r.sentenceId.lastIndexOf('@') + 1)) : undefined));
  const slot = ctx.asked ? slotAsked(ctx.asked.question, ctx.asked.intent) : undefined;
  const question = ctx.asked?.question;
  // A choice (全面铺开还是先试点) is settled only by a sentence that names one of its alternatives, whatever else it asks.
  const choice = question === undefined ? undefined : askedChoice(question);
  const settles = (s: string) => settlesChoice(s, choice!, (w) => (ctx.bm25.documentFrequency(w) > 0 ? ctx.bm25.idf(w) : 0));
  const asks =
    slot !== undefined
      ? (s: string) => holdsSlot(slot, s, question)
      : ctx.asked?.intent === 'yes-no' && choice === undefined
        ? (s: string) => holdsPredicate(s, question!, (w) => ctx.bm25.documentFrequency(w) > 0)
        : undefined;
  const holds = choice !== undefined ? (s: string) => settles(s) && (asks?.(s) ?? true) : asks;
  // A list is held by a point's items, never by a preamble that announces them (主要工作要点如下).
  const holding = slot === 'list' && ctx.isItem ? topical.filter((_, i) => ctx.isItem!(covering[i]!.id)) : topical;
  const held = holds === undefined || holding.some((t) => t.sentences.some(holds)) ? 1 : 0;
  // How much of the topic one sentence of the best point holds: a point can cover the topic's
  // words across its sentences while none of them is about what was asked.
  const focus = Math.max(0, ...topical.map((t) => t.weight / total));
  return { coverage, focus, unknown, margin, slot: held, ...(mode !== 'lexical' ? { point: top.point ?? 0, sentence: top.sentence ?? top.point ?? 0 } : {}) };
}

/** Share of a question's words unknown to the corpus above which, with no topic word in the best point, nothing matches. */
export const NOTHING_MATCHES_UNKNOWN = 0.75;

/**
 * Stage: decide, the rule beside the model. None of the topic's words is in the best point and
 * most of them occur nowhere in the corpus (考研报名, 停车费, Python): nothing matches, whatever
 * the cosines say. Declined outright.
 */
export function nothingMatches(signals: Pick<DecisionSignals, 'coverage' | 'unknown'>): boolean {
  return signals.coverage === 0 && signals.unknown >= NOTHING_MATCHES_UNKNOWN;
}
