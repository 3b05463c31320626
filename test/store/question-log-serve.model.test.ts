import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { questionLogRecordSchema, type QuestionLogRecord } from '../../src/core/question-log.js';
import { PostgresStore } from '../../src/store/postgres-store.node.js';
import { startFakeSlackApi, type FakeSlackApi } from '../slack/support/fake-slack-api.js';
import { eventRequest, SIGNING_SECRET } from '../slack/support/slack-request.js';
import { startServe, type ServeProcess } from '../support/start-serve.js';
import { POSTGRES_MISSING, startPostgres, type TestPostgres } from '../support/start-postgres.js';

if (POSTGRES_MISSING) console.warn(POSTGRES_MISSING);

/**
 * The question log through `npm start`: a question over `/api/ask`, one over `/api/chat` (what the
 * widget sends) and one in a signed Slack event land in the log, masked and without the Slack
 * user, in DATA_DIR/questions.jsonl and, with DATABASE_URL, in PostgreSQL; a record older than
 * QUESTION_LOG_DAYS is deleted by the service at start.
 */
const DAY = 24 * 60 * 60 * 1000;
const ANSWERED = '区域性医疗中心按多少人口配置一家？';
let tmp: string;
let api: FakeSlackApi;
let serve: ServeProcess | undefined;
let postgres: TestPostgres | undefined;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'policydesk-question-log-'));
  api = await startFakeSlackApi();
  if (!POSTGRES_MISSING) postgres = await startPostgres();
}, 60_000);
afterEach(() => {
  if (serve && serve.child.exitCode === null) serve.child.kill('SIGKILL');
  serve = undefined;
});
afterAll(async () => {
  await api?.close();
  await postgres?.stop();
  await rm(tmp, { recursive: true, force: true });
});

const expired = (id: string): QuestionLogRecord => ({
  id,
  askedAt: new Date(Date.now() - 100 * DAY).toISOString(),
  channel: 'api',
  question: '一百天前的问题',
  tier: 'declined',
  citedIds: [],
  nearestIds: [],
  answerId: `answer-${id}`,
});

/** Asks over the three channels; resolves once the Slack answer is logged. */
async function askEverywhere(url: string, eventId: string, apiKey?: string): Promise<void> {
  const json = { method: 'POST', headers: { 'Content-Type': 'application/json', ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}) } };
  expect((await fetch(`${url}/api/ask`, { ...json, body: JSON.stringify({ question: `${ANSWERED}电话13812345678` }) })).status).toBe(200);
  const chat = await fetch(`${url}/api/chat`, { ...json, body: JSON.stringify({ question: '考研报名啥时候开始？发到 zhang@example.com' }) });
  expect(await chat.text()).toContain('event: done');
  const asked = api.addUserMessage({ channel: 'C1', user: 'U0SECRETUSER', text: '<@UBOT> 身份证310101199003071234的病人住院押金多少？' });
  const signed = eventRequest({ type: 'app_mention', channel: 'C1', user: 'U0SECRETUSER', text: asked.text, ts: asked.ts }, eventId);
  expect((await fetch(`${url}/slack/events`, { method: 'POST', headers: signed.headers, body: await signed.text() })).status).toBe(200);
  await serve!.log((l) => l.msg === 'slack answered');
}

function expectLogged(records: QuestionLogRecord[]): void {
  const byChannel = Object.fromEntries(records.map((r) => [r.channel, r]));
  expect(Object.keys(byChannel).sort()).toEqual(['api', 'slack', 'web']);
  expect(byChannel.api).toMatchObject({ question: `${ANSWERED}电话[电话]`, tier: 'high', citedIds: [expect.stringContaining('#')] });
  expect(byChannel.web).toMatchObject({ question: '考研报名啥时候开始？发到 [邮箱]', tier: 'declined', citedIds: [] });
  expect(byChannel.slack).toMatchObject({ question: '身份证[身份证号]的病人住院押金多少？' });
  for (const r of records) expect(r.nearestIds.length).toBeGreaterThan(0);
  expect(JSON.stringify(records)).not.toMatch(/U0SECRETUSER|13812345678|zhang@|310101199003071234|"C1"/);
}

const slackEnv = () => ({ EMBED_PROCESSES: '0', SLACK_BOT_TOKEN: 'xoxb-0000-questions', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url });

