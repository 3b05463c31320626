import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/answer/create-pipeline.js';
import type { Answerer } from '../../src/answer/types.js';
import { startSocketMode, type SocketModeConnection } from '../../src/slack/start-socket-mode.node.js';
import type { FeedbackRecord } from '../../src/slack/types.js';
import { seedPipeline } from '../support/seed-pipeline.js';
import { startFakeSlackApi, type FakeSlackApi } from './support/fake-slack-api.js';
import { memoryLogger } from './support/slack-request.js';
import { mentionEnvelope, socketSlack } from './support/socket-slack.js';
import { validateMessageBlocks } from './support/validate-blocks.js';

const APP_TOKEN = 'xapp-1-A1-0000-test';
const QUESTION = '区域性医疗中心按多少人口配置一家？';

let pipeline: Pipeline;
let api: FakeSlackApi;
let closeSocket: (() => void) | undefined;
let connection: SocketModeConnection | undefined;

beforeAll(async () => {
  pipeline = await seedPipeline();
});
afterEach(async () => {
  await connection?.stop();
  connection = undefined;
  closeSocket?.();
  await api?.close();
});

async function startSocketSlack(options: { silentConnections?: number } = {}) {
  api = await startFakeSlackApi();
  const slack = socketSlack(api, options);
  closeSocket = slack.close;
  return slack;
}

function start(answerer: Answerer = pipeline.answerer, logger = memoryLogger(), clientOptions: Record<string, unknown> = {}) {
  const records: FeedbackRecord[] = [];
  return startSocketMode({
    appToken: APP_TOKEN,
    botToken: 'xoxb-0000-test-token',
    answerer,
    corpus: pipeline.corpus,
    feedback: { append: async (r) => void records.push(r) },
    logger,
    clientOptions: { slackApiUrl: api.url, retryConfig: { retries: 0 }, ...clientOptions },
    reconnectDelay: () => 20,
    helloTimeoutMs: 1_000,
  });
}

describe('startSocketMode', () => {
  it('connects with the app token, acks an app_mention envelope and answers in the thread', async () => {
    const slack = await startSocketSlack();
    connection = await start();
    await slack.connected;
    expect(api.callsTo('apps.connections.open')[0]!.authorization).toBe(`Bearer ${APP_TOKEN}`);

    const asked = api.addUserMessage({ channel: 'C1', user: 'U1', text: `<@UBOT> ${QUESTION}` });
    slack.push(mentionEnvelope('env-1', 'EvSocket1', asked));
    expect(await slack.ackFor('env-1')).toMatchObject({ envelope_id: 'env-1' });
    await api.waitForCalls('chat.update');

    const expected = await pipeline.answerer.answer(QUESTION);
    expect(api.callsTo('chat.postMessage')[0]!.args).toMatchObject({ channel: 'C1', thread_ts: asked.ts, text: '查询中…' });
    const update = api.callsTo('chat.update')[0]!.args;
    expect(update).toMatchObject({ channel: 'C1', text: expected.answer });
    expect(validateMessageBlocks(update.blocks, update.text)).toEqual([]);
    expect(api.callsTo('chat.update')[0]!.authorization).toBe('Bearer xoxb-0000-test-token');
  });

  it('acks a slash command envelope with the ephemeral "查询中…" payload', async () => {
    const slack = await startSocketSlack();
    connection = await start();
    await slack.connected;
    slack.push({
      envelope_id: 'env-2',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: { command: '/policy', text: '', team_id: 'T1', channel_id: 'C1', user_id: 'U1', api_app_id: 'A1', response_url: api.responseUrl('cmd'), trigger_id: '1.2' },
    });
    expect(await slack.ackFor('env-2')).toEqual({ envelope_id: 'env-2', payload: { response_type: 'ephemeral', text: '用法：/policy 区域性医疗中心按多少人口配置一家？' } });
  });

  it('stop() closes the socket, then waits for an answer already acknowledged to be posted', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Answerer = { answer: async (q, o) => (await gate, pipeline.answerer.answer(q, o)), stream: (q, o) => pipeline.answerer.stream(q, o) };
    const slack = await startSocketSlack();
    connection = await start(slow);
    await slack.connected;
    const asked = api.addUserMessage({ channel: 'C1', user: 'U1', text: `<@UBOT> ${QUESTION}` });
    slack.push(mentionEnvelope('env-3', 'EvSocketStop', asked));
    await slack.ackFor('env-3');
    await api.waitForCalls('chat.postMessage');
    let stopped = false;
    const stopping = connection.stop().then(() => (stopped = true));
    connection = undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(api.callsTo('chat.update')).toHaveLength(1);
  });

  it('Slack refusing the app token (invalid_auth) stops the retries and says so; nothing is thrown', async () => {
    api = await startFakeSlackApi();
    api.failures.set('apps.connections.open', 'invalid_auth');
    const logger = memoryLogger();
    connection = await start(pipeline.answerer, logger);
    expect(await connection.until('refused')).toMatchObject({ state: 'refused', lastError: 'invalid_auth' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.callsTo('apps.connections.open')).toHaveLength(1);
    expect(logger.entries.some((e) => e.level === 'error' && String(e.msg).includes('check SLACK_APP_TOKEN'))).toBe(true);
  });
});

