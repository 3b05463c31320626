import { describe, expect, test } from 'vitest';
import calibration from '../../src/retrieval/data/retrieval-calibration.json' with { type: 'json' };
import { answerProbability, fitLogistic, highThreshold, parseDecisionFile, tierOf, topicProbability, type DecisionSignals } from '../../src/retrieval/decision-model.js';

/** A deterministic data set: answerable when the sentence cosine and coverage are high. */
function rows(n: number): Array<{ signals: DecisionSignals; label: 0 | 1 }> {
  return Array.from({ length: n }, (_, i) => {
    const sentence = 0.4 + ((i * 37) % 50) / 100;
    const coverage = ((i * 53) % 100) / 100;
    return { signals: { sentence, coverage, unknown: 0, margin: 0.2 }, label: sentence + 0.5 * coverage > 0.95 ? 1 : 0 };
  });
}

describe('decision model', () => {
  test('a fitted model orders questions by how well their best point matches', () => {
    const fitted = fitLogistic(['sentence', 'coverage'], rows(120));
    const model = { ...fitted, thresholds: { low: 0.2, high: 0.8 } };
    const good = answerProbability(model, { sentence: 0.85, coverage: 0.9, unknown: 0, margin: 0.3 });
    const grey = answerProbability(model, { sentence: 0.62, coverage: 0.55, unknown: 0, margin: 0.1 });
    const bad = answerProbability(model, { sentence: 0.42, coverage: 0.05, unknown: 0.8, margin: 0.01 });
    expect(good).toBeGreaterThan(grey);
    expect(grey).toBeGreaterThan(bad);
    expect(tierOf(model, good)).toBe('high');
    expect(tierOf(model, bad)).toBe('decline');
    expect(fitted.weights.every((w) => w > 0)).toBe(true);
  });

  test("weights keep their signal's sign, even when two correlated signals could be played against each other", () => {
    // coverage and focus move together; a few rows where focus is high and the point is wrong
    // would, unconstrained, give focus a negative weight.
    const data = Array.from({ length: 120 }, (_, i) => {
      const coverage = ((i * 37) % 100) / 100;
      const focus = i % 10 === 0 ? 1 - coverage : coverage;
      return { signals: { coverage, focus, unknown: ((i * 13) % 10) / 20, margin: 0.2 }, label: (i % 10 === 0 ? 0 : coverage > 0.4 ? 1 : 0) as 0 | 1 };
    });
    const fitted = fitLogistic(['coverage', 'focus', 'unknown'], data);
    expect(fitted.weights[0]).toBeGreaterThan(0);
    expect(fitted.weights[1]).toBeGreaterThanOrEqual(0);
    expect(fitted.weights[2]).toBeLessThanOrEqual(0);
  });

  test('fitting is deterministic', () => expect(fitLogistic(['sentence', 'coverage'], rows(60))).toEqual(fitLogistic(['sentence', 'coverage'], rows(60))));

  test('below the coverage floor an answer is never high, whatever its probability', () => {
    const model = { features: ['coverage' as const], mean: [0], scale: [1], weights: [1], bias: 0, thresholds: { low: 0.3, high: 0.7, minCoverage: 0.1 } };
    expect(tierOf(model, 0.99, 0.99, 0.09)).toBe('low');
    expect(tierOf(model, 0.99, 0.99, 0.1)).toBe('high');
    expect(tierOf(model, 0.2, 0.2, 0.05)).toBe('decline');
  });

  test("a translated question is decided against its own high threshold; a Chinese one against the model's", () => {
    const model = { features: ['coverage' as const], mean: [0], scale: [1], weights: [1], bias: 0, thresholds: { low: 0.3, high: 0.7, translatedHigh: 0.85 } };
    // Fires: between the two thresholds a translated question is low, at its own threshold high.
    expect(tierOf(model, 0.8, 0.8, 1, true)).toBe('low');
    expect(tierOf(model, 0.85, 0.85, 1, true)).toBe('high');
    expect(highThreshold(model, true)).toBe(0.85);
    // Must not fire: the same probability asked in Chinese is high; declining is unchanged.
    expect(tierOf(model, 0.8, 0.8, 1, false)).toBe('high');
    expect(tierOf(model, 0.8)).toBe('high');
    expect(tierOf(model, 0.2, 0.2, 1, true)).toBe('decline');
    // Never below the model's own threshold, and without one a translated question uses high.
    const below = { ...model, thresholds: { low: 0.3, high: 0.7, translatedHigh: 0.5 } };
    expect(tierOf(below, 0.6, 0.6, 1, true)).toBe('low');
    expect(highThreshold(below, true)).toBe(0.7);
    const none = { ...model, thresholds: { low: 0.3, high: 0.7 } };
    expect(tierOf(none, 0.7, 0.7, 1, true)).toBe('high');
  });

  test('tiers follow the thresholds, at the boundaries too', () => {
    const model = { features: ['coverage' as const], mean: [0], scale: [1], weights: [1], bias: 0, thresholds: { low: 0.3, high: 0.7 } };
    expect(tierOf(model, 0.7)).toBe('high');
    expect(tierOf(model, 0.6999)).toBe('low');
    expect(tierOf(model, 0.3)).toBe('low');
    expect(tierOf(model, 0.2999)).toBe('decline');
  });

  test('declining looks at the topic; a missing figure only keeps an answer from high', () => {
    const topic = { features: ['coverage' as const], mean: [0], scale: [1], weights: [1], bias: 1 };
    const model = { features: ['coverage' as const, 'slot' as const], mean: [0, 0], scale: [1, 1], weights: [1, 3], bias: -2, thresholds: { low: 0.3, high: 0.7 }, topic };
    // On topic, the point holds what was asked: high.
    const holds = { coverage: 1, slot: 1, unknown: 0, margin: 0 };
    expect(tierOf(model, answerProbability(model, holds), topicProbability(model, holds))).toBe('high');
    // On topic, no figure of the kind asked: p falls below low, but the topic is covered: low, not declined.
    const lacks = { coverage: 1, slot: 0, unknown: 0, margin: 0 };
    expect(answerProbability(model, lacks)).toBeLessThan(0.3);
    expect(topicProbability(model, lacks)).toBe(answerProbability(topic, lacks));
    expect(topicProbability(model, lacks)).toBeGreaterThan(0.3);
    expect(tierOf(model, answerProbability(model, lacks), topicProbability(model, lacks))).toBe('low');
    // Off topic: declined whatever the slot says.
    const off = { coverage: -2.5, slot: 1, unknown: 0, margin: 0 };
    expect(tierOf(model, answerProbability(model, off), topicProbability(model, off))).toBe('decline');
  });

  test('the committed calibration parses, was fitted on the dev split, and orders its thresholds', () => {
    const file = parseDecisionFile(calibration);
    expect(file.fittedOn).toMatch(/dev split/);
    for (const m of Object.values(file.models)) expect(m.thresholds.low).toBeLessThanOrEqual(m.thresholds.high);
  });

  test('a malformed file is refused with the command that writes one', () => {
    expect(() => parseDecisionFile({ models: {} })).toThrow(/npm run calibrate/);
    const broken = structuredClone(calibration) as { models: { lexical: { weights: number[] } } };
    broken.models.lexical.weights = [1];
    expect(() => parseDecisionFile(broken)).toThrow(/npm run calibrate/);
  });
});
