import { z } from 'zod';
import { DataError } from '../core/errors.js';
import type { RetrievalSignals } from '../core/types.js';

/** What the decision to answer looks at, all computed from the best-ranked point: the signals less the decision itself. */
export type DecisionSignals = Omit<RetrievalSignals, 'p' | 'tier'>;

export type Tier = 'high' | 'low' | 'decline';

const logisticSchema = z.object({
  features: z.array(z.enum(['sentence', 'point', 'coverage', 'unknown', 'margin', 'slot', 'focus'])).min(1),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
});

const modelSchema = z.object({
  /**
   * Whether the documents cover the question's topic at all: a model over the same signals less
   * the slot, fitted on the same rows. Declining looks at it; absent, the model itself decides.
   */
  topic: logisticSchema.optional(),
  features: z.array(z.enum(['sentence', 'point', 'coverage', 'unknown', 'margin', 'slot', 'focus'])).min(1),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
  /** p ≥ high: answer; low ≤ p < high: offer the nearest sentence as possibly relevant; below: decline. */
  thresholds: z.object({
    low: z.number(),
    high: z.number(),
    /**
     * The least share of the question's words (coverage) a confident answer's point must hold:
     * below it the answer is low whatever the probability. Chosen on dev by `npm run calibrate`.
     */
    minCoverage: z.number().min(0).max(1).optional(),
    /**
     * The high threshold for a translated question (English searched in Chinese terms), never
     * below `high`: chosen by `npm run calibrate` on the dev split's translated questions alone, to
     * the same precision as `high`. The model is fitted almost wholly on Chinese questions, and a
     * translation that lost or bent a word leaves signals as strong as a Chinese question's while
     * the point misses what was asked. Absent: translated questions use `high`.
     */
    translatedHigh: z.number().optional(),
  }),
});

/** A logistic model over the signals, fitted by `npm run calibrate` on the dev split. */
export type DecisionModel = z.infer<typeof modelSchema>;

/** The file `npm run calibrate` writes: one model per retrieval mode, with how it was fitted. */
export const decisionFileSchema = z.object({
  fittedAt: z.string(),
  embeddingModel: z.string(),
  /** Cases the models were fitted on (the dev split only). */
  fittedOn: z.string(),
  /** Fusion weights chosen on the dev split (see RetrievalTuning). */
  fusion: z.object({ lexicalShare: z.number().min(0).max(1), sentenceWeight: z.number().min(0).max(1) }),
  models: z.object({ hybrid: modelSchema, lexical: modelSchema }),
  /** What the fit measured on the dev split, for the record. */
  dev: z.record(z.string(), z.unknown()).optional(),
});

export type DecisionFile = z.infer<typeof decisionFileSchema>;

