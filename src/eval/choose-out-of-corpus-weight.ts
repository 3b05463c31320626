import { chooseThresholds } from './choose-thresholds.js';
import { hashShare } from './load-suite.js';

/** The weights an out-of-corpus dev question may take in the fit, relative to the other rows of its class. */
export const OUT_OF_CORPUS_WEIGHTS = [1, 2, 3, 4, 6, 8] as const;
/**
 * What a confident mistake costs, counted in right answers given with low confidence: an answer
 * given with confidence about something the documents do not say (or from the wrong point)
 * misleads; a right answer hedged only makes staff read the passage. Issue #18: "a confident
 * answer without what was asked is worse".
 */
export const CONFIDENT_MISTAKE_COST = 5;

interface Row {
  c: { id: string; abstain: boolean };
  label: 0 | 1;
  neverHigh?: boolean;
}

/** One weight's out-of-fold result, summed over folds and repeats. */
export interface WeightTrial {
  weight: number;
  /** Answerable rows answered right with confidence, of `answerable`. */
  rightHigh: number;
  answerable: number;
  /** Out-of-corpus rows answered with confidence, of `outOfCorpus`. */
  outOfCorpusHigh: number;
  outOfCorpus: number;
  /** Answerable rows answered with confidence from a point that is not the gold one. */
  wrongHigh: number;
  /** Right answers hedged, plus CONFIDENT_MISTAKE_COST for each confident mistake. */
  cost: number;
}

/**
 * Chooses how much an out-of-corpus question weighs in the fit of the decision to answer, by
 * cross-validation within the dev split: for each weight, the model is fitted on four folds, its
 * high threshold chosen on them as calibration chooses it, and the fifth fold is scored; folds
 * are drawn by a hash of the case id, so the choice is reproducible. The weight with the lowest
 * cost wins (ties: the smaller weight). Out-of-corpus rows are few, and the threshold is set by
 * the highest-scoring of them, so a fit that pushes them down lets more right answers be high.
 */
export function chooseOutOfCorpusWeight<R extends Row>(
  rows: readonly R[],
  fitOn: (train: ReadonlyArray<R & { weight: number }>) => (row: R) => number,
  options: { folds?: number; repeats?: number; weights?: readonly number[] } = {},
): { weight: number; trials: WeightTrial[] } {
  const { folds = 5, repeats = 5, weights = OUT_OF_CORPUS_WEIGHTS } = options;
  const trials = weights.map((weight) => {
    const trial: WeightTrial = { weight, rightHigh: 0, answerable: 0, outOfCorpusHigh: 0, outOfCorpus: 0, wrongHigh: 0, cost: 0 };
    for (let repeat = 0; repeat < repeats; repeat++) {
      const fold = (r: R) => Math.floor(hashShare(`${r.c.id}:${repeat}`) * folds);
      for (let k = 0; k < folds; k++) {
        const train = rows.filter((r) => fold(r) !== k).map((r) => ({ ...r, weight: r.c.abstain ? weight : 1 }));
        const scored = rows.filter((r) => fold(r) === k);
        if (train.length === 0 || scored.length === 0) continue;
        const p = fitOn(train);
        const { high } = chooseThresholds(train.map((r) => ({ ...r, p: p(r) })));
        for (const r of scored) {
          const confident = !r.neverHigh && p(r) >= high;
          if (r.c.abstain) {
            trial.outOfCorpus++;
            if (confident) trial.outOfCorpusHigh++;
          } else {
            trial.answerable++;
            if (confident && r.label === 1) trial.rightHigh++;
            if (confident && r.label === 0) trial.wrongHigh++;
          }
        }
      }
    }
    trial.cost = trial.answerable - trial.rightHigh + CONFIDENT_MISTAKE_COST * (trial.outOfCorpusHigh + trial.wrongHigh);
    return trial;
  });
  const best = trials.reduce((a, b) => (b.cost < a.cost || (b.cost === a.cost && b.weight < a.weight) ? b : a));
  return { weight: best.weight, trials };
}
