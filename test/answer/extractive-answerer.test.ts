import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { claimsOf, composeAnswerText, unverifiedClaims } from '../../src/answer/compose-text.js';
import { createPipeline, type Pipeline } from '../../src/answer/create-pipeline.js';
import { DEFAULT_TUNING } from '../../src/retrieval/hybrid-retriever.js';
import type { Answer, Turn } from '../../src/answer/types.js';
import type { Citation } from '../../src/core/types.js';
import { parseEvalCases } from '../../src/eval/eval-case.js';
import { loose } from '../../src/eval/resolve-gold.js';
import { resolveFollowUp } from '../../src/answer/resolve-follow-up.js';
import { seedPipeline } from '../support/seed-pipeline.js';

let lexical: Pipeline;
let hybrid: Pipeline;
beforeAll(async () => {
  lexical = await seedPipeline();
  hybrid = await seedPipeline({ dense: true });
});

const cases = parseEvalCases(readFileSync(join(import.meta.dirname, '../../evals/cases.jsonl'), 'utf8'), 'evals/cases.jsonl');
const turn = (a: Answer): Turn => ({ question: a.question, answer: a.answer, citations: a.citations.map((c) => ({ id: c.id })) });

describe('every claim of every answer is verbatim from the passage it cites (all eval questions, extractive)', () => {
  test.each([['lexical'], ['hybrid (fake embeddings)']])('%s', async (name) => {
    const pipeline = name === 'lexical' ? lexical : hybrid;
    let claims = 0;
    for (const c of cases) {
      const history: Turn[] = [];
      for (const h of c.history ?? []) history.push(turn(await pipeline.answerer.answer(h.question, { history: [...history] })));
      const answer = await pipeline.answerer.answer(c.question, { history });
      expect(unverifiedClaims(answer.answer, answer.citations, loose), `${c.id}: ${answer.answer}`).toEqual([]);
      for (const citation of answer.citations) expect(citation.text, c.id).toContain(citation.quote);
      if (answer.abstained) expect(answer.citations).toEqual([]);
      claims += claimsOf(answer.answer).length;
    }
    expect(claims).toBeGreaterThan(cases.length / 2);
  });
});

describe('verification catches what is not in the corpus', () => {
  const citation = {
    id: 'x',
    docNumber: '沪卫发〔2023〕2号',
    title: 'T',
    issuer: 'I',
    date: '2023-02-21',
    path: [],
    label: '第二部分第8条',
    text: '实现每30-50万人口配置一家区域性医疗中心。',
    score: 1,
  } satisfies Citation;
  test.each([
    ['根据2023年2月21日印发的《T》（沪卫发〔2023〕2号）第二部分第8条：实现每30-50万人口配置一家区域性医疗中心[1]。', []],
    ['根据2023年2月21日印发的《T》（沪卫发〔2023〕2号）第二部分第8条：实现每20万人口配置一家区域性医疗中心[1]。', ['实现每20万人口配置一家区域性医疗中心']],
    ['根据2023年2月21日印发的《T》（沪卫发〔2023〕2号）第二部分第8条：实现每30-50万人口配置一家区域性医疗中心[2]。', ['实现每30-50万人口配置一家区域性医疗中心']],
  ])('%s', (answer, failed) => expect(unverifiedClaims(answer, [citation], loose)).toEqual(failed));

  test('answer text keeps documents apart, dates each and names the newer one', () => {
    const a = { ...citation, id: 'a' };
    const b = { ...citation, id: 'b', docNumber: '普卫健医〔2025〕3号', title: 'P', date: '2025-04-18', label: '第一部分第1条', text: '进一步提升区域性医疗中心服务能级。' };
    const text = composeAnswerText(
      [
        { text: '实现每30-50万人口配置一家区域性医疗中心。', citation: 1 },
        { text: '进一步提升区域性医疗中心服务能级。', citation: 2 },
      ],
      [a, b],
    );
    expect(text).toBe(
      '根据2023年2月21日印发的《T》（沪卫发〔2023〕2号）第二部分第8条：实现每30-50万人口配置一家区域性医疗中心[1]。' +
        '另据2025年4月18日印发的《P》（普卫健医〔2025〕3号，为其中较新的文件）第一部分第1条：进一步提升区域性医疗中心服务能级[2]。',
    );
    expect(claimsOf(text)).toEqual(['实现每30-50万人口配置一家区域性医疗中心', '进一步提升区域性医疗中心服务能级']);
  });
});

