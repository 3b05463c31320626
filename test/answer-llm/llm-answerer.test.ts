import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/errors.js';
import type { Citation } from '../../src/core/types.js';
import type { Answer } from '../../src/answer/types.js';
import { unusedPort } from './fake-openai-server.js';
import { clauseOf, FABRICATED, groundQuestion, Q, fullWidth, goodSentence, llmFixture, MODEL, quoteFirstPassage, RecordingLogger, userMessage, type LlmFixture } from './llm-fixture.js';

let fx: LlmFixture;
// What the composer is given for Q (see GroundedQuestion).
let passages: Citation[];
let n: number;
let quote: string;
/** 1-based number of a second passage, not the one holding the answer. */
let m: number;
let extractiveQ: Answer;

beforeAll(async () => {
  fx = await llmFixture();
  ({ passages, n, quote, extractive: extractiveQ } = await groundQuestion(fx.pipeline));
  m = n === 1 ? 2 : 1;
});
afterAll(() => fx.server.close());
beforeEach(() => {
  fx.server.requests.length = 0;
});

const good = () => goodSentence(passages[n - 1]!, n, quote);
const second = () => goodSentence(passages[m - 1]!, m, clauseOf(passages[m - 1]!), '另据');

/** The fallback is the extractive composer's own answer, with a notice. */
function expectExtractiveFallback(answer: Answer, notice: RegExp): void {
  expect(answer.mode).toBe('extractive');
  expect(answer.answer).toBe(extractiveQ.answer);
  expect(answer.citations).toEqual(extractiveQ.citations);
  expect(answer.notice).toMatch(notice);
}

