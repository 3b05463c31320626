import { describe, expect, it } from 'vitest';
import { CORPUS_QUESTION, harness, postJson } from './support/app-harness.js';

describe('request log: one JSON line per request', () => {
  it('logs route, status, latency, answerId, abstained and mode, once per request', async () => {
    const { app, logs } = await harness();
    const { answerId } = await (await app.request('/api/ask', postJson({ question: CORPUS_QUESTION }))).json();
    await app.request('/api/ask', postJson({ question: '北京市2023年的医保报销比例是多少？' }));
    await app.request('/api/passages/nope');
    await app.request('/nowhere');
    const lines = logs.filter((l) => l.msg === 'request');
    expect(lines).toHaveLength(4);
    // answerId joins the log line to feedback on that answer.
    expect(lines[0]).toMatchObject({ level: 'info', method: 'POST', route: '/api/ask', status: 200, answerId, abstained: false, mode: 'extractive' });
    expect(lines[1]).toMatchObject({ route: '/api/ask', status: 200, abstained: true, mode: 'extractive' });
    expect(lines[2]).toMatchObject({ route: '/api/passages/:id', status: 404 });
    expect(lines[3]).toMatchObject({ route: 'unmatched', status: 404 });
    for (const line of lines) {
      expect(line.latencyMs).toEqual(expect.any(Number));
      expect(line.requestId).toEqual(expect.any(String));
      expect(() => JSON.stringify(line)).not.toThrow();
    }
    expect(lines[2]).not.toHaveProperty('abstained');
  });

  it('never logs API keys, whether accepted or refused', async () => {
    const { app, logs } = await harness({ env: { API_KEYS: 'sk-live-5d1e9a' } });
    await app.request('/api/ask', postJson({ question: CORPUS_QUESTION }, { Authorization: 'Bearer sk-live-5d1e9a' }));
    await app.request('/api/ask', postJson({ question: CORPUS_QUESTION }, { Authorization: 'Bearer sk-live-wrong' }));
    const text = JSON.stringify(logs);
    expect(logs.filter((l) => l.msg === 'request').map((l) => l.status)).toEqual([200, 401]);
    expect(text).not.toContain('sk-live');
  });

  it('leaves the question text out unless LOG_QUESTIONS=1', async () => {
    const off = await harness();
    await off.app.request('/api/ask', postJson({ question: CORPUS_QUESTION }));
    await off.app.request('/api/chat', postJson({ question: CORPUS_QUESTION }));
    await off.app.request('/api/feedback', postJson({ question: CORPUS_QUESTION, answerId: 'a', rating: 'up' }));
    expect(JSON.stringify(off.logs)).not.toContain('区域性医疗中心');

    const on = await harness({ env: { LOG_QUESTIONS: '1' } });
    await on.app.request('/api/ask', postJson({ question: CORPUS_QUESTION }));
    expect(on.logs.find((l) => l.msg === 'request')).toMatchObject({ question: CORPUS_QUESTION });
  });

  it('logs a streamed answer when its stream ends, with the outcome', async () => {
    const { app, logs } = await harness();
    const res = await app.request('/api/chat', postJson({ question: CORPUS_QUESTION }));
    await res.text();
    await expect.poll(() => logs.filter((l) => l.msg === 'request')).toHaveLength(1);
    expect(logs[0]).toMatchObject({ route: '/api/chat', status: 200, abstained: false, mode: 'extractive', stream: 'complete' });
  });

  it('puts the logged request id on the response', async () => {
    const { app, logs } = await harness();
    const res = await app.request('/healthz');
    expect(res.headers.get('x-request-id')).toBe(logs[0]!.requestId);
  });
});

describe('headers on every kind of response', () => {
  it('X-Request-Id and nosniff on JSON, errors, streams and a response built by the Slack receiver', async () => {
    const { app } = await harness({ slack: async () => new Response('ok', { headers: { 'Content-Type': 'text/plain' } }) });
    const responses = [
      await app.request('/healthz'),
      await app.request('/api/ask', postJson('nope')),
      await app.request('/nowhere'),
      await app.request('/api/chat', postJson({ question: CORPUS_QUESTION })),
      await app.request('/slack/events', postJson({})),
    ];
    for (const res of responses) {
      expect(`${res.status} ${res.headers.get('x-request-id')}`).toMatch(/^\d+ [0-9a-f-]{36}$/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      await res.text();
    }
  });
});
