import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../support/start-serve.js';
import { POSTGRES_MISSING, startPostgres, type TestPostgres } from '../support/start-postgres.js';
import { startFakeSlackApi, type FakeSlackApi } from '../slack/support/fake-slack-api.js';
import { buttonClick, commandRequest, eventRequest, interactionRequest, SIGNING_SECRET } from '../slack/support/slack-request.js';

if (POSTGRES_MISSING) console.warn(POSTGRES_MISSING);

const ROOT = join(import.meta.dirname, '../..');
const BOT_TOKEN = 'xoxb-0000-replicas';
let postgres: TestPostgres;
let databaseUrl: string;
let api: FakeSlackApi;
let tmp: string;
let a: ServeProcess;
let b: ServeProcess;

/** Two service processes, as behind a load balancer: one database, one Slack app, separate DATA_DIRs. */
beforeAll(async () => {
  if (POSTGRES_MISSING) return;
  postgres = await startPostgres();
  databaseUrl = postgres.createDatabase('replicas');
  api = await startFakeSlackApi();
  tmp = await mkdtemp(join(tmpdir(), 'policydesk-replicas-'));
  const env = (name: string) => ({
    DATABASE_URL: databaseUrl,
    DATA_DIR: join(tmp, name),
    EMBED_PROCESSES: '0',
    DATABASE_TIMEOUT_MS: '1000',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.url,
  });
  [a, b] = await Promise.all([startServe(env('a')), startServe(env('b'))]);
}, 180_000);
afterAll(async () => {
  for (const s of [a, b]) if (s && s.child.exitCode === null) s.child.kill('SIGKILL');
  await api?.close();
  await postgres?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A signed request sent over the network to one replica. */
async function post(to: ServeProcess, signed: Request): Promise<Response> {
  return fetch(`${to.url}/slack/events`, { method: 'POST', headers: signed.headers, body: await signed.text() });
}

const outcome = (l: Record<string, unknown>) => l.msg === 'slack answered' || l.msg === 'slack duplicate delivery dropped';

describe.skipIf(POSTGRES_MISSING)('two replicas sharing PostgreSQL (DATABASE_URL)', () => {
  it('start with the shared store', async () => {
    for (const s of [a, b])
      expect((await (await fetch(`${s.url}/readyz`)).json()).checks).toMatchObject({ store: 'postgresql', slack: { mode: 'http' }, feedback: { ok: true }, database: { ok: true } });
  });

  it('the same signed event delivered to both (as Slack retries it) is answered once', async () => {
    const asked = api.addUserMessage({ channel: 'C1', user: 'U1', text: '<@UBOT> 区域性医疗中心按多少人口配置一家？' });
    const event = { type: 'app_mention', channel: 'C1', user: 'U1', text: asked.text, ts: asked.ts };
    const [first, retry] = await Promise.all([post(a, eventRequest(event, 'EvReplica1')), post(b, eventRequest(event, 'EvReplica1', { retryNum: 1 }))]);
    expect([first.status, retry.status]).toEqual([200, 200]);
    // Both have decided: one answered, the other dropped the duplicate.
    await Promise.all([a.log(outcome), b.log(outcome)]);
    expect([a, b].flatMap((s) => s.logs.filter(outcome).map((l) => l.msg)).sort()).toEqual(['slack answered', 'slack duplicate delivery dropped']);
    await api.waitForCalls('chat.update');
    expect(api.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === asked.ts)).toHaveLength(1);
    expect(api.callsTo('chat.update')).toHaveLength(1);
    expect(String(api.callsTo('chat.update')[0]!.args.text)).toContain('30-50万人口');
  });

  it('发到频道 clicked on an answer that the other replica composed posts that answer', async () => {
    const command = await post(a, commandRequest({ command: '/policy', text: '区域性医疗中心按多少人口配置一家？', response_url: api.responseUrl('cmd') }));
    expect(command.status).toBe(200);
    await expect.poll(() => api.responses.filter((r) => r.id === 'cmd').length, { timeout: 30_000 }).toBe(1);
    const ephemeral = api.responses.find((r) => r.id === 'cmd')!.body as { text: string; blocks: Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }> };
    const button = ephemeral.blocks.flatMap((bl) => bl.elements ?? []).find((e) => e.action_id === 'post_to_channel')!;
    const posted = api.callsTo('chat.postMessage').length;
    const click = await post(b, interactionRequest(buttonClick({ actionId: 'post_to_channel', value: button.value, channel: 'C1', ephemeral: true, responseUrl: api.responseUrl('act') })));
    expect(click.status).toBe(200);
    await api.waitForCalls('chat.postMessage', posted + 1);
    expect(api.callsTo('chat.postMessage').at(-1)!.args).toMatchObject({ channel: 'C1', text: ephemeral.text });
  });

  it('feedback posted to either is read by npm run eval:mine; killing a replica right after its 201 loses nothing', async () => {
    const ask = await (
      await fetch(`${a.url}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: '区域性医疗中心按多少人口配置一家？' }) })
    ).json();
    const expectedPassageId = ask.citations[0].id as string;
    const feedback = (to: ServeProcess, question: string) =>
      fetch(`${to.url}/api/feedback`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ question, answerId: ask.answerId, rating: 'down', expectedPassageId }),
      });
    expect((await feedback(b, '一个区域性医疗中心覆盖多少常住人口？')).status).toBe(201);
    expect((await feedback(a, '区域医疗中心的服务人口规模是多少？')).status).toBe(201);
    a.child.kill('SIGKILL');
    await a.exited;

    const outDir = join(tmp, 'candidates');
    const mine = spawnSync('npm', ['run', '--silent', 'eval:mine', '--', '--out-dir', outDir], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: join(tmp, 'mine-empty') },
      encoding: 'utf8',
    });
    expect(mine.status, mine.stderr).toBe(0);
    expect(mine.stdout).toContain('2 feedback records in 0 file(s)');
    expect(mine.stdout).toContain('PostgreSQL (2 stored there)');
    const [file] = await readdir(outDir);
    const cases = (await readFile(join(outDir, file!), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { question: string });
    expect(cases.map((c) => c.question).sort()).toEqual(['一个区域性医疗中心覆盖多少常住人口？', '区域医疗中心的服务人口规模是多少？'].sort());
  });

  // Last: replica a is gone (killed above); b carries on alone.
  it('PostgreSQL stopped, then hung (SIGSTOP): /readyz stays 200 and shows the database from its own check, answers go on, feedback gets 503 with Retry-After, and all recover by themselves; a retried Idempotency-Key is stored once', async () => {
    const readyz = async () => {
      const res = await fetch(`${b.url}/readyz`);
      return { status: res.status, checks: (await res.json()).checks };
    };
    const feedback = (key: string) =>
      fetch(`${b.url}/api/feedback`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify({ question: '区域性医疗中心按多少人口配置一家？', answerId: 'outage-answer', rating: 'up' }),
      });
    const ask = () => fetch(`${b.url}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: '区域性医疗中心按多少人口配置一家？' }) });

    await postgres.stopServer();
    // No feedback traffic: the periodic check alone finds the outage and logs it.
    expect(await b.log((l) => l.msg === 'database unreachable; feedback answers 503 until it is back')).toMatchObject({ level: 'error' });
    const down = await readyz();
    expect(down.status).toBe(200);
    expect(down.checks.database).toMatchObject({ ok: false, detail: expect.any(String) });
    expect(down.checks.feedback).toMatchObject({ ok: false, transient: true });
    expect((await ask()).status).toBe(200);
    const refused = await feedback('outage-key-0001');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('30');
    await postgres.startServer();
    await b.log((l) => l.msg === 'database reachable again');
    expect((await readyz()).checks).toMatchObject({ database: { ok: true }, feedback: { ok: true } });

    // Hung: open connections stay open and nothing answers. Bounded by DATABASE_TIMEOUT_MS (1 s), not by the client giving up.
    expect((await feedback('warm-up-key-0001')).status).toBe(201);
    postgres.pause();
    try {
      const hung = await feedback('outage-key-0002');
      expect(hung.status).toBe(503);
      expect(hung.headers.get('retry-after')).toBe('30');
      expect((await ask()).status).toBe(200);
    } finally {
      postgres.resume();
    }
    await expect.poll(async () => (await feedback('outage-key-0002')).status, { timeout: 20_000, interval: 500 }).toBe(201);
    expect((await feedback('outage-key-0002')).status).toBe(201);
    const stored = new pg.Client({ connectionString: databaseUrl });
    await stored.connect();
    try {
      const rows = await stored.query("SELECT id FROM feedback WHERE record->>'answerId' = 'outage-answer' ORDER BY seq");
      expect(rows.rows.map((r) => r.id)).toEqual(['warm-up-key-0001', 'outage-key-0002']);
    } finally {
      await stored.end();
    }
  }, 90_000);
});
