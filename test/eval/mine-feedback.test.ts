import { execFile } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseEvalCases } from '../../src/eval/eval-case.js';
import { distinctiveAnchor, mineFeedback } from '../../src/eval/mine-feedback.js';
import { loose, resolveGold } from '../../src/eval/resolve-gold.js';
import { runCase } from '../../src/eval/run-eval.js';
import type { FeedbackRecord } from '../../src/core/feedback.js';
import { JsonlFeedbackStore } from '../../src/store/jsonl-feedback-store.node.js';
import { seedCorpus, seedPipeline } from '../support/seed-pipeline.js';

const ROOT = join(import.meta.dirname, '../..');
const ICU = '2023-shanghai-medical-administration-priorities#1.5';
const SUITE_QUESTION = '市级定点医院和区域性医疗中心，重症床位连同能转换成重症的床位，一共要占到总床位的多少？';
/** A question of another suite file (paraphrase-hard.jsonl), not of cases.jsonl. */
const HARD_QUESTION = '疫情时候组起来的那批ICU专家班子现在解散了吗？对区里医院和街道卫生中心还管不管培训？';

let n = 0;
const record = (fields: Partial<FeedbackRecord>): FeedbackRecord => ({ id: `fb-${++n}`, receivedAt: '2024-05-01T08:00:00.000Z', answerId: `a-${n}`, rating: 'down', ...fields });

describe('distinctiveAnchor', () => {
  test('for every passage of the real corpus: a verbatim span that finds that point and no other', () => {
    const corpus = seedCorpus();
    const wrong: string[] = [];
    for (const p of corpus.passages) {
      const anchor = distinctiveAnchor(p, corpus, '这一条讲了什么？');
      const holders = new Set(corpus.passages.filter((q) => loose(q.text).includes(loose(anchor))).map((q) => q.pointId));
      if (!p.text.includes(anchor) || holders.size !== 1 || !holders.has(p.pointId) || [...anchor].length < 4) wrong.push(`${p.id}: ${anchor}`);
    }
    expect(wrong).toEqual([]);
  });

  test('prefers the part of the passage the question is about', () => {
    const corpus = seedCorpus();
    const anchor = distinctiveAnchor(corpus.passage(ICU)!, corpus, '需要时多长时间内重症监护资源要增加一倍？');
    expect(anchor).toContain('增加一倍');
  });
});

describe('mineFeedback', () => {
  test('a 👎 naming the expected passage becomes a schema-valid case whose gold resolves to that passage', async () => {
    const corpus = seedCorpus();
    const { candidates, counts } = mineFeedback([record({ question: '重症监护资源要在多长时间里翻倍？', expectedPassageId: ICU, comment: '应引用第5条' })], { corpus, knownQuestions: [] });
    expect(counts).toMatchObject({ records: 1, down: 1, withExpectedPassage: 1, candidates: 1 });
    const [c] = candidates;
    expect(c).toMatchObject({ question: '重症监护资源要在多长时间里翻倍？', kind: 'paraphrase', facts: [], abstain: false, gold: [{ doc: '沪卫医〔2023〕32号', id: ICU }] });
    expect(c!.tags).toEqual(expect.arrayContaining(['mined', 'needs-review']));
    expect((c as Record<string, unknown>).feedback).toMatchObject({ comment: '应引用第5条', label: '第一部分第5条' });
    // It reads back through the suite's own parser, and the runner finds its gold.
    const [parsed] = parseEvalCases(JSON.stringify(c), 'candidates.jsonl');
    expect(resolveGold(parsed!, corpus)).toEqual({ pointIds: [[ICU]], missing: [], moved: [], tolerated: [] });
    const { answerer } = await seedPipeline();
    const result = await runCase(parsed!, answerer, corpus);
    expect(result.stale).toEqual([]);
    expect(result.goldPointIds).toEqual([ICU]);
  });

  test('skips what cannot or need not become a case, and says how many of each', () => {
    const corpus = seedCorpus();
    const { candidates, counts } = mineFeedback(
      [
        record({ rating: 'up', question: '重症床位比例？', expectedPassageId: ICU }),
        record({ question: '没有指明条目' }),
        record({ expectedPassageId: ICU }),
        record({ question: '旧条目', expectedPassageId: '2023-shanghai-medical-administration-priorities#9.99' }),
        // The suite's question with other width and closing punctuation.
        record({ question: `${SUITE_QUESTION.slice(0, -1)}?`, expectedPassageId: ICU }),
        record({ question: '重症床位比例是多少', expectedPassageId: ICU }),
        record({ question: '重症床位比例是多少？', expectedPassageId: ICU }),
      ],
      { corpus, knownQuestions: [SUITE_QUESTION] },
    );
    expect(candidates.map((c) => c.question)).toEqual(['重症床位比例是多少']);
    expect(counts).toEqual({
      records: 7,
      down: 6,
      withExpectedPassage: 5,
      candidates: 1,
      triage: 0,
      skipped: { noQuestion: 1, unknownPassage: 1, duplicateOfCase: 1, duplicateInFeedback: 1, invalid: 0 },
    });
  });

  test('a 👎 on a follow-up becomes a follow-up case with its last three earlier questions', () => {
    const corpus = seedCorpus();
    const turns = ['一', '二', '三', '四'].map((x) => ({ question: `第${x}个问题？`, answer: '……', citations: [{ id: ICU }] }));
    const { candidates } = mineFeedback([record({ question: '第二点呢？', expectedPassageId: ICU, history: turns, answer: '……', citedIds: [ICU] })], { corpus, knownQuestions: ['第二点呢？'] });
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({ kind: 'follow-up', history: [{ question: '第二个问题？' }, { question: '第三个问题？' }, { question: '第四个问题？' }] });
    expect((candidates[0] as Record<string, any>).feedback).toMatchObject({ answer: '……', citedIds: [ICU] });
  });

  test('a 👎 without an expected passage but with the answer shown is listed for triage, with what it cited', () => {
    const corpus = seedCorpus();
    const { candidates, triage, counts } = mineFeedback(
      [
        record({ question: '发热门诊要一直开吗？', answer: '根据……[1]', citedIds: [ICU], confidence: 'low', comment: '答非所问', history: [{ question: '前一个问题？' }] }),
        record({ question: '没有上下文的反馈' }),
      ],
      { corpus, knownQuestions: [] },
    );
    expect(candidates).toEqual([]);
    expect(counts.triage).toBe(1);
    expect(triage).toEqual([
      expect.objectContaining({
        question: '发热门诊要一直开吗？',
        history: ['前一个问题？'],
        answer: '根据……[1]',
        confidence: 'low',
        comment: '答非所问',
        cited: [{ id: ICU, label: '第一部分第5条', docNumber: '沪卫医〔2023〕32号' }],
      }),
    ]);
  });
});

