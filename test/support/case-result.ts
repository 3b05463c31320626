import type { CaseResult } from '../../src/eval/run-eval.js';

/** An eval case's result with nothing retrieved or cited, for metric and table tests; `over` sets what a test is about. */
export function caseResult(over: Partial<CaseResult> & Pick<CaseResult, 'id'>): CaseResult {
  return {
    kind: 'number',
    tags: [],
    question: over.id,
    expectAbstain: false,
    abstained: false,
    answeredCorrectly: false,
    rank: 1,
    retrievedPointIds: [],
    citedPointIds: [],
    citedIds: [],
    citationPrecision: null,
    factRecall: null,
    claims: 0,
    verifiedClaims: 0,
    answerChars: 0,
    unverified: [],
    latencyMs: 1,
    stale: [],
    answer: '',
    mode: 'extractive',
    goldPointIds: [],
    extra: {},
    ...over,
  } as CaseResult;
}