describe('the question log through npm start', () => {
  it('in DATA_DIR/questions.jsonl', async () => {
    const dataDir = join(tmp, 'files');
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, 'questions.jsonl'), `${JSON.stringify(expired('old'))}\n`);
    await mkdir(join(dataDir, 'gaps'));
    await writeFile(join(dataDir, 'gaps', 'gaps.html'), '<!doctype html><title>问答缺口报告</title>');
    serve = await startServe({ ...slackEnv(), DATA_DIR: dataDir, ADMIN_KEYS: 'admin-key-1', API_KEYS: 'api-key-1' });
    expect(await serve.log((l) => l.msg === 'question log on')).toMatchObject({ retentionDays: 90, expiredDeleted: 1 });
    // The latest report at GET /admin/gaps, with an admin key only.
    const gaps = (key: string) => fetch(`${serve!.url}/admin/gaps`, { headers: { Authorization: `Bearer ${key}` } });
    expect((await gaps('api-key-1')).status).toBe(401);
    const served = await gaps('admin-key-1');
    expect([served.status, await served.text()]).toEqual([200, '<!doctype html><title>问答缺口报告</title>']);
    await askEverywhere(serve.url, 'EvQuestions1', 'api-key-1');
    const read = async () =>
      (await readFile(join(dataDir, 'questions.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => questionLogRecordSchema.strict().parse(JSON.parse(l)));
    await expect.poll(async () => (await read()).length, { timeout: 10_000 }).toBe(3);
    expectLogged(await read());
  });

  it('a clean shutdown (SIGTERM) right after the answers loses none of their records', async () => {
    const dataDir = join(tmp, 'shutdown');
    // A window far longer than the test: only the shutdown can write these records.
    serve = await startServe({ EMBED_PROCESSES: '0', DATA_DIR: dataDir, QUESTION_LOG_COMMIT_MS: '60000' });
    await serve.log((l) => l.msg === 'question log on');
    const questions = Array.from({ length: 6 }, (_, i) => `${ANSWERED}（第${i + 1}次）`);
    const answers = await Promise.all(
      questions.map((question) => fetch(`${serve!.url}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question }) })),
    );
    expect(answers.map((a) => a.status)).toEqual(questions.map(() => 200));
    // Each record is built after its answer went out and waits for the group commit's window.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await readFile(join(dataDir, 'questions.jsonl'), 'utf8')).toBe('');
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    const lines = (await readFile(join(dataDir, 'questions.jsonl'), 'utf8')).split('\n').filter(Boolean);
    expect(lines.map((l) => questionLogRecordSchema.parse(JSON.parse(l)).question).sort()).toEqual([...questions].sort());
  });

  it('is off with QUESTION_LOG_DAYS=0: nothing written', async () => {
    const dataDir = join(tmp, 'off');
    serve = await startServe({ ...slackEnv(), DATA_DIR: dataDir, QUESTION_LOG_DAYS: '0' });
    await serve.log((l) => l.msg === 'question log off (QUESTION_LOG_DAYS=0)');
    await fetch(`${serve.url}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: ANSWERED }) });
    await expect(readFile(join(dataDir, 'questions.jsonl'))).rejects.toThrow(/ENOENT/);
  });

  it.skipIf(POSTGRES_MISSING)('in PostgreSQL with DATABASE_URL', async () => {
    const url = postgres!.createDatabase('questions_serve');
    const seeded = await PostgresStore.open(url);
    await seeded.questions.append(expired('old-pg'));
    await seeded.close();
    serve = await startServe({ ...slackEnv(), DATA_DIR: join(tmp, 'pg'), DATABASE_URL: url });
    expect(await serve.log((l) => l.msg === 'question log on')).toMatchObject({ expiredDeleted: 1 });
    await askEverywhere(serve.url, 'EvQuestions2');
    const client = new pg.Client(url);
    await client.connect();
    try {
      const read = async () => (await client.query<{ record: unknown }>('SELECT record FROM question_log ORDER BY seq')).rows.map((r) => questionLogRecordSchema.strict().parse(r.record));
      await expect.poll(async () => (await read()).length, { timeout: 10_000 }).toBe(3);
      expectLogged(await read());
    } finally {
      await client.end();
    }
  });
});
