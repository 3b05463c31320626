import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { computeMetrics } from '../../src/eval/metrics.js';
import { hashShare, loadSuite, splitOf, suiteSchema } from '../../src/eval/load-suite.js';
import type { CaseResult } from '../../src/eval/run-eval.js';
import { caseResult } from '../support/case-result.js';

const read = (p: string) => readFileSync(p, 'utf8');
const suite = suiteSchema.parse(JSON.parse(read('evals/suite.json')));

describe('the eval suite and its splits', () => {
  const cases = loadSuite(suite, read);

  test('at least 40 % held out, paraphrase-hard wholly, every set in both splits where shared', () => {
    const held = cases.filter((c) => c.split === 'held-out');
    expect(held.length / cases.length).toBeGreaterThanOrEqual(0.4);
    expect(cases.filter((c) => c.set === 'hard-paraphrase').every((c) => c.split === 'held-out')).toBe(true);
    for (const set of ['ordinary', 'colloquial']) {
      expect(new Set(cases.filter((c) => c.set === set).map((c) => c.split))).toEqual(new Set(['dev', 'held-out']));
    }
  });

  test('a case keeps its split when others are added (a hash of its own id)', () => {
    expect(splitOf('yz23-icu-bed-ratio', 0.4)).toBe(splitOf('yz23-icu-bed-ratio', 0.4));
    expect(hashShare('a')).not.toBe(hashShare('b'));
    const extra = '{"id":"new-case","question":"新问题？","kind":"number","gold":[{"doc":"x","anchor":"abcd"}]}\n';
    const more = loadSuite({ sets: [...suite.sets, { name: 'extra', path: 'extra.jsonl', heldOutShare: 0.5 }] }, (p) => (p === 'extra.jsonl' ? extra : read(p)));
    expect(more.slice(0, cases.length).map((c) => c.split)).toEqual(cases.map((c) => c.split));
  });

  test('an id in two files is refused', () => {
    expect(() => loadSuite({ sets: [suite.sets[0]!, { ...suite.sets[0]!, name: 'again' }] }, read)).toThrow(/also used in/);
  });
});

describe('answered correctly counts refusals as misses', () => {
  const r = (over: Partial<CaseResult>): CaseResult => caseResult({ id: Math.random().toString(), ...over });

  test('a declined answerable question with the gold point ranked first is not correct', () => {
    const m = computeMetrics([r({ abstained: true, rank: 1 }), r({ answeredCorrectly: true, confidence: 'high' })]);
    expect(m.hit1).toBe(1);
    expect(m.answeredCorrectly).toBe(0.5);
    expect(m.wronglyDeclined).toBe(0.5);
  });

  test('out-of-corpus: declined or low confidence is handled; high confidence is counted', () => {
    const m = computeMetrics([
      r({ expectAbstain: true, abstained: true, rank: null }),
      r({ expectAbstain: true, confidence: 'low', rank: null }),
      r({ expectAbstain: true, confidence: 'high', rank: null }),
    ]);
    expect(m.outOfCorpusDeclined).toBeCloseTo(2 / 3, 3);
    expect(m.outOfCorpusConfident).toBe(1);
  });
});
