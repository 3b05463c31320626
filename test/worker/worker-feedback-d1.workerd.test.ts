import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { feedbackRecordSchema } from '../../src/core/feedback.js';
import { ROOT, startWorker, type RunningWorker } from './support/start-worker.js';

/**
 * Feedback on the Worker goes to D1 (wrangler's local D1 here, a SQLite file under --persist-to):
 * a record posted before a restart of `wrangler dev` is still there after it, and
 * `npm run feedback:export-d1` reads every record back as the JSON lines `eval:mine` reads.
 */
const QUESTION = '区域性医疗中心按多少人口配置一家？';
let worker: RunningWorker | undefined;

afterAll(async () => {
  await worker?.stop();
});

async function post(url: string, body: unknown): Promise<{ id: string }> {
  const res = await fetch(`${url}/api/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string };
}

describe('Worker feedback in D1', () => {
  it('survives a restart of wrangler dev and is exported by npm run feedback:export-d1', async () => {
    worker = await startWorker();
    const persistTo = worker.persistTo;
    const answer = await (await fetch(`${worker.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: QUESTION }) })).json();
    const cited = answer.citations[0].id as string;
    // With the context the widget sends: the answer as shown, its cited ids, mode, confidence, earlier turns.
    const context = {
      answer: answer.answer as string,
      citedIds: [cited],
      mode: 'extractive',
      confidence: 'high',
      history: [{ question: '发热门诊要一直开着吗？', answer: '……[1]', citations: [{ id: cited }] }],
    };
    const first = await post(worker.url, { answerId: answer.answerId, rating: 'down', question: QUESTION, comment: '应引用第二条', expectedPassageId: cited, questionId: 'q-7', ...context });
    const readyz = await (await fetch(`${worker.url}/readyz`)).json();
    expect(readyz.checks.feedback).toEqual({ ok: true, detail: 'stored in D1 (FEEDBACK_DB)' });
    await worker.stop();

    worker = await startWorker({ persistTo, migrate: false });
    const second = await post(worker.url, { answerId: 'a-after-restart', rating: 'up', questionId: 'q-8', feedbackId: 'fb-after-restart-1' });
    // The client retries (its first answer lost): same id, 201 again, stored once.
    expect(await post(worker.url, { answerId: 'a-after-restart', rating: 'up', questionId: 'q-8', feedbackId: 'fb-after-restart-1' })).toEqual(second);
    await worker.stop();
    worker = undefined;

    const out = join(mkdtempSync(join(tmpdir(), 'policydesk-export-')), 'feedback.jsonl');
    const run = spawnSync('npm', ['run', '--silent', 'feedback:export-d1', '--', '--persist-to', persistTo, '--out', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`2 records from the local D1 database in ${persistTo} -> ${out}`);
    const records = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => feedbackRecordSchema.strict().parse(JSON.parse(line)));
    expect(records).toEqual([
      {
        id: first.id,
        receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        source: 'web',
        answerId: answer.answerId,
        rating: 'down',
        questionId: 'q-7',
        question: QUESTION,
        comment: '应引用第二条',
        expectedPassageId: cited,
        ...context,
      },
      { id: second.id, receivedAt: expect.any(String), source: 'web', answerId: 'a-after-restart', rating: 'up', questionId: 'q-8' },
    ]);

    // What the export printed it is for: eval:mine reads the folder.
    const mine = spawnSync('npm', ['run', '--silent', 'eval:mine', '--', '--data-dir', dirname(out), '--out-dir', join(dirname(out), 'candidates')], { cwd: ROOT, encoding: 'utf8' });
    expect(mine.status, mine.stderr).toBe(0);
    expect(mine.stdout).toMatch(/2 feedback records in 1 file/);
  }, 180_000);

  it('without the migration: 503 saying to retry; /readyz names the command that creates the table', async () => {
    worker = await startWorker({ migrate: false });
    const res = await fetch(`${worker.url}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answerId: 'a1', rating: 'up', questionId: 'q-1' }),
    });
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('feedback_unavailable');
    const readyz = await fetch(`${worker.url}/readyz`);
    expect(readyz.status).toBe(503);
    expect((await readyz.json()).checks.feedback).toEqual({ ok: false, detail: expect.stringContaining('npx wrangler d1 migrations apply FEEDBACK_DB') });
  }, 120_000);
});
