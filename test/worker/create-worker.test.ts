import { beforeEach, describe, expect, it } from 'vitest';
import { createWorker } from '../../src/worker/create-worker.js';
import { seedWorkerData } from './support/worker-fixtures.js';

let logs: Array<Record<string, unknown>>;
const logger = { info: (e: Record<string, unknown>) => logs.push(e), error: (e: Record<string, unknown>) => logs.push({ level: 'error', ...e }) };
const ask = () => new Request('http://worker.test/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '区域性医疗中心按多少人口配置一家？' }) });

beforeEach(() => {
  logs = [];
});

describe('createWorker', () => {
  it('assembles the app once, on the first request, even when requests arrive together', async () => {
    const text = JSON.stringify(await seedWorkerData());
    let reads = 0;
    const worker = createWorker({ dataText: () => (reads++, text), logger });
    expect(reads).toBe(0);
    const responses = await Promise.all([worker.fetch(ask(), {}), worker.fetch(new Request('http://worker.test/readyz'), {}), worker.fetch(ask(), {})]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(reads).toBe(1);
    expect(logs.filter((l) => l.msg === 'ready')).toHaveLength(1);
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

  it('an invalid var: 500 naming only the request id; the log names the variable', async () => {
    const text = JSON.stringify(await seedWorkerData());
    const worker = createWorker({ dataText: () => text, logger });
    const res = await worker.fetch(ask(), { RATE_LIMIT_PER_MINUTE: 'lots' });
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error.code).toBe('internal_error');
    expect(JSON.stringify(body)).not.toContain('RATE_LIMIT_PER_MINUTE');
    expect(logs.find((l) => l.level === 'error')).toMatchObject({ requestId: body.error.requestId, error: expect.stringContaining('RATE_LIMIT_PER_MINUTE') });
  });
});
