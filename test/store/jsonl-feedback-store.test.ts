import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackRecord } from '../../src/core/feedback.js';
import { JsonlFeedbackStore } from '../../src/store/jsonl-feedback-store.node.js';
import { CORPUS_QUESTION, harness, postJson } from '../http/support/app-harness.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'policydesk-feedback-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const record = (i: number): FeedbackRecord => ({
  id: `fb-${i}`,
  receivedAt: new Date(Date.UTC(2026, 2, 1, 8, 0, i % 60)).toISOString(),
  answerId: `answer-${i}`,
  rating: i % 2 === 0 ? 'up' : 'down',
  // Long, multi-byte comments make a torn or interleaved write visible as a broken line.
  question: `第${i}个问题：${CORPUS_QUESTION}`,
  comment: `评论${i}：${'应该引用第二部分第7条。'.repeat(40 + (i % 7))}`,
});

describe('JsonlFeedbackStore', () => {
  it('keeps every line whole when 400 appends run at once, and reads them all back after a restart', async () => {
    const path = join(dir, 'nested', 'feedback.jsonl');
    const store = await JsonlFeedbackStore.open(path);
    const records = Array.from({ length: 400 }, (_, i) => record(i));
    await Promise.all(records.map((r) => store.append(r)));
    await store.close();

    const lines = (await readFile(path, 'utf8')).split('\n');
    expect(lines.at(-1)).toBe('');
    const parsed = lines.slice(0, -1).map((line) => JSON.parse(line) as FeedbackRecord);
    expect(parsed).toHaveLength(400);
    expect(new Set(parsed.map((r) => r.id)).size).toBe(400);
    // Serialized writes: the file holds the records in the order append was called.
    expect(parsed).toEqual(records);

    const reopened = await JsonlFeedbackStore.open(path);
    await reopened.append(record(400));
    expect(await reopened.list()).toEqual([...records, record(400)]);
    await reopened.close();
  });

  it('keeps the context of a rated answer: answer text, cited ids, mode, confidence and earlier turns', async () => {
    const store = await JsonlFeedbackStore.open(join(dir, 'feedback.jsonl'));
    const withContext: FeedbackRecord = {
      ...record(1),
      answer: '根据……：区域性医疗中心按照30-50万人口配置一家[1]。',
      citedIds: ['2023-shanghai-health-work-priorities#2.8'],
      mode: 'extractive',
      confidence: 'low',
      history: [{ question: '发热门诊要一直开着吗？', answer: '……[1]', citations: [{ id: '2023-shanghai-medical-administration-priorities#1.3' }] }],
    };
    await store.append(withContext);
    expect(await store.list()).toEqual([withContext]);
    await store.close();
  });

  it('cuts a torn last line left by a crash, so the next acknowledged record is readable', async () => {
    const path = join(dir, 'feedback.jsonl');
    const store = await JsonlFeedbackStore.open(path);
    await store.append(record(1));
    await store.close();
    await appendFile(path, '{"id":"fb-torn","receivedAt":"2026-');
    const repairs: number[] = [];
    const reopened = await JsonlFeedbackStore.open(path, { onRepair: (bytes) => repairs.push(bytes) });
    expect(repairs).toEqual([Buffer.byteLength('{"id":"fb-torn","receivedAt":"2026-')]);
    await reopened.append(record(2));
    expect(await reopened.list()).toEqual([record(1), record(2)]);
    await reopened.close();
    // And as the next process (or eval:mine) reads it: every line whole.
    const lines = (await readFile(path, 'utf8')).split('\n');
    expect(lines.slice(0, -1).map((l) => JSON.parse(l).id)).toEqual(['fb-1', 'fb-2']);
  });

  it('cuts a torn first line too (a crash during the very first write)', async () => {
    const path = join(dir, 'feedback.jsonl');
    await appendFile(path, '{"id":"fb-to');
    const store = await JsonlFeedbackStore.open(path);
    await store.append(record(3));
    expect(await store.list()).toEqual([record(3)]);
    await store.close();
  });

  it('a client retrying with its feedbackId or Idempotency-Key is stored once, also after a restart; a bad key is a 422', async () => {
    const path = join(dir, 'feedback.jsonl');
    const store = await JsonlFeedbackStore.open(path);
    const { app } = await harness({ feedback: store });
    const body = { question: CORPUS_QUESTION, answerId: 'a-1', rating: 'up' };
    const byHeader = () => app.request('/api/feedback', { ...postJson(body), headers: { 'content-type': 'application/json', 'idempotency-key': 'key-0001-abcd' } });
    const first = await byHeader();
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id: 'key-0001-abcd', stored: true });
    expect((await byHeader()).status).toBe(201);
    expect((await app.request('/api/feedback', postJson({ ...body, feedbackId: 'key-0002-abcd' }))).status).toBe(201);
    await store.close();
    const reopened = await JsonlFeedbackStore.open(path);
    const again = await harness({ feedback: reopened });
    expect((await again.app.request('/api/feedback', postJson({ ...body, feedbackId: 'key-0002-abcd' }))).status).toBe(201);
    expect((await reopened.list()).map((r) => r.id)).toEqual(['key-0001-abcd', 'key-0002-abcd']);
    const bad = await again.app.request('/api/feedback', { ...postJson(body), headers: { 'content-type': 'application/json', 'idempotency-key': 'no spaces' } });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.message).toMatch(/^Idempotency-Key header: must be 8 to 128/);
    const differ = await again.app.request('/api/feedback', {
      ...postJson({ ...body, feedbackId: 'key-0003-abcd' }),
      headers: { 'content-type': 'application/json', 'idempotency-key': 'key-0004-abcd' },
    });
    expect((await differ.json()).error.message).toContain('feedbackId and the Idempotency-Key header differ');
    await reopened.close();
  });

  it('refuses appends after close instead of losing them silently', async () => {
    const store = await JsonlFeedbackStore.open(join(dir, 'feedback.jsonl'));
    await store.close();
    await expect(store.append(record(1))).rejects.toThrow('closed');
  });

  it('behind POST /api/feedback: 100 concurrent posts are each stored once and survive a restart', async () => {
    const path = join(dir, 'feedback.jsonl');
    const store = await JsonlFeedbackStore.open(path);
    const { app } = await harness({ feedback: store, env: { RATE_LIMIT_PER_MINUTE: '1000' } });
    const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => app.request('/api/feedback', postJson({ question: `${CORPUS_QUESTION}#${i}`, answerId: `a-${i}`, rating: 'up' }))));
    expect(responses.map((r) => r.status)).toEqual(Array(100).fill(201));
    const ids = await Promise.all(responses.map(async (r) => (await r.json()).id));
    await store.close();

    const reopened = await JsonlFeedbackStore.open(path);
    const stored = await reopened.list();
    await reopened.close();
    expect(stored.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(stored.map((r) => r.answerId).sort()).toEqual(Array.from({ length: 100 }, (_, i) => `a-${i}`).sort());
  });
});
