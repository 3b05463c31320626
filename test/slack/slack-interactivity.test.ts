import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/answer/create-pipeline.js';
import { JsonlFeedbackStore } from '../../src/store/jsonl-feedback-store.node.js';
import { seedPipeline } from '../support/seed-pipeline.js';
import { slackHarness, type SlackHarness } from './support/slack-setup.js';
import { buttonClick, commandRequest, eventRequest, interactionRequest } from './support/slack-request.js';
import { validateMessageBlocks, validateModal } from './support/validate-blocks.js';

const QUESTION = '区域性医疗中心按多少人口配置一家？';

let pipeline: Pipeline;
let harness: SlackHarness;
beforeAll(async () => {
  pipeline = await seedPipeline();
});
afterEach(async () => {
  await harness?.close();
});

type Blocks = Array<Record<string, any>>;
const buttonsOf = (blocks: Blocks) => blocks.flatMap((b) => [...(b.accessory ? [b.accessory] : []), ...(b.type === 'actions' ? b.elements : [])]) as Array<{ action_id: string; value: string }>;

/** Asks through the slash command and returns the ephemeral answer posted to the response_url. */
async function askBySlashCommand(h: SlackHarness, text = QUESTION) {
  const response = await h.send(commandRequest({ command: '/policy', text, response_url: h.api.responseUrl('cmd') }));
  return { response, posted: h.api.responses.filter((r) => r.id === 'cmd') };
}

/** Asks by mention and returns the answer message as it now stands in the fake Slack. */
async function askByMention(h: SlackHarness, text = QUESTION) {
  const asked = h.api.addUserMessage({ channel: 'C1', user: 'U1', text: `<@UBOT> ${text}` });
  await h.send(eventRequest({ type: 'app_mention', channel: 'C1', user: 'U1', text: asked.text, ts: asked.ts }, `Ev-${asked.ts}`));
  return h.api.messages.find((m) => m.bot_id && m.thread_ts === asked.ts)!;
}

describe('slash command', () => {
  it('acks at once with an ephemeral "查询中…", then posts the ephemeral answer with a post-to-channel button', async () => {
    harness = await slackHarness(pipeline);
    const { response, posted } = await askBySlashCommand(harness);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ response_type: 'ephemeral', text: `查询中…「${QUESTION}」` });

    const expected = await pipeline.answerer.answer(QUESTION);
    expect(posted).toHaveLength(1);
    const body = posted[0]!.body;
    // It replaces the "查询中…" acknowledgement rather than appearing below it.
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: true, text: expected.answer });
    expect(validateMessageBlocks(body.blocks, body.text)).toEqual([]);
    const post = buttonsOf(body.blocks as Blocks).find((b) => b.action_id === 'post_to_channel');
    expect(post?.value).toMatch(/^[0-9a-f-]{36}$/);
    // Nothing is posted to the channel until the asker chooses to.
    expect(harness.api.callsTo('chat.postMessage')).toEqual([]);
  });

  it("asks the question as typed: Slack's &amp; &lt; &gt; entities are undone once, not shown double-escaped", async () => {
    const questions: string[] = [];
    harness = await slackHarness(pipeline, {
      answerer: { answer: (q, o) => (questions.push(q), pipeline.answerer.answer(q, o)), stream: (q, o) => pipeline.answerer.stream(q, o) },
    });
    // What Slack posts when someone types: 医联体 & 专科联盟 <2023> 的要求
    const response = await harness.send(commandRequest({ command: '/policy', text: '医联体 &amp; 专科联盟 &lt;2023&gt; 的要求', response_url: harness.api.responseUrl('cmd') }));
    expect(questions).toEqual(['医联体 & 专科联盟 <2023> 的要求']);
    // Shown in the acknowledgement escaped exactly once, as Slack expects.
    expect((await response.json()).text).toBe('查询中…「医联体 &amp; 专科联盟 &lt;2023&gt; 的要求」');
  });

  it('answers an empty command with how to use it', async () => {
    harness = await slackHarness(pipeline);
    const { response, posted } = await askBySlashCommand(harness, '   ');
    expect(await response.json()).toEqual({ response_type: 'ephemeral', text: '用法：/policy 区域性医疗中心按多少人口配置一家？' });
    expect(posted).toEqual([]);
  });

  it('listens on the configured command name only', async () => {
    harness = await slackHarness(pipeline, { commandName: '/zhengce' });
    const other = await harness.send(commandRequest({ command: '/policy', text: QUESTION, response_url: harness.api.responseUrl('x') }));
    expect(other.status).toBe(404);
    const ours = await harness.send(commandRequest({ command: '/zhengce', text: '', response_url: harness.api.responseUrl('y') }));
    expect(await ours.json()).toMatchObject({ text: expect.stringContaining('/zhengce') });
  });

  it('"发到频道" posts the same answer to the channel, naming the asker, and removes the ephemeral copy', async () => {
    harness = await slackHarness(pipeline);
    const { posted } = await askBySlashCommand(harness);
    const ephemeral = posted[0]!.body;
    const post = buttonsOf(ephemeral.blocks as Blocks).find((b) => b.action_id === 'post_to_channel')!;

    const click = await harness.send(
      interactionRequest(buttonClick({ actionId: 'post_to_channel', value: post.value, channel: 'C1', ephemeral: true, responseUrl: harness.api.responseUrl('act'), user: 'U7' })),
    );
    expect(click.status).toBe(200);
    const calls = harness.api.callsTo('chat.postMessage');
    expect(calls).toHaveLength(1);
    const args = calls[0]!.args;
    expect(args).toMatchObject({ channel: 'C1', text: ephemeral.text });
    expect(args.thread_ts).toBeUndefined();
    expect(validateMessageBlocks(args.blocks, args.text)).toEqual([]);
    const blocks = args.blocks as Blocks;
    expect(blocks[0]!.elements[0].text).toBe(`<@U7> 问：${QUESTION}`);
    expect(buttonsOf(blocks).map((b) => b.action_id)).not.toContain('post_to_channel');
    expect(args.metadata).toMatchObject({ event_type: 'policydesk_answer', event_payload: { answer_id: post.value } });
    expect(harness.api.responses.filter((r) => r.id === 'act').map((r) => r.body)).toEqual([{ delete_original: true }]);
  });

  it('"发到频道" in a channel the app is not in says to invite it', async () => {
    harness = await slackHarness(pipeline);
    const { posted } = await askBySlashCommand(harness);
    const post = buttonsOf(posted[0]!.body.blocks as Blocks).find((b) => b.action_id === 'post_to_channel')!;
    harness.api.failures.set('chat.postMessage', 'not_in_channel');
    await harness.send(interactionRequest(buttonClick({ actionId: 'post_to_channel', value: post.value, channel: 'C9', ephemeral: true, responseUrl: harness.api.responseUrl('act') })));
    const replies = harness.api.responses.filter((r) => r.id === 'act').map((r) => r.body);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: expect.stringContaining('/invite') });
  });

  it('"发到频道" for an answer no longer remembered says so', async () => {
    harness = await slackHarness(pipeline);
    await harness.send(interactionRequest(buttonClick({ actionId: 'post_to_channel', value: 'unknown-answer', channel: 'C1', ephemeral: true, responseUrl: harness.api.responseUrl('act') })));
    expect(harness.api.callsTo('chat.postMessage')).toEqual([]);
    expect(harness.api.responses[0]!.body.text).toMatch(/已过期/);
  });
});