/** Parses a decision file, failing with the command that writes one. */
export function parseDecisionFile(raw: unknown): DecisionFile {
  const parsed = decisionFileSchema.safeParse(raw);
  if (!parsed.success) throw new DataError(`decision model unreadable (${parsed.error.issues[0]?.message}).`, 'npm run calibrate');
  for (const m of Object.values(parsed.data.models)) {
    const n = m.features.length;
    if (m.mean.length !== n || m.scale.length !== n || m.weights.length !== n) throw new DataError('decision model: features, mean, scale and weights differ in length.', 'npm run calibrate');
  }
  return parsed.data;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The model's probability that the first point answers the question. */
export function answerProbability(model: Omit<DecisionModel, 'thresholds' | 'topic'>, signals: DecisionSignals): number {
  let z = model.bias;
  model.features.forEach((f, i) => {
    const x = signals[f] ?? model.mean[i]!;
    z += model.weights[i]! * ((x - model.mean[i]!) / model.scale[i]!);
  });
  return sigmoid(z);
}

/**
 * The probability that the documents cover the question's topic: the topic model (the signals
 * less the slot). Declining looks at this; whether the point holds the figure or date asked decides
 * between high and low (and `missing`), not whether to decline.
 */
export function topicProbability(model: DecisionModel, signals: DecisionSignals): number {
  return answerProbability(model.topic ?? model, signals);
}

/** The high threshold a question must reach: a translated question's own when calibrated, never below the model's. */
export function highThreshold(model: DecisionModel, translated = false): number {
  const { high, translatedHigh } = model.thresholds;
  return translated && translatedHigh !== undefined ? Math.max(high, translatedHigh) : high;
}

/**
 * The tier: declined when the topic is not covered (`pTopic` below low), high when p reaches the
 * high threshold (a translated question's own, see `highThreshold`).
 */
export function tierOf(model: DecisionModel, p: number, pTopic = p, coverage = 1, translated = false): Tier {
  if (pTopic < model.thresholds.low) return 'decline';
  return p >= highThreshold(model, translated) && coverage >= (model.thresholds.minCoverage ?? 0) ? 'high' : 'low';
}

/**
 * The direction each signal may push the probability that the point answers: a closer sentence or
 * point, more of the question's words matched (in the point or in one sentence), a wider margin
 * and the asked slot held can only raise it; words unknown to the corpus can only lower it.
 * Without this the fit may use two correlated signals against each other (coverage up, focus down)
 * and answer with confidence a question whose words the point barely holds.
 */
const SIGNS: Record<DecisionModel['features'][number], 1 | -1> = { sentence: 1, point: 1, coverage: 1, focus: 1, margin: 1, slot: 1, unknown: -1 };

/**
 * Fits a logistic regression (standardised features, L2 penalty, full-batch gradient descent,
 * each weight kept to its signal's sign):
 * small and deterministic, so a calibration run always gives the same model for the same data.
 * Classes are weighted to balance (the dev split has far more answerable questions than not), so
 * that the probability is not pulled toward answering by the class sizes alone. A row's own
 * `weight` (default 1) multiplies its class weight: calibration weighs out-of-corpus questions,
 * the costliest mistakes of the high tier, above the other negatives.
 */
export function fitLogistic(
  features: DecisionModel['features'],
  rows: ReadonlyArray<{ signals: DecisionSignals; label: 0 | 1; weight?: number }>,
  options: { l2?: number; steps?: number; rate?: number } = {},
): Omit<DecisionModel, 'thresholds'> {
  const { l2 = 0.01, steps = 4000, rate = 0.5 } = options;
  const sign = features.map((f) => SIGNS[f]);
  const raw = rows.map((r) => features.map((f) => r.signals[f] ?? 0));
  const mean = features.map((_, j) => raw.reduce((s, x) => s + x[j]!, 0) / raw.length);
  const scale = features.map((_, j) => Math.sqrt(raw.reduce((s, x) => s + (x[j]! - mean[j]!) ** 2, 0) / raw.length) || 1);
  const X = raw.map((x) => x.map((v, j) => (v - mean[j]!) / scale[j]!));
  const y = rows.map((r) => r.label);
  const positives = y.filter((v) => v === 1).length;
  const classWeight = (label: number) => (positives === 0 || positives === y.length ? 1 : y.length / (2 * (label === 1 ? positives : y.length - positives)));
  const sampleWeight = rows.map((r, i) => classWeight(y[i]!) * (r.weight ?? 1));
  const w = features.map(() => 0);
  let b = 0;
  for (let step = 0; step < steps; step++) {
    const gw = w.map(() => 0);
    let gb = 0;
    X.forEach((x, i) => {
      const err = (sigmoid(b + x.reduce((s, v, j) => s + v * w[j]!, 0)) - y[i]!) * sampleWeight[i]!;
      x.forEach((v, j) => (gw[j]! += err * v));
      gb += err;
    });
    w.forEach((_, j) => {
      w[j]! -= rate * (gw[j]! / X.length + l2 * w[j]!);
      // Projected onto the sign the signal must have: more of the question matched never lowers the probability.
      if (w[j]! * sign[j]! < 0) w[j] = 0;
    });
    b -= rate * (gb / X.length);
  }
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return { features, mean: mean.map(round), scale: scale.map(round), weights: w.map(round), bias: round(b) };
}
