import { describe, expect, it } from 'vitest';
import { harness, postJson } from './support/app-harness.js';

const preflight = (origin: string, host = 'policydesk.test') =>
  new Request(`http://${host}/api/chat`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });
const refusals = (logs: Array<Record<string, unknown>>) => logs.filter((l) => l.msg === 'cors refused');

describe('a refused cross-origin caller is logged by origin', () => {
  it('a preflight from an unlisted origin logs the origin and what to set', async () => {
    const { app, logs } = await harness({ env: { ALLOWED_ORIGINS: 'https://portal.example.org' } });
    const res = await app.request(preflight('https://intranet.example.org'));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(refusals(logs)).toEqual([expect.objectContaining({ origin: 'https://intranet.example.org', method: 'OPTIONS', path: '/api/chat', fix: expect.stringContaining('ALLOWED_ORIGINS') })]);
  });

  it('also with ALLOWED_ORIGINS unset', async () => {
    const { app, logs } = await harness();
    await app.request(preflight('http://localhost:3000'));
    expect(refusals(logs).map((l) => l.origin)).toEqual(['http://localhost:3000']);
  });

  it('a listed origin, and a same-origin POST (browsers send Origin there too), log nothing', async () => {
    const { app, logs } = await harness({ env: { ALLOWED_ORIGINS: 'https://portal.example.org' } });
    await app.request(preflight('https://portal.example.org'));
    await app.request(
      new Request('http://policydesk.test/api/ask', {
        ...postJson({ question: '区域性医疗中心按多少人口配置一家？' }),
        headers: { 'Content-Type': 'application/json', Origin: 'http://policydesk.test' },
      }),
    );
    expect(refusals(logs)).toEqual([]);
  });

  it('a request without Origin (curl, a server) logs nothing', async () => {
    const { app, logs } = await harness();
    await app.request('/api/ask', postJson({ question: '区域性医疗中心按多少人口配置一家？' }));
    expect(refusals(logs)).toEqual([]);
  });

  it('an absurdly long Origin is cut in the log', async () => {
    const { app, logs } = await harness();
    await app.request(preflight(`https://${'a'.repeat(5000)}.example`));
    expect(String(refusals(logs)[0]!.origin).length).toBe(200);
  });
});
