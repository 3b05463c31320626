import { describe, expect, test } from 'vitest';
import { chooseThresholds, DECLINE_MARGIN } from '../../src/eval/choose-thresholds.js';

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
    // Above the out-of-corpus question at 0.2: 0.5 (wrong), 0.6 (wrong), 0.8, 0.9 (right): precision reaches 0.9 only from 0.8.
    const { high } = chooseThresholds([row(0.2, 0, true), row(0.5, 0), row(0.6, 0), row(0.8, 1), row(0.9, 1)]);
    expect(high).toBe(0.8);
  });

  test('no threshold reaches the precision: nothing is confident', () => {
    expect(chooseThresholds([row(0.9, 0, true), row(0.5, 1), row(0.95, 0)]).high).toBe(1);
  });
});
