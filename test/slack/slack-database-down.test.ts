import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/answer/create-pipeline.js';
import { PostgresStore } from '../../src/store/postgres-store.node.js';
import { seedPipeline } from '../support/seed-pipeline.js';
import { POSTGRES_MISSING, startPostgres, type TestPostgres } from '../support/start-postgres.js';
import { slackHarness, type SlackHarness } from './support/slack-setup.js';
import { buttonClick, commandRequest, interactionRequest } from './support/slack-request.js';

const QUESTION = '区域性医疗中心按多少人口配置一家？';

let pipeline: Pipeline;
let server: TestPostgres;
let store: PostgresStore;
let harness: SlackHarness | undefined;
beforeAll(async () => {
  pipeline = await seedPipeline();
  if (POSTGRES_MISSING) return;
  server = await startPostgres();
  store = await PostgresStore.open(server.url, { timeoutMs: 500, healthIntervalMs: 0 });
}, 60_000);
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  if (!POSTGRES_MISSING) await server.startServer().catch(() => undefined);
});
afterAll(async () => {
  await store?.close();
  await server?.stop();
});

type Blocks = Array<Record<string, any>>;
const buttonsOf = (blocks: Blocks) => blocks.flatMap((b) => [...(b.accessory ? [b.accessory] : []), ...(b.type === 'actions' ? b.elements : [])]) as Array<{ action_id: string; value: string }>;

describe.skipIf(POSTGRES_MISSING)('Slack with its PostgreSQL stopped (a real server)', () => {
  it('/policy still shows its answer; 发到频道 posts it from this process', async () => {
    harness = await slackHarness(pipeline, { memory: store.slackMemory, feedback: store.feedback });
    await server.stopServer();
    await harness.send(commandRequest({ command: '/policy', text: QUESTION, response_url: harness.api.responseUrl('cmd') }));
    const shown = harness.api.responses.filter((r) => r.id === 'cmd').map((r) => r.body);
    const expected = await pipeline.answerer.answer(QUESTION);
    expect(shown).toEqual([expect.objectContaining({ response_type: 'ephemeral', text: expected.answer })]);
    expect(harness.logger.entries.some((e) => e.msg === 'slack answers: the shared store failed; kept in this process for 发到频道')).toBe(true);

    const post = buttonsOf(shown[0]!.blocks as Blocks).find((b) => b.action_id === 'post_to_channel')!;
    await harness.send(interactionRequest(buttonClick({ actionId: 'post_to_channel', value: post.value, channel: 'C1', ephemeral: true, responseUrl: harness.api.responseUrl('act') })));
    expect(harness.api.callsTo('chat.postMessage').map((c) => c.args.text)).toEqual([expected.answer]);
  }, 30_000);

  it('👍 while the database is down gets an apology; the same click once it is back is stored once', async () => {
    harness = await slackHarness(pipeline, { memory: store.slackMemory, feedback: store.feedback });
    await harness.send(commandRequest({ command: '/policy', text: QUESTION, response_url: harness.api.responseUrl('cmd') }));
    const shown = harness.api.responses.find((r) => r.id === 'cmd')!.body;
    const up = buttonsOf(shown.blocks as Blocks).find((b) => b.action_id === 'feedback_up')!;
    const click = () => interactionRequest(buttonClick({ actionId: 'feedback_up', value: up.value, channel: 'C1', ephemeral: true, responseUrl: harness!.api.responseUrl('fb'), user: 'U5' }));
    await server.stopServer();
    await harness.send(click());
    await server.startServer();
    await harness.send(click());
    await harness.send(click());
    const replies = harness.api.responses.filter((r) => r.id === 'fb').map((r) => String(r.body.text));
    expect(replies[0]).not.toMatch(/已记录/);
    expect(replies.slice(1)).toEqual(['已记录：👍 有用。谢谢反馈！', '已记录：👍 有用。谢谢反馈！']);
    expect((await store.feedback.list()).filter((r) => r.source === 'slack' && r.rating === 'up')).toHaveLength(1);
  }, 30_000);
});
