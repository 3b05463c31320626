import { z } from 'zod';
import type { Metrics } from './metrics.js';
import type { CaseResult } from './run-eval.js';

/** Metrics that gate a change; latency is machine-dependent and only reported. */
export const GATED_METRICS = [
  'answeredCorrectly',
  'answeredCorrectlyHigh',
  'listCoverage',
  'wronglyDeclined',
  'outOfCorpusDeclined',
  'outOfCorpusConfident',
  'hit1',
  'hit3',
  'hit5',
  'mrr',
  'citationPrecision',
  'factRecall',
  'verifiedQuoteRate',
  'abstentionPrecision',
  'abstentionRecall',
] as const;

/** Metrics where lower is better. */
const LOWER_IS_BETTER = new Set<string>(['wronglyDeclined', 'outOfCorpusConfident']);

const caseRecordSchema = z.object({
  rank: z.number().nullable(),
  abstained: z.boolean(),
  factRecall: z.number().nullable(),
  answeredCorrectly: z.boolean().optional(),
  confidence: z.enum(['high', 'low']).optional(),
});

const goldPointSchema = z.object({ id: z.string(), docNumber: z.string(), label: z.string(), text: z.string() });
/** A gold point as stored once in `goldPoints`, keyed by its id. */
type StoredGoldPoint = Omit<z.infer<typeof goldPointSchema>, 'id'>;

/**
 * A baseline as stored: each gold point's text once (`goldPoints`, by point id), each case listing its points' ids, so
 * that a point many cases share is not written once per case. A baseline written before (`gold` with the points in full)
 * reads the same.
 */
const storedGold = (raw: unknown): unknown => {
  if (typeof raw !== 'object' || raw === null || !('goldPoints' in raw)) return raw;
  const { goldPoints, gold, ...rest } = raw as { goldPoints: Record<string, StoredGoldPoint>; gold?: Record<string, string[]> };
  return { ...rest, gold: Object.fromEntries(Object.entries(gold ?? {}).map(([caseId, ids]) => [caseId, ids.map((id) => ({ id, ...goldPoints[id]! }))])) };
};