describe('feedback buttons', () => {
  it.each([
    ['feedback_up', 'up'],
    ['feedback_down', 'down'],
  ] as const)('%s writes one feedback record and thanks the clicker privately', async (actionId, rating) => {
    harness = await slackHarness(pipeline);
    const answerMessage = await askByMention(harness);
    const expected = await pipeline.answerer.answer(QUESTION);
    const button = buttonsOf(answerMessage.blocks as Blocks).find((b) => b.action_id === actionId)!;

    const response = await harness.send(interactionRequest(buttonClick({ actionId, value: button.value, channel: 'C1', messageTs: answerMessage.ts, responseUrl: harness.api.responseUrl('fb') })));
    expect(response.status).toBe(200);
    expect(harness.feedback.records).toHaveLength(1);
    const record = harness.feedback.records[0]!;
    expect(record).toEqual({ id: expect.any(String), receivedAt: expect.any(String), source: 'slack', question: QUESTION, answerId: expect.any(String), rating });
    expect(new Date(record.receivedAt).toISOString()).toBe(record.receivedAt);
    expect(record.answerId).toBe((answerMessage.metadata as { event_payload: { answer_id: string } }).event_payload.answer_id);
    expect(expected.answer).toBe(answerMessage.text);
    const reply = harness.api.responses.find((r) => r.id === 'fb')!.body;
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });

  it('works on the ephemeral slash-command answer too', async () => {
    harness = await slackHarness(pipeline);
    const { posted } = await askBySlashCommand(harness);
    const button = buttonsOf(posted[0]!.body.blocks as Blocks).find((b) => b.action_id === 'feedback_down')!;
    await harness.send(interactionRequest(buttonClick({ actionId: 'feedback_down', value: button.value, channel: 'C1', ephemeral: true, responseUrl: harness.api.responseUrl('fb') })));
    expect(harness.feedback.records.map((r) => [r.rating, r.question])).toEqual([['down', QUESTION]]);
  });

  it("lands in the web widget's JSONL feedback store, read back through its schema", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'policydesk-slack-feedback-'));
    const store = await JsonlFeedbackStore.open(join(dir, 'feedback.jsonl'));
    try {
      harness = await slackHarness(pipeline, { feedback: store, newId: () => 'fb-0001' });
      const answerMessage = await askByMention(harness);
      const button = buttonsOf(answerMessage.blocks as Blocks).find((b) => b.action_id === 'feedback_down')!;
      await harness.send(interactionRequest(buttonClick({ actionId: 'feedback_down', value: button.value, channel: 'C1', messageTs: answerMessage.ts, responseUrl: harness.api.responseUrl('fb') })));
      const [stored, ...rest] = await store.list();
      expect(rest).toEqual([]);
      expect(stored).toMatchObject({ id: 'fb-0001', rating: 'down', question: QUESTION });
      expect(new Date(stored!.receivedAt).toISOString()).toBe(stored!.receivedAt);
      expect(stored!.answerId).toBe((answerMessage.metadata as { event_payload: { answer_id: string } }).event_payload.answer_id);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('apologises with a reference id when the store fails, and logs the detail', async () => {
    harness = await slackHarness(pipeline, {
      feedback: { append: async () => Promise.reject(new Error('disk full: .data/feedback.jsonl')) },
      newReference: () => 'ref-fb01',
    });
    const answerMessage = await askByMention(harness);
    const button = buttonsOf(answerMessage.blocks as Blocks).find((b) => b.action_id === 'feedback_up')!;
    await harness.send(interactionRequest(buttonClick({ actionId: 'feedback_up', value: button.value, channel: 'C1', messageTs: answerMessage.ts, responseUrl: harness.api.responseUrl('fb') })));
    const reply = harness.api.responses.find((r) => r.id === 'fb')!.body;
    expect(reply.text).toContain('ref-fb01');
    expect(reply.text).not.toContain('disk full');
    expect(harness.logger.entries.some((e) => e.level === 'error' && e.reference === 'ref-fb01' && String(e.error).includes('disk full'))).toBe(true);
  });

  it('refuses a tampered button value without writing anything', async () => {
    harness = await slackHarness(pipeline);
    await harness.send(interactionRequest(buttonClick({ actionId: 'feedback_up', value: '{"a":', channel: 'C1', messageTs: '1.0', responseUrl: harness.api.responseUrl('fb') })));
    expect(harness.feedback.records).toEqual([]);
    expect(harness.api.responses[0]!.body.text).toMatch(/失效/);
  });
});

