import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/answer/create-pipeline.js';
import { seedPipeline } from '../support/seed-pipeline.js';
import { slackHarness, type SlackHarness } from './support/slack-setup.js';
import { commandRequest, eventRequest } from './support/slack-request.js';
import { COVID_QUESTION, mention, nextEventId } from './support/slack-messages.js';

let pipeline: Pipeline;
let harness: SlackHarness;

beforeAll(async () => {
  pipeline = await seedPipeline();
});
afterEach(async () => {
  await harness?.close();
});

describe("Slack's Web API slow or down", () => {
  it('acks a mention and a slash command while the Web API has answered nothing', async () => {
    harness = await slackHarness(pipeline);
    harness.api.health = 'stalled';
    const { event } = mention(harness, COVID_QUESTION);
    const acked = await harness.handler.handle(eventRequest(event, nextEventId()));
    expect(acked.status).toBe(200);
    const command = await harness.handler.handle(commandRequest({ command: '/policy', text: COVID_QUESTION, response_url: harness.api.responseUrl('c1') }));
    expect(command.status).toBe(200);
    expect((await command.json()).text).toMatch(/^查询中…/);
    // Nothing was needed from Slack to acknowledge: no auth.test, and the calls made so far are the answer's own.
    expect(harness.api.callsTo('auth.test')).toEqual([]);
    await harness.close(); // Slack drops the held connections: the answering work fails and ends
    await harness.handler.whenIdle();
  });

  it('gives up a call after three tries with the default retry policy, and logs the failure', async () => {
    harness = await slackHarness(pipeline, {}, { productionRetries: true });
    harness.api.health = 'down';
    const { event } = mention(harness, COVID_QUESTION);
    expect((await harness.send(eventRequest(event, nextEventId()))).status).toBe(200);
    expect(harness.api.callsTo('reactions.add')).toHaveLength(3);
    expect(harness.api.callsTo('chat.postMessage')).toHaveLength(3);
    expect(harness.logger.entries.some((e) => e.level === 'error' && e.msg === 'slack listener error')).toBe(true);
  }, 30_000);

  it('a revoked bot token is logged as such, naming SLACK_BOT_TOKEN (the user cannot be told: nothing can be posted)', async () => {
    harness = await slackHarness(pipeline);
    harness.api.failures.set('reactions.add', 'token_revoked');
    harness.api.failures.set('chat.postMessage', 'token_revoked');
    const { event } = mention(harness, COVID_QUESTION);
    expect((await harness.send(eventRequest(event, nextEventId()))).status).toBe(200);
    const logged = harness.logger.entries.filter((e) => e.level === 'error');
    expect(logged).toEqual([expect.objectContaining({ msg: expect.stringContaining('slack refused SLACK_BOT_TOKEN'), slackError: 'token_revoked' })]);
  });

  it('a follow-up whose thread cannot be read (conversations.replies fails) is answered without history, not with an apology', async () => {
    harness = await slackHarness(pipeline);
    const first = mention(harness, COVID_QUESTION);
    await harness.send(eventRequest(first.event, nextEventId()));
    harness.api.failures.set('conversations.replies', 'missing_scope');
    const followUp = mention(harness, '区域性医疗中心按多少人口配置一家？', { thread_ts: first.message.ts });
    await harness.send(eventRequest(followUp.event, nextEventId()));
    expect(harness.api.callsTo('conversations.replies')).toHaveLength(1);
    expect(harness.api.callsTo('chat.update')[1]!.args.text).toBe((await pipeline.answerer.answer('区域性医疗中心按多少人口配置一家？')).answer);
    expect(harness.logger.entries.some((e) => e.msg === 'slack thread history unavailable; answering without it')).toBe(true);
  });
});
