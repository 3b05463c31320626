import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createPipeline, type Pipeline } from '../../src/answer/create-pipeline.js';
import { parseConfig } from '../../src/core/config.js';
import { HttpReranker, rerankerFromConfig } from '../../src/retrieval/http-reranker.js';
import { seedPipeline } from '../support/seed-pipeline.js';
import { startScriptedReranker, type ScriptedReranker } from './support/scripted-reranker.js';

const QUESTION = '发热门诊要保持什么要求？';
let plain: Pipeline;
let server: ScriptedReranker | undefined;
beforeAll(async () => {
  plain = await seedPipeline();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The second point the plain pipeline ranks, and a phrase only it has: what the scripted reranker will favour. */
async function runnerUp(): Promise<{ id: string; phrase: string }> {
  const r = await plain.retriever.retrieve(QUESTION, { k: 5 });
  const second = r.citations[1]!;
  return { id: second.id, phrase: second.text.replace(/\s+/g, '').slice(8, 20) };
}

const withReranker = (reranker: HttpReranker) => createPipeline({ corpus: plain.corpus, bm25: plain.bm25, reranker });

describe('HttpReranker', () => {
  test.each([
    ['TEI /rerank', ''],
    ['vLLM / Xinference /v1/rerank', '/v1'],
  ])('%s: scores in the order of the texts', async (_name, path) => {
    server = await startScriptedReranker('乙');
    const reranker = new HttpReranker({ baseUrl: `${server.url}${path}`, model: 'bge-reranker-v2-m3' });
    expect(await reranker.rerank('问题', ['甲', '乙', '丙'])).toEqual([0.1, 1, 0.1 / 3]);
    expect(server.requests[0]).toMatchObject(path ? { model: 'bge-reranker-v2-m3', documents: ['甲', '乙', '丙'] } : { texts: ['甲', '乙', '丙'] });
  });

  test.each([['error'], ['garbage']] as const)('a server answering %s is an error naming the URL', async (behaviour) => {
    server = await startScriptedReranker('乙', behaviour);
    await expect(new HttpReranker({ baseUrl: server.url }).rerank('问题', ['甲'])).rejects.toThrow(server.url);
  });

  test('a server that hangs is given up on at the timeout', async () => {
    server = await startScriptedReranker('乙', 'hang');
    await expect(new HttpReranker({ baseUrl: server.url, timeoutMs: 200 }).rerank('问题', ['甲'])).rejects.toThrow();
  });

  test('off by default; on with RERANK_BASE_URL', () => {
    expect(rerankerFromConfig(parseConfig({}))).toBeUndefined();
    expect(rerankerFromConfig(parseConfig({ RERANK_BASE_URL: 'http://127.0.0.1:9/v1', RERANK_MODEL: 'm' }))?.name).toBe('m at http://127.0.0.1:9/v1');
    expect(() => parseConfig({ RERANK_BASE_URL: 'not a url' })).toThrow(/RERANK_BASE_URL/);
  });
});

describe('retrieval with a reranker', () => {
  test('the reranker reorders the first points: its favourite is cited first', async () => {
    const { id, phrase } = await runnerUp();
    server = await startScriptedReranker(phrase);
    const r = await withReranker(new HttpReranker({ baseUrl: server.url })).retriever.retrieve(QUESTION, { k: 5 });
    expect(r.citations[0]!.id).toBe(id);
    expect((server.requests[0]!.texts as string[]).length).toBe(10);
  });

  test.each([['error'], ['hang'], ['garbage']] as const)('a reranker that fails (%s) leaves the fused order', async (behaviour) => {
    const before = await plain.retriever.retrieve(QUESTION, { k: 5 });
    server = await startScriptedReranker('never', behaviour);
    const after = await withReranker(new HttpReranker({ baseUrl: server.url, timeoutMs: 300 })).retriever.retrieve(QUESTION, { k: 5 });
    expect(after.citations.map((c) => c.id)).toEqual(before.citations.map((c) => c.id));
  });
});
