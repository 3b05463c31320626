import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/answer/create-pipeline.js';
import type { Answerer } from '../../src/answer/types.js';
import { seedPipeline } from '../support/seed-pipeline.js';
import { slackHarness, type SlackHarness } from './support/slack-setup.js';
import { eventRequest } from './support/slack-request.js';
import { COVID_QUESTION, dm, mention, nextEventId } from './support/slack-messages.js';

let pipeline: Pipeline;
let harness: SlackHarness;

beforeAll(async () => {
  pipeline = await seedPipeline();
});
afterEach(async () => {
  await harness?.close();
});

describe('POST /slack/events: retries, bots and edits', () => {
  it('answers once when Slack retries the same event_id', async () => {
    harness = await slackHarness(pipeline);
    const { event } = mention(harness, COVID_QUESTION);
    const id = nextEventId();
    const first = await harness.send(eventRequest(event, id));
    const retry = await harness.send(eventRequest(event, id, { retryNum: 1 }));
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(harness.api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(harness.api.callsTo('chat.update')).toHaveLength(1);
    expect(harness.api.callsTo('reactions.add')).toHaveLength(1);
    expect(harness.logger.entries.some((e) => e.msg === 'slack duplicate delivery dropped' && e.retryNum === 1)).toBe(true);
  });

  it('answers once when a retry arrives while the first delivery is still being answered', async () => {
    harness = await slackHarness(pipeline);
    const { event } = mention(harness, COVID_QUESTION);
    const id = nextEventId();
    const responses = await Promise.all([1, 2, 3].map((n) => harness.handler.handle(eventRequest(event, id, n > 1 ? { retryNum: n - 1 } : {}))));
    await harness.handler.whenIdle();
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(harness.api.callsTo('chat.update')).toHaveLength(1);
  });

  it.each([
    ['a bot_message from another bot', { subtype: 'bot_message', bot_id: 'B999', user: undefined }],
    ['a message with a bot_id', { bot_id: 'B999' }],
    ['our own answer echoed back', { user: 'UBOT', bot_id: 'BBOT' }],
    ['an edit (message_changed)', { subtype: 'message_changed', message: { type: 'message', user: 'U1', text: '改过的问题？', ts: '1.0' } }],
    ['a deletion (message_deleted)', { subtype: 'message_deleted', deleted_ts: '1.0' }],
    ['someone joining', { subtype: 'channel_join' }],
  ])('ignores %s in a DM', async (_name, extra) => {
    harness = await slackHarness(pipeline);
    const { event } = dm(harness, COVID_QUESTION, extra);
    const response = await harness.send(eventRequest(event, nextEventId()));
    expect(response.status).toBe(200);
    expect(harness.api.calls).toEqual([]);
  });

  it('ignores a mention posted by another bot', async () => {
    harness = await slackHarness(pipeline);
    const { event } = mention(harness, COVID_QUESTION);
    await harness.send(eventRequest({ ...event, bot_id: 'B999' }, nextEventId()));
    expect(harness.api.calls).toEqual([]);
  });

  it('ignores messages in channels (only mentions are questions there)', async () => {
    harness = await slackHarness(pipeline);
    const message = harness.api.addUserMessage({ channel: 'C1', user: 'U1', text: COVID_QUESTION });
    await harness.send(eventRequest({ type: 'message', channel: 'C1', channel_type: 'channel', user: 'U1', text: COVID_QUESTION, ts: message.ts }, nextEventId()));
    expect(harness.api.calls).toEqual([]);
  });
});

describe('POST /slack/events: failures', () => {
  it('shows an apology with a reference id, logs the detail, and keeps answering', async () => {
    let calls = 0;
    const flaky: Answerer = {
      answer: async (q, o) => {
        if (++calls === 1) throw new Error('vector index exploded at shard 7');
        return pipeline.answerer.answer(q, o);
      },
      stream: (q, o) => pipeline.answerer.stream(q, o),
    };
    harness = await slackHarness(pipeline, { answerer: flaky, newReference: () => 'ref-7f3a' });
    const first = mention(harness, COVID_QUESTION);
    const response = await harness.send(eventRequest(first.event, nextEventId()));
    expect(response.status).toBe(200);

    const apology = harness.api.callsTo('chat.update')[0]!.args;
    expect(apology.text).toContain('参考编号 ref-7f3a');
    expect(apology.text).not.toContain('exploded');
    const logged = harness.logger.entries.find((e) => e.level === 'error' && e.reference === 'ref-7f3a');
    expect(String(logged?.error)).toContain('vector index exploded at shard 7');

    const second = mention(harness, COVID_QUESTION);
    await harness.send(eventRequest(second.event, nextEventId()));
    expect(harness.api.callsTo('chat.update')[1]!.args.text).toBe((await pipeline.answerer.answer(COVID_QUESTION)).answer);
  });

  it('says what to fix when the question is refused (too long)', async () => {
    harness = await slackHarness(pipeline);
    const { event } = dm(harness, '问'.repeat(2100));
    await harness.send(eventRequest(event, nextEventId()));
    const update = harness.api.callsTo('chat.update')[0]!.args;
    expect(update.text).toMatch(/无法回答这个问题：.*2000/);
  });

  it('logs and survives when Slack refuses the placeholder (not_in_channel)', async () => {
    harness = await slackHarness(pipeline);
    harness.api.failures.set('chat.postMessage', 'not_in_channel');
    const { event } = mention(harness, COVID_QUESTION);
    const response = await harness.send(eventRequest(event, nextEventId()));
    expect(response.status).toBe(200);
    expect(harness.logger.entries.some((e) => e.level === 'error' && String(e.error).includes('not_in_channel'))).toBe(true);
    // The next question still gets an answer.
    const next = mention(harness, COVID_QUESTION);
    await harness.send(eventRequest(next.event, nextEventId()));
    expect(harness.api.callsTo('chat.update')).toHaveLength(1);
  });
});
