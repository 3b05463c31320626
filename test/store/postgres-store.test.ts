import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackRecord } from '../../src/core/feedback.js';
import { PostgresStore } from '../../src/store/postgres-store.node.js';
import { createPrometheusMetrics } from '../../src/http/prometheus-metrics.node.js';
import { seedPipeline } from '../support/seed-pipeline.js';
import { CORPUS_QUESTION, harness, postJson } from '../http/support/app-harness.js';
import { POSTGRES_MISSING, startPostgres, type TestPostgres } from '../support/start-postgres.js';

if (POSTGRES_MISSING) console.warn(POSTGRES_MISSING);

let server: TestPostgres;
let databases = 0;
beforeAll(async () => {
  if (!POSTGRES_MISSING) server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

/** Polls `done` every 50 ms (at most 10 s): state that a timer changes, not a timing claim. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(done()).toBe(true);
}

const freshDatabase = () => server.createDatabase(`store_${++databases}`);
const record = (i: number): FeedbackRecord => ({
  id: `fb-${i}`,
  receivedAt: new Date(Date.UTC(2026, 2, 1, 8, 0, i)).toISOString(),
  source: i % 2 ? 'slack' : 'web',
  answerId: `answer-${i}`,
  rating: i % 2 ? 'down' : 'up',
  question: `第${i}个问题：区域性医疗中心按多少人口配置一家？`,
  ...(i % 2 ? { expectedPassageId: 'doc#2.8', comment: '应引用 "第二部分第8条" \\ ✓' } : {}),
});

describe.skipIf(POSTGRES_MISSING)('PostgresStore (a real PostgreSQL server)', () => {
  it('two processes opening one new database at once apply each migration once', async () => {
    const url = freshDatabase();
    const [a, b] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
    await Promise.all([a.close(), b.close()]);
    const client = new pg.Client(url);
    await client.connect();
    const { rows } = await client.query('SELECT version FROM schema_migrations');
    await client.end();
    expect(rows).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('feedback appended through two stores is read back whole by either, in order, once per id', async () => {
    const url = freshDatabase();
    const [a, b] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
    try {
      await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).feedback.append(record(i))));
      await a.feedback.append(record(3)); // a client retrying
      const fromA = await a.feedback.list();
      expect(fromA).toHaveLength(40);
      expect(new Set(fromA.map((r) => r.id)).size).toBe(40);
      expect([...fromA].sort((x, y) => x.id.localeCompare(y.id))).toEqual(Array.from({ length: 40 }, (_, i) => record(i)).sort((x, y) => x.id.localeCompare(y.id)));
      expect(await b.feedback.list()).toEqual(fromA);
      expect(a.feedback.health()).toEqual({ ok: true });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a delivery claimed concurrently by two stores is claimed by exactly one; the same message under another event id is not claimed again', async () => {
    const url = freshDatabase();
    const [a, b] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
    try {
      for (let i = 0; i < 20; i++) {
        const keys = [`event:Ev${i}`, `message:C1:17000000${i}.0001`];
        const results = await Promise.all([a.slackMemory.claim(keys), b.slackMemory.claim(keys), a.slackMemory.claim(keys)]);
        expect(results.filter(Boolean)).toHaveLength(1);
      }
      expect(await a.slackMemory.claim(['event:EvOther', 'message:C1:170000003.0001'])).toBe(false);
      expect(await b.slackMemory.claim(['event:EvNew', 'message:C1:170000099.0001'])).toBe(true);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('an answer saved by one store is found by the other (发到频道 on another replica, or after a restart)', async () => {
    const url = freshDatabase();
    const pipeline = await seedPipeline();
    const answer = await pipeline.answerer.answer('区域性医疗中心按多少人口配置一家？');
    const a = await PostgresStore.open(url);
    await a.slackMemory.saveAnswer(answer);
    await a.close();
    const b = await PostgresStore.open(url);
    try {
      expect(await b.slackMemory.answer(answer.answerId)).toEqual(JSON.parse(JSON.stringify(answer)));
      expect(await b.slackMemory.answer('no-such-answer')).toBeUndefined();
    } finally {
      await b.close();
    }
  });

  it('when the database goes away: POST /api/feedback answers 503 (nothing acknowledged); /readyz stays 200, reports the outage from its own check, and recovers without feedback traffic', async () => {
    const own = await startPostgres();
    const store = await PostgresStore.open(own.url, { healthIntervalMs: 100 });
    const { app } = await harness({ feedback: store.feedback });
    const post = () => app.request('/api/feedback', postJson({ question: CORPUS_QUESTION, answerId: 'a-1', rating: 'up' }));
    const readyz = async () => {
      const res = await app.request('/readyz');
      return { status: res.status, feedback: (await res.json()).checks.feedback };
    };
    try {
      expect((await post()).status).toBe(201);
      await own.stopServer();
      // No feedback sent: the periodic check alone finds the outage.
      await until(() => !store.health().ok);
      expect(await readyz()).toEqual({ status: 200, feedback: { ok: false, transient: true, detail: expect.stringContaining('database unreachable') } });
      const refused = await post();
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('30');
      expect((await refused.json()).error.code).toBe('feedback_unavailable');
      await own.startServer();
      // Back by itself, before any feedback is sent again.
      await until(() => store.health().ok);
      expect(await readyz()).toEqual({ status: 200, feedback: { ok: true } });
      expect((await post()).status).toBe(201);
      expect((await store.feedback.list()).map((r) => r.answerId)).toEqual(['a-1', 'a-1']);
    } finally {
      await store.close();
      await own.stop();
    }
  }, 30_000);

  it('with the database stopped, each failed statement is counted in /metrics under its record (feedback, health_check); none before', async () => {
    const own = await startPostgres();
    const metrics = createPrometheusMetrics();
    const store = await PostgresStore.open(own.url, { healthIntervalMs: 100, onQueryError: (record) => metrics.databaseError(record) });
    const { app } = await harness({ env: { METRICS: 'on' }, feedback: store.feedback, metrics });
    const post = () => app.request('/api/feedback', postJson({ question: CORPUS_QUESTION, answerId: 'a-1', rating: 'up' }));
    const errors = async (record: string) => {
      const text = await (await app.request('/metrics')).text();
      const line = text.split('\n').find((l) => l.startsWith(`policydesk_database_errors_total{record="${record}"}`));
      return Number(line?.split(' ').at(-1));
    };
    try {
      expect((await post()).status).toBe(201);
      expect(await errors('feedback')).toBe(0);
      expect(await errors('health_check')).toBe(0);
      await own.stopServer();
      await until(() => !store.health().ok);
      expect((await post()).status).toBe(503);
      expect((await post()).status).toBe(503);
      expect(await errors('feedback')).toBe(2);
      expect(await errors('health_check')).toBeGreaterThanOrEqual(1);
      expect(await errors('question_log')).toBe(0);
    } finally {
      await store.close();
      await own.stop();
    }
  }, 30_000);

  it('a hung database (SIGSTOP): feedback on an open connection fails within the timeout with 503 and Retry-After; the retry with the same Idempotency-Key is stored once', async () => {
    const own = await startPostgres();
    const store = await PostgresStore.open(own.url, { timeoutMs: 500, healthIntervalMs: 100 });
    const { app } = await harness({ feedback: store.feedback });
    const post = (key: string) =>
      app.request('/api/feedback', { ...postJson({ question: CORPUS_QUESTION, answerId: 'a-hung', rating: 'down' }), headers: { 'content-type': 'application/json', 'idempotency-key': key } });
    try {
      expect((await post('warm-up-key-0')).status).toBe(201); // a pooled connection is open
      own.pause();
      const hung = await post('retry-key-0001');
      expect(hung.status).toBe(503);
      expect(hung.headers.get('retry-after')).toBe('30');
      await until(() => !store.health().ok);
      own.resume();
      await until(() => store.health().ok);
      // The client retries: whether or not the first INSERT reached the table, the record is kept once.
      expect((await post('retry-key-0001')).status).toBe(201);
      expect((await post('retry-key-0001')).status).toBe(201);
      const stored = (await store.feedback.list()).filter((r) => r.answerId === 'a-hung').map((r) => r.id);
      expect(stored).toEqual(['warm-up-key-0', 'retry-key-0001']);
    } finally {
      await store.close();
      await own.stop();
    }
  }, 30_000);

  it('an unreachable database fails at open with a message naming DATABASE_URL', async () => {
    await expect(PostgresStore.open('postgres://postgres@127.0.0.1:1/none')).rejects.toThrow(/DATABASE_URL: cannot prepare the database/);
  });
});
