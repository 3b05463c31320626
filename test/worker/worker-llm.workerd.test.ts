import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { quoteFirstPassage } from '../answer-llm/llm-fixture.js';
import { startFakeOpenAi, type FakeOpenAi } from '../answer-llm/fake-openai-server.js';
import { startWorker, type RunningWorker } from './support/start-worker.js';

/**
 * The LLM composer inside workerd: a second Worker configured with LLM_BASE_URL pointing at a
 * scripted OpenAI-compatible server on 127.0.0.1, reached through the Worker's own fetch with
 * the real ChatOpenAI client bundled in. No nodejs_compat.
 */
const QUESTION = '区域性医疗中心按多少人口配置一家？';

let server: FakeOpenAi;
let worker: RunningWorker;

const ask = (path: string) => fetch(`${worker.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: QUESTION }) });

beforeAll(async () => {
  server = await startFakeOpenAi();
  worker = await startWorker({ vars: { LLM_BASE_URL: server.baseURL, LLM_MODEL: 'fake-model', LLM_TIMEOUT_MS: '15000' } });
});
afterAll(async () => {
  await worker?.stop();
  await server?.close();
});

describe('Worker in workerd with an OpenAI-compatible LLM', () => {
  it('/readyz names the LLM composer', async () => {
    const body = await (await fetch(`${worker.url}/readyz`)).json();
    expect(body.checks.answering).toEqual({ mode: 'llm', model: 'fake-model', fallback: 'extractive' });
  });

  it('POST /api/ask answers with the model, using the bundled prompt templates, and verifies the quote', async () => {
    server.requests.length = 0;
    server.script((request) => ({ kind: 'text', content: quoteFirstPassage(request.body.messages.find((m) => m.role === 'user')!.content) }));
    const res = await ask('/api/ask');
    expect(res.status).toBe(200);
    const answer = (await res.json()) as Answer;
    expect(answer.mode).toBe('llm');
    expect(answer.notice).toBeUndefined();
    expect(answer.citations[0]!.quote).toBeTruthy();
    expect(answer.answer).toContain(answer.citations[0]!.quote!);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body.model).toBe('fake-model');
    const system = server.requests[0]!.body.messages.find((m) => m.role === 'system')!.content;
    expect(system).toContain('未在现有文件中找到');
  });

  it('POST /api/chat streams the model’s verified answer', async () => {
    server.script((request) => ({ kind: 'text', content: quoteFirstPassage(request.body.messages.find((m) => m.role === 'user')!.content), chunkSize: 3 }));
    const res = await ask('/api/chat');
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await res.text();
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events.at(-1)).toBe('done');
    const done = JSON.parse(/event: done\ndata: (.+)/.exec(text)![1]!) as Answer;
    expect(done.mode).toBe('llm');
    expect(server.requests.at(-1)!.body.stream).toBe(true);
  });

  it('falls back to the extractive answer, with a notice, when the model fails', async () => {
    server.script(() => ({ kind: 'status', status: 500, body: 'model crashed' }));
    const answer = (await (await ask('/api/ask')).json()) as Answer;
    expect(answer.mode).toBe('extractive');
    expect(answer.notice).toEqual(expect.any(String));
    expect(answer.abstained).toBe(false);
  });
});
