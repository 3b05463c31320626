import { describe, expect, test } from 'vitest';
import { CONFIDENT_MISTAKE_COST, chooseOutOfCorpusWeight } from '../../src/eval/choose-out-of-corpus-weight.js';
import { answerProbability, fitLogistic, type DecisionSignals } from '../../src/retrieval/decision-model.js';

interface Row {
  c: { id: string; abstain: boolean };
  label: 0 | 1;
  signals: DecisionSignals;
}

/**
 * A dev split in miniature: answerable questions whose point covers the topic (coverage) and
 * stands out (margin), and out-of-corpus questions whose nearest point stands out as well but
 * covers less of the topic; a few answerable ones retrieve the wrong point.
 */
function rows(): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < 120; i++)
    out.push({ c: { id: `a${i}`, abstain: false }, label: i % 12 === 0 ? 0 : 1, signals: { coverage: 0.35 + ((i * 37) % 60) / 100, margin: ((i * 53) % 100) / 100, unknown: 0 } });
  for (let i = 0; i < 40; i++) out.push({ c: { id: `o${i}`, abstain: true }, label: 0, signals: { coverage: ((i * 29) % 55) / 100, margin: 0.5 + ((i * 31) % 50) / 100, unknown: 0 } });
  return out;
}

const fit = (train: ReadonlyArray<Row & { weight: number }>) => {
  const model = { ...fitLogistic(['coverage', 'margin'], train, { steps: 800 }), thresholds: { low: 0, high: 0 } };
  return (r: Row) => answerProbability(model, r.signals);
};

describe('chooseOutOfCorpusWeight', () => {
  test('scores every weight out of fold: each row once per repeat, and the cost as documented', () => {
    const { trials } = chooseOutOfCorpusWeight(rows(), fit, { repeats: 2, weights: [1, 4] });
    for (const t of trials) {
      expect(t.answerable).toBe(120 * 2);
      expect(t.outOfCorpus).toBe(40 * 2);
      expect(t.cost).toBe(t.answerable - t.rightHigh + CONFIDENT_MISTAKE_COST * (t.outOfCorpusHigh + t.wrongHigh));
    }
  });

  test('picks the weight of lowest cost, and is reproducible', () => {
    const a = chooseOutOfCorpusWeight(rows(), fit, { repeats: 2 });
    expect(a.trials.every((t) => t.cost >= a.trials.find((x) => x.weight === a.weight)!.cost)).toBe(true);
    expect(chooseOutOfCorpusWeight(rows(), fit, { repeats: 2 })).toEqual(a);
  });

  test('with a fit that ignores the weight, every weight ties and the smallest wins', () => {
    const blind = () => (r: Row) => r.signals.coverage ?? 0;
    const { weight, trials } = chooseOutOfCorpusWeight(rows(), blind, { repeats: 1, weights: [3, 1, 2] });
    expect(new Set(trials.map((t) => t.cost)).size).toBe(1);
    expect(weight).toBe(1);
  });

  test('a row weight moves the fit: out-of-corpus rows weighed more score lower', () => {
    const data = rows();
    const mean = (w: number) => {
      const model = {
        ...fitLogistic(
          ['coverage', 'margin'],
          data.map((r) => ({ ...r, weight: r.c.abstain ? w : 1 })),
          { steps: 800 },
        ),
        thresholds: { low: 0, high: 0 },
      };
      const ooc = data.filter((r) => r.c.abstain);
      return ooc.reduce((s, r) => s + answerProbability(model, r.signals), 0) / ooc.length;
    };
    expect(mean(4)).toBeLessThan(mean(1) - 0.05);
  });
});
