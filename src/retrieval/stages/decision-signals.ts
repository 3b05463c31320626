import type { Bm25Index } from '../bm25-index.js';
import type { DecisionSignals } from '../decision-model.js';
import { documentTermsFor } from '../everyday-words.js';
import { contentBigrams, topicTerms } from '../../text/tokenize.js';
import type { RetrievalMode } from './gather-candidates.js';
import type { RankedPoint } from './ranked-point.js';

/**
 * Stage: decide, its inputs. The signals of the best point: its sentence and point cosines, the
 * IDF-weighted share of the topic's bigrams found in the best point of each named scope
 * (`covering`), the share of topic words found nowhere in the corpus (an everyday word with a
 * document term is not unknown), and its margin over the others.
 */
export function decisionSignals(
  topic: string,
  ranked: readonly RankedPoint[],
  covering: readonly RankedPoint[],
  mode: RetrievalMode,
  ctx: { bm25: Bm25Index; text: (passageId: string) => string; corpusText: string },
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
  return { coverage, unknown, margin, ...(mode !== 'lexical' ? { point: top.point ?? 0, sentence: top.sentence ?? top.point ?? 0 } : {}) };
}
