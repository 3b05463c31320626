import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWorker } from '../../src/worker/create-worker.js';
import type { WorkerData } from '../../src/worker/worker-data.js';
import { startFakeSlackApi, type FakeSlackApi } from '../slack/support/fake-slack-api.js';
import { seedWorkerData } from './support/worker-fixtures.js';

let logs: Array<Record<string, unknown>>;
const logger = { info: (e: Record<string, unknown>) => logs.push(e), error: (e: Record<string, unknown>) => logs.push({ level: 'error', ...e }) };
/** `wrangler dev` serves on localhost; a deployed Worker on its route's hostname. */
const LOCAL = 'http://127.0.0.1:8787';
const DEPLOYED = 'https://policydesk.example.workers.dev';
const ask = (origin = LOCAL, headers: Record<string, string> = {}) =>
  new Request(`${origin}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ question: '区域性医疗中心按多少人口配置一家？' }) });

let data: WorkerData;
beforeAll(async () => {
  data = await seedWorkerData();
});
beforeEach(() => {
  logs = [];
});

describe('createWorker', () => {
  it('assembles the app once, on the first request, even when requests arrive together', async () => {
    const text = JSON.stringify(await seedWorkerData());
    let reads = 0;
    const worker = createWorker({ dataText: () => (reads++, text), logger });
    expect(reads).toBe(0);
    const responses = await Promise.all([worker.fetch(ask(), {}), worker.fetch(new Request(`${LOCAL}/readyz`), {}), worker.fetch(ask(), {})]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(reads).toBe(1);
    expect(logs.filter((l) => l.msg === 'ready')).toHaveLength(1);
  });

  it('GET /healthz answers without loading the data, and still answers when a var is invalid', async () => {
    let reads = 0;
    const worker = createWorker({ dataText: () => (reads++, '{}'), logger });
    const res = await worker.fetch(new Request(`${DEPLOYED}/healthz`), { RATE_LIMIT_PER_MINUTE: 'lots' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(reads).toBe(0);
  });

  it('a broken bundle: 503 without the detail, logged in full, and the next request tries again', async () => {
    const good = JSON.stringify(await seedWorkerData());
    let text = good.slice(0, 1000);
    const worker = createWorker({ dataText: () => text, logger });
    const res = await worker.fetch(ask(), {});
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.error.code).toBe('not_ready');
    expect(JSON.stringify(body)).not.toContain('build:worker');
    expect(logs.find((l) => l.level === 'error')?.error).toContain('npm run build:worker');

    text = good;
    expect((await worker.fetch(ask(), {})).status).toBe(200);
  });

  it('an invalid var: 500 naming only the request id; the log names the variable; the data is parsed once', async () => {
    const text = JSON.stringify(await seedWorkerData());
    let reads = 0;
    const worker = createWorker({ dataText: () => (reads++, text), logger });
    const res = await worker.fetch(ask(), { RATE_LIMIT_PER_MINUTE: 'lots' });
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error.code).toBe('internal_error');
    expect(JSON.stringify(body)).not.toContain('RATE_LIMIT_PER_MINUTE');
    expect(logs.find((l) => l.level === 'error')).toMatchObject({ requestId: body.error.requestId, error: expect.stringContaining('RATE_LIMIT_PER_MINUTE') });
    expect((await worker.fetch(ask(), { RATE_LIMIT_PER_MINUTE: 'lots' })).status).toBe(500);
    expect((await worker.fetch(ask(), { RATE_LIMIT_PER_MINUTE: '60' })).status).toBe(200);
    // The bundle was read and parsed by the first request only, not again by each failing one.
    expect(reads).toBe(1);
  });
});

describe('createWorker: closed by default', () => {
  it('deployed without API_KEYS: /api/* is refused with 403, saying how to set a key and how to open it', async () => {
    const worker = createWorker({ dataText: () => JSON.stringify(data), logger });
    const res = await worker.fetch(ask(DEPLOYED), {});
    expect(res.status).toBe(403);
    const { error } = await res.json();
    expect(error.code).toBe('api_keys_not_configured');
    expect(error.message).toContain('npx wrangler secret put API_KEYS');
    expect(error.message).toContain('PUBLIC_API = "true"');
  });

  it('wrangler dev (a request to localhost) answers without a key', async () => {
    const worker = createWorker({ dataText: () => JSON.stringify(data), logger });
    for (const origin of ['http://localhost:8787', 'http://127.0.0.1:8787', 'http://[::1]:8787']) expect((await worker.fetch(ask(origin), {})).status).toBe(200);
  });

  it('PUBLIC_API = "true" opens it; any other value keeps it closed', async () => {
    const worker = createWorker({ dataText: () => JSON.stringify(data), logger });
    expect((await worker.fetch(ask(DEPLOYED), { PUBLIC_API: 'true' })).status).toBe(200);
    const closed = createWorker({ dataText: () => JSON.stringify(data), logger });
    expect((await closed.fetch(ask(DEPLOYED), { PUBLIC_API: 'false' })).status).toBe(403);
    const invalid = createWorker({ dataText: () => JSON.stringify(data), logger });
    expect((await invalid.fetch(ask(DEPLOYED), { PUBLIC_API: 'yes' })).status).toBe(500);
    expect(logs.find((l) => l.level === 'error')?.error).toContain('PUBLIC_API');
  });

  it('with API_KEYS: a key is needed, also on localhost, and PUBLIC_API does not waive it', async () => {
    const worker = createWorker({ dataText: () => JSON.stringify(data), logger });
    const env = { API_KEYS: 'key-one,key-two', PUBLIC_API: 'true' };
    expect((await worker.fetch(ask(LOCAL), env)).status).toBe(401);
    expect((await worker.fetch(ask(DEPLOYED), env)).status).toBe(401);
    expect((await worker.fetch(ask(DEPLOYED, { Authorization: 'Bearer key-two' }), env)).status).toBe(200);
    const checks = await (await worker.fetch(new Request(`${DEPLOYED}/readyz`, { headers: { Authorization: 'Bearer key-one' } }), env)).json();
    expect(checks.checks.access.detail).toContain('PUBLIC_API is ignored while keys are set');
  });

  it('/readyz: the checks only with a key (or on wrangler dev); others see only whether it is ready', async () => {
    const worker = createWorker({ dataText: () => JSON.stringify(data), logger });
    const env = { API_KEYS: 'key-one', LLM_BASE_URL: 'https://llm.internal.example/v1', LLM_MODEL: 'secret-model-name' };
    const anonymous = await worker.fetch(new Request(`${DEPLOYED}/readyz`), env);
    expect(anonymous.status).toBe(200);
    const body = await anonymous.json();
    expect(body).toEqual({ ready: true, detail: expect.stringContaining('Authorization: Bearer') });
    expect(JSON.stringify(body)).not.toContain('secret-model-name');

    const withKey = await (await worker.fetch(new Request(`${DEPLOYED}/readyz`, { headers: { Authorization: 'Bearer key-one' } }), env)).json();
    expect(withKey.checks.answering.model).toBe('secret-model-name');
    expect(withKey.checks.access).toEqual({ mode: 'keys', detail: expect.stringContaining('1 API key(s)') });

    const local = createWorker({ dataText: () => JSON.stringify(data), logger });
    const devChecks = await (await local.fetch(new Request(`${LOCAL}/readyz`), {})).json();
    expect(devChecks.checks.access.mode).toBe('local-only');
    const deployedChecks = await (await local.fetch(new Request(`${DEPLOYED}/readyz`), {})).json();
    expect(deployedChecks.checks).toBeUndefined();
  });
});

describe('createWorker: logs', () => {
  it('request lines carry isolateRequests and no latencyMs (workerd’s clock stands still during CPU work)', async () => {
    const worker = createWorker({ dataText: () => JSON.stringify(data), logger });
    await worker.fetch(ask(), {});
    await worker.fetch(ask(), {});
    const requests = logs.filter((l) => l.msg === 'request');
    expect(requests.map((l) => l.isolateRequests)).toEqual([1, 2]);
    expect(requests.every((l) => !('latencyMs' in l))).toBe(true);
    expect(requests[0]).toMatchObject({ route: '/api/ask', status: 200, abstained: false });
    expect(logs.find((l) => l.msg === 'ready')).toMatchObject({ runtime: 'workerd', passages: data.corpus.passages.length, bm25Terms: expect.any(Number), dataBytes: expect.any(Number) });
  });
});

describe('the weekly gap digest (scheduled) without its settings', () => {
  let api: FakeSlackApi;
  beforeAll(async () => {
    api = await startFakeSlackApi();
  });
  afterAll(() => api.close());
  // Any use of D1 fails loudly: without its settings the handler must not read the log at all.
  const untouchable = {
    prepare: () => {
      throw new Error('D1 was read');
    },
  };

  it.each([
    ['GAPS_SLACK_CHANNEL', { SLACK_BOT_TOKEN: 'xoxb-1', FEEDBACK_DB: untouchable }, /^the GAPS_SLACK_CHANNEL var is not set$/],
    ['SLACK_BOT_TOKEN', { GAPS_SLACK_CHANNEL: 'C0GAPS', FEEDBACK_DB: untouchable }, /^the SLACK_BOT_TOKEN secret is not set$/],
    ['both', { GAPS_SLACK_CHANNEL: ' ', FEEDBACK_DB: untouchable }, /^the GAPS_SLACK_CHANNEL var, the SLACK_BOT_TOKEN secret are not set$/],
    ['FEEDBACK_DB', { GAPS_SLACK_CHANNEL: 'C0GAPS', SLACK_BOT_TOKEN: 'xoxb-1' }, /^the FEEDBACK_DB binding is not set$/],
  ])('without %s it logs why and posts nothing', async (_name, env, reason) => {
    const worker = createWorker({ dataText: () => JSON.stringify(data), logger });
    await worker.scheduled({ cron: '0 1 * * 1', scheduledTime: Date.now() }, { ...env, SLACK_API_URL: api.url } as never);
    expect(logs).toEqual([{ msg: 'gap digest not posted', reason: expect.stringMatching(reason) }]);
    expect(api.calls).toEqual([]);
  });
});
