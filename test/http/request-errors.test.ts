import { describe, expect, it } from 'vitest';
import { IndexMismatchError } from '../../src/core/errors.js';
import { CORPUS_QUESTION, harness, postJson } from './support/app-harness.js';

async function errorOf(res: Response) {
  const body = await res.json();
  expect(body).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
  return body.error as { code: string; message: string; requestId?: string };
}

describe('request errors: status, code and a message that says what to fix', () => {
  it('400 for a body that is not JSON', async () => {
    const { app } = await harness();
    const res = await app.request('/api/ask', postJson('{"question": "区域'));
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_json');
    expect(error.message).toContain('not valid JSON');
  });

  it('415 for another content type, naming the one to use', async () => {
    const { app } = await harness();
    const res = await app.request('/api/ask', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ question: CORPUS_QUESTION }) });
    expect(res.status).toBe(415);
    const error = await errorOf(res);
    expect(error.code).toBe('unsupported_media_type');
    expect(error.message).toContain('Content-Type: application/json');
    expect(error.message).toContain('text/plain');
  });

  it('415 when no content type is sent', async () => {
    const { app } = await harness();
    const res = await app.request('/api/feedback', { method: 'POST', body: '{}' });
    expect(res.status).toBe(415);
  });

  it.each([
    ['an empty question', { question: '   ' }, 'question: is empty'],
    ['a question one over the limit', { question: '问'.repeat(2001) }, 'question: is 2001 characters; shorten it to at most 2000'],
    ['a missing question', {}, 'question: is required'],
    ['a question that is a number', { question: 42 }, 'question: must be a string'],
    ['21 turns of history', { question: CORPUS_QUESTION, history: Array.from({ length: 21 }, () => ({ question: '问' })) }, 'history: has more than 20 turns'],
    ['a history turn without its question', { question: CORPUS_QUESTION, history: [{ answer: '答' }] }, 'history.0.question: is required'],
    ['a misspelt field', { questoin: CORPUS_QUESTION, question: CORPUS_QUESTION }, 'unknown field(s) questoin'],
  ])('422 for %s', async (_name, body, message) => {
    const { app } = await harness();
    const res = await app.request('/api/ask', postJson(body));
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain(message);
  });

  it('413 for a body over 32 KiB, with or without Content-Length', async () => {
    const { app } = await harness();
    const big = JSON.stringify({ question: CORPUS_QUESTION, history: [{ question: '问', answer: 'x'.repeat(33 * 1024) }] });
    const withLength = await app.request('/api/ask', postJson(big, { 'Content-Length': String(new TextEncoder().encode(big).length) }));
    expect(withLength.status).toBe(413);
    expect((await errorOf(withLength)).message).toContain('32 KiB');

    const chunks = new TextEncoder().encode(big);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < chunks.length; i += 4096) controller.enqueue(chunks.slice(i, i + 4096));
        controller.close();
      },
    });
    const chunked = await app.request('/api/ask', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('a body of exactly 32 KiB is read (and then judged on its content)', async () => {
    const { app } = await harness();
    const base = JSON.stringify({ question: CORPUS_QUESTION, history: [{ question: '问', answer: '' }] });
    const pad = 32 * 1024 - new TextEncoder().encode(base).length;
    const body = JSON.stringify({ question: CORPUS_QUESTION, history: [{ question: '问', answer: 'x'.repeat(pad) }] });
    expect(new TextEncoder().encode(body).length).toBe(32 * 1024);
    const res = await app.request('/api/ask', postJson(body));
    expect(res.status).toBe(422);
    expect((await errorOf(res)).message).toContain('history.0.answer');
  });

  it('404 for an unknown route, listing the routes', async () => {
    const { app } = await harness();
    const res = await app.request('/api/answer', postJson({ question: CORPUS_QUESTION }));
    expect(res.status).toBe(404);
    const error = await errorOf(res);
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('POST /api/ask');
  });

  it('404 saying Slack is off when no Slack receiver is configured', async () => {
    const { app } = await harness();
    const res = await app.request('/slack/events', postJson({ type: 'url_verification', challenge: 'x' }));
    expect(res.status).toBe(404);
    const error = await errorOf(res);
    expect(error.code).toBe('slack_disabled');
    expect(error.message).toContain('SLACK_SIGNING_SECRET');
  });

  it('hands /slack/events to the Slack receiver when one is passed in', async () => {
    const seen: string[] = [];
    const { app } = await harness({
      slack: async (request) => {
        seen.push(await request.text());
        return new Response('ok', { status: 200 });
      },
    });
    const res = await app.request('/slack/events', postJson({ type: 'event_callback' }));
    expect(res.status).toBe(200);
    expect(seen).toEqual(['{"type":"event_callback"}']);
  });

  it('500 shows only a request id, never the error; the log has the detail', async () => {
    const secret = 'ENOENT /srv/policydesk/index/vectors.bin';
    const { app, logs } = await harness({
      answerer: () => ({
        answer: async () => {
          throw new Error(secret);
        },
        stream: () => {
          throw new Error(secret);
        },
      }),
    });
    const res = await app.request('/api/ask', postJson({ question: CORPUS_QUESTION }));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('ENOENT');
    expect(text).not.toContain('/srv');
    expect(text).not.toMatch(/at .*\.ts/);
    const error = JSON.parse(text).error;
    expect(error.code).toBe('internal_error');
    expect(error.message).toContain(error.requestId);
    expect(res.headers.get('x-request-id')).toBe(error.requestId);
    const logged = logs.find((l) => l.level === 'error');
    expect(logged).toMatchObject({ requestId: error.requestId });
    expect(String(logged!.error)).toContain(secret);
  });

  it('503 with Retry-After when the index does not match, without the operator detail; logged as one warning without a stack', async () => {
    const { app, logs } = await harness({
      answerer: () => ({
        answer: async () => {
          throw new IndexMismatchError('index/manifest.json was built with another model.');
        },
        stream: () => {
          throw new Error('unused');
        },
      }),
    });
    const res = await app.request('/api/ask', postJson({ question: CORPUS_QUESTION }));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    const text = await res.text();
    expect(text).not.toContain('manifest.json');
    expect(logs.filter((l) => l.level === 'error')).toEqual([]);
    // The harness's logger has no warn: a warning arrives as info marked level: 'warn'.
    const warned = logs.filter((l) => (l as Record<string, unknown>).level === 'warn');
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ msg: 'request not served: service unavailable', error: expect.stringContaining('npm run ingest') });
    expect(warned[0]).not.toHaveProperty('stack');
  });
});
