import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../support/start-serve.js';
import { startFakeSlackApi, type FakeSlackApi } from './support/fake-slack-api.js';
import { eventRequest, SIGNING_SECRET } from './support/slack-request.js';
import { mentionEnvelope, socketSlack } from './support/socket-slack.js';

const BOT_TOKEN = 'xoxb-0000-serve-test';
const APP_TOKEN = 'xapp-1-A1-0000-serve-test';
const QUESTION = '区域性医疗中心按多少人口配置一家？';

let dataDir: string;
let serve: ServeProcess | undefined;
let api: FakeSlackApi | undefined;
let closeSocket: (() => void) | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'policydesk-serve-slack-'));
  return () => rm(dataDir, { recursive: true, force: true });
});
afterEach(async () => {
  if (serve && serve.child.exitCode === null) serve.child.kill('SIGKILL');
  serve = undefined;
  closeSocket?.();
  await api?.close();
  api = undefined;
});

const start = (env: Record<string, string>, ready = true) => startServe({ DATA_DIR: dataDir, EMBED_PROCESSES: '0', ...env }, { ready });

/** A signed Slack request sent over the network to the running service. */
async function postToService(url: string, signed: Request): Promise<Response> {
  return fetch(`${url}/slack/events`, { method: 'POST', headers: signed.headers, body: await signed.text() });
}

function mentionEvent(text: string) {
  const asked = api!.addUserMessage({ channel: 'C1', user: 'U1', text: `<@UBOT> ${text}` });
  return { asked, event: { type: 'app_mention', channel: 'C1', user: 'U1', text: asked.text, ts: asked.ts } };
}

