import { describe, expect, test } from 'vitest';
import { cell, formatMetricsTable, HEADLINE_COLUMNS } from '../../src/eval/format-table.js';
import { computeMetrics } from '../../src/eval/metrics.js';
import type { CaseResult } from '../../src/eval/run-eval.js';
import { caseResult } from '../support/case-result.js';

const result = (id: string, expectAbstain: boolean, abstained: boolean): CaseResult =>
  caseResult({
    id,
    kind: expectAbstain ? 'out-of-corpus' : 'number',
    expectAbstain,
    abstained,
    answeredCorrectly: !expectAbstain && !abstained,
    rank: expectAbstain ? null : 1,
    intent: 'figure',
    factRecall: expectAbstain ? null : 1,
  });

describe('metrics tables', () => {
  test('a row without out-of-corpus cases shows – for ooc-decl and ooc-high, not a value; one with them shows the value', () => {
    const answerableOnly = computeMetrics([result('a', false, false)]);
    const mixed = computeMetrics([result('a', false, false), result('o', true, true)]);
    expect([cell(answerableOnly, 'outOfCorpusDeclined'), cell(answerableOnly, 'outOfCorpusConfident')]).toEqual(['–', '–']);
    expect([cell(mixed, 'outOfCorpusDeclined'), cell(mixed, 'outOfCorpusConfident')]).toEqual(['1', '0']);
    // A row of out-of-corpus questions only has no answer metrics.
    const oocOnly = computeMetrics([result('o', true, true)]);
    expect([cell(oocOnly, 'answeredCorrectly'), cell(oocOnly, 'hit1'), cell(oocOnly, 'outOfCorpusDeclined')]).toEqual(['–', '–', '1']);
    const table = formatMetricsTable([['ordinary', answerableOnly]], HEADLINE_COLUMNS, 'split/set').split('\n')[2]!;
    // n, answerable, correct, correct-hi (not high: 0), wrong-decl, ooc-decl, ooc-high, list-cov (no list question), hit@1, hit@5, MRR.
    expect(table.trim().split(/\s+/)).toEqual(['ordinary', '1', '1', '1', '0', '0', '–', '–', '–', '1', '1', '1']);
  });
});
