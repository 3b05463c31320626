import type { CaseResult } from './run-eval.js';

export interface DecisionSummary {
  /** Answered with confidence: how many, and the share whose first citation is a gold point. */
  high: { n: number; precision: number };
  /** Offered as possibly relevant: how many, and the share whose quote is from a gold point. */
  low: { n: number; precision: number };
  /** Declined: how many, and the share that should have been. */
  declined: { n: number; precision: number };
  /** Answerable cases not declined (high or low). */
  recall: number;
}

const share = (xs: readonly boolean[]) => (xs.length === 0 ? 1 : Math.round((xs.filter(Boolean).length / xs.length) * 1000) / 1000);

/** How the three tiers of the decision to answer did: precision per tier, recall of answering. */
export function decisionSummary(results: readonly CaseResult[]): DecisionSummary {
  const live = results.filter((r) => r.stale.length === 0);
  const tier = (r: CaseResult) => (r.abstained ? 'declined' : r.confidence === 'low' ? 'low' : 'high');
  const of = (t: string) => live.filter((r) => tier(r) === t);
  return {
    high: { n: of('high').length, precision: share(of('high').map((r) => r.answeredCorrectly)) },
    low: { n: of('low').length, precision: share(of('low').map((r) => r.answeredCorrectly)) },
    declined: { n: of('declined').length, precision: share(of('declined').map((r) => r.expectAbstain)) },
    recall: share(live.filter((r) => !r.expectAbstain).map((r) => !r.abstained)),
  };
}

/** One line per split: `held-out  high 57 (P 1.000)  low 71 (P 0.80)  declined 27 (P 0.81)  answering recall 0.97`. */
export function formatDecisionSummary(name: string, s: DecisionSummary): string {
  const f = (x: number) => x.toFixed(3);
  return `${name.padEnd(10)} high ${String(s.high.n).padStart(3)} (P ${f(s.high.precision)})   low ${String(s.low.n).padStart(3)} (P ${f(s.low.precision)})   declined ${String(s.declined.n).padStart(3)} (P ${f(s.declined.precision)})   answering recall ${f(s.recall)}`;
}
