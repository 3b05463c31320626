import { afterEach, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/types.js';
import { startNodeServer } from '../../src/http/node-server.node.js';
import { CORPUS_QUESTION } from './support/app-harness.js';
import { heldRequest } from './support/held-request.js';
import { startSeedServer, type SeedServer } from './support/start-seed-server.js';

let running: SeedServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('the Node server (@hono/node-server)', () => {
  it('answers /healthz while booting and 503 elsewhere until the app is set', async () => {
    const server = await startNodeServer({ port: 0, hostname: '127.0.0.1' });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
      const ask = await fetch(`${server.url}/api/ask`, { method: 'POST' });
      expect(ask.status).toBe(503);
      expect(ask.headers.get('retry-after')).toBe('5');
    } finally {
      await server.shutdown(100);
    }
  });

  it('a client that aborts a chat stream aborts the answerer', async () => {
    const seen: { signal?: AbortSignal } = {};
    running = await startSeedServer({
      answerer: (real): Answerer => ({
        answer: (q, o) => real.answer(q, o),
        async *stream(q, o = {}) {
          seen.signal = o.signal;
          for await (const event of real.stream(q, o)) {
            yield event;
            // Hold the stream open after the first event until the client leaves.
            await new Promise((resolve) => o.signal?.addEventListener('abort', resolve, { once: true }));
            return;
          }
        },
      }),
    });
    const client = new AbortController();
    const res = await fetch(`${running.url}/api/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ question: CORPUS_QUESTION }),
      signal: client.signal,
    });
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('event: delta');
    client.abort();
    await expect.poll(() => seen.signal?.aborted, { timeout: 5_000 }).toBe(true);
    await expect.poll(() => running!.logs.find((l) => l.route === '/api/chat')).toMatchObject({ stream: 'cancelled' });
  });

  it('shutdown counts the requests in flight and says how many it cut when the grace ran out', async () => {
    running = await startSeedServer();
    const held = heldRequest(running.url, JSON.stringify({ question: CORPUS_QUESTION }));
    await expect.poll(() => running!.server.inFlight()).toBe(1);
    expect(await running.server.shutdown(200)).toEqual({ dropped: 1 });
    await held.response.catch(() => undefined);
    await expect.poll(() => running!.server.inFlight()).toBe(0);
    running = undefined;
  });

  it('shutdown refuses new connections but lets an in-flight request finish', async () => {
    running = await startSeedServer();
    const { url } = running;
    const held = heldRequest(url, JSON.stringify({ question: CORPUS_QUESTION }));
    const connections = () => new Promise<number>((resolve) => running!.server.server.getConnections((_e, n) => resolve(n)));
    await expect.poll(connections).toBeGreaterThan(0);
    let closed = false;
    const shutdown = running.server.shutdown(10_000).then(() => (closed = true));
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    expect(closed).toBe(false);
    held.finish();
    const res = await held.response;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).citations[0].quote).toContain('30-50万人口');
    await shutdown;
    expect(closed).toBe(true);
    running = undefined;
  });
});
