import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Answer, Answerer } from '../../src/answer/types.js';
import { createWorkerDeps } from '../../src/worker/create-worker-deps.js';
import { parseWorkerData } from '../../src/worker/worker-data.js';

/**
 * The HTTP contract of the Node service (test/http), run against the Worker in workerd
 * (`wrangler dev --local`, started by workerd-global-setup.ts): same routes, statuses,
 * JSON shapes and headers. Retrieval there is lexical: no AI or VECTORIZE bindings locally.
 */
const CORPUS_QUESTION = '区域性医疗中心按多少人口配置一家？';
const OUTSIDE_QUESTION = '北京市2023年的医保报销比例是多少？';
const ALLOWED_ORIGIN = 'https://intranet.example.org';

let base: string;
/** The same bundle assembled in this Node process: what the Worker must answer, byte for byte. */
let inProcess: Answerer;

const ask = (body: unknown, headers: Record<string, string> = {}, path = '/api/ask') =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const withoutId = ({ answerId: _id, ...rest }: Answer) => rest;

async function errorOf(res: Response) {
  const body = await res.json();
  expect(body).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
  return body.error as { code: string; message: string };
}

/** Parses a text/event-stream body into its events. */
function parseSse(text: string): Array<{ event: string; data: unknown }> {
  return text
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split(/\r?\n/);
      const event =
        lines
          .find((l) => l.startsWith('event:'))
          ?.slice(6)
          .trim() ?? 'message';
      const data = lines
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trimStart())
        .join('\n');
      return { event, data: JSON.parse(data) };
    });
}

beforeAll(async () => {
  base = inject('workerUrl');
  const module = (await import(pathToFileURL(join(import.meta.dirname, '../../dist/worker/worker-data.js')).href)) as { default: string };
  const deps = await createWorkerDeps({ data: parseWorkerData(module.default), env: {}, logger: { info: () => {}, error: () => {} } });
  inProcess = deps.answerer;
});

describe('Worker in workerd: health', () => {
  it('GET /healthz answers ok', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz is ready on the lexical path and says why', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ready).toBe(true);
    expect(body.checks.retrieval).toEqual({ mode: 'lexical', denseConfigured: false, reason: 'the AI and VECTORIZE bindings are not configured' });
    expect(body.checks.corpus.passages).toBeGreaterThan(100);
    expect(body.checks.feedback).toEqual({ ok: true, detail: 'stored in D1 (FEEDBACK_DB)' });
    expect(body.checks.access).toEqual({ mode: 'local-only', detail: expect.stringContaining('wrangler secret put API_KEYS') });
  });
});

