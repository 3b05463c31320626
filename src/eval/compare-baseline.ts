import { z } from 'zod';
import type { Metrics } from './metrics.js';
import type { CaseResult } from './run-eval.js';

/** Metrics that gate a change; latency is machine-dependent and only reported. */
export const GATED_METRICS = ['hit1', 'hit3', 'hit5', 'mrr', 'citationPrecision', 'factRecall', 'verifiedQuoteRate', 'abstentionPrecision', 'abstentionRecall'] as const;

export const baselineSchema = z.object({
  recordedAt: z.string(),
  metrics: z.record(z.string(), z.number()),
  /** Allowed drop per metric before the eval fails (absolute, 0..1). */
  tolerances: z.record(z.string(), z.number()).default({}),
  defaultTolerance: z.number().default(0.02),
  cases: z.record(z.string(), z.object({ rank: z.number().nullable(), abstained: z.boolean(), factRecall: z.number().nullable() })),
});

export type Baseline = z.infer<typeof baselineSchema>;

export interface CaseChange {
  id: string;
  question: string;
  before: string;
  after: string;
}

export interface Comparison {
  regressions: Array<{ metric: string; baseline: number; now: number; tolerance: number }>;
  worse: CaseChange[];
  better: CaseChange[];
}

/** How good one case was, as a comparable score and a short description. */
function grade(c: { rank: number | null; abstained: boolean; factRecall: number | null }, expectAbstain: boolean): { score: number; text: string } {
  if (expectAbstain) return c.abstained ? { score: 2, text: 'abstained' } : { score: 0, text: 'answered (should abstain)' };
  if (c.abstained) return { score: 0, text: `abstained${c.rank ? ` (gold at ${c.rank})` : ''}` };
  const rank = c.rank ?? 99;
  const score = (rank <= 5 ? 1 / rank : 0) + (c.factRecall ?? 0);
  return { score, text: `rank ${c.rank ?? '–'}, facts ${c.factRecall === null ? '–' : Math.round(c.factRecall * 100) + '%'}` };
}

/** Compares a run with the committed baseline: metric drops beyond tolerance, and every case that got worse or better. */
export function compareWithBaseline(baseline: Baseline, metrics: Metrics, results: readonly CaseResult[]): Comparison {
  const regressions: Comparison['regressions'] = [];
  for (const metric of GATED_METRICS) {
    const before = baseline.metrics[metric];
    if (before === undefined) continue;
    const tolerance = baseline.tolerances[metric] ?? baseline.defaultTolerance;
    if (metrics[metric] < before - tolerance - 1e-9) regressions.push({ metric, baseline: before, now: metrics[metric], tolerance });
  }
  const worse: CaseChange[] = [];
  const better: CaseChange[] = [];
  for (const r of results) {
    const old = baseline.cases[r.id];
    if (!old || r.stale.length > 0) continue;
    const a = grade(old, r.expectAbstain);
    const b = grade(r, r.expectAbstain);
    if (Math.abs(a.score - b.score) < 1e-9) continue;
    (b.score < a.score ? worse : better).push({ id: r.id, question: r.question, before: a.text, after: b.text });
  }
  return { regressions, worse, better };
}

/** The baseline to commit for a run. */
export function toBaseline(metrics: Metrics, results: readonly CaseResult[], previous?: Baseline): Baseline {
  return {
    recordedAt: new Date().toISOString(),
    metrics: Object.fromEntries(GATED_METRICS.map((m) => [m, metrics[m]])),
    tolerances: previous?.tolerances ?? {},
    defaultTolerance: previous?.defaultTolerance ?? 0.02,
    cases: Object.fromEntries(results.filter((r) => r.stale.length === 0).map((r) => [r.id, { rank: r.rank, abstained: r.abstained, factRecall: r.factRecall }])),
  };
}
