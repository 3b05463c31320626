import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { requestAsHost } from './support/request-as-host.js';
import { startWorker, type RunningWorker } from './support/start-worker.js';

/**
 * Who may call the Worker, in workerd (`wrangler dev --local`). A request addressed to a
 * workers.dev hostname is what a deployed Worker receives; one to 127.0.0.1 is `wrangler dev`.
 */
const DEPLOYED_HOST = 'policydesk.example.workers.dev';
const QUESTION = JSON.stringify({ question: '区域性医疗中心按多少人口配置一家？' });
const post = (url: string, headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: QUESTION, url });

describe('Worker in workerd, no API_KEYS and no PUBLIC_API (the default wrangler.toml)', () => {
  let base: string;
  beforeAll(() => {
    base = inject('workerUrl');
  });

  it('refuses /api/* addressed to a deployed hostname with 403, saying how to set a key', async () => {
    const res = await requestAsHost(`${base}/api/ask`, DEPLOYED_HOST, post(base));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('api_keys_not_configured');
    expect(res.body.error.message).toContain('npx wrangler secret put API_KEYS');
    expect(res.body.error.message).toContain('PUBLIC_API');
  });

  it('answers the same request on localhost (wrangler dev)', async () => {
    const res = await fetch(`${base}/api/ask`, post(base));
    expect(res.status).toBe(200);
  });

  it('/readyz on the deployed hostname: ready, without the checks', async () => {
    const res = await requestAsHost(`${base}/readyz`, DEPLOYED_HOST);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ready: true, detail: expect.stringContaining('Authorization: Bearer') });
  });

  it('/healthz answers on any hostname', async () => {
    expect(await requestAsHost(`${base}/healthz`, DEPLOYED_HOST)).toEqual({ status: 200, body: { status: 'ok' } });
  });
});

describe('Worker in workerd with API_KEYS or PUBLIC_API', () => {
  let keyed: RunningWorker;
  let open: RunningWorker;
  beforeAll(async () => {
    keyed = await startWorker({ vars: { API_KEYS: 'k-alpha-19,k-beta-77', LLM_MODEL: 'private-model' } });
    open = await startWorker({ vars: { PUBLIC_API: 'true' } });
  });
  afterAll(async () => {
    await keyed?.stop();
    await open?.stop();
  });

  it('API_KEYS: no key is 401, a wrong key 401, a listed key 200, on any hostname', async () => {
    expect((await requestAsHost(`${keyed.url}/api/ask`, DEPLOYED_HOST, post(keyed.url))).status).toBe(401);
    expect((await fetch(`${keyed.url}/api/ask`, post(keyed.url, { Authorization: 'Bearer k-alpha' }))).status).toBe(401);
    expect((await requestAsHost(`${keyed.url}/api/ask`, DEPLOYED_HOST, post(keyed.url, { Authorization: 'Bearer k-beta-77' }))).status).toBe(200);
  });

  it('API_KEYS: /readyz shows the checks only with a key', async () => {
    const anonymous = await requestAsHost(`${keyed.url}/readyz`, DEPLOYED_HOST);
    expect(anonymous.body.checks).toBeUndefined();
    const withKey = await requestAsHost(`${keyed.url}/readyz`, DEPLOYED_HOST, { headers: { Authorization: 'Bearer k-alpha-19' } });
    expect(withKey.body.checks.access).toEqual({ mode: 'keys', detail: expect.stringContaining('2 API key(s)') });
    expect(withKey.body.checks.bindingTimeoutMs).toBe(2000);
  });

  it('PUBLIC_API = "true": a deployed hostname is answered without a key', async () => {
    expect((await requestAsHost(`${open.url}/api/ask`, DEPLOYED_HOST, post(open.url))).status).toBe(200);
  });
});
