import { describe, expect, it } from 'vitest';
import { CloudflareApi } from '../../src/worker/cloudflare-api.js';

interface Seen {
  method: string;
  url: string;
  headers: Headers;
  body: string | undefined;
}

/** A stand-in for Cloudflare's API that answers in its documented envelope; nothing leaves the process. */
function fakeCloudflare(respond: (seen: Seen) => { status?: number; body: unknown }) {
  const seen: Seen[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const s = { method: init?.method ?? 'GET', url: String(input), headers: new Headers(init?.headers), body: init?.body as string | undefined };
    seen.push(s);
    const { status = 200, body } = respond(s);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { seen, api: new CloudflareApi({ accountId: 'acc123', apiToken: 'secret-token', fetch: fetchFn }) };
}

const ok = (result: unknown) => ({ body: { success: true, errors: [], messages: [], result } });

describe('CloudflareApi', () => {
  it('aiBinding().run posts the inputs to /ai/run/{model} with the token and returns result', async () => {
    const { seen, api } = fakeCloudflare(() => ok({ shape: [1, 2], data: [[0.1, 0.2]] }));
    const out = await api.aiBinding().run('@cf/baai/bge-m3', { text: ['问题'] });
    expect(out).toEqual({ shape: [1, 2], data: [[0.1, 0.2]] });
    expect(seen[0]).toMatchObject({ method: 'POST', url: 'https://api.cloudflare.com/client/v4/accounts/acc123/ai/run/@cf/baai/bge-m3', body: '{"text":["问题"]}' });
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer secret-token');
  });

  it('vectorize().upsert sends NDJSON, one record per line', async () => {
    const { seen, api } = fakeCloudflare(() => ok({ mutationId: 'm1' }));
    await api.vectorize('policydesk-bge-m3').upsert([
      { id: 'a', values: [1, 0], namespace: 'passages', metadata: { passageId: 'd#1' } },
      { id: 'b', values: [0, 1], namespace: 'passages', metadata: { passageId: 'd#2' } },
    ]);
    expect(seen[0]!.url).toBe('https://api.cloudflare.com/client/v4/accounts/acc123/vectorize/v2/indexes/policydesk-bge-m3/upsert');
    expect(seen[0]!.headers.get('content-type')).toBe('application/x-ndjson');
    expect(seen[0]!.body!.split('\n').map((l) => JSON.parse(l).id)).toEqual(['a', 'b']);
  });

  it('vectorize().listIds follows the cursor until the listing is complete', async () => {
    const { seen, api } = fakeCloudflare((s) =>
      new URL(s.url).searchParams.get('cursor') === 'c2'
        ? ok({ count: 1, totalCount: 3, isTruncated: false, vectors: [{ id: 'z' }] })
        : ok({ count: 2, totalCount: 3, isTruncated: true, nextCursor: 'c2', vectors: [{ id: 'x' }, { id: 'y' }] }),
    );
    const ids: string[] = [];
    for await (const id of api.vectorize('idx').listIds()) ids.push(id);
    expect(ids).toEqual(['x', 'y', 'z']);
    expect(seen).toHaveLength(2);
  });

  it('a failure carries Cloudflare’s reason and status, never the token', async () => {
    const { api } = fakeCloudflare(() => ({ status: 403, body: { success: false, errors: [{ code: 10000, message: 'Authentication error' }], result: null } }));
    const error = (await api
      .vectorize('idx')
      .describe()
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('Cloudflare API GET /vectorize/v2/indexes/idx failed with HTTP 403: 10000: Authentication error');
    expect(error.message).not.toContain('secret-token');
  });

  it('a body that is not the API envelope is a failure, not a result', async () => {
    const { api } = fakeCloudflare(() => ({ status: 502, body: 'Bad gateway' }));
    await expect(api.aiBinding().run('@cf/baai/bge-m3', { text: ['x'] })).rejects.toThrow(/HTTP 502/);
  });
});
