import { describe, expect, it } from 'vitest';
import type { FeedbackStore } from '../../src/core/feedback.js';
import { MemoryFeedbackStore } from '../../src/store/memory-feedback-store.js';
import { harness } from './support/app-harness.js';

describe('GET /healthz and /readyz', () => {
  it('healthz answers 200 whenever the process is up', async () => {
    const { app } = await harness({ readiness: () => ({ ready: false, checks: {} }) });
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('readyz is 200 with the checks when the runtime is ready', async () => {
    const { app } = await harness({ readiness: () => ({ ready: true, checks: { model: 'BAAI/bge-small-zh-v1.5', manifest: 'checked' } }) });
    const res = await app.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ready: true, checks: { model: 'BAAI/bge-small-zh-v1.5', manifest: 'checked', feedback: { ok: true } } });
  });

  it('readyz is 503 while the runtime is not ready', async () => {
    const { app } = await harness({ readiness: () => ({ ready: false, checks: { index: 'missing: run npm run ingest' } }) });
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect((await res.json()).ready).toBe(false);
  });

  it('readyz is 503 when feedback can no longer be stored', async () => {
    const broken: FeedbackStore = Object.assign(new MemoryFeedbackStore(), { health: () => ({ ok: false, detail: 'last feedback write failed: ENOSPC' }) });
    const { app } = await harness({ feedback: broken });
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect((await res.json()).checks.feedback.detail).toContain('ENOSPC');
  });
});
