import { logWarning, type Logger } from '../../core/logger.js';
import type { Citation } from '../../core/types.js';
import type { Corpus } from '../../core/corpus.js';
import { validateQuestion, type HybridRetriever } from '../../retrieval/hybrid-retriever.js';
import { pickOrdinal } from '../pick-ordinal.js';
import { searchFollowUp } from '../search-follow-up.js';
import { resolveFollowUp } from '../resolve-follow-up.js';
import type { Answer, AnswerEvent, AnswerOptions, Answerer } from '../types.js';
import type { AnswerPrompts } from './answer-prompts.js';
import { buildMessages } from './build-messages.js';
import { contentText, type ChatModelFactory } from './chat-model.js';
import { classifyModelError, describeError, fallbackNotice, SERVICE_FAILURES, type FallbackReason } from './fallback-reason.js';
import { takeSentences } from './split-answer.js';
import { VerifiedAnswerBuilder, type BuildOutcome } from './verified-answer-builder.js';
import { DEFAULT_K, DEFAULT_LLM_TIMEOUT_MS } from '../../core/limits.js';

/** Where the composer reports fallbacks (error: the model failed; warn: its answer was not verifiable) and repairs. */
export type AnswerLogger = Logger;

export interface LlmAnswererDeps {
  retriever: Pick<HybridRetriever, 'retrieve'>;
  corpus: Corpus;
  /** Answers whenever the model cannot, or cannot be verified; and the questions it answers from the documents' structure. */
  extractive: Answerer & { answersFromStructure?(question: string, history?: AnswerOptions['history']): boolean };
  chatModel: ChatModelFactory;
  prompts: AnswerPrompts;
  /** Whole-answer limit, streaming included. */
  timeoutMs?: number;
  logger: AnswerLogger;
  newId?: () => string;
}

export { DEFAULT_LLM_TIMEOUT_MS };
const PASSAGES = DEFAULT_K;

type Plan = { kind: 'extractive' } | { kind: 'llm'; passages: Citation[]; searched: string; retrievedIds: string[] };
type Verified = Extract<BuildOutcome, { kind: 'answer' }>;

/**
 * The LLM composer: retrieves, asks an OpenAI-compatible model to answer from the numbered
 * passages, then verifies every sentence in code. Unverifiable sentences are removed; when nothing
 * verifiable is left, or the model fails, times out or cannot be reached, the extractive composer
 * answers instead and `notice` says why. Never shows unverified text, streaming included.
 */
export class LlmAnswerer implements Answerer {
  private readonly timeoutMs: number;

  constructor(private readonly deps: LlmAnswererDeps) {
    this.timeoutMs = deps.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
  }

  async answer(rawQuestion: string, options: AnswerOptions = {}): Promise<Answer> {
    const question = validateQuestion(rawQuestion);
    const plan = await this.plan(question, options);
    if (plan.kind === 'extractive') return this.deps.extractive.answer(question, options);
    const call = this.callSignal(options.signal);
    let output: string;
    try {
      const model = await this.deps.chatModel();
      output = contentText((await model.invoke(buildMessages(this.deps.prompts, plan.passages, question, options.history), { signal: call.signal })).content);
    } catch (error) {
      throwIfCancelled(options.signal);
      return this.fallback(question, options, classifyModelError(error, call.timedOut()), error);
    }
    const builder = new VerifiedAnswerBuilder(plan.passages);
    for (const sentence of takeSentences(output, true).sentences) builder.add(sentence);
    const outcome = builder.finish();
    if (outcome.kind === 'fallback') return this.fallback(question, options, outcome.reason, undefined, outcome.checks.length);
    return this.toAnswer(question, plan, outcome);
  }

