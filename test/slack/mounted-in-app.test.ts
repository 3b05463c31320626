import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/answer/create-pipeline.js';
import { parseConfig } from '../../src/core/config.js';
import { createApp } from '../../src/http/create-app.js';
import { MemoryFeedbackStore } from '../../src/store/memory-feedback-store.js';
import { createSlackHandler, type SlackHandler } from '../../src/slack/index.js';
import { seedPipeline } from '../support/seed-pipeline.js';
import { startFakeSlackApi, type FakeSlackApi } from './support/fake-slack-api.js';
import { eventRequest, signedRequest, SIGNING_SECRET } from './support/slack-request.js';

let pipeline: Pipeline;
let api: FakeSlackApi;
beforeAll(async () => {
  pipeline = await seedPipeline();
});
afterEach(async () => {
  await api?.close();
});

/** The service as `npm start` assembles it: one logger and one feedback store shared by the HTTP app and Slack. */
async function service() {
  api = await startFakeSlackApi();
  const logs: Array<Record<string, unknown>> = [];
  const logger = { info: (e: Record<string, unknown>) => logs.push({ level: 'info', ...e }), error: (e: Record<string, unknown>) => logs.push({ level: 'error', ...e }) };
  const feedback = new MemoryFeedbackStore();
  const slack: SlackHandler = createSlackHandler({
    answerer: pipeline.answerer,
    corpus: pipeline.corpus,
    feedback,
    logger,
    signingSecret: SIGNING_SECRET,
    botToken: 'xoxb-0000-test-token',
    clientOptions: { slackApiUrl: api.url, retryConfig: { retries: 0 } },
  });
  const app = createApp({
    answerer: pipeline.answerer,
    corpus: pipeline.corpus,
    feedback,
    logger,
    readiness: () => ({ ready: true, checks: {} }),
    config: parseConfig({}),
    slack: (request) => slack.handle(request),
  });
  // Through Hono's fetch, exactly as the Node server calls it.
  const post = async (request: Request) => {
    const response = await app.fetch(new Request('http://localhost/slack/events', { method: 'POST', headers: request.headers, body: await request.text() }));
    await slack.whenIdle();
    return response;
  };
  return { post, logs };
}

describe('Slack mounted in createApp at POST /slack/events', () => {
  it('passes the raw body through untouched, so signatures verify and url_verification answers', async () => {
    const { post } = await service();
    const response = await post(signedRequest(JSON.stringify({ type: 'url_verification', challenge: 'c-1' }), 'application/json'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'c-1' });
  });

  it('answers a mention, and refuses a forged one with 401', async () => {
    const { post, logs } = await service();
    const asked = api.addUserMessage({ channel: 'C1', user: 'U1', text: '<@UBOT> 区域性医疗中心按多少人口配置一家？' });
    const event = { type: 'app_mention', channel: 'C1', user: 'U1', text: asked.text, ts: asked.ts };
    expect((await post(eventRequest(event, 'EvMounted1', { signature: `v0=${'0'.repeat(64)}` }))).status).toBe(401);
    expect(api.callsTo('chat.update')).toEqual([]);
    expect(logs.some((e) => e.msg === 'slack request refused' && e.level === 'warn')).toBe(true);

    expect((await post(eventRequest(event, 'EvMounted2'))).status).toBe(200);
    expect(api.callsTo('chat.update')[0]!.args.text).toBe((await pipeline.answerer.answer('区域性医疗中心按多少人口配置一家？')).answer);
  });
});
