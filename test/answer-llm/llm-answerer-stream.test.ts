import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Citation } from '../../src/core/types.js';
import type { Answer, AnswerEvent } from '../../src/answer/types.js';
import { takeSentences } from '../../src/answer/llm/split-answer.js';
import { verifySentence } from '../../src/answer/llm/verify-sentence.js';
import { clauseOf, FABRICATED, groundQuestion, Q, goodSentence, llmFixture, RecordingLogger, type LlmFixture } from './llm-fixture.js';

let fx: LlmFixture;
let passages: Citation[];
let n: number;
let quote: string;
let extractiveQ: Answer;

beforeAll(async () => {
  fx = await llmFixture();
  ({ passages, n, quote, extractive: extractiveQ } = await groundQuestion(fx.pipeline));
});
afterAll(() => fx.server.close());
beforeEach(() => {
  fx.server.requests.length = 0;
});

const good = () => goodSentence(passages[n - 1]!, n, quote);
const other = () => {
  const m = n === 1 ? 2 : 1;
  return goodSentence(passages[m - 1]!, m, clauseOf(passages[m - 1]!), '另据');
};

async function collect(events: AsyncIterable<AnswerEvent>): Promise<{ deltas: string[]; types: string[]; citations?: Citation[]; done?: Answer }> {
  const out: { deltas: string[]; types: string[]; citations?: Citation[]; done?: Answer } = { deltas: [], types: [] };
  for await (const e of events) {
    out.types.push(e.type);
    if (e.type === 'delta') out.deltas.push(e.text);
    if (e.type === 'citations') out.citations = e.citations;
    if (e.type === 'done') out.done = e.answer;
  }
  return out;
}

/** Every sentence of every delta checks out against the citations the answer ends with. */
function expectVerifiedDeltas(deltas: string[], citations: Citation[]): void {
  for (const delta of deltas) {
    for (const sentence of takeSentences(delta, true).sentences) expect(verifySentence(sentence, citations), sentence).toMatchObject({ ok: true });
  }
}

describe('LlmAnswerer.stream', () => {
  it('streams only verified sentences, then the citations, then the answer', async () => {
    // Three characters a chunk: markers and quotes arrive split across chunks.
    fx.server.script(() => ({ kind: 'text', content: `${good()}${other()}`, chunkSize: 3 }));
    const { deltas, types, citations, done } = await collect(fx.answerer().stream(Q));
    expect(fx.server.requests[0]!.body.stream).toBe(true);
    expect(done!.mode).toBe('llm');
    expect(deltas).toHaveLength(2);
    expect(types).toEqual(['delta', 'delta', 'citations', 'done']);
    expect(deltas.join('')).toBe(done!.answer);
    expect(citations).toEqual(done!.citations);
    expect(done!.citations[0]!.quote).toBe(quote);
    expectVerifiedDeltas(deltas, done!.citations);
  });

  it('shows the same answer as the non-streaming path', async () => {
    fx.server.script(() => ({ kind: 'text', content: `${good()}文件还要求「${FABRICATED}」[${n}]。${other()}`, chunkSize: 5 }));
    const streamed = (await collect(fx.answerer().stream(Q))).done!;
    const whole = await fx.answerer().answer(Q);
    expect({ ...streamed, answerId: '' }).toEqual({ ...whole, answerId: '' });
  });

  it('never emits a fabricated quote or a marker to a passage not given', async () => {
    fx.server.script(() => ({ kind: 'text', content: `${good()}文件还要求「${FABRICATED}」[${n}]。各区还要新建三家医院[7]。${other()}`, chunkSize: 2 }));
    const { deltas, done } = await collect(fx.answerer().stream(Q));
    expect(done!.mode).toBe('llm-repaired');
    expect(deltas.join('')).toBe(done!.answer);
    expect(deltas.join('')).not.toMatch(/10万人口|新建三家医院|\[7\]/);
    expect(done!.notice).toContain('2句');
    expectVerifiedDeltas(deltas, done!.citations);
  });

  it('nothing verifiable -> no model text at all, the extractive answer streamed instead', async () => {
    fx.server.script(() => ({ kind: 'text', content: `文件要求「${FABRICATED}」[${n}]。`, chunkSize: 4 }));
    const { deltas, done } = await collect(fx.answerer().stream(Q));
    expect(done!.mode).toBe('extractive');
    expect(done!.answer).toBe(extractiveQ.answer);
    expect(deltas.join('')).toBe(extractiveQ.answer);
    expect(done!.notice).toMatch(/没有能与所引条目核对一致的内容/);
  });

  it('a stream cut mid-way -> extractive, says so, and marks what was shown as superseded', async () => {
    const logger = new RecordingLogger();
    const text = `${good()}${other()}`;
    fx.server.script(() => ({ kind: 'chunks', chunks: [text.slice(0, good().length + 4)], cut: true }));
    const { deltas, done } = await collect(fx.answerer({ logger }).stream(Q));
    expect(done!.mode).toBe('extractive');
    expect(done!.answer).toBe(extractiveQ.answer);
    expect(done!.notice).toMatch(/中途中断/);
    expect(deltas[0]).toBe(good().replace(`[${n}]`, '[1]'));
    expect(deltas[1]).toMatch(/作废/);
    expect(deltas.slice(2).join('')).toBe(extractiveQ.answer);
    expect(logger.errors.map((e) => e.reason)).toEqual(['stream-interrupted']);
  });

  it.each([
    { name: 'HTTP 500', reply: { kind: 'status', status: 500, body: 'boom' } as const, notice: /服务出错/ },
    { name: 'a slow server', reply: { kind: 'slow', delayMs: 10_000, content: 'x' } as const, notice: /秒内没有完成回答/ },
  ])('$name -> the extractive answer streamed, with a notice', async ({ reply, notice }) => {
    fx.server.script(() => reply);
    const { deltas, types, done } = await collect(fx.answerer({ timeoutMs: 100 }).stream(Q));
    expect(done!.mode).toBe('extractive');
    expect(done!.notice).toMatch(notice);
    expect(deltas.join('')).toBe(extractiveQ.answer);
    expect(types.slice(-2)).toEqual(['citations', 'done']);
  });

  it('stops without an answer when the caller cancels mid-stream', async () => {
    const controller = new AbortController();
    fx.server.script(() => ({ kind: 'slow', delayMs: 10_000, content: good() }));
    const events: AnswerEvent[] = [];
    const run = (async () => {
      for await (const e of fx.answerer().stream(Q, { signal: controller.signal })) events.push(e);
    })();
    while (fx.server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await run;
    expect(events).toEqual([]);
  });
});
