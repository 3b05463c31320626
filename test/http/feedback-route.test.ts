import { describe, expect, it } from 'vitest';
import { CORPUS_QUESTION, harness, postJson } from './support/app-harness.js';

describe('POST /api/feedback', () => {
  it('201 and the record is in the store, with the time it arrived', async () => {
    const { app, feedback } = await harness();
    const answer = await (await app.request('/api/ask', postJson({ question: CORPUS_QUESTION }))).json();
    const res = await app.request(
      '/api/feedback',
      postJson({ question: CORPUS_QUESTION, answerId: answer.answerId, rating: 'down', comment: '应该引用第二部分第7条', expectedPassageId: answer.retrievedIds[1] }),
    );
    expect(res.status).toBe(201);
    const { id, stored } = await res.json();
    expect(stored).toBe(true);
    expect(await feedback.list()).toEqual([
      {
        id,
        receivedAt: '2026-03-01T08:00:00.000Z',
        source: 'web',
        question: CORPUS_QUESTION,
        answerId: answer.answerId,
        rating: 'down',
        comment: '应该引用第二部分第7条',
        expectedPassageId: answer.retrievedIds[1],
      },
    ]);
  });

  it.each([
    ['neither question nor questionId', { answerId: 'a1', rating: 'up' }, 'question: send questionId or question'],
    ['a rating other than up/down', { questionId: 'q1', answerId: 'a1', rating: 'meh' }, 'rating: must be "up" or "down"'],
    ['no answerId', { questionId: 'q1', rating: 'up' }, 'answerId: is required'],
    ['an expectedPassageId that is not a passage', { questionId: 'q1', answerId: 'a1', rating: 'down', expectedPassageId: 'nope#1' }, 'expectedPassageId: no passage has the id "nope#1"'],
    ['a comment over 2,000 characters', { questionId: 'q1', answerId: 'a1', rating: 'down', comment: '长'.repeat(2001) }, 'comment: is longer than 2000'],
  ])('422 for %s, and nothing is stored', async (_name, body, message) => {
    const { app, feedback } = await harness();
    const res = await app.request('/api/feedback', postJson(body));
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toContain(message);
    expect(await feedback.list()).toEqual([]);
  });
});
