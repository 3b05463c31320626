import { afterEach, describe, expect, it } from 'vitest';
import { CORPUS_QUESTION, harness, postJson } from './support/app-harness.js';
import { startSeedServer, type SeedServer } from './support/start-seed-server.js';

describe('API keys (API_KEYS)', () => {
  const env = { API_KEYS: 'key-one-7f3a, key-two-91bc' };

  it('401 without a key, with WWW-Authenticate and how to send one', async () => {
    const { app } = await harness({ env });
    const res = await app.request('/api/ask', postJson({ question: CORPUS_QUESTION }));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    const body = await res.json();
    expect(body.error.code).toBe('unauthorized');
    expect(body.error.message).toContain('Authorization: Bearer');
  });

  it.each([
    ['a wrong key', 'Bearer key-one-7f3b'],
    ['a prefix of a key', 'Bearer key-one'],
    ['a key with another scheme', 'Basic key-one-7f3a'],
  ])('401 for %s, without echoing any configured key', async (_name, authorization) => {
    const { app } = await harness({ env });
    const res = await app.request('/api/ask', postJson({ question: CORPUS_QUESTION }, { Authorization: authorization }));
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(text).not.toContain('key-one-7f3a');
    expect(text).not.toContain('key-two-91bc');
  });

  it('200 with either configured key', async () => {
    const { app } = await harness({ env });
    for (const key of ['key-one-7f3a', 'key-two-91bc']) {
      const res = await app.request('/api/ask', postJson({ question: CORPUS_QUESTION }, { Authorization: `Bearer ${key}` }));
      expect(res.status).toBe(200);
    }
  });

  it('leaves the health checks, the demo page and the widget open', async () => {
    const { app } = await harness({ env });
    for (const path of ['/healthz', '/readyz', '/', '/widget.js']) expect((await app.request(path)).status).toBe(200);
  });

  it('limits refused keys to 10 a minute: the 11th attempt is 429 whatever key it carries', async () => {
    const { app, advance } = await harness({ env });
    const ask = (key: string) => app.request('/api/ask', postJson({ question: CORPUS_QUESTION }, { Authorization: `Bearer ${key}` }));
    for (let i = 0; i < 10; i++) expect((await ask(`guess-${i}`)).status).toBe(401);
    const limited = await ask('key-one-7f3a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('6');
    expect((await limited.json()).error.message).toContain('refused API keys');
    // Another client is not affected; after the wait the right key is accepted again.
    expect((await app.request('/api/ask', postJson({ question: CORPUS_QUESTION }, { Authorization: 'Bearer key-one-7f3a', 'x-test-client': 'client-b' }))).status).toBe(200);
    advance(6_000);
    expect((await ask('key-one-7f3a')).status).toBe(200);
  });

  it('counts refused keys against the ordinary rate limit too', async () => {
    const { app } = await harness({ env: { ...env, RATE_LIMIT_PER_MINUTE: '3' } });
    const ask = (key: string) => app.request('/api/ask', postJson({ question: CORPUS_QUESTION }, { Authorization: `Bearer ${key}` }));
    expect((await ask('guess-1')).status).toBe(401);
    expect((await ask('guess-2')).status).toBe(401);
    expect((await ask('key-one-7f3a')).status).toBe(200);
    expect((await ask('key-one-7f3a')).status).toBe(429);
  });

  it('needs no key when API_KEYS is empty', async () => {
    const { app } = await harness();
    expect((await app.request('/api/ask', postJson({ question: CORPUS_QUESTION }))).status).toBe(200);
  });
});

describe('rate limit (RATE_LIMIT_PER_MINUTE)', () => {
  it('429 with Retry-After once a client has used its minute, and again allowed after that wait', async () => {
    const { app, advance } = await harness({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    const ask = (client = 'client-a') => app.request('/api/ask', postJson({ question: CORPUS_QUESTION }, { 'x-test-client': client }));
    for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(200);
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('20');
    const body = await limited.json();
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toContain('Retry after 20 s');

    expect((await ask('client-b')).status).toBe(200);

    advance(19_000);
    const early = await ask();
    expect(early.status).toBe(429);
    expect(early.headers.get('retry-after')).toBe('1');
    advance(1_000);
    expect((await ask()).status).toBe(200);
  });

  it('counts rejected requests of other kinds too (a flood of bad bodies is limited)', async () => {
    const { app } = await harness({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    const bad = () => app.request('/api/ask', postJson('not json'));
    expect((await bad()).status).toBe(400);
    expect((await bad()).status).toBe(400);
    expect((await bad()).status).toBe(429);
  });
});

describe('rate limit on the Node server: who a client is (TRUST_PROXY)', () => {
  let server: SeedServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const ask = (headers: Record<string, string>) => fetch(`${server!.url}/api/ask`, postJson({ question: CORPUS_QUESTION }, headers) as RequestInit);

  it('a new CF-Connecting-IP or X-Forwarded-For per request does not escape the limit', async () => {
    server = await startSeedServer({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    expect((await ask({ 'CF-Connecting-IP': '198.51.100.1' })).status).toBe(200);
    expect((await ask({ 'CF-Connecting-IP': '198.51.100.2', 'X-Forwarded-For': '198.51.100.2' })).status).toBe(200);
    expect((await ask({ 'CF-Connecting-IP': '198.51.100.3', 'X-Forwarded-For': '198.51.100.3' })).status).toBe(429);
  });

  it('behind a configured proxy (TRUST_PROXY=loopback) each forwarded client has its own limit', async () => {
    server = await startSeedServer({ env: { RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: 'loopback' } });
    expect((await ask({ 'X-Forwarded-For': '198.51.100.1' })).status).toBe(200);
    // A client's own prefix is not believed: the proxy appended the address it saw.
    expect((await ask({ 'X-Forwarded-For': '203.0.113.9, 198.51.100.1' })).status).toBe(429);
    expect((await ask({ 'X-Forwarded-For': '198.51.100.2' })).status).toBe(200);
  });
});

describe('CORS (ALLOWED_ORIGINS)', () => {
  const env = { ALLOWED_ORIGINS: 'https://intranet.example.org,https://portal.example.org' };
  const preflight = (origin: string) =>
    new Request('http://localhost/api/chat', {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });

  it('allows a listed origin: preflight and the actual response carry its Allow-Origin', async () => {
    const { app } = await harness({ env });
    const pre = await app.request(preflight('https://portal.example.org'));
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://portal.example.org');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');

    const res = await app.request('/api/ask', postJson({ question: CORPUS_QUESTION }, { Origin: 'https://portal.example.org' }));
    expect(res.headers.get('access-control-allow-origin')).toBe('https://portal.example.org');
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('refuses any other origin: no Allow-Origin header, so the browser withholds the response', async () => {
    const { app } = await harness({ env });
    const pre = await app.request(preflight('https://evil.example.net'));
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const res = await app.request('/api/ask', postJson({ question: CORPUS_QUESTION }, { Origin: 'https://intranet.example.org.evil.net' }));
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows no cross-origin caller when ALLOWED_ORIGINS is empty', async () => {
    const { app } = await harness();
    const pre = await app.request(preflight('https://portal.example.org'));
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });
});
