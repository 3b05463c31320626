import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRuntime, type Runtime } from '../../src/cli/load-runtime.node.js';
import { CORPUS_DIR, TEST_INDEX_DIR } from '../support/corpus-dirs.js';

const run = promisify(execFile);
let runtime: Runtime;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'policydesk-model-test-'));
  // A fresh index folder: loading must notice it is missing and ingest first.
  runtime = await loadRuntime({ modelDir: 'models', indexDir: join(scratch, 'index'), seedsDir: CORPUS_DIR, log: () => {} });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the real pipeline (model + HNSW + BM25)', () => {
  test('the canonical question finds 沪卫发〔2023〕2号 第二部分第8条 and answers with the number', async () => {
    const answer = await runtime.answerer.answer('区域性医疗中心按多少人口配置一家？');
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]).toMatchObject({ docNumber: '沪卫发〔2023〕2号', label: '第二部分第8条' });
    expect(answer.answer).toContain('30-50万人口');
    expect(answer.citations[0]!.text).toContain(answer.citations[0]!.quote!);
  });

  test("a document's full title and a topic: the point on the topic is quoted, not the preamble that repeats the title", async () => {
    const answer = await runtime.answerer.answer('2025年普陀区医政医管工作要点 儿科服务');
    expect(answer.citations[0]!.id).not.toBe('2025-putuo-medical-administration-priorities#0');
    expect(answer.citations[0]!.quote).toContain('儿科');
  });

  test('HNSW dense search returns the passage whose text a question paraphrases', async () => {
    const result = await runtime.retriever.retrieve('二级以上医院和社区的发热门诊要不要都开着？', { mode: 'dense', k: 3 });
    expect(result.citations.map((c) => c.label)).toContain('第一部分第3条');
  });

  test('out-of-corpus questions are abstained on, with the nearest points named but not cited', async () => {
    for (const q of ['深圳的区域医疗中心是按多少人口配置一家的？', '讲个笑话吧']) {
      const answer = await runtime.answerer.answer(q);
      expect(answer.abstained).toBe(true);
      expect(answer.citations).toEqual([]);
      expect(answer.answer).toMatch(/^未在现有文件中找到/);
    }
  });

  test.each([
    [
      '市医政医管要点、长宁区计划和普陀区要点里，讲行风建设的各是哪一条',
      ['2023-shanghai-medical-administration-priorities', '2023-changning-medical-work-plan', '2025-putuo-medical-administration-priorities'],
      '行风',
    ],
    [
      '区域性医疗中心，市里2023年的要点配置标准是多少人口一家，普陀2025年的要点又怎么提升区域性医疗中心',
      ['2023-shanghai-health-work-priorities', '2025-putuo-medical-administration-priorities'],
      '区域性医疗中心',
    ],
  ])('each scope the question names is quoted, whatever rank retrieval gave its point: %s', async (q, docs, topic) => {
    const answer = await runtime.answerer.answer(q);
    expect(new Set(answer.citations.map((c) => c.id.split('#')[0]))).toEqual(new Set(docs));
    for (const c of answer.citations) expect(c.quote!.replace(/\s+/g, '')).toContain(topic);
  });

  test('the index built on first load carries a manifest that matches the model', () => {
    expect(runtime.index.manifest).toMatchObject({ model: { id: 'BAAI/bge-small-zh-v1.5' }, dimensions: 512, space: 'cosine' });
    expect(runtime.index.manifest.passageCount).toBe(runtime.corpus.passages.length);
  });
});

describe('npm run ask (CLI)', () => {
  const env = { ...process.env, INDEX_DIR: TEST_INDEX_DIR };

  test('--json prints one object with citations', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json', '区域性医疗中心按多少人口配置一家？'], { env });
    const result = JSON.parse(stdout) as { abstained: boolean; citations: Array<{ docNumber: string; path: string[]; text: string; score: number }> };
    expect(result.abstained).toBe(false);
    expect(result.citations[0]).toMatchObject({ docNumber: '沪卫发〔2023〕2号', path: [expect.stringMatching(/^二、/), '8'] });
  });

  test('when and by whom a document was issued: its cover notice, quoting the signature', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json', '《2023年长宁区医疗工作计划》是哪一天印发的？'], { env });
    const result = JSON.parse(stdout) as { answer: string; confidence: string; citations: Array<{ id: string; quote: string }> };
    expect(result.confidence).toBe('high');
    expect(result.citations.map((c) => c.id)).toEqual(['2023-changning-medical-work-plan#notice']);
    expect(result.citations[0]!.quote).toBe('上海市长宁区卫生健康委员会2023年3月8日');
  });

  test('--batch answers good lines and names the bad ones, going on with the rest', async () => {
    const file = join(scratch, 'questions.jsonl');
    writeFileSync(
      file,
      ['{"id":"q1","question":"发热门诊要保持什么要求？","team":"ignored"}', 'not json', '{"id":"q3"}', '{"id":"q4","question":"   "}', '{"id":5,"question":"长宁组建第几批援滇医疗队？"}'].join('\n'),
    );
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json', '--batch', file], { env });
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id ?? `line ${l.line}`)).toEqual(['q1', 'line 2', 'q3', 'q4', 5]);
    expect(lines[0]).toHaveProperty('citations');
    expect(lines[0]).not.toHaveProperty('team');
    expect(lines[1]).toMatchObject({ line: 2, error: expect.stringContaining('JSON') });
    expect(lines[2]).toMatchObject({ line: 3, error: expect.stringContaining('question') });
    expect(lines[3]).toMatchObject({ line: 4, error: expect.stringContaining('empty') });
    expect(stderr).toContain(`${file}:2`);
    expect(stderr).toContain('3 line(s)');
  });

  test('--k sets how many points the answer is composed from, in hybrid mode too', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json', '--k', '2', '发热门诊要保持什么要求？'], { env });
    expect((JSON.parse(stdout) as { retrievedIds: string[] }).retrievedIds).toHaveLength(2);
  });

  test('an empty question is refused with usage and a non-zero exit', async () => {
    await expect(run(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts'], { env })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('Usage') });
  });
});
