import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Pipeline } from '../../src/answer/create-pipeline.js';
import { startSocketMode, type SocketModeConnection } from '../../src/slack/start-socket-mode.node.js';
import type { FeedbackRecord } from '../../src/slack/types.js';
import { seedPipeline } from '../support/seed-pipeline.js';
import { startFakeSlackApi, type FakeSlackApi } from './support/fake-slack-api.js';
import { memoryLogger } from './support/slack-request.js';
import { validateMessageBlocks } from './support/validate-blocks.js';

const APP_TOKEN = 'xapp-1-A1-0000-test';
const QUESTION = '区域性医疗中心按多少人口配置一家？';

let pipeline: Pipeline;
let api: FakeSlackApi;
let wss: WebSocketServer;
let connection: SocketModeConnection | undefined;

beforeAll(async () => {
  pipeline = await seedPipeline();
});
afterEach(async () => {
  await connection?.stop();
  connection = undefined;
  wss?.close();
  await api?.close();
});

/**
 * Slack's side of Socket Mode on 127.0.0.1: `apps.connections.open` hands out a ws:// URL on the
 * fake API server, which greets with `hello`, pushes envelopes and collects the app's acks.
 */
async function socketSlack() {
  api = await startFakeSlackApi();
  wss = new WebSocketServer({ noServer: true });
  const acks: Array<Record<string, unknown>> = [];
  const ackWaiters: Array<() => void> = [];
  let socket!: WebSocket;
  const connected = new Promise<void>((resolve) => {
    api.server.on('upgrade', (request, stream, head) => {
      wss.handleUpgrade(request, stream, head, (ws) => {
        socket = ws;
        ws.on('message', (data) => {
          acks.push(JSON.parse(String(data)));
          ackWaiters.splice(0).forEach((w) => w());
        });
        ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' }, debug_info: { host: 'test' } }));
        resolve();
      });
    });
  });
  return {
    connected,
    acks,
    push(envelope: Record<string, unknown>) {
      socket.send(JSON.stringify(envelope));
    },
    async ackFor(envelopeId: string) {
      while (!acks.some((a) => a.envelope_id === envelopeId)) await new Promise<void>((resolve) => ackWaiters.push(resolve));
      return acks.find((a) => a.envelope_id === envelopeId)!;
    },
  };
}

function start() {
  const records: FeedbackRecord[] = [];
  return startSocketMode({
    appToken: APP_TOKEN,
    botToken: 'xoxb-0000-test-token',
    answerer: pipeline.answerer,
    corpus: pipeline.corpus,
    feedback: { append: async (r) => void records.push(r) },
    logger: memoryLogger(),
    clientOptions: { slackApiUrl: api.url, retryConfig: { retries: 0 } },
  });
}

describe('startSocketMode', () => {
  it('connects with the app token, acks an app_mention envelope and answers in the thread', async () => {
    const slack = await socketSlack();
    connection = await start();
    await slack.connected;
    expect(api.callsTo('apps.connections.open')[0]!.authorization).toBe(`Bearer ${APP_TOKEN}`);

    const asked = api.addUserMessage({ channel: 'C1', user: 'U1', text: `<@UBOT> ${QUESTION}` });
    slack.push({
      envelope_id: 'env-1',
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
      payload: {
        type: 'event_callback',
        team_id: 'T1',
        api_app_id: 'A1',
        event_id: 'EvSocket1',
        event_time: 1,
        authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
        event: { type: 'app_mention', channel: 'C1', user: 'U1', text: asked.text, ts: asked.ts },
      },
    });
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
    const slack = await socketSlack();
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

  it('rejects when Slack refuses the app token, so the server can log that Slack is off', async () => {
    api = await startFakeSlackApi();
    api.failures.set('apps.connections.open', 'invalid_auth');
    await expect(start()).rejects.toThrow(/invalid_auth/);
  });
});
