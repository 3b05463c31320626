import type { CaseResult } from './run-eval.js';

export interface Metrics {
  cases: number;
  answerable: number;
  /**
   * Answerable cases answered from the right point: not declined, and the first citation is a
   * gold point. A low-confidence answer counts when its one quote is from the gold point.
   */
  answeredCorrectly: number;
  /** Answerable cases answered correctly with `confidence: "high"`: right, and said without a hedge. */
  answeredCorrectlyHigh: number;
  /**
   * List questions (intent `list`, two or more gold points): the mean share of their gold points
   * the answer cites. Absent where a set has no such question.
   */
  listCoverage?: number;
  /** Answerable cases declined ("未在现有文件中找到"): a refusal is a miss. */
  wronglyDeclined: number;
  /** Out-of-corpus cases declined or shown only as low confidence. */
  outOfCorpusDeclined: number;
  /** Out-of-corpus cases answered with high confidence (count, not share: the target is none). */
  outOfCorpusConfident: number;
  hit1: number;
  hit3: number;
  hit5: number;
  mrr: number;
  citationPrecision: number;
  factRecall: number;
  verifiedQuoteRate: number;
  abstentionPrecision: number;
  abstentionRecall: number;
  medianAnswerChars: number;
  p50Ms: number;
  p95Ms: number;
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Nearest-rank percentile. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Aggregates case results. A stale case (its gold anchor no longer found) counts as a failure
 * until it is fixed or re-anchored: removing a document must not raise the figures.
 */
export function computeMetrics(results: readonly CaseResult[]): Metrics {
  const live = results;
  const answerable = live.filter((r) => !r.expectAbstain);
  const abstained = live.filter((r) => r.abstained);
  const shouldAbstain = live.filter((r) => r.expectAbstain);
  const claims = live.reduce((s, r) => s + r.claims, 0);
  const answered = answerable.filter((r) => !r.abstained);
  const lists = answerable.filter((r) => r.intent === 'list' && r.goldPointIds.length >= 2);
  return {
    cases: live.length,
    answerable: answerable.length,
    answeredCorrectly: round(mean(answerable.map((r) => (r.answeredCorrectly ? 1 : 0)))),
    answeredCorrectlyHigh: round(mean(answerable.map((r) => (r.answeredCorrectly && r.confidence === 'high' ? 1 : 0)))),
    ...(lists.length > 0 ? { listCoverage: round(mean(lists.map((r) => r.goldPointIds.filter((id) => r.citedPointIds.includes(id)).length / r.goldPointIds.length))) } : {}),
    wronglyDeclined: round(mean(answerable.map((r) => (r.abstained ? 1 : 0)))),
    outOfCorpusDeclined: shouldAbstain.length === 0 ? 1 : round(mean(shouldAbstain.map((r) => (r.abstained || r.confidence === 'low' ? 1 : 0)))),
    outOfCorpusConfident: shouldAbstain.filter((r) => !r.abstained && r.confidence !== 'low').length,
    hit1: round(mean(answerable.map((r) => (r.rank === 1 ? 1 : 0)))),
    hit3: round(mean(answerable.map((r) => (r.rank !== null && r.rank <= 3 ? 1 : 0)))),
    hit5: round(mean(answerable.map((r) => (r.rank !== null && r.rank <= 5 ? 1 : 0)))),
    mrr: round(mean(answerable.map((r) => (r.rank ? 1 / r.rank : 0)))),
    citationPrecision: round(mean(answered.flatMap((r) => (r.citationPrecision === null ? [] : [r.citationPrecision])))),
    factRecall: round(mean(answerable.map((r) => r.factRecall ?? 0))),
    verifiedQuoteRate: claims === 0 ? 1 : round(live.reduce((s, r) => s + r.verifiedClaims, 0) / claims),
    abstentionPrecision: abstained.length === 0 ? 1 : round(abstained.filter((r) => r.expectAbstain).length / abstained.length),
    abstentionRecall: shouldAbstain.length === 0 ? 1 : round(shouldAbstain.filter((r) => r.abstained).length / shouldAbstain.length),
    medianAnswerChars: percentile(
      answered.map((r) => r.answerChars),
      50,
    ),
    p50Ms: round(
      percentile(
        live.map((r) => r.latencyMs),
        50,
      ),
    ),
    p95Ms: round(
      percentile(
        live.map((r) => r.latencyMs),
        95,
      ),
    ),
  };
}
