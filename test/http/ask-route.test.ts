import { describe, expect, it } from 'vitest';
import { CORPUS_QUESTION, harness, postJson } from './support/app-harness.js';

describe('POST /api/ask', () => {
  it('answers a corpus question with the quoted passage and its citation', async () => {
    const { app } = await harness();
    const res = await app.request('/api/ask', postJson({ question: CORPUS_QUESTION }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = await res.json();
    expect(body.abstained).toBe(false);
    expect(body.answer).toContain('[1]');
    expect(body.citations[0].docNumber).toBe('沪卫发〔2023〕2号');
    expect(body.citations[0].quote).toContain('30-50万人口配置一家区域性医疗中心');
    expect(body.answerId).toEqual(expect.any(String));
  });

  it('abstains, with status 200, on a question the corpus does not cover', async () => {
    const { app } = await harness();
    const res = await app.request('/api/ask', postJson({ question: '北京市2023年的医保报销比例是多少？' }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.abstained).toBe(true);
    expect(body.citations).toEqual([]);
  });

  it('an English question: the Chinese terms it was searched with, the words that did not translate, and at most low when they are many', async () => {
    const { app } = await harness();
    const partial = await (await app.request('/api/ask', postJson({ question: "What's the dress code for nurses at tertiary hospitals?" }))).json();
    expect(partial.searchTerms).toContain('三级医院');
    expect(partial.untranslated).toEqual(['dress', 'code']);
    expect(partial.abstained).toBe(false);
    expect(partial.confidence).toBe('low');
    const whole = await (await app.request('/api/ask', postJson({ question: 'Must nurses at tertiary hospitals do it?' }))).json();
    expect(whole.searchTerms).toBe(partial.searchTerms);
    expect(whole.untranslated).toBeUndefined();
  });

  it('uses the history for a follow-up ("这条是哪个文件里的？")', async () => {
    const { app } = await harness();
    const first = await (await app.request('/api/ask', postJson({ question: CORPUS_QUESTION }))).json();
    const history = [{ question: CORPUS_QUESTION, answer: first.answer, citations: first.citations.map((c: { id: string }) => ({ id: c.id })) }];
    const res = await app.request('/api/ask', postJson({ question: '这条是哪个文件里的？', history }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.citations[0].id).toBe(first.citations[0].id);
    expect(body.answer).toContain('2023年上海市卫生健康工作要点');
  });

  it('accepts a question of exactly 2,000 characters (the limit)', async () => {
    const { app } = await harness();
    const question = `${CORPUS_QUESTION}${'啊'.repeat(2000 - [...CORPUS_QUESTION].length)}`;
    const res = await app.request('/api/ask', postJson({ question }));
    expect(res.status).toBe(200);
  });

  it('accepts exactly 20 turns of history', async () => {
    const { app } = await harness();
    const history = Array.from({ length: 20 }, () => ({ question: CORPUS_QUESTION }));
    const res = await app.request('/api/ask', postJson({ question: CORPUS_QUESTION, history }));
    expect(res.status).toBe(200);
  });
});
