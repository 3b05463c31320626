import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { HYBRID_EXPERIMENTAL } from '../../src/worker/create-worker-deps.js';
import { LEXICAL_NOTICE } from '../../src/worker/fallback-answerer.js';
import { startWorker, type RunningWorker } from './support/start-worker.js';

/**
 * BINDING_TIMEOUT_MS in workerd: AI and VECTORIZE are RPC service bindings to stub Workers
 * (fixtures/slow-bindings), whose Workers AI never answers. Without the timeout the question
 * would wait ten minutes; with it, the answer comes lexically and /readyz says why.
 */
const FIXTURES = join(import.meta.dirname, 'fixtures/slow-bindings');
let worker: RunningWorker;

beforeAll(async () => {
  worker = await startWorker({ configs: [join(FIXTURES, 'wrangler.toml'), join(FIXTURES, 'stubs.wrangler.toml')], migrate: false, vars: { BINDING_TIMEOUT_MS: '750' } });
});
afterAll(async () => {
  await worker?.stop();
});

const readyz = async () => (await (await fetch(`${worker.url}/readyz`)).json()).checks.retrieval;

describe('Worker in workerd with a Workers AI binding that never answers', () => {
  it('before the first question: hybrid (the Vectorize manifest matches), marked experimental', async () => {
    expect(await readyz()).toEqual({ mode: 'hybrid', denseConfigured: true, calibration: HYBRID_EXPERIMENTAL });
  });

  it('POST /api/ask answers lexically once BINDING_TIMEOUT_MS has passed, with the notice', async () => {
    const res = await fetch(`${worker.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '区域性医疗中心按多少人口配置一家？' }) });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as Answer;
    expect(answer.abstained).toBe(false);
    expect(answer.notice).toContain(LEXICAL_NOTICE);
    expect(answer.citations[0]!.quote).toContain('30-50万人口配置一家区域性医疗中心');
  });

  it('/readyz then says lexical, and why', async () => {
    expect(await readyz()).toMatchObject({ mode: 'lexical', denseConfigured: true, reason: 'AI: @cf/baai/bge-m3 failed: timed out after 750 ms', retryAt: expect.any(Number) });
  });
});
