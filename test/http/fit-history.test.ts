import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/http/create-app.js';
import { MAX_HISTORY_TURNS as SERVICE_MAX_TURNS } from '../../src/http/schemas.js';
import { fitHistory, HISTORY_BODY_BUDGET, MAX_HISTORY_TURNS } from '../../src/http/widget/fit-history.js';
import { CORPUS_QUESTION, harness, postJson } from './support/app-harness.js';

const turn = (i: number, length = 20) => ({ question: `问题${i}${'问'.repeat(length)}`, answer: `回答${i}`, citations: [{ id: `doc#${i}` }] });

describe('fitHistory (the widget keeps its requests within the service limits)', () => {
  it('matches the service limits it works within', () => {
    expect(MAX_HISTORY_TURNS).toBe(SERVICE_MAX_TURNS);
    expect(HISTORY_BODY_BUDGET).toBeLessThan(MAX_BODY_BYTES);
  });

  it('keeps everything when short, and the last 20 turns when longer', () => {
    const three = [turn(1), turn(2), turn(3)];
    expect(fitHistory('那呢？', three)).toEqual(three);
    const thirty = Array.from({ length: 30 }, (_, i) => turn(i));
    expect(fitHistory('那呢？', thirty)).toEqual(thirty.slice(10));
  });

  it('drops the oldest turns until the body fits, and the service then accepts it', async () => {
    const long = Array.from({ length: 20 }, (_, i) => turn(i, 1990));
    const question = '问'.repeat(2000);
    const kept = fitHistory(question, long);
    expect(kept.length).toBeLessThan(20);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(long.slice(20 - kept.length));
    const { app } = await harness();
    const res = await app.request('/api/ask', postJson({ question: CORPUS_QUESTION + question.slice(20), history: kept }));
    expect(res.status).toBe(200);
    const untrimmed = await app.request('/api/ask', postJson({ question, history: long }));
    expect(untrimmed.status).toBe(413);
  });
});
