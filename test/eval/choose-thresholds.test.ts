import { describe, expect, test } from 'vitest';
import { DECLINE_MARGIN, chooseThresholds } from '../../src/eval/choose-thresholds.js';

const row = (p: number, label: 0 | 1, abstain = false) => ({ p, label, c: { abstain } });

describe('chooseThresholds', () => {
  test('declines below half the lowest right answer; confident only above every out-of-corpus question', () => {
    const rows = [row(0.3, 1), row(0.6, 1), row(0.9, 1), row(0.95, 1), row(0.1, 0, true), row(0.7, 0, true), row(0.5, 0)];
    const { low, high } = chooseThresholds(rows);
    expect(low).toBe(0.3 * DECLINE_MARGIN);
    expect(high).toBe(0.9);
    // No dev question answered right is declined, no out-of-corpus one is confident.
    expect(rows.filter((r) => r.label === 1 && r.p < low)).toEqual([]);
    expect(rows.filter((r) => r.c.abstain && r.p >= high)).toEqual([]);
  });

  test('the high threshold also needs the answers above it to be right often enough', () => {
    // Above the out-of-corpus question at 0.2: 0.5 (wrong), 0.6 (wrong), 0.8, 0.9 (right): precision reaches HIGH_PRECISION only from 0.8.
    const { high } = chooseThresholds([row(0.2, 0, true), row(0.5, 0), row(0.6, 0), row(0.8, 1), row(0.9, 1)]);
    expect(high).toBe(0.8);
  });

  test('no threshold reaches the precision: nothing is confident', () => {
    expect(chooseThresholds([row(0.9, 0, true), row(0.5, 1), row(0.95, 0)]).high).toBe(1);
  });
});

describe('chooseThresholds: the out-of-corpus allowance and the slot rule', () => {
  const many = (n: number, p: number, label: 0 | 1, abstain = false) => Array.from({ length: n }, () => row(p, label, abstain));

  test('with 20 out-of-corpus questions, one may sit above the high threshold (5 %), two may not', () => {
    const rows = [...many(18, 0.2, 0, true), row(0.85, 0, true), row(0.7, 0, true), ...many(30, 0.8, 1), ...many(30, 0.9, 1)];
    expect(chooseThresholds(rows).high).toBe(0.8); // above 0.7, the second-highest out-of-corpus question
    const two = [...many(18, 0.2, 0, true), row(0.85, 0, true), row(0.82, 0, true), ...many(30, 0.8, 1), ...many(30, 0.9, 1)];
    // Two above 0.8: the threshold rises until only one is at or above it.
    expect(chooseThresholds(two).high).toBe(0.85);
    expect(two.filter((r) => r.c.abstain && r.p >= 0.85)).toHaveLength(1);
  });

  test('rows the slot rule keeps from high take no part in choosing it', () => {
    const neverHigh = { ...row(0.95, 0, true), neverHigh: true };
    const rows = [...many(19, 0.1, 0, true), neverHigh, ...many(20, 0.6, 1)];
    expect(chooseThresholds(rows).high).toBe(0.6);
    // Without the rule the same question pins the threshold above every right answer.
    expect(chooseThresholds([...many(19, 0.1, 0, true), row(0.95, 0, true), row(0.96, 0, true), ...many(20, 0.6, 1)]).high).toBe(1);
  });
});
