import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/answer/create-pipeline.js';
import type { Answerer, Turn } from '../../src/answer/types.js';
import { ANSWER_EVENT_TYPE } from '../../src/slack/answer-blocks.js';
import { seedPipeline } from '../support/seed-pipeline.js';
import { BOT_TOKEN, slackHarness, type SlackHarness } from './support/slack-setup.js';
import { eventRequest, signedRequest } from './support/slack-request.js';
import { COVID_QUESTION, dm, mention, nextEventId, OFF_TOPIC } from './support/slack-messages.js';
import { validateMessageBlocks } from './support/validate-blocks.js';

let pipeline: Pipeline;
let harness: SlackHarness;

beforeAll(async () => {
  pipeline = await seedPipeline();
});
afterEach(async () => {
  await harness?.close();
});

/** The real answerer, recording the history each call receives. */
function recordHistories(answerer: Answerer): { recording: Answerer; histories: Array<Turn[] | undefined> } {
  const histories: Array<Turn[] | undefined> = [];
  const recording: Answerer = {
    answer: (q, o) => {
      histories.push(o?.history);
      return answerer.answer(q, o);
    },
    stream: (q, o) => answerer.stream(q, o),
  };
  return { recording, histories };
}

describe('POST /slack/events: protocol', () => {
  it('answers url_verification with the challenge', async () => {
    harness = await slackHarness(pipeline);
    const body = JSON.stringify({ token: 't', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' });
    const response = await harness.send(signedRequest(body, 'application/json'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
    expect(harness.api.calls).toEqual([]);
  });

  it.each([
    ['a forged signature', { signature: `v0=${'ab'.repeat(32)}` }],
    ['another signing secret', { secret: 'not-the-signing-secret' }],
    ['a timestamp six minutes old (replay)', { timestamp: Math.floor(Date.now() / 1000) - 360 }],
    ['a timestamp six minutes ahead', { timestamp: Math.floor(Date.now() / 1000) + 360 }],
  ])('refuses %s with 401 and does nothing', async (_name, options) => {
    harness = await slackHarness(pipeline);
    const { event } = mention(harness, COVID_QUESTION);
    const response = await harness.send(eventRequest(event, nextEventId(), options));
    expect(response.status).toBe(401);
    expect(await response.text()).toMatch(/SLACK_SIGNING_SECRET/);
    expect(harness.api.calls).toEqual([]);
  });

  it('refuses a body altered after signing', async () => {
    harness = await slackHarness(pipeline);
    const signed = signedRequest('{"type":"url_verification","challenge":"a"}', 'application/json');
    const altered = new Request(signed.url, { method: 'POST', headers: signed.headers, body: '{"type":"url_verification","challenge":"b"}' });
    expect((await harness.send(altered)).status).toBe(401);
  });

  it('answers an ssl_check (sent for slash command URLs) with an empty 200', async () => {
    harness = await slackHarness(pipeline);
    const response = await harness.send(signedRequest('ssl_check=1&token=legacy', 'application/x-www-form-urlencoded'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(harness.api.calls).toEqual([]);
  });

  it('refuses a body over 1 MiB with 413 before checking it', async () => {
    harness = await slackHarness(pipeline);
    const response = await harness.send(signedRequest(JSON.stringify({ type: 'event_callback', padding: 'x'.repeat(1024 * 1024) }), 'application/json'));
    expect(response.status).toBe(413);
  });

  it('refuses GET with 405 and an unparseable signed body with 400', async () => {
    harness = await slackHarness(pipeline);
    expect((await harness.handler.handle(new Request('http://x/slack/events'))).status).toBe(405);
    expect((await harness.send(signedRequest('{not json', 'application/json'))).status).toBe(400);
  });
});

describe('POST /slack/events: questions', () => {
  it('answers an app_mention in the thread of the asking message: 👀, placeholder, then the answer', async () => {
    harness = await slackHarness(pipeline);
    const { message, event } = mention(harness, COVID_QUESTION);
    const response = await harness.send(eventRequest(event, nextEventId()));
    expect(response.status).toBe(200);

    const expected = await pipeline.answerer.answer(COVID_QUESTION);
    expect(expected.abstained).toBe(false);
    const { api } = harness;
    // No auth.test: the ack never waits on Slack's Web API, and the event names the bot's user.
    // 👀 while answering, removed once the answer is in place.
    expect(api.calls.map((c) => c.method)).toEqual(['reactions.add', 'chat.postMessage', 'chat.update', 'reactions.remove']);
    expect(api.callsTo('reactions.remove')[0]!.args).toMatchObject({ channel: 'C1', timestamp: message.ts, name: 'eyes' });
    expect(api.calls.every((c) => c.authorization === `Bearer ${BOT_TOKEN}`)).toBe(true);
    expect(api.callsTo('reactions.add')[0]!.args).toMatchObject({ channel: 'C1', timestamp: message.ts, name: 'eyes' });
    const placeholder = api.callsTo('chat.postMessage')[0]!.args;
    expect(placeholder).toMatchObject({ channel: 'C1', thread_ts: message.ts, text: '查询中…' });

    const update = api.callsTo('chat.update')[0]!.args;
    const posted = api.messages.find((m) => m.bot_id && m.thread_ts === message.ts)!;
    expect(update).toMatchObject({ channel: 'C1', ts: posted.ts, text: expected.answer });
    expect(validateMessageBlocks(update.blocks, update.text)).toEqual([]);
    expect(update.metadata).toMatchObject({ event_type: ANSWER_EVENT_TYPE, event_payload: { question: COVID_QUESTION, cited: expected.citations.map((c) => ({ id: c.id })) } });
    const blocks = update.blocks as Array<Record<string, any>>;
    const cite = blocks.find((b) => b.block_id === `cite:1:${expected.citations[0]!.id}`)!;
    expect(cite.text.text).toContain(expected.citations[0]!.docNumber);
    expect(cite.text.text).toContain(expected.citations[0]!.label);
    expect(cite.accessory).toMatchObject({ action_id: 'open_passage:1', value: expected.citations[0]!.id });
  });

  it('acknowledges before the answer is composed (Slack waits 3 s at most)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Answerer = {
      answer: async (q, o) => {
        await gate;
        return pipeline.answerer.answer(q, o);
      },
      stream: (q, o) => pipeline.answerer.stream(q, o),
    };
    harness = await slackHarness(pipeline, { answerer: slow });
    const { event } = mention(harness, COVID_QUESTION);
    const response = await harness.handler.handle(eventRequest(event, nextEventId()));
    expect(response.status).toBe(200);
    expect(harness.api.callsTo('chat.update')).toEqual([]);
    release();
    await harness.handler.whenIdle();
    expect(harness.api.callsTo('chat.update')).toHaveLength(1);
  });

  it('answers a DM (message.im) in the thread of the message', async () => {
    harness = await slackHarness(pipeline);
    const { message, event } = dm(harness, '区域性医疗中心按多少人口配置一家？');
    await harness.send(eventRequest(event, nextEventId()));
    const expected = await pipeline.answerer.answer('区域性医疗中心按多少人口配置一家？');
    expect(harness.api.callsTo('chat.postMessage')[0]!.args).toMatchObject({ channel: 'D1', thread_ts: message.ts });
    const update = harness.api.callsTo('chat.update')[0]!.args;
    expect(update).toMatchObject({ channel: 'D1', text: expected.answer });
    expect(validateMessageBlocks(update.blocks, update.text)).toEqual([]);
  });

  it('answers a thread follow-up with the thread as history ("第二点具体怎么说？")', async () => {
    const { recording, histories } = recordHistories(pipeline.answerer);
    harness = await slackHarness(pipeline, { answerer: recording });
    const first = mention(harness, COVID_QUESTION);
    await harness.send(eventRequest(first.event, nextEventId()));
    const firstAnswer = await pipeline.answerer.answer(COVID_QUESTION);
    expect(firstAnswer.citations.length).toBeGreaterThan(0);
    // Someone else chats in the thread: not a turn of the conversation with the app.
    harness.api.addUserMessage({ channel: 'C1', user: 'U2', text: '我也想知道', thread_ts: first.message.ts });

    const followUp = mention(harness, '第二点具体怎么说？', { thread_ts: first.message.ts });
    await harness.send(eventRequest(followUp.event, nextEventId()));

    const replies = harness.api.callsTo('conversations.replies');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.args).toMatchObject({ channel: 'C1', ts: first.message.ts, include_all_metadata: 'true' });
    expect(harness.api.callsTo('chat.postMessage')[1]!.args).toMatchObject({ channel: 'C1', thread_ts: first.message.ts });

    const expectedHistory = [{ question: COVID_QUESTION, answer: firstAnswer.answer, citations: firstAnswer.citations.map((c) => ({ id: c.id })) }];
    expect(histories).toEqual([[], expectedHistory]);
    const withHistory = await pipeline.answerer.answer('第二点具体怎么说？', { history: expectedHistory });
    const withoutHistory = await pipeline.answerer.answer('第二点具体怎么说？');
    const update = harness.api.callsTo('chat.update')[1]!.args;
    expect(update.text).toBe(withHistory.answer);
    expect(update.text).not.toBe(withoutHistory.answer);
    expect(validateMessageBlocks(update.blocks, update.text)).toEqual([]);
  });

  it('in a DM, a follow-up typed as a new message (not in the thread) continues the last conversation', async () => {
    const { recording, histories } = recordHistories(pipeline.answerer);
    harness = await slackHarness(pipeline, { answerer: recording });
    const first = dm(harness, COVID_QUESTION);
    await harness.send(eventRequest(first.event, nextEventId()));
    const firstAnswer = await pipeline.answerer.answer(COVID_QUESTION);

    const followUp = dm(harness, '第二点具体怎么说？');
    await harness.send(eventRequest(followUp.event, nextEventId()));
    expect(harness.api.callsTo('conversations.history').at(-1)!.args).toMatchObject({ channel: 'D1', latest: followUp.message.ts });
    expect(harness.api.callsTo('conversations.replies')[0]!.args).toMatchObject({ channel: 'D1', ts: first.message.ts });
    const expectedHistory = [{ question: COVID_QUESTION, answer: firstAnswer.answer, citations: firstAnswer.citations.map((c) => ({ id: c.id })) }];
    expect(histories).toEqual([[], expectedHistory]);
    // Answered in the new message's own thread.
    expect(harness.api.callsTo('chat.postMessage')[1]!.args).toMatchObject({ channel: 'D1', thread_ts: followUp.message.ts });
    expect(harness.api.callsTo('chat.update')[1]!.args.text).toBe((await pipeline.answerer.answer('第二点具体怎么说？', { history: expectedHistory })).answer);
  });

  it('in a DM, a new message more than an hour after the last conversation starts afresh', async () => {
    const { recording, histories } = recordHistories(pipeline.answerer);
    harness = await slackHarness(pipeline, { answerer: recording });
    const first = dm(harness, COVID_QUESTION);
    await harness.send(eventRequest(first.event, nextEventId()));
    const later = `${Number(first.message.ts.split('.')[0]) + 2 * 3600}.000100`;
    const message = harness.api.addUserMessage({ channel: 'D1', user: 'U1', text: '第二点具体怎么说？', ts: later });
    await harness.send(eventRequest({ type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text: message.text, ts: later, event_ts: later }, nextEventId()));
    expect(histories).toEqual([[], []]);
    expect(harness.api.callsTo('conversations.replies')).toEqual([]);
  });

  it('answers an abstention politely, listing the nearest points as not evidence', async () => {
    harness = await slackHarness(pipeline);
    const { event } = mention(harness, OFF_TOPIC);
    await harness.send(eventRequest(event, nextEventId()));
    const expected = await pipeline.answerer.answer(OFF_TOPIC);
    expect(expected.abstained).toBe(true);
    const update = harness.api.callsTo('chat.update')[0]!.args;
    expect(update.text).toBe(expected.answer);
    expect(validateMessageBlocks(update.blocks, update.text)).toEqual([]);
    const blocks = update.blocks as Array<Record<string, any>>;
    expect(JSON.stringify(blocks)).toContain('仅供参考，不作为依据');
    const buttons = blocks.filter((b) => String(b.accessory?.action_id).startsWith('open_passage:')).map((b) => b.accessory.value);
    expect(buttons).toEqual(expected.nearest.slice(0, 3).map((c) => c.id));
  });

  it('replies with how to ask when mentioned without a question', async () => {
    harness = await slackHarness(pipeline);
    const { event } = mention(harness, '  ');
    await harness.send(eventRequest(event, nextEventId()));
    expect(harness.api.calls.map((c) => c.method)).toEqual(['chat.postMessage']);
    expect(harness.api.callsTo('chat.postMessage')[0]!.args.text).toMatch(/请在提到我的同时写下问题/);
  });
});