/** The text of a baseline file: gold points stored once (see `storedGold`), two-space indented, one trailing newline. */
export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(storedBaseline(baseline), null, 2)}\n`;
}

/** The baseline as it is written: gold points stored once (see `storedGold`). */
function storedBaseline(baseline: Baseline): object {
  if (!baseline.gold) return baseline;
  const goldPoints: Record<string, StoredGoldPoint> = {};
  for (const points of Object.values(baseline.gold)) for (const { id, ...point } of points) goldPoints[id] = point;
  const gold = Object.fromEntries(Object.entries(baseline.gold).map(([caseId, points]) => [caseId, points.map((p) => p.id)]));
  const { gold: _full, cases, ...rest } = baseline;
  return { ...rest, goldPoints, gold, cases };
}

export const baselineSchema = z.preprocess(
  storedGold,
  z.object({
    recordedAt: z.string(),
    /** The question files (or suite) and retrieval mode the baseline was recorded with: a run of others is not gated against it. */
    questions: z.string().optional(),
    mode: z.string().optional(),
    /** The documents the baseline was recorded on: a later run tells a corpus change from a regression. */
    corpusHash: z.string().optional(),
    documents: z.array(z.object({ docNumber: z.string(), title: z.string(), date: z.string(), contentHash: z.string().optional() })).optional(),
    /** Each answerable case's gold point(s) then, with their text, to show what an edit changed. */
    gold: z.record(z.string(), z.array(goldPointSchema)).optional(),
    /** Metrics over all cases (the report's charts). */
    metrics: z.record(z.string(), z.number()),
    /** Metrics per split (`held-out`, `dev`): each gates separately. */
    groups: z.record(z.string(), z.record(z.string(), z.number())).default({}),
    /** Allowed drop per metric before the eval fails (absolute, 0..1). */
    tolerances: z.record(z.string(), z.number()).default({}),
    defaultTolerance: z.number().default(0.02),
    cases: z.record(z.string(), caseRecordSchema),
  }),
);

type CaseRecord = z.infer<typeof caseRecordSchema>;

export type Baseline = z.infer<typeof baselineSchema>;

export interface CaseChange {
  id: string;
  question: string;
  before: string;
  after: string;
}

export interface Comparison {
  regressions: Array<{ group: string; metric: string; baseline: number; now: number; tolerance: number }>;
  worse: CaseChange[];
  better: CaseChange[];
}

/** How good one case was, as a comparable score and a short description. */
function grade(c: CaseRecord, expectAbstain: boolean): { score: number; text: string } {
  if (expectAbstain) {
    if (c.abstained) return { score: 2, text: 'declined' };
    return c.confidence === 'low' ? { score: 1, text: 'low confidence' } : { score: 0, text: 'answered (should decline)' };
  }
  if (c.abstained) return { score: 0, text: `declined${c.rank ? ` (gold at ${c.rank})` : ''}` };
  const rank = c.rank ?? 99;
  // Answered from the right point weighs most; then rank and facts. Records from before the
  // answered-correctly metric carry no flag and are graded by rank alone.
  const correct = c.answeredCorrectly ?? rank === 1;
  const score = (correct ? 2 : 0) + (rank <= 5 ? 1 / rank : 0) + (c.factRecall ?? 0);
  return {
    score,
    text: `${correct ? 'correct' : 'wrong point'}${c.confidence === 'low' ? ' (low)' : ''}, rank ${c.rank ?? '–'}, facts ${c.factRecall === null ? '–' : `${Math.round(c.factRecall * 100)}%`}`,
  };
}

/**
 * Compares a run with the committed baseline: per group (split), metric changes beyond
 * tolerance in the wrong direction, and every case that got worse or better.
 */
export function compareWithBaseline(baseline: Baseline, groups: Record<string, Metrics>, results: readonly CaseResult[]): Comparison {
  const regressions: Comparison['regressions'] = [];
  for (const [group, recorded] of Object.entries(baseline.groups)) {
    const metrics = groups[group];
    if (!metrics) continue;
    for (const metric of GATED_METRICS) {
      const before = recorded[metric];
      if (before === undefined) continue;
      // Counts (out-of-corpus answered with confidence) allow no slack; shares use the tolerance.
      const tolerance = metric === 'outOfCorpusConfident' ? 0 : (baseline.tolerances[metric] ?? baseline.defaultTolerance);
      const now = metrics[metric];
      // A metric the run has no case for (no list question in the group) is not a regression.
      if (now === undefined) continue;
      const worse = LOWER_IS_BETTER.has(metric) ? now > before + tolerance + 1e-9 : now < before - tolerance - 1e-9;
      if (worse) regressions.push({ group, metric, baseline: before, now, tolerance });
    }
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

/** The gated metrics of a run; one the run has no case for (list coverage without a list question) is left out. */
const pick = (m: Metrics): Record<string, number> => Object.fromEntries(GATED_METRICS.flatMap((k) => (m[k] === undefined ? [] : [[k, m[k]]])));

/** The baseline to commit for a run: all-case metrics, per-group metrics, and each case's result. */
export function toBaseline(
  metrics: Metrics,
  results: readonly CaseResult[],
  previous?: Baseline,
  run: { questions?: string; mode?: string; groups?: Record<string, Metrics>; corpus?: Pick<Baseline, 'corpusHash' | 'documents' | 'gold'> } = {},
): Baseline {
  return {
    recordedAt: new Date().toISOString(),
    ...(run.questions ? { questions: run.questions } : {}),
    ...(run.mode ? { mode: run.mode } : {}),
    ...(run.corpus ?? {}),
    metrics: pick(metrics),
    groups: Object.fromEntries(Object.entries(run.groups ?? {}).map(([name, m]) => [name, pick(m)])),
    tolerances: previous?.tolerances ?? {},
    defaultTolerance: previous?.defaultTolerance ?? 0.02,
    cases: Object.fromEntries(
      results
        .filter((r) => r.stale.length === 0)
        .map((r) => [r.id, { rank: r.rank, abstained: r.abstained, factRecall: r.factRecall, answeredCorrectly: r.answeredCorrectly, ...(r.confidence ? { confidence: r.confidence } : {}) }]),
    ),
  };
}
