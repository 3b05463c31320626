import type { Answer, AnswerEvent, AnswerOptions, Answerer } from '../answer/types.js';
import { IndexMismatchError } from '../core/errors.js';
import { BindingError } from './binding-error.js';
import { describeError } from '../core/describe-error.js';
import type { RetrievalPath } from './retrieval-path.js';

export interface DensePath {
  answerer: Answerer;
  /** Checks the dense index before its first use (manifest: model, corpus, chunker). */
  verify(): Promise<void>;
}

export interface FallbackAnswererDeps {
  /** Absent when the bindings are not configured. */
  dense?: DensePath;
  lexical: Answerer;
  path: RetrievalPath;
  onFallback?: (reason: string) => void;
}

export const LEXICAL_NOTICE = '语义检索暂时不可用，本次仅按关键词检索。';

/** Only binding and index failures switch to lexical; anything else is a bug and propagates. */
const isDenseFailure = (error: unknown) => error instanceof BindingError || error instanceof IndexMismatchError;

/**
 * Answers with hybrid retrieval (Workers AI + Vectorize + BM25) while the bindings work, and
 * with BM25 alone when they fail: the answer's `notice` says so, `/readyz` and the log say why.
 * Retrieval runs before an answer's first event, so a stream falls back before it starts.
 */
export class FallbackAnswerer implements Answerer {
  constructor(private readonly deps: FallbackAnswererDeps) {}

  /** Verifies the dense path once, so the path reported before the first answer is the one in use. */
  async prepare(): Promise<void> {
    await this.usableDense();
  }

  async answer(question: string, options?: AnswerOptions): Promise<Answer> {
    const dense = await this.usableDense();
    if (dense) {
      try {
        const answer = await dense.answer(question, options);
        this.deps.path.succeeded();
        return answer;
      } catch (error) {
        if (!isDenseFailure(error)) throw error;
        this.fail(error);
      }
    }
    return this.withNotice(await this.deps.lexical.answer(question, options));
  }

  async *stream(question: string, options?: AnswerOptions): AsyncIterable<AnswerEvent> {
    const dense = await this.usableDense();
    if (dense) {
      const events = dense.stream(question, options)[Symbol.asyncIterator]();
      let first: IteratorResult<AnswerEvent> | undefined;
      try {
        first = await events.next();
      } catch (error) {
        if (!isDenseFailure(error)) throw error;
        this.fail(error);
      }
      if (first) {
        this.deps.path.succeeded();
        for (let next = first; !next.done; next = await events.next()) yield next.value;
        return;
      }
    }
    for await (const event of this.deps.lexical.stream(question, options)) {
      yield event.type === 'done' ? { type: 'done', answer: this.withNotice(event.answer) } : event;
    }
  }

  /** The dense answerer when it may be tried now, after its one-time check. */
  private async usableDense(): Promise<Answerer | undefined> {
    const { dense, path } = this.deps;
    const { tryDense, verified } = path.shouldTryDense();
    if (!dense || !tryDense) return undefined;
    if (verified) return dense.answerer;
    try {
      await dense.verify();
      path.succeeded();
      return dense.answerer;
    } catch (error) {
      if (!isDenseFailure(error)) throw error;
      this.fail(error);
      return undefined;
    }
  }

  private fail(error: unknown): void {
    const reason = describeError(error);
    this.deps.path.failed(reason);
    this.deps.onFallback?.(reason);
  }

  /**
   * Tells the user, in Chinese like every other notice, when the dense path was configured but
   * is down; the technical reason goes to the log and `/readyz`, not to the user.
   */
  private withNotice(answer: Answer): Answer {
    const status = this.deps.path.status();
    if (!status.denseConfigured || status.mode !== 'lexical') return answer;
    return { ...answer, notice: answer.notice ? `${LEXICAL_NOTICE}${answer.notice}` : LEXICAL_NOTICE };
  }
}
