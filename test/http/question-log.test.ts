import { describe, expect, it } from 'vitest';
import { createQuestionRecorder } from '../../src/answer/question-recorder.js';
import { MemoryQuestionLog } from '../../src/store/memory-question-log.js';
import { CORPUS_QUESTION, harness, postJson } from './support/app-harness.js';

const logger = { info: () => {}, error: () => {} };

/** The question log as the routes fill it: each answer, its channel, masked, with what retrieval found. */
describe('question log from the HTTP routes', () => {
  it('POST /api/ask is the api channel, /api/chat (the widget) the web channel; questions are masked', async () => {
    const store = new MemoryQuestionLog();
    const questions = createQuestionRecorder({ store, retentionDays: 90, logger, clock: () => Date.parse('2026-03-01T08:00:00Z') })!;
    const { app } = await harness({ questions });
    const asked = await (await app.request('/api/ask', postJson({ question: `${CORPUS_QUESTION}我的电话13812345678` }))).json();
    const chat = await app.request('/api/chat', postJson({ question: '北京市2023年的医保报销比例是多少？邮箱 li@example.com' }));
    const done = /event: done\ndata: (.*)\n/.exec(await chat.text())![1]!;
    await expect.poll(async () => (await store.list()).length).toBe(2);
    const [api, web] = await store.list();
    expect(api).toMatchObject({
      channel: 'api',
      question: `${CORPUS_QUESTION}我的电话[电话]`,
      tier: asked.confidence,
      citedIds: asked.citations.map((c: { id: string }) => c.id),
      answerId: asked.answerId,
      askedAt: '2026-03-01T08:00:00.000Z',
    });
    expect(api!.nearestIds.length).toBeGreaterThan(0);
    expect(api!.signals).toMatchObject({ coverage: expect.any(Number) });
    expect(web).toMatchObject({ channel: 'web', question: '北京市2023年的医保报销比例是多少？邮箱 [邮箱]', tier: 'declined', citedIds: [], answerId: JSON.parse(done).answerId });
    expect(JSON.stringify(await store.list())).not.toMatch(/13812345678|li@example/);
  });

  it('a failing log never fails the answer', async () => {
    const store = new MemoryQuestionLog();
    store.append = async () => {
      throw new Error('disk full');
    };
    const warnings: unknown[] = [];
    const questions = createQuestionRecorder({ store, retentionDays: 90, logger: { info: (e) => warnings.push(e), error: () => {} } })!;
    const { app } = await harness({ questions });
    const res = await app.request('/api/ask', postJson({ question: CORPUS_QUESTION }));
    expect(res.status).toBe(200);
    await expect.poll(() => warnings).toContainEqual(expect.objectContaining({ msg: 'question log: record not stored', error: 'disk full' }));
  });
});