describe('startSocketMode while Slack is failing', () => {
  it('apps.connections.open answering HTTP 500 at start: retries with backoff, never blames the token, connects once Slack answers', async () => {
    const slack = await startSocketSlack();
    api.httpFailures.set('apps.connections.open', 3);
    const logger = memoryLogger();
    connection = await start(pipeline.answerer, logger);
    expect(connection.state.state).toBe('connecting');
    await slack.connected;
    expect(await connection.until('connected')).toMatchObject({ state: 'connected' });
    expect(api.callsTo('apps.connections.open')).toHaveLength(4);
    const retries = logger.entries.filter((e) => e.msg === 'slack socket connect failed; retrying');
    expect(retries.map((e) => e.attempt)).toEqual([1, 2, 3]);
    expect(String(retries[0]!.error)).toMatch(/500/);
    expect(logger.entries.some((e) => String(e.msg).includes('SLACK_APP_TOKEN'))).toBe(false);
  });

  it('the socket dropped while apps.connections.open fails (HTTP 500, then a stalled API): reconnects, shows reconnecting with the last error, then answers on the new socket', async () => {
    const slack = await startSocketSlack();
    const logger = memoryLogger();
    connection = await start(pipeline.answerer, logger, { timeout: 300 });
    await connection.until('connected');
    api.httpFailures.set('apps.connections.open', 2);
    slack.drop();
    const down = await connection.until('reconnecting');
    await api.waitForCalls('apps.connections.open', 3);
    // Slack's API stops answering: each try times out (a request error, not an HTTP one).
    api.health = 'stalled';
    await api.waitForCalls('apps.connections.open', 4);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(connection.state).toMatchObject({ state: 'reconnecting', since: down.since, lastError: expect.stringMatching(/timeout|abort/i) });
    api.health = 'up';
    await slack.connections(2);
    await connection.until('connected');
    expect(logger.entries.filter((e) => e.state !== undefined).map((e) => e.state)).toEqual(['connected', 'reconnecting', 'connected']);

    const asked = api.addUserMessage({ channel: 'C1', user: 'U1', text: `<@UBOT> ${QUESTION}` });
    slack.push(mentionEnvelope('env-4', 'EvSocketAgain', asked));
    expect(await slack.ackFor('env-4')).toMatchObject({ envelope_id: 'env-4' });
    await api.waitForCalls('chat.update');
  });

  it('a socket that opens but never gets hello is given up after helloTimeoutMs and the next attempt connects', async () => {
    const slack = await startSocketSlack({ silentConnections: 1 });
    const logger = memoryLogger();
    connection = await start(pipeline.answerer, logger);
    await slack.connections(2);
    await connection.until('connected');
    expect(logger.entries.find((e) => e.msg === 'slack socket connect failed; retrying')).toMatchObject({ attempt: 1, error: 'Slack did not say hello on the new socket in time' });
  });

  it('stop() while reconnecting ends the retries', async () => {
    api = await startFakeSlackApi();
    api.health = 'down';
    connection = await start();
    await api.waitForCalls('apps.connections.open', 2);
    await connection.stop();
    const calls = api.callsTo('apps.connections.open').length;
    expect(connection.state.state).toBe('stopped');
    connection = undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.callsTo('apps.connections.open')).toHaveLength(calls);
  });
});
