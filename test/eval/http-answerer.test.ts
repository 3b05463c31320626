import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, AnswerEvent, Answerer } from '../../src/answer/types.js';
import { parseEvalCases } from '../../src/eval/eval-case.js';
import { HttpAnswerer, HttpAnswerError } from '../../src/eval/http-answerer.js';
import { runCase } from '../../src/eval/run-eval.js';
import { seedPipeline } from '../support/seed-pipeline.js';
import { startSeedServer, type SeedServer } from '../http/support/start-seed-server.js';

/**
 * `HttpAnswerer` against the real Node server (127.0.0.1, the seed corpus with fake embeddings):
 * what the eval scores over HTTP must be what the same pipeline scores in-process.
 */
const QUESTION = '区域性医疗中心按多少人口配置一家？';
let open: SeedServer;
let keyed: SeedServer;
let inProcess: Answerer;
const withoutId = ({ answerId: _id, ...rest }: Answer) => rest;

beforeAll(async () => {
  open = await startSeedServer();
  keyed = await startSeedServer({ env: { API_KEYS: 'eval-key-42' } });
  inProcess = (await seedPipeline({ dense: true })).answerer;
});
afterAll(async () => {
  await open?.close();
  await keyed?.close();
});

describe('HttpAnswerer', () => {
  it('answer(): the service’s answer to POST /api/ask, equal to the in-process one', async () => {
    const answer = await new HttpAnswerer({ baseUrl: `${open.url}/` }).answer(QUESTION);
    expect(withoutId(answer)).toEqual(withoutId(await inProcess.answer(QUESTION)));
  });

  it('eval cases, follow-ups with their history included, score the same over HTTP as in-process', async () => {
    const all = parseEvalCases(readFileSync(join(import.meta.dirname, '../../evals/cases.jsonl'), 'utf8'), 'evals/cases.jsonl');
    const cases = [...all.filter((c) => c.history?.length).slice(0, 4), ...all.filter((c) => !c.history?.length).slice(0, 8)];
    expect(cases.some((c) => c.history?.length)).toBe(true);
    const corpus = (await seedPipeline({ dense: true })).corpus;
    const http = new HttpAnswerer({ baseUrl: open.url });
    for (const c of cases) {
      const [over, local] = [await runCase(c, http, corpus), await runCase(c, inProcess, corpus)];
      expect({ id: c.id, answer: over.answer, rank: over.rank, cited: over.citedIds, abstained: over.abstained }).toEqual({
        id: c.id,
        answer: local.answer,
        rank: local.rank,
        cited: local.citedIds,
        abstained: local.abstained,
      });
    }
  });

  it('stream(): deltas, citations, then the finished answer from POST /api/chat', async () => {
    const events: AnswerEvent[] = [];
    for await (const e of new HttpAnswerer({ baseUrl: open.url }).stream(QUESTION)) events.push(e);
    const done = events.at(-1)!;
    expect(done.type).toBe('done');
    const answer = (done as { answer: Answer }).answer;
    expect(
      events
        .filter((e) => e.type === 'delta')
        .map((e) => (e as { text: string }).text)
        .join(''),
    ).toBe(answer.answer);
    expect(withoutId(answer)).toEqual(withoutId(await inProcess.answer(QUESTION)));
  });

  it('sends the API key; without it the service’s 401 message comes through', async () => {
    const refused = await new HttpAnswerer({ baseUrl: keyed.url }).answer(QUESTION).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HttpAnswerError);
    expect((refused as HttpAnswerError).status).toBe(401);
    expect((refused as Error).message).toContain('Authorization: Bearer');
    expect((await new HttpAnswerer({ baseUrl: keyed.url, apiKey: 'eval-key-42' }).answer(QUESTION)).abstained).toBe(false);
  });

  it('waits out a 429 (Retry-After) instead of failing the run; gives up after maxRetries', async () => {
    let limited = 0;
    const limitedOnce: typeof fetch = async (input, init) => {
      if (limited++ === 0) return new Response('{"error":{"code":"rate_limited","message":"Too many requests"}}', { status: 429, headers: { 'retry-after': '1' } });
      return fetch(input, init);
    };
    expect((await new HttpAnswerer({ baseUrl: open.url, fetch: limitedOnce }).answer(QUESTION)).abstained).toBe(false);
    expect(limited).toBe(2);
    const always: typeof fetch = async () => new Response('{"error":{"message":"Too many requests"}}', { status: 429, headers: { 'retry-after': '1' } });
    await expect(new HttpAnswerer({ baseUrl: open.url, fetch: always, maxRetries: 0 }).answer(QUESTION)).rejects.toThrow('answered 429: Too many requests');
  });

  it('an unreachable service is an HttpAnswerError naming the URL', async () => {
    const error = await new HttpAnswerer({ baseUrl: 'http://127.0.0.1:9' }).answer(QUESTION).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpAnswerError);
    expect((error as Error).message).toContain('http://127.0.0.1:9/api/ask could not be reached');
  });
});