  async *stream(rawQuestion: string, options: AnswerOptions = {}): AsyncIterable<AnswerEvent> {
    const question = validateQuestion(rawQuestion);
    const plan = await this.plan(question, options);
    if (plan.kind === 'extractive') {
      yield* this.deps.extractive.stream(question, options);
      return;
    }
    const builder = new VerifiedAnswerBuilder(plan.passages);
    const call = this.callSignal(options.signal);
    let failure: { reason: FallbackReason; error: unknown } | undefined;
    let received = false;
    // Only what the builder lets through is ever shown.
    const verified = function* (sentences: string[]): Generator<AnswerEvent> {
      for (const sentence of sentences) {
        const shown = builder.add(sentence);
        if (shown) yield { type: 'delta', text: shown };
      }
    };
    try {
      const model = await this.deps.chatModel();
      const chunks = await model.stream(buildMessages(this.deps.prompts, plan.passages, question, options.history), { signal: call.signal });
      let buffer = '';
      for await (const chunk of chunks) {
        buffer += contentText(chunk.content);
        received ||= buffer !== '';
        const taken = takeSentences(buffer, false);
        buffer = taken.rest;
        yield* verified(taken.sentences);
      }
      yield* verified(takeSentences(buffer, true).sentences);
    } catch (error) {
      if (options.signal?.aborted) return;
      const reason = classifyModelError(error, call.timedOut());
      failure = { reason: received && reason !== 'timeout' ? 'stream-interrupted' : reason, error };
    }
    if (options.signal?.aborted) return;

    const outcome = failure ? undefined : builder.finish();
    if (!outcome || outcome.kind === 'fallback') {
      const reason = failure?.reason ?? (outcome as Extract<BuildOutcome, { kind: 'fallback' }>).reason;
      // Verified sentences already shown stay on screen; say plainly that they are superseded.
      if (builder.shown > 0) yield { type: 'delta', text: '\n\n（以上模型回答未完成，已作废；以下为摘录式回答。）\n\n' };
      const notice = this.reportFallback(reason, failure?.error);
      for await (const event of this.deps.extractive.stream(question, options)) {
        yield event.type === 'done' ? { type: 'done', answer: { ...event.answer, notice } } : event;
      }
      return;
    }
    if (outcome.tail) yield { type: 'delta', text: outcome.tail };
    const answer = this.toAnswer(question, plan, outcome);
    yield { type: 'citations', citations: answer.citations };
    yield { type: 'done', answer };
  }

  /** Resolves follow-ups and retrieves; says when the extractive composer should answer without a model. */
  private async plan(question: string, options: AnswerOptions): Promise<Plan> {
    throwIfCancelled(options.signal);
    const followUp = resolveFollowUp(question, options.history);
    // "这条是哪个文件里的？" is answered from metadata exactly, "长宁的计划分几块" and "第三块讲的啥" from the
    // documents' structure; a model adds nothing.
    if (followUp.kind === 'source' || this.deps.extractive.answersFromStructure?.(question, options.history)) return { kind: 'extractive' };
    // "第二点具体怎么说？" names one passage of the previous answer: the model reads that one.
    const picked = followUp.kind === 'ordinal' ? pickOrdinal(followUp.n, followUp.citedIds, this.deps.corpus) : undefined;
    if (picked) return { kind: 'llm', passages: [this.deps.corpus.citation(picked.passageId, 1)], searched: question, retrievedIds: [picked.passageId] };
    const searched = followUp.kind === 'rewrite' ? await searchFollowUp(followUp, this.deps.retriever, this.deps.corpus, { k: options.k ?? PASSAGES }) : question;
    const retrieval = await this.deps.retriever.retrieve(searched, { k: options.k ?? PASSAGES });
    throwIfCancelled(options.signal);
    // Declined, or low confidence: the extractive composer says so and quotes the nearest sentence;
    // a model asked to answer from points that do not answer would only be refused by the checks.
    if (retrieval.abstained || retrieval.confidence === 'low' || retrieval.citations.length === 0) return { kind: 'extractive' };
    return { kind: 'llm', passages: retrieval.citations, searched, retrievedIds: retrieval.citations.map((c) => c.id) };
  }

  private callSignal(caller: AbortSignal | undefined): { signal: AbortSignal; timedOut: () => boolean } {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    return { signal: caller ? AbortSignal.any([caller, timeout]) : timeout, timedOut: () => timeout.aborted && !caller?.aborted };
  }

  private async fallback(question: string, options: AnswerOptions, reason: FallbackReason, error?: unknown, sentences?: number): Promise<Answer> {
    const notice = this.reportFallback(reason, error, sentences);
    return { ...(await this.deps.extractive.answer(question, options)), notice };
  }

  private reportFallback(reason: FallbackReason, error?: unknown, sentences?: number): string {
    if (SERVICE_FAILURES.has(reason)) this.deps.logger.error({ msg: 'llm answer failed; answered extractively', reason, error: describeError(error), timeoutMs: this.timeoutMs });
    else logWarning(this.deps.logger, { msg: 'llm answer not verifiable; answered extractively', reason, ...(sentences !== undefined ? { sentences } : {}) });
    return fallbackNotice(reason, this.timeoutMs);
  }

  private toAnswer(question: string, plan: Extract<Plan, { kind: 'llm' }>, outcome: Verified): Answer {
    if (outcome.removed.length > 0) logWarning(this.deps.logger, { msg: 'llm answer repaired', removed: outcome.removed.map((c) => c.reason) });
    return {
      answerId: (this.deps.newId ?? (() => crypto.randomUUID()))(),
      question,
      answer: outcome.text,
      mode: outcome.mode,
      abstained: false,
      confidence: 'high',
      citations: outcome.citations,
      nearest: [],
      retrievedIds: plan.retrievedIds,
      ...(plan.searched !== question ? { rewrittenQuestion: plan.searched } : {}),
      ...(outcome.notice ? { notice: outcome.notice } : {}),
    };
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('The answer was cancelled.', 'AbortError');
}
