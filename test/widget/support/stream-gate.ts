import type { Answer, AnswerEvent, Answerer } from '../../../src/answer/types.js';

export interface GateOptions {
  /** Characters per `delta` event. */
  chunk?: number;
  /** Pause between deltas, so the page sees the text grow. */
  delayMs?: number;
  /** Makes the answer long: its text repeated this many times, paragraphs apart. */
  repeat?: number;
}

/**
 * A scripted slow SSE source over the real pipeline: the real answer's text is streamed in small
 * deltas, and a stream the test has asked to hold stops half-way until `release()` (or until the
 * client goes away). Which streams hold is set per test with `holdNext()`.
 */
export class StreamGate {
  private holds = 0;
  private waiters: Array<() => void> = [];
  options: GateOptions = {};
  /** Questions the service was asked, in order. */
  readonly asked: string[] = [];

  /** The next `n` streams stop half-way until released. */
  holdNext(n = 1): void {
    this.holds += n;
  }

  /** Streams now stopped half-way. */
  get waiting(): number {
    return this.waiters.length;
  }

  release(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  wrap = (real: Answerer): Answerer => ({
    answer: (q, o) => real.answer(q, o),
    stream: (q, o) => this.stream(real, q, o?.signal, o),
  });

  private async *stream(real: Answerer, question: string, signal: AbortSignal | undefined, options: Parameters<Answerer['answer']>[1]): AsyncGenerator<AnswerEvent> {
    this.asked.push(question);
    const { chunk = 12, delayMs = 15, repeat = 1 } = this.options;
    const base = await real.answer(question, options);
    const answer: Answer = { ...base, answer: Array.from({ length: repeat }, () => base.answer).join('\n\n') };
    const hold = this.holds > 0;
    if (hold) this.holds--;
    const parts = answer.answer.match(new RegExp(`[^]{1,${chunk}}`, 'g')) ?? [];
    for (const [i, text] of parts.entries()) {
      if (signal?.aborted) return;
      if (hold && i === Math.floor(parts.length / 2)) await this.wait(signal);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      yield { type: 'delta', text };
    }
    yield { type: 'citations', citations: answer.citations };
    yield { type: 'done', answer };
  }

  private wait(signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve();
      };
      this.waiters.push(wake);
      signal?.addEventListener('abort', wake, { once: true });
    });
  }
}
