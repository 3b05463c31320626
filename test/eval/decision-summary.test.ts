import { describe, expect, test } from 'vitest';
import { decisionSummary, formatDecisionSummary } from '../../src/eval/decision-summary.js';
import type { CaseResult } from '../../src/eval/run-eval.js';

const r = (over: Partial<CaseResult>): CaseResult =>
  ({ id: String(Math.random()), kind: 'number', tags: [], question: 'q', expectAbstain: false, abstained: false, answeredCorrectly: false, rank: null, stale: [], ...over }) as CaseResult;

describe('decisionSummary', () => {
  test('precision per tier and answering recall', () => {
    const s = decisionSummary([
      r({ confidence: 'high', answeredCorrectly: true }),
      r({ confidence: 'high', answeredCorrectly: false }),
      r({ confidence: 'low', answeredCorrectly: true }),
      r({ expectAbstain: true, confidence: 'low' }),
      r({ abstained: true }),
      r({ expectAbstain: true, abstained: true }),
      r({ abstained: true, stale: ['gone'] }),
    ]);
    expect(s.high).toEqual({ n: 2, precision: 0.5 });
    expect(s.low).toEqual({ n: 2, precision: 0.5 });
    expect(s.declined).toEqual({ n: 2, precision: 0.5 });
    expect(s.recall).toBe(0.75);
    expect(formatDecisionSummary('dev', s)).toMatch(/^dev +high +2 \(P 0\.500\)/);
  });
  test('empty tiers read as precision 1, not NaN', () => expect(decisionSummary([]).high).toEqual({ n: 0, precision: 1 }));
});
