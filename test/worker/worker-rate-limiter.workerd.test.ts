import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type RunningWorker } from './support/start-worker.js';

/**
 * Cloudflare's rate-limiting binding in workerd (wrangler dev simulates it): with RATE_LIMITER
 * bound, the binding's limit (3 a minute in the fixture) decides, not the isolate's buckets
 * (RATE_LIMIT_PER_MINUTE is set far higher here).
 */
let worker: RunningWorker;
beforeAll(async () => {
  worker = await startWorker({ configs: [join(import.meta.dirname, 'fixtures/rate-limiter/wrangler.toml')], migrate: false, vars: { RATE_LIMIT_PER_MINUTE: '1000' } });
});
afterAll(async () => {
  await worker?.stop();
});

describe('Worker with a RATE_LIMITER binding', () => {
  it('the fourth request in a minute gets 429 with Retry-After, though the isolate limit is 1,000', async () => {
    const ask = () => fetch(`${worker.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '区域性医疗中心按多少人口配置一家？' }) });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await ask();
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get('retry-after')).toBe('60');
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
      } else await res.body?.cancel();
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
