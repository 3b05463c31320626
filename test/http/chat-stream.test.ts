import { describe, expect, it } from 'vitest';
import type { AnswerEvent, Answerer } from '../../src/answer/types.js';
import { readSse, type SseEvent } from '../../src/http/widget/read-sse.js';
import { CORPUS_QUESTION, harness, postJson } from './support/app-harness.js';

async function allEvents(res: Response): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const e of readSse(res.body!)) events.push(e);
  return events;
}

/** The real answerer, paused after its first event until the client goes away; records the signal it was given. */
function pausedAfterFirstEvent(real: Answerer) {
  const seen: { signal?: AbortSignal; events: number } = { events: 0 };
  const answerer: Answerer = {
    answer: (q, o) => real.answer(q, o),
    async *stream(q, o = {}) {
      seen.signal = o.signal;
      for await (const event of real.stream(q, o)) {
        seen.events++;
        yield event;
        if (seen.events === 1) await new Promise((resolve) => o.signal?.addEventListener('abort', resolve, { once: true }));
        if (o.signal?.aborted) return;
      }
    },
  };
  return { answerer, seen };
}

describe('POST /api/chat (Server-Sent Events)', () => {
  it('streams text deltas, then the citations, then the whole answer; the deltas add up to the answer', async () => {
    const { app } = await harness();
    const res = await app.request('/api/chat', postJson({ question: CORPUS_QUESTION }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const events = await allEvents(res);
    const kinds = events.map((e) => e.event);
    const firstCitations = kinds.indexOf('citations');
    expect(firstCitations).toBeGreaterThan(0);
    expect(kinds.slice(0, firstCitations).every((k) => k === 'delta')).toBe(true);
    expect(kinds.slice(firstCitations)).toEqual(['citations', 'done']);
    const answer = JSON.parse(events.at(-1)!.data);
    const text = events
      .filter((e) => e.event === 'delta')
      .map((e) => JSON.parse(e.data).text)
      .join('');
    expect(text).toBe(answer.answer);
    expect(JSON.parse(events[firstCitations]!.data).citations).toEqual(answer.citations);
    expect(answer.citations[0].quote).toContain('30-50万人口');
  });

  it('validates before streaming: a bad body gets its status code, not a 200 stream', async () => {
    const { app } = await harness();
    const res = await app.request('/api/chat', postJson({ question: '' }));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('when the client cancels, the answerer sees its signal abort and the log says cancelled', async () => {
    const paused = pausedAfterFirstEvent((await harness()).deps.answerer);
    const { app, logs } = await harness({ answerer: () => paused.answerer });
    const res = await app.request('/api/chat', postJson({ question: CORPUS_QUESTION }));
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('event: delta');
    expect(paused.seen.signal!.aborted).toBe(false);
    await reader.cancel();
    await new Promise((resolve) => (paused.seen.signal!.aborted ? resolve(null) : paused.seen.signal!.addEventListener('abort', resolve)));
    expect(paused.seen.signal!.aborted).toBe(true);
    await expect.poll(() => logs.find((l) => l.route === '/api/chat')).toMatchObject({ status: 200, stream: 'cancelled' });
    expect(paused.seen.events).toBe(1);
  });

  it('a failure after the stream began ends it with an error event that shows no internals', async () => {
    const { app, logs } = await harness({
      answerer: (real) => ({
        answer: (q, o) => real.answer(q, o),
        async *stream(): AsyncIterable<AnswerEvent> {
          yield { type: 'delta', text: '根据' };
          throw new Error('socket hang up talking to http://10.0.0.7:8080/v1');
        },
      }),
    });
    const res = await app.request('/api/chat', postJson({ question: CORPUS_QUESTION }));
    const events = await allEvents(res);
    expect(events.map((e) => e.event)).toEqual(['delta', 'error']);
    const error = JSON.parse(events[1]!.data).error;
    expect(error.code).toBe('internal_error');
    expect(events[1]!.data).not.toContain('10.0.0.7');
    await expect.poll(() => logs.find((l) => l.route === '/api/chat')).toMatchObject({ stream: 'error' });
    expect(logs.find((l) => l.level === 'error')?.error).toContain('10.0.0.7');
  });
});
