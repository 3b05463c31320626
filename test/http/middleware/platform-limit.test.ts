import { Hono } from 'hono';
import { describe, expect, test } from 'vitest';
import { mapError } from '../../../src/http/error-response.js';
import { rateLimit, type PlatformLimit } from '../../../src/http/middleware/rate-limit/index.js';

/** An app limited to 2 a minute per process, with the platform limiter given. */
function app(platformLimit?: PlatformLimit) {
  const a = new Hono();
  a.onError((error, c) => {
    const mapped = mapError(error, 'test');
    return c.json(mapped.body, mapped.status as 429, mapped.headers);
  });
  a.use('*', rateLimit({ perMinute: 2, clock: () => 0, clientKey: () => 'client', ...(platformLimit ? { platformLimit } : {}) }));
  a.get('/', (c) => c.text('ok'));
  return a;
}
const statuses = async (a: Hono, n: number) => Promise.all(Array.from({ length: n }, async () => (await a.request('/')).status));

describe('rateLimit with a platform limiter', () => {
  test('the platform decides when it answers: allowed beyond the process limit, refused below it', async () => {
    expect(
      await statuses(
        app(async () => true),
        4,
      ),
    ).toEqual([200, 200, 200, 200]);
    const refused = await app(async () => false).request('/');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
  });

  test('without one, or when it cannot answer (undefined), the process buckets decide', async () => {
    expect(await statuses(app(), 3)).toEqual([200, 200, 429]);
    expect(
      await statuses(
        app(async () => undefined),
        3,
      ),
    ).toEqual([200, 200, 429]);
  });

  test('it is asked with the client key', async () => {
    const keys: string[] = [];
    await app(async (key) => (keys.push(key), true)).request('/');
    expect(keys).toEqual(['client']);
  });
});
