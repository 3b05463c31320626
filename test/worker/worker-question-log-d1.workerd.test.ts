import { afterAll, describe, expect, it } from 'vitest';
import { questionLogRecordSchema } from '../../src/core/question-log.js';
import { runWrangler, startWorker, type RunningWorker } from './support/start-worker.js';

/**
 * The question log on the Worker goes to D1 beside feedback (wrangler's local D1 here): questions
 * over `/api/ask` and `/api/chat` are stored masked, and a record older than QUESTION_LOG_DAYS is
 * deleted by the Worker itself when it records the next one.
 */
let worker: RunningWorker | undefined;
afterAll(async () => {
  await worker?.stop();
});

function questionRows(persistTo: string): unknown[] {
  const out = runWrangler(['d1', 'execute', 'FEEDBACK_DB', '--local', '--persist-to', persistTo, '--json', '--command', 'SELECT record FROM question_log ORDER BY asked_at']);
  const [result] = JSON.parse(out) as Array<{ results: Array<{ record: string }> }>;
  return result!.results.map((r) => questionLogRecordSchema.strict().parse(JSON.parse(r.record)));
}

describe('Worker question log in D1', () => {
  it('keeps /api/ask and /api/chat questions, masked; an expired row is deleted', async () => {
    worker = await startWorker();
    const persistTo = worker.persistTo;
    const old = JSON.stringify({ id: 'old', askedAt: '2020-01-01T00:00:00.000Z', channel: 'api', question: '旧问题', tier: 'declined', citedIds: [], nearestIds: [], answerId: 'a-old' });
    runWrangler([
      'd1',
      'execute',
      'FEEDBACK_DB',
      '--local',
      '--persist-to',
      persistTo,
      '--command',
      `INSERT INTO question_log (id, asked_at, record) VALUES ('old', '2020-01-01T00:00:00.000Z', '${old}')`,
    ]);
    const json = { method: 'POST', headers: { 'content-type': 'application/json' } };
    const asked = await (await fetch(`${worker.url}/api/ask`, { ...json, body: JSON.stringify({ question: '区域性医疗中心按多少人口配置一家？我手机13812345678' }) })).json();
    const chat = await fetch(`${worker.url}/api/chat`, { ...json, body: JSON.stringify({ question: '医生年终奖怎么发？联系 wang@example.org' }) });
    expect(await chat.text()).toContain('event: done');
    await expect.poll(() => questionRows(persistTo).length, { timeout: 30_000, interval: 1000 }).toBe(2);
    const rows = questionRows(persistTo);
    expect(rows).toEqual([
      expect.objectContaining({ channel: 'api', question: '区域性医疗中心按多少人口配置一家？我手机[电话]', answerId: asked.answerId, citedIds: asked.citations.map((c: { id: string }) => c.id) }),
      expect.objectContaining({ channel: 'web', question: '医生年终奖怎么发？联系 [邮箱]' }),
    ]);
  }, 180_000);
});