describe('npm run eval:mine', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'policydesk-mine-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const mine = async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/eval-mine.ts', '--out-dir', join(dir, 'candidates')], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: join(dir, 'data') },
    });
    return stdout;
  };

  test('reads the feedback store under DATA_DIR and writes a review file; a second run proposes nothing new', async () => {
    const store = await JsonlFeedbackStore.open(join(dir, 'data', 'feedback.jsonl'));
    await store.append(record({ question: '重症监护资源要在多长时间里翻倍？', expectedPassageId: ICU }));
    await store.append(record({ question: SUITE_QUESTION, expectedPassageId: ICU }));
    await store.append(record({ question: HARD_QUESTION, expectedPassageId: ICU }));
    await store.append(record({ rating: 'up', question: '谢谢' }));
    await store.close();
    appendFileSync(join(dir, 'data', 'feedback.jsonl'), '{"id":"torn","rating":"do');

    const first = await mine();
    expect(first).toContain('4 feedback records in 1 file(s)');
    expect(first).toContain('1 unreadable lines skipped');
    expect(first).toContain('3 👎, 3 naming an expected passage');
    // Questions of every file of the suite are known, not only cases.jsonl's.
    expect(first).toContain('2 already in the suite or pending review');
    expect(first).toMatch(/1 candidate case\(s\) -> .*candidates\/.*\.jsonl/);
    const files = readdirSync(join(dir, 'candidates'));
    expect(files).toHaveLength(1);
    const cases = parseEvalCases(readFileSync(join(dir, 'candidates', files[0]!), 'utf8'), files[0]!);
    expect(cases.map((c) => [c.question, c.gold[0]!.id])).toEqual([['重症监护资源要在多长时间里翻倍？', ICU]]);

    const second = await mine();
    expect(second).toContain('3 already in the suite or pending review');
    expect(second).not.toContain('triage');
    expect(second).toContain('no new candidate cases');
    expect(readdirSync(join(dir, 'candidates'))).toHaveLength(1);
  }, 60_000);

  test('a 👎 without an expected passage but with its context is written to a triage file, not as a case', async () => {
    const store = await JsonlFeedbackStore.open(join(dir, 'data', 'feedback.jsonl'));
    await store.append(record({ question: '发热门诊要一直开吗？', answer: '根据……[1]', citedIds: [ICU], confidence: 'low' }));
    await store.close();
    const out = await mine();
    expect(out).toMatch(/1 👎 without an expected passage, with the answer's context -> .*triage-.*\.json/);
    const files = readdirSync(join(dir, 'candidates'));
    expect(files).toEqual([expect.stringMatching(/^triage-.*\.json$/)]);
    expect(JSON.parse(readFileSync(join(dir, 'candidates', files[0]!), 'utf8'))).toEqual([
      expect.objectContaining({ question: '发热门诊要一直开吗？', cited: [expect.objectContaining({ id: ICU })] }),
    ]);
    // A triage file is not read as pending cases by the next run.
    expect(await mine()).toContain('0 already in the suite or pending review');
  }, 60_000);

  test('no feedback store yet: nothing to mine, no file written', async () => {
    expect(await mine()).toContain('0 feedback records in 0 file(s)');
    expect(() => readdirSync(join(dir, 'candidates'))).toThrow();
  }, 60_000);
});