describe('查看全文 (views.open)', () => {
  it('opens a modal with the whole passage and its neighbours', async () => {
    harness = await slackHarness(pipeline);
    const answerMessage = await askByMention(harness);
    const open = buttonsOf(answerMessage.blocks as Blocks).find((b) => b.action_id.startsWith('open_passage'))!;
    const passage = pipeline.corpus.passage(open.value)!;
    const { before, after } = pipeline.corpus.neighbours(open.value);

    const response = await harness.send(
      interactionRequest(buttonClick({ actionId: open.action_id, value: open.value, channel: 'C1', messageTs: answerMessage.ts, responseUrl: harness.api.responseUrl('x') })),
    );
    expect(response.status).toBe(200);
    const calls = harness.api.callsTo('views.open');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args.trigger_id).toBe('13345224609.738474920.8088930838d88f008e0');
    const view = calls[0]!.args.view as { blocks: Blocks };
    expect(validateModal(view)).toEqual([]);
    const texts = view.blocks
      .flatMap((b) => [b.text?.text, ...(b.elements ?? []).map((e: { text?: string }) => e.text)])
      .filter(Boolean)
      .join('\n');
    expect(texts).toContain(passage.text);
    expect(texts).toContain(pipeline.corpus.document(passage.docId).docNumber);
    for (const n of [...before, ...after]) expect(texts).toContain(n.label);
  });

  it('says so when the passage is no longer in the corpus', async () => {
    harness = await slackHarness(pipeline);
    await harness.send(interactionRequest(buttonClick({ actionId: 'open_passage:1', value: 'gone#9.9', channel: 'C1', messageTs: '1.0', responseUrl: harness.api.responseUrl('x') })));
    const view = harness.api.callsTo('views.open')[0]!.args.view;
    expect(validateModal(view)).toEqual([]);
    expect(JSON.stringify(view)).toContain('已不在当前文件库中');
  });

  it('answers 404 for an action no listener handles', async () => {
    harness = await slackHarness(pipeline);
    const response = await harness.send(interactionRequest(buttonClick({ actionId: 'something_else', value: 'x', channel: 'C1', messageTs: '1.0', responseUrl: harness.api.responseUrl('x') })));
    expect(response.status).toBe(404);
  });
});
