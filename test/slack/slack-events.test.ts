import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/answer/create-pipeline.js';
import type { Answerer, Turn } from '../../src/answer/types.js';
import { ANSWER_EVENT_TYPE } from '../../src/slack/answer-blocks.js';
import { seedPipeline } from '../support/seed-pipeline.js';
import { BOT_TOKEN, slackHarness, type SlackHarness } from './support/slack-setup.js';
import { eventRequest, signedRequest } from './support/slack-request.js';
import { validateMessageBlocks } from './support/validate-blocks.js';

const COVID_QUESTION = '2023年市卫生健康工作要点里，新冠感染医疗救治保障提了哪几条措施？';
const OFF_TOPIC = '食堂几点开饭？';

let pipeline: Pipeline;
let harness: SlackHarness;
let eventCounter = 0;
const nextEventId = () => `Ev${String(++eventCounter).padStart(8, '0')}`;

beforeAll(async () => {
  pipeline = await seedPipeline();
});
afterEach(async () => {
  await harness?.close();
});

/** A person's message in a channel that mentions the app, stored in the fake Slack and delivered as app_mention. */
function mention(h: SlackHarness, text: string, extra: { channel?: string; thread_ts?: string } = {}) {
  const channel = extra.channel ?? 'C1';
  const message = h.api.addUserMessage({ channel, user: 'U1', text: `<@${h.api.botUserId}> ${text}`, ...(extra.thread_ts ? { thread_ts: extra.thread_ts } : {}) });
  const event = { type: 'app_mention', user: 'U1', text: message.text, ts: message.ts, channel, event_ts: message.ts, ...(extra.thread_ts ? { thread_ts: extra.thread_ts } : {}) };
  return { message, event };
}

function dm(h: SlackHarness, text: string, extra: Record<string, unknown> = {}) {
  const message = h.api.addUserMessage({ channel: 'D1', user: 'U1', text });
  return { message, event: { type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text, ts: message.ts, event_ts: message.ts, ...extra } };
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
    expect(api.calls.map((c) => c.method)).toEqual(['auth.test', 'reactions.add', 'chat.postMessage', 'chat.update']);
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
    // The real answerer, recording the history each call receives.
    const histories: Array<Turn[] | undefined> = [];
    const recording: Answerer = {
      answer: (q, o) => {
        histories.push(o?.history);
        return pipeline.answerer.answer(q, o);
      },
      stream: (q, o) => pipeline.answerer.stream(q, o),
    };
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
    expect(harness.api.calls.map((c) => c.method)).toEqual(['auth.test', 'chat.postMessage']);
    expect(harness.api.callsTo('chat.postMessage')[0]!.args.text).toMatch(/请在提到我的同时写下问题/);
  });
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
    expect(harness.logger.entries.some((e) => e.message === 'slack duplicate delivery dropped' && e.fields?.retryNum === 1)).toBe(true);
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
    expect(harness.api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('ignores a mention posted by another bot', async () => {
    harness = await slackHarness(pipeline);
    const { event } = mention(harness, COVID_QUESTION);
    await harness.send(eventRequest({ ...event, bot_id: 'B999' }, nextEventId()));
    expect(harness.api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('ignores messages in channels (only mentions are questions there)', async () => {
    harness = await slackHarness(pipeline);
    const message = harness.api.addUserMessage({ channel: 'C1', user: 'U1', text: COVID_QUESTION });
    await harness.send(eventRequest({ type: 'message', channel: 'C1', channel_type: 'channel', user: 'U1', text: COVID_QUESTION, ts: message.ts }, nextEventId()));
    expect(harness.api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
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
    const logged = harness.logger.entries.find((e) => e.level === 'error' && e.fields?.reference === 'ref-7f3a');
    expect(String(logged?.fields?.error)).toContain('vector index exploded at shard 7');

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
    expect(harness.logger.entries.some((e) => e.level === 'error' && String(e.fields?.error).includes('not_in_channel'))).toBe(true);
    // The next question still gets an answer.
    const next = mention(harness, COVID_QUESTION);
    await harness.send(eventRequest(next.event, nextEventId()));
    expect(harness.api.callsTo('chat.update')).toHaveLength(1);
  });
});