describe('ExtractiveAnswerer', () => {
  test('leads with the fact asked for, says whose rule it is and when', async () => {
    const a = await lexical.answerer.answer('区域性医疗中心按多少人口配置一家？');
    expect(a.mode).toBe('extractive');
    expect(a.answer).toMatch(/^根据2023年2月21日印发的《2023年上海市卫生健康工作要点》（沪卫发〔2023〕2号）第二部分第8条：.*30-50万人口.*\[1\]。$/);
    expect(a.citations[0]!.quote).toContain('30-50万人口');
  });

  test('abstains plainly, naming the nearest points without citing them', async () => {
    const a = await hybrid.answerer.answer('杭州市公立医院现在的医护比是多少？');
    expect(a.abstained).toBe(true);
    expect(a.answer).toMatch(/^未在现有文件中找到这个问题的答案。.*(最接近的条目是|$)/);
    expect(a.citations).toEqual([]);
  });

  test('a cross-document question, when retrieval answers it, gets one dated claim per document', async () => {
    // The decision to answer is the retriever's (tested on its own); composition is tested here.
    const answering = createPipeline({ corpus: lexical.corpus, bm25: lexical.bm25, tuning: { ...DEFAULT_TUNING, decision: undefined } });
    const a = await answering.answerer.answer('长宁和普陀在“互联网+护理”上分别是怎么部署的？');
    expect(new Set(a.citations.map((c) => c.docNumber))).toEqual(new Set(['长卫健发〔2023〕20号', '普卫健医〔2025〕3号']));
    expect(a.answer).toContain('另据');
    expect(a.answer).toContain('为其中较新的文件');
  });

  test('k sets how many points an answer is composed from (ask --k)', async () => {
    const q = '发热门诊要保持什么要求？';
    expect((await lexical.answerer.answer(q)).retrievedIds).toHaveLength(6);
    expect((await lexical.answerer.answer(q, { k: 2 })).retrievedIds).toHaveLength(2);
  });

  test('streams deltas that add up to the answer, then citations, then done', async () => {
    const events = [];
    for await (const e of lexical.answerer.stream('发热门诊要保持什么要求？')) events.push(e);
    const done = events.at(-1)!;
    expect(done.type).toBe('done');
    const text = events
      .filter((e) => e.type === 'delta')
      .map((e) => (e.type === 'delta' ? e.text : ''))
      .join('');
    expect(done.type === 'done' && done.answer.answer).toBe(text);
    expect(events.at(-2)!.type).toBe('citations');
  });

  test('a stream stops when the client cancels', async () => {
    const controller = new AbortController();
    const events = [];
    for await (const e of lexical.answerer.stream('发热门诊要保持什么要求？', { signal: controller.signal })) {
      events.push(e);
      controller.abort();
    }
    expect(events).toHaveLength(1);
  });
});

describe('resolveFollowUp (rules, no model)', () => {
  const cited = [{ id: 'a#1' }, { id: 'a#2' }];
  const history: Turn[] = [{ question: '普陀2025年在护理服务上提了哪些要求？', citations: cited }];
  test.each([
    ['那长宁区呢？', { kind: 'rewrite', question: expect.stringMatching(/^长宁区.*在护理服务上提了哪些要求/) }],
    ['第二点具体说说。', { kind: 'ordinal', n: 2, citedIds: ['a#1', 'a#2'] }],
    ['这条出自哪个文件？', { kind: 'source', passageId: 'a#1' }],
    ['其中区域性医疗中心占几家？', { kind: 'rewrite' }],
    ['专科医院的评审标准怎么处理？', { kind: 'none' }],
  ])('%s', (question, expected) => expect(resolveFollowUp(question, history)).toMatchObject(expected));
  test('no history, no follow-up', () => expect(resolveFollowUp('那长宁区呢？', [])).toEqual({ kind: 'none' }));
});
