import { describe, expect, it } from 'vitest';
import { feedbackBody, FEEDBACK_TURNS } from '../../src/http/widget/feedback-row.js';
import type { WidgetAnswer, WidgetTurn } from '../../src/http/widget/widget-types.js';
import { CORPUS_QUESTION, harness, postJson } from './support/app-harness.js';

describe('feedback carries the answer and its context', () => {
  it('POST /api/feedback accepts the answer text, cited ids, mode, confidence and earlier turns, and hands them to the store', async () => {
    const { app, feedback } = await harness();
    const answer = await (await app.request('/api/ask', postJson({ question: CORPUS_QUESTION }))).json();
    const body = feedbackBody(answer, [{ question: '重症床位要占到总床位的多少？', answer: '……20%[1]', citations: [{ id: '2023-shanghai-medical-administration-priorities#1.5' }] }], 'down');
    const res = await app.request('/api/feedback', postJson(body));
    expect(res.status).toBe(201);
    expect((await feedback.list())[0]).toMatchObject({
      answerId: answer.answerId,
      answer: answer.answer,
      citedIds: answer.citations.map((c: { id: string }) => c.id),
      mode: answer.mode,
      history: [{ question: '重症床位要占到总床位的多少？', answer: '……20%[1]', citations: [{ id: '2023-shanghai-medical-administration-priorities#1.5' }] }],
    });
  });

  it.each([
    ['a confidence other than high/low', { confidence: 'maybe' }, 'confidence: must be "high" or "low"'],
    ['more than 5 earlier turns', { history: Array.from({ length: 6 }, () => ({ question: '问' })) }, 'history: has more than 5 turns'],
    ['cited ids that are not strings', { citedIds: [1] }, 'citedIds.0: must be a string'],
  ])('422 for %s', async (_name, extra, message) => {
    const { app, feedback } = await harness();
    const res = await app.request('/api/feedback', postJson({ question: '问', answerId: 'a1', rating: 'up', ...extra }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toContain(message);
    expect(await feedback.list()).toEqual([]);
  });
});

describe('feedbackBody (what the widget sends)', () => {
  const answer: WidgetAnswer = {
    answerId: 'a1',
    question: '第二点呢？',
    answer: '答'.repeat(9000),
    abstained: false,
    mode: 'extractive',
    confidence: 'low',
    citations: [{ id: 'd#1', title: 't', docNumber: 'n', label: 'l', date: '2023-01-01', text: 'x' }],
  };
  const turn = (i: number): WidgetTurn => ({ question: `问题${i}${'问'.repeat(1990)}`, answer: '答'.repeat(5000), citations: [{ id: `d#${i}` }] });

  it('keeps the last turns only, cut to size, and stays under the body limit', () => {
    const body = feedbackBody(answer, [1, 2, 3, 4, 5].map(turn), 'down', { comment: '不对' });
    expect(body).toMatchObject({ answerId: 'a1', rating: 'down', comment: '不对', mode: 'extractive', confidence: 'low', citedIds: ['d#1'] });
    expect(body.answer).toHaveLength(4000);
    expect(body.history!.length).toBeLessThanOrEqual(FEEDBACK_TURNS);
    expect(body.history!.at(-1)!.question.startsWith('问题5')).toBe(true);
    expect(body.history!.every((t) => t.answer.length === 1000)).toBe(true);
    expect(new TextEncoder().encode(JSON.stringify(body)).length).toBeLessThan(32 * 1024);
  });

  it('sends no history on a first question', () => {
    expect(feedbackBody(answer, [], 'up')).not.toHaveProperty('history');
  });
});