describe('Worker in workerd: answering', () => {
  it('POST /api/ask answers a corpus question with the quoted passage and its citation', async () => {
    const res = await ask({ question: CORPUS_QUESTION });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('x-request-id')).toEqual(expect.any(String));
    const body = (await res.json()) as Answer;
    expect(body.abstained).toBe(false);
    expect(body.answer).toContain('[1]');
    expect(body.citations[0]!.docNumber).toBe('沪卫发〔2023〕2号');
    expect(body.citations[0]!.quote).toContain('30-50万人口配置一家区域性医疗中心');
    expect(withoutId(body)).toEqual(withoutId(await inProcess.answer(CORPUS_QUESTION)));
  });

  it('POST /api/ask abstains, with 200, on a question the corpus does not cover', async () => {
    const res = await ask({ question: OUTSIDE_QUESTION });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Answer;
    expect(body.abstained).toBe(true);
    expect(body.citations).toEqual([]);
    expect(withoutId(body)).toEqual(withoutId(await inProcess.answer(OUTSIDE_QUESTION)));
  });

  it('POST /api/ask follows up with the history ("这条是哪个文件里的？")', async () => {
    const first = (await (await ask({ question: CORPUS_QUESTION })).json()) as Answer;
    const history = [{ question: CORPUS_QUESTION, answer: first.answer, citations: first.citations.map((c) => ({ id: c.id })) }];
    const body = (await (await ask({ question: '这条是哪个文件里的？', history })).json()) as Answer;
    expect(body.citations[0]!.id).toBe(first.citations[0]!.id);
    expect(body.answer).toContain('2023年上海市卫生健康工作要点');
  });

  it('POST /api/chat streams deltas, then citations, then the finished answer (SSE)', async () => {
    const res = await ask({ question: CORPUS_QUESTION }, {}, '/api/chat');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = parseSse(await res.text());
    const kinds = events.map((e) => e.event);
    expect(kinds.filter((k) => k === 'delta').length).toBeGreaterThan(1);
    expect(kinds.slice(-2)).toEqual(['citations', 'done']);
    expect(kinds.indexOf('citations')).toBe(kinds.lastIndexOf('delta') + 1);
    const done = events.at(-1)!.data as Answer;
    const text = events
      .filter((e) => e.event === 'delta')
      .map((e) => (e.data as { text: string }).text)
      .join('');
    expect(text).toBe(done.answer);
    expect((events.at(-2)!.data as { citations: unknown }).citations).toEqual(done.citations);
    expect(withoutId(done)).toEqual(withoutId(await inProcess.answer(CORPUS_QUESTION)));
  });

  it('GET /api/passages/:id returns the passage in context; an unknown id is a 404 saying what to use', async () => {
    const cited = ((await (await ask({ question: CORPUS_QUESTION })).json()) as Answer).citations[0]!;
    const res = await fetch(`${base}/api/passages/${encodeURIComponent(cited.id)}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.passage.id).toBe(cited.id);
    expect(body.document.docNumber).toBe(cited.docNumber);
    expect(body.document).not.toHaveProperty('sourceFile');
    expect(body.neighbours.before.length + body.neighbours.after.length).toBeGreaterThan(0);

    const missing = await fetch(`${base}/api/passages/${encodeURIComponent('no-such-doc#9.9')}`);
    expect(missing.status).toBe(404);
    const error = await errorOf(missing);
    expect(error.code).toBe('passage_not_found');
    expect(error.message).toContain('citations[].id');
  });

  it('POST /api/feedback stores a rating for an answer (in local D1; see worker-feedback-d1.workerd.test.ts)', async () => {
    const answer = (await (await ask({ question: CORPUS_QUESTION })).json()) as Answer;
    const res = await ask({ answerId: answer.answerId, question: CORPUS_QUESTION, rating: 'up' }, {}, '/api/feedback');
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: expect.any(String), stored: true });
  });
});

describe('Worker in workerd: request errors', () => {
  it('400 for a body that is not JSON', async () => {
    const res = await ask('{"question": "区域');
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('invalid_json');
  });

  it('413 for a body over 32 KiB', async () => {
    const res = await ask({ question: CORPUS_QUESTION, history: [{ question: '问', answer: 'x'.repeat(33 * 1024) }] });
    expect(res.status).toBe(413);
    expect((await errorOf(res)).message).toContain('32 KiB');
  });

  it('415 for another content type, naming the one to use', async () => {
    const res = await fetch(`${base}/api/ask`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ question: CORPUS_QUESTION }) });
    expect(res.status).toBe(415);
    const error = await errorOf(res);
    expect(error.code).toBe('unsupported_media_type');
    expect(error.message).toContain('Content-Type: application/json');
  });

  it.each([
    ['an empty question', { question: '   ' }, 'question: is empty'],
    ['a question one over the limit', { question: '问'.repeat(2001) }, 'question: is 2001 characters; shorten it to at most 2000'],
    ['a misspelt field', { questoin: CORPUS_QUESTION, question: CORPUS_QUESTION }, 'unknown field(s) questoin'],
  ])('422 for %s', async (_name, body, message) => {
    const res = await ask(body);
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain(message);
  });

  it('404 for an unknown route, and for Slack, which the Worker does not serve', async () => {
    expect((await errorOf(await ask({ question: CORPUS_QUESTION }, {}, '/api/answer'))).code).toBe('not_found');
    const slack = await ask({ type: 'url_verification', challenge: 'x' }, {}, '/slack/events');
    expect(slack.status).toBe(404);
    const error = await errorOf(slack);
    expect(error.code).toBe('slack_disabled');
    expect(error.message).toContain('Node service');
  });
});

describe('Worker in workerd: CORS and the widget', () => {
  const preflight = (origin: string) =>
    fetch(`${base}/api/chat`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });

  it('a listed origin gets Allow-Origin on the preflight and on the response', async () => {
    const pre = await preflight(ALLOWED_ORIGIN);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    const res = await ask({ question: CORPUS_QUESTION }, { Origin: ALLOWED_ORIGIN });
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
  });

  it('any other origin gets no CORS headers', async () => {
    const pre = await preflight('https://evil.example.com');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const res = await ask({ question: CORPUS_QUESTION }, { Origin: 'https://evil.example.com' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('GET /widget.js serves the widget script, revalidated by ETag', async () => {
    const res = await fetch(`${base}/widget.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/javascript/);
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    // Served precompressed (brotli/gzip): workerd must pass the bytes on, not encode them a second time.
    expect(await res.text()).toContain('policydesk-widget');
    const again = await fetch(`${base}/widget.js`, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
  });

  it('GET / serves the demo page that embeds the widget', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('/widget.js');
  });
});
