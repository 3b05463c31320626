import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EvalCaseError, parseEvalCases } from '../../src/eval/eval-case.js';
import { runCase } from '../../src/eval/run-eval.js';
import { seedPipeline } from '../support/seed-pipeline.js';

const GOLD = [{ doc: '沪卫医〔2023〕32号', anchor: '重症床位和可转换重症床位要达到总床位数的 20%' }];
const good = (fields: Record<string, unknown> = {}) => JSON.stringify({ id: 'ok', question: '重症床位要占总床位的多少？', kind: 'number', gold: GOLD, facts: ['20%'], ...fields });

/** The error a file fails with, so a test can assert on its file, line and message together. */
function failure(text: string): EvalCaseError {
  try {
    parseEvalCases(text, 'private/set.jsonl');
  } catch (error) {
    if (error instanceof EvalCaseError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('parseEvalCases rejects malformed cases with the file and line', () => {
  test.each([
    ['bad JSON', `${good()}\n{"id": "x", "question": `, 2, /not valid JSON/],
    ['missing question', `${good()}\n\n${JSON.stringify({ id: 'q', kind: 'number', gold: GOLD })}`, 3, /question/],
    ['empty question', JSON.stringify({ id: 'q', question: '', kind: 'number', gold: GOLD }), 1, /question/],
    ['unknown kind', good({ kind: 'trivia' }), 1, /kind/],
    ['abstain with gold', good({ id: 'ooc', abstain: true }), 1, /an abstain case has no gold passages/],
    ['answerable without gold', good({ gold: [] }), 1, /needs at least one gold passage/],
    ['anchor too short', good({ gold: [{ doc: '沪卫医〔2023〕32号', anchor: '20%' }] }), 1, /gold\.0\.anchor/],
    ['follow-up without history', good({ id: 'fu', kind: 'follow-up' }), 1, /a follow-up case needs history/],
    ['follow-up with empty history', good({ id: 'fu', kind: 'follow-up', history: [] }), 1, /a follow-up case needs history/],
    ['duplicate id', `${good({ id: 'a' })}\n${good({ id: 'b' })}\r\n${good({ id: 'a' })}`, 3, /duplicate id a/],
  ])('%s', (_name, text, line, message) => {
    const error = failure(text);
    expect(error.file).toBe('private/set.jsonl');
    expect(error.line).toBe(line);
    expect(error.message).toMatch(new RegExp(`^private/set\\.jsonl:${line}: `));
    expect(error.message).toMatch(message);
  });

  test('a well-formed file parses, with defaults filled in', () => {
    const [c] = parseEvalCases(`\n${good()}\n`, 'x.jsonl');
    expect(c).toMatchObject({ id: 'ok', tags: [], abstain: false, facts: ['20%'] });
  });
});

describe('private question sets (--questions)', () => {
  test('fields the runner does not know are kept in the case result', async () => {
    const text = [
      good({ id: 'p1', owner: '医政处', ticket: 4711, notes: { source: 'hotline' } }),
      JSON.stringify({ id: 'p2', question: '北京市2023年医政医管工作要点的重点任务有哪些？', kind: 'out-of-corpus', abstain: true, owner: '信息中心' }),
      JSON.stringify({ id: 'p3', question: '那第二十条呢？', kind: 'follow-up', history: [{ question: '沪卫医〔2023〕32号第5条讲了什么？' }], gold: GOLD, reviewed: false }),
    ].join('\n');
    const cases = parseEvalCases(text, 'private.jsonl');
    const { answerer, corpus } = await seedPipeline();
    const results = [];
    for (const c of cases) results.push(await runCase(c, answerer, corpus));
    expect(results.map((r) => r.extra)).toEqual([{ owner: '医政处', ticket: 4711, notes: { source: 'hotline' } }, { owner: '信息中心' }, { reviewed: false }]);
    // The set is really run: the answerable case finds its gold, the out-of-corpus one abstains.
    expect(results[0]).toMatchObject({ rank: 1, factRecall: 1, stale: [] });
    expect(results[1]).toMatchObject({ abstained: true, expectAbstain: true });
  });
});

describe('the committed suite (evals/cases.jsonl)', () => {
  const cases = parseEvalCases(readFileSync(join(import.meta.dirname, '../../evals/cases.jsonl'), 'utf8'), 'evals/cases.jsonl');

  test('has the size and spread the issue asks for', () => {
    const count = (kind: string) => cases.filter((c) => c.kind === kind).length;
    expect(cases.length).toBeGreaterThanOrEqual(120);
    expect(count('out-of-corpus')).toBeGreaterThanOrEqual(15);
    expect(count('follow-up')).toBeGreaterThanOrEqual(15);
  });
  // Whether the anchors are still found in today's seeds/ is the eval's question, not npm test's:
  // `npm run eval` lists stale cases and fails on them, with what changed in the documents.
});
