import { describe, expect, it } from 'vitest';
import { createQuestionRecorder, questionLogRecord } from '../../src/answer/question-recorder.js';
import type { Answer } from '../../src/answer/types.js';
import { MemoryQuestionLog } from '../../src/store/memory-question-log.js';

const DAY = 24 * 60 * 60 * 1000;
const logger = { info: () => {}, error: () => {} };
const citation = (id: string) => ({ id }) as Answer['citations'][number];
const answer = (over: Partial<Answer> = {}): Answer => ({
  question: 'q',
  abstained: false,
  citations: [citation('d#1')],
  nearest: [],
  answerId: 'a-1',
  answer: '……[1]',
  mode: 'extractive',
  confidence: 'high',
  retrievedIds: ['d#1', 'd#2', 'd#3', 'd#4'],
  signals: { coverage: 0.4, unknown: 0, margin: 0.2, p: undefined, tier: 'high' },
  ...over,
});
const meta = { id: 'r', askedAt: '2026-03-01T00:00:00.000Z' };

describe('questionLogRecord', () => {
  it.each([
    ['answered', answer(), 'high'],
    ['low confidence', answer({ confidence: 'low' }), 'low'],
    ['declined', answer({ abstained: true, confidence: undefined, citations: [], nearest: [citation('d#9')] }), 'declined'],
  ])('tier of an answer %s', (_name, a, tier) => {
    expect(questionLogRecord({ channel: 'api', question: 'q', answer: a }, meta).tier).toBe(tier);
  });

  it('nearest ids: the answer`s nearest when declined, else the first three retrieved; undefined signals left out', () => {
    expect(questionLogRecord({ channel: 'api', question: 'q', answer: answer() }, meta)).toMatchObject({
      nearestIds: ['d#1', 'd#2', 'd#3'],
      signals: { coverage: 0.4, unknown: 0, margin: 0.2, tier: 'high' },
    });
    expect(questionLogRecord({ channel: 'api', question: 'q', answer: answer() }, meta).signals).not.toHaveProperty('p');
    expect(questionLogRecord({ channel: 'api', question: 'q', answer: answer({ abstained: true, nearest: [citation('d#9')] }) }, meta).nearestIds).toEqual(['d#9']);
  });

  it('records what the answer says was missing, and ignores a value it does not know', () => {
    const withMissing = (missing: unknown) => ({ ...answer({ confidence: 'low' }), missing }) as Answer;
    expect(questionLogRecord({ channel: 'web', question: 'q', answer: withMissing('figure') }, meta).missing).toBe('figure');
    expect(questionLogRecord({ channel: 'web', question: 'q', answer: withMissing('colour') }, meta)).not.toHaveProperty('missing');
    expect(questionLogRecord({ channel: 'web', question: 'q', answer: answer() }, meta)).not.toHaveProperty('missing');
  });

  it('masks the question and the rewritten question', () => {
    const record = questionLogRecord({ channel: 'slack', question: '联系13812345678', answer: answer({ rewrittenQuestion: '联系13812345678的事' }) }, meta);
    expect([record.question, record.rewrittenQuestion]).toEqual(['联系[电话]', '联系[电话]的事']);
  });
});

describe('createQuestionRecorder', () => {
  it('is off with QUESTION_LOG_DAYS=0', () => {
    expect(createQuestionRecorder({ store: new MemoryQuestionLog(), retentionDays: 0, logger })).toBeUndefined();
  });

  it('deletes records older than the retention period on the first record and then once a day', async () => {
    let now = Date.parse('2026-06-01T00:00:00Z');
    const store = new MemoryQuestionLog();
    const old = (days: number, id: string) => ({ ...questionLogRecord({ channel: 'api', question: 'q', answer: answer() }, { id, askedAt: new Date(now - days * DAY).toISOString() }) });
    await store.append(old(91, 'expired'));
    await store.append(old(89, 'kept'));
    const recorder = createQuestionRecorder({ store, retentionDays: 90, logger, clock: () => now, newId: () => `n-${now}` })!;
    await recorder.record({ channel: 'api', question: 'q', answer: answer() });
    expect((await store.list()).map((r) => r.id)).toEqual(['kept', `n-${now}`]);
    // Two days later "kept" is 91 days old: the next record, a day after the last prune, deletes it.
    now += 2 * DAY;
    await recorder.record({ channel: 'api', question: 'q', answer: answer() });
    expect((await store.list()).map((r) => r.id)).toEqual([`n-${now - 2 * DAY}`, `n-${now}`]);
  });

  it('stores nothing in the turn it is called (the answer goes out first); settle() waits for every record begun', async () => {
    const store = new MemoryQuestionLog();
    const recorder = createQuestionRecorder({ store, retentionDays: 90, logger, newId: () => 'r-1' })!;
    await recorder.prune();
    const appended: string[] = [];
    const append = store.append.bind(store);
    store.append = async (record) => {
      appended.push(record.id);
      return append(record);
    };
    const recorded = recorder.record({ channel: 'api', question: '电话13812345678', answer: answer() });
    await Promise.resolve();
    await Promise.resolve();
    // Microtasks (where a response is written) run before anything of the record is built.
    expect(appended).toEqual([]);
    await recorder.settle();
    expect((await store.list()).map((r) => [r.id, r.question])).toEqual([['r-1', '电话[电话]']]);
    await recorded;
    await recorder.settle();
  });
});