describe('LlmAnswerer.answer', () => {
  it('good answer -> llm, renumbered to the passages cited, with verified quotes', async () => {
    fx.server.script(() => ({ kind: 'text', content: `${good()}${second()}` }));
    const answer = await fx.answerer().answer(Q);
    expect(answer.mode).toBe('llm');
    expect(answer.notice).toBeUndefined();
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toBe(`${good().replace(`[${n}]`, '[1]')}${second().replace(`[${m}]`, '[2]')}`);
    expect(answer.citations.map((c) => c.id)).toEqual([passages[n - 1]!.id, passages[m - 1]!.id]);
    expect(answer.citations.map((c) => c.quote)).toEqual([quote, clauseOf(passages[m - 1]!)]);
    for (const c of answer.citations) expect(c.text).toContain(c.quote);
    expect(answer.retrievedIds).toEqual(passages.map((c) => c.id));
  });

  it('sends the system prompt from prompts/ and the numbered passages with their sources', async () => {
    fx.server.script(() => ({ kind: 'text', content: good() }));
    await fx.answerer().answer(Q);
    expect(fx.server.requests).toHaveLength(1);
    const { body, path } = fx.server.requests[0]!;
    expect(path).toBe('/v1/chat/completions');
    expect(body.model).toBe(MODEL);
    expect(body.stream).toBeFalsy();
    expect(body.messages[0]).toEqual({ role: 'system', content: fx.prompts.system });
    const user = userMessage(fx.server);
    passages.forEach((c, i) => {
      expect(user).toContain(`[${i + 1}] 《${c.title}》（${c.docNumber}）${c.label}`);
      expect(user).toContain(c.text);
    });
    expect(user).not.toContain(`[${passages.length + 1}] 《`);
    expect(user).toContain(Q);
  });

  it('accepts a quote written with full-width digits and returns the exact passage text as the quote', async () => {
    fx.server.script(() => ({ kind: 'text', content: goodSentence(passages[n - 1]!, n, fullWidth(quote)) }));
    const answer = await fx.answerer().answer(Q);
    expect(answer.mode).toBe('llm');
    expect(answer.citations[0]!.quote).toBe(quote);
  });

  it('fabricated quote next to a good one -> llm-repaired, the fabrication removed', async () => {
    const logger = new RecordingLogger();
    fx.server.script(() => ({ kind: 'text', content: `${good()}文件还要求「${FABRICATED}」[${n}]。` }));
    const answer = await fx.answerer({ logger }).answer(Q);
    expect(answer.mode).toBe('llm-repaired');
    expect(answer.notice).toMatch(/删除.*1句.*引文与所引条目原文不符/);
    expect(JSON.stringify(answer)).not.toContain('10万人口');
    expect(answer.answer).toContain(quote);
    expect(logger.warnings.map((w) => w.removed)).toEqual([['quote-not-in-cited-passage']]);
  });

  it('only a fabricated quote -> extractive, the fabrication nowhere', async () => {
    fx.server.script(() => ({ kind: 'text', content: `文件要求「${FABRICATED}」[${n}]。` }));
    const answer = await fx.answerer().answer(Q);
    expectExtractiveFallback(answer, /没有能与所引条目核对一致的内容/);
    expect(JSON.stringify(answer)).not.toContain('10万人口');
  });

  it('marker to a passage not given ([7] of 5) -> the sentence removed', async () => {
    fx.server.script(() => ({ kind: 'text', content: `${good()}各区还要新建三家医院[7]。` }));
    const answer = await fx.answerer().answer(Q);
    expect(answer.mode).toBe('llm-repaired');
    expect(answer.notice).toContain('引用了未提供的条目编号');
    expect(answer.answer).not.toContain('[7]');
    expect(answer.answer).not.toContain('新建三家医院');
    expect(answer.citations).toHaveLength(1);
  });

  it('only a marker to a passage not given -> extractive', async () => {
    fx.server.script(() => ({ kind: 'text', content: `各区还要新建三家医院[7]。` }));
    expectExtractiveFallback(await fx.answerer().answer(Q), /没有能与所引条目核对一致的内容/);
  });

  it.each([
    { name: 'empty output', content: '', notice: /没有给出回答/ },
    { name: 'no markers at all', content: '区域性医疗中心应当按人口合理配置，各区要加强建设。', notice: /没有能与所引条目核对一致的内容/ },
    { name: 'the model abstains although passages were found', content: '未在现有文件中找到。', notice: /认为所给条目不能回答/ },
  ])('malformed: $name -> extractive', async ({ content, notice }) => {
    fx.server.script(() => ({ kind: 'text', content }));
    expectExtractiveFallback(await fx.answerer().answer(Q), notice);
  });

  it('slow server beyond the configured timeout -> extractive, logged as an error', async () => {
    const logger = new RecordingLogger();
    fx.server.script(() => ({ kind: 'slow', delayMs: 10_000, content: good() }));
    const answer = await fx.answerer({ timeoutMs: 100, logger }).answer(Q);
    expectExtractiveFallback(answer, /0\.1秒内没有完成回答/);
    expect(logger.errors.map((e) => e.reason)).toEqual(['timeout']);
  });

  it('HTTP 500 -> extractive, logged as an error', async () => {
    const logger = new RecordingLogger();
    fx.server.script(() => ({ kind: 'status', status: 500, body: 'upstream exploded' }));
    const answer = await fx.answerer({ logger }).answer(Q);
    expectExtractiveFallback(answer, /语言模型服务出错/);
    expect(JSON.stringify(answer)).not.toContain('upstream exploded');
    expect(logger.errors.map((e) => e.reason)).toEqual(['model-error']);
    expect(logger.errors[0]!.error).toContain('500');
  });

  it('unreachable endpoint -> extractive, logged as an error', async () => {
    const logger = new RecordingLogger();
    const answer = await fx.answerer({ baseURL: `http://127.0.0.1:${await unusedPort()}/v1`, logger }).answer(Q);
    expectExtractiveFallback(answer, /无法连接语言模型服务/);
    expect(logger.errors.map((e) => e.reason)).toEqual(['unreachable']);
  });

  it('retrieval abstains -> the extractive abstention, no model call', async () => {
    fx.server.script(() => ({ kind: 'text', content: good() }));
    const answer = await fx.answerer().answer('北京市的医保报销比例是多少？');
    expect(answer).toMatchObject({ mode: 'extractive', abstained: true, citations: [] });
    expect(fx.server.requests).toHaveLength(0);
  });

  it('an invalid question is a 4xx error, not a fallback', async () => {
    await expect(fx.answerer().answer('   ')).rejects.toBeInstanceOf(InvalidInputError);
    expect(fx.server.requests).toHaveLength(0);
  });

  it('a cancelled request stops without falling back', async () => {
    const controller = new AbortController();
    fx.server.script(() => {
      controller.abort();
      return { kind: 'slow', delayMs: 10_000, content: good() };
    });
    await expect(fx.answerer().answer(Q, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    await expect(fx.answerer().answer(Q, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fx.server.requests).toHaveLength(1);
  });
});

describe('LlmAnswerer follow-ups', () => {
  it('an elliptical follow-up (one the documents answer: a figure of 普陀 they do not give is not sent to the model) is searched with the previous topic, and the history goes into the prompt', async () => {
    fx.server.script((request) => ({ kind: 'text', content: quoteFirstPassage(request.body.messages[1]!.content) }));
    const history = [{ question: Q, answer: extractiveQ.answer, citations: extractiveQ.citations }];
    const answer = await fx.answerer().answer('那普陀区有什么安排呢？', { history });
    expect(answer.rewrittenQuestion).toContain('普陀');
    expect(answer.rewrittenQuestion).not.toBe('那普陀区有什么安排呢？');
    const user = userMessage(fx.server);
    expect(user).toContain(`问：${Q}`);
    expect(user).toContain('问题：那普陀区有什么安排呢？');
    // Old markers numbered the previous answer's citations; they must not leak into this prompt's numbering.
    expect(user).toContain(extractiveQ.answer.replace(/\[\d+\]/g, '').slice(0, 20));
    expect(answer.mode).toBe('llm');
    expect(answer.citations[0]!.docNumber).toBe(/^\[1\] 《[^》]+》（([^）]+)）/m.exec(user)![1]);
  });

  it('"第二点具体怎么说？" gives the model the one passage it refers to', async () => {
    fx.server.script((request) => ({ kind: 'text', content: quoteFirstPassage(request.body.messages[1]!.content) }));
    const previous = passages[n - 1]!;
    expect(previous.text).toContain('二是');
    const history = [{ question: Q, answer: good(), citations: [previous] }];
    const answer = await fx.answerer().answer('第二点具体怎么说？', { history });
    const user = userMessage(fx.server);
    expect(user).toContain(`[1] 《${previous.title}》`);
    expect(user).not.toMatch(/^\[2\] 《/m);
    expect(answer.citations.map((c) => c.id)).toEqual([previous.id]);
    expect(answer.mode).toBe('llm');
  });

  it.each([['长宁的计划分几块'], ['长宁计划第一部分讲的啥'], ['卫健工作要点收尾的最后三条都讲了些什么']])('"%s" is answered from the documents\' structure without a model call', async (question) => {
    const answer = await fx.answerer().answer(question);
    expect(answer.mode).toBe('extractive');
    expect(answer.answer).toBe((await fx.pipeline.extractive.answer(question)).answer);
    expect(fx.server.requests).toHaveLength(0);
  });

  it('"这条是哪个文件里的？" is answered from metadata without a model call', async () => {
    const history = [{ question: Q, answer: good(), citations: [passages[n - 1]!] }];
    const answer = await fx.answerer().answer('这条是哪个文件里的？', { history });
    expect(answer.mode).toBe('extractive');
    expect(answer.answer).toContain(passages[n - 1]!.docNumber);
    expect(fx.server.requests).toHaveLength(0);
  });
});