describe('npm start with Slack settings', () => {
  it.each([
    ['an app token in SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: 'xapp-1-A1-oops', SLACK_SIGNING_SECRET: SIGNING_SECRET }, /SLACK_BOT_TOKEN must be a bot token \(xoxb-/],
    ['a bot token in SLACK_APP_TOKEN', { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xoxb-oops' }, /SLACK_APP_TOKEN must be an app-level token \(xapp-/],
    ['an app token without a bot token', { SLACK_APP_TOKEN: APP_TOKEN }, /SLACK_BOT_TOKEN \(xoxb-…\) is not set/],
    ['nothing', {}, /Slack is off: set SLACK_BOT_TOKEN/],
  ])('logs that Slack is off and why, before the model loads: %s', async (_name, env, reason) => {
    serve = await start(env, false);
    expect(await serve.log((l) => l.msg === 'slack off')).toMatchObject({ reason: expect.stringMatching(reason) });
  });

  it('a bot token Slack refuses is logged at start and shown in /readyz', async () => {
    api = await startFakeSlackApi();
    api.failures.set('auth.test', 'invalid_auth');
    serve = await start({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url });
    expect(await serve.log((l) => String(l.msg).startsWith('slack bot token check failed'))).toMatchObject({ level: 'error', error: 'invalid_auth' });
    expect((await (await fetch(`${serve.url}/readyz`)).json()).checks.slack).toEqual({ mode: 'http', botToken: 'bot token check failed: invalid_auth' });
  });

  it('HTTP mode: answers a signed mention through SLACK_API_URL; acks while Slack stalls; SIGTERM exits without waiting on Slack', async () => {
    api = await startFakeSlackApi();
    serve = await start({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url });
    expect(await serve.log((l) => l.msg === 'slack on')).toMatchObject({ mode: 'http', apiUrl: api.url });
    expect((await (await fetch(`${serve.url}/readyz`)).json()).checks.slack).toEqual({ mode: 'http' });
    await serve.log((l) => l.msg === 'slack bot token accepted');
    expect(api.callsTo('auth.test')[0]!.authorization).toBe(`Bearer ${BOT_TOKEN}`);

    const first = mentionEvent(QUESTION);
    expect((await postToService(serve.url, eventRequest(first.event, 'EvServe1'))).status).toBe(200);
    await api.waitForCalls('chat.update');
    const update = api.callsTo('chat.update')[0]!;
    expect(update.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(String(update.args.text)).toContain('30-50万人口');

    // Slack's API stops answering: the next mention is still acknowledged at once.
    api.health = 'stalled';
    const second = mentionEvent(QUESTION);
    expect((await postToService(serve.url, eventRequest(second.event, 'EvServe2'))).status).toBe(200);
    await api.waitForCalls('reactions.add', 2);

    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    expect(serve.logs.some((l) => String(l.msg).startsWith('slack: answers still in progress'))).toBe(true);
    expect(serve.logs.at(-1)).toMatchObject({ msg: 'stopped' });
  });

  it('Socket Mode when SLACK_APP_TOKEN is set, even with a signing secret: answers a pushed mention; /slack/events stays off', async () => {
    api = await startFakeSlackApi();
    const slack = socketSlack(api);
    closeSocket = slack.close;
    serve = await start({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url });
    await slack.connected;
    expect(await serve.log((l) => l.msg === 'slack on')).toMatchObject({ mode: 'socket' });
    expect(api.callsTo('apps.connections.open')[0]!.authorization).toBe(`Bearer ${APP_TOKEN}`);

    const { asked } = mentionEvent(QUESTION);
    slack.push(mentionEnvelope('env-1', 'EvSocketServe1', asked));
    expect(await slack.ackFor('env-1')).toMatchObject({ envelope_id: 'env-1' });
    await api.waitForCalls('chat.update');
    expect(String(api.callsTo('chat.update')[0]!.args.text)).toContain('30-50万人口');
    expect((await (await fetch(`${serve.url}/readyz`)).json()).checks.slack).toMatchObject({ mode: 'socket', state: 'connected' });
    expect((await fetch(`${serve.url}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(404);

    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
  });

  it('Socket Mode while Slack fails: starts with Slack down and stays ready, connects once Slack is back, survives the socket dropped while apps.connections.open answers 500, and says so in /readyz', async () => {
    api = await startFakeSlackApi();
    api.health = 'down';
    const slack = socketSlack(api);
    closeSocket = slack.close;
    serve = await start({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: api.url });
    const readyz = async () => {
      const res = await fetch(`${serve!.url}/readyz`);
      return { status: res.status, slack: (await res.json()).checks.slack };
    };
    await serve.log((l) => l.msg === 'slack socket connect failed; retrying');
    expect(await readyz()).toEqual({ status: 200, slack: { mode: 'socket', state: 'connecting', since: expect.any(String), lastError: expect.stringContaining('503') } });
    const ask = await fetch(`${serve.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: QUESTION }) });
    expect(ask.status).toBe(200);

    api.health = 'up';
    await slack.connected;
    await serve.log((l) => l.msg === 'slack socket connected');
    expect((await readyz()).slack).toMatchObject({ mode: 'socket', state: 'connected' });

    // Slack drops the socket and fails the next six apps.connections.open calls (two attempts of three tries).
    api.httpFailures.set('apps.connections.open', 6);
    slack.drop();
    const down = await serve.log((l) => l.msg === 'slack socket reconnecting');
    await serve.log((l) => l.msg === 'slack socket connect failed; retrying' && String(l.error).includes('500'));
    expect((await readyz()).slack).toMatchObject({ mode: 'socket', state: 'reconnecting', since: down.since, lastError: expect.stringContaining('500') });
    await slack.connections(2);
    while (serve.logs.filter((l) => l.msg === 'slack socket connected').length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(serve.child.exitCode).toBeNull();
    expect((await readyz()).slack).toMatchObject({ mode: 'socket', state: 'connected' });
    // An outage is not a bad token: neither token is blamed.
    expect(serve.logs.filter((l) => /SLACK_(APP|BOT)_TOKEN/.test(String(l.msg)))).toEqual([]);

    const { asked } = mentionEvent(QUESTION);
    slack.push(mentionEnvelope('env-9', 'EvSocketServe9', asked));
    expect(await slack.ackFor('env-9')).toMatchObject({ envelope_id: 'env-9' });
    await api.waitForCalls('chat.update');

    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
  });
});
