import { join } from 'node:path';
import type { Answer } from '../../src/answer/types.js';
import type { Citation } from '../../src/core/types.js';
import type { Pipeline } from '../../src/answer/create-pipeline.js';
import { openAiCompatibleChatModel } from '../../src/answer/llm/chat-model.js';
import { LlmAnswerer, type AnswerLogger } from '../../src/answer/llm/llm-answerer.js';
import { loadPrompts } from '../../src/answer/llm/load-prompts.node.js';
import type { AnswerPrompts } from '../../src/answer/llm/answer-prompts.js';
import { splitSentences } from '../../src/text/split-sentences.js';
import { seedPipeline } from '../support/seed-pipeline.js';
import { startFakeOpenAi, type FakeOpenAi } from './fake-openai-server.js';

export const PROMPTS_DIR = join(import.meta.dirname, '../../prompts');
export const MODEL = 'fake-model';

/** The question most composer tests ask, and a figure that no passage states. */
export const Q = '区域性医疗中心按多少人口配置一家？';
export const FABRICATED = '每10万人口配置三家区域性医疗中心';

/** What the composer is given for Q, and what to compare its answers with. */
export interface GroundedQuestion {
  /** The passages retrieval gives for Q, as the prompt numbers them. */
  passages: Citation[];
  /** 1-based number of the passage holding the answer. */
  n: number;
  /** The clause of that passage to quote. */
  quote: string;
  /** The extractive answer to Q, which every fallback must equal. */
  extractive: Answer;
}

export async function groundQuestion(pipeline: Pipeline): Promise<GroundedQuestion> {
  const passages = (await pipeline.retriever.retrieve(Q, { k: 5 })).citations;
  const n = passages.findIndex((c) => c.text.includes('万人口配置')) + 1;
  if (n === 0) throw new Error(`retrieval for ${Q} no longer finds the passage with the answer`);
  return { passages, n, quote: clauseOf(passages[n - 1]!, '万人口配置'), extractive: await pipeline.extractive.answer(Q) };
}

/** A logger that keeps what it was told, so tests can check that fallbacks are logged. */
export class RecordingLogger implements AnswerLogger {
  readonly errors: Array<Record<string, unknown>> = [];
  readonly warnings: Array<Record<string, unknown>> = [];
  readonly infos: Array<Record<string, unknown>> = [];
  error(entry: Record<string, unknown>): void {
    this.errors.push(entry);
  }
  warn(entry: Record<string, unknown>): void {
    this.warnings.push(entry);
  }
  info(entry: Record<string, unknown>): void {
    this.infos.push(entry);
  }
}

export interface LlmFixture {
  pipeline: Pipeline;
  server: FakeOpenAi;
  prompts: AnswerPrompts;
  /** A composer pointed at `baseURL` (the fake server unless given) through the real ChatOpenAI. */
  answerer(options?: { baseURL?: string; timeoutMs?: number; logger?: AnswerLogger }): LlmAnswerer;
}

/** The real pipeline (fake embeddings), the real prompt files and a scripted OpenAI-compatible server. */
export async function llmFixture(): Promise<LlmFixture> {
  const [pipeline, server, prompts] = await Promise.all([seedPipeline({ dense: true, answerEveryQuestion: true }), startFakeOpenAi(), loadPrompts(PROMPTS_DIR)]);
  return {
    pipeline,
    server,
    prompts,
    answerer: (options = {}) =>
      new LlmAnswerer({
        retriever: pipeline.retriever,
        corpus: pipeline.corpus,
        extractive: pipeline.extractive,
        chatModel: openAiCompatibleChatModel({ baseURL: options.baseURL ?? server.baseURL, model: MODEL }),
        prompts,
        logger: options.logger ?? new RecordingLogger(),
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      }),
  };
}

/** A clause of a passage to quote: the one holding `needle`, else its first sentence, without end punctuation. */
export function clauseOf(c: Citation, needle?: string): string {
  const sentences = splitSentences(c.text).map((s) => s.trim().replace(/[。.；;]$/, ''));
  const sentence = (needle ? sentences.find((s) => s.includes(needle)) : undefined) ?? sentences[0]!;
  const clauses = sentence.split(/[，,]/);
  return (needle ? clauses.find((s) => s.includes(needle)) : undefined) ?? clauses[0]!;
}

/** What a well-behaved model writes for passage `n` (1-based in the prompt): source phrase, verbatim quote, marker. */
export function goodSentence(c: Citation, n: number, quote: string, lead = '根据'): string {
  return `${lead}《${c.title}》（${c.docNumber}）${c.label}，要「${quote}」[${n}]。`;
}

/** Full-width digits, as some models write them. */
export const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** The user message the fake server received in its `i`-th request. */
export function userMessage(server: FakeOpenAi, i = 0): string {
  return server.requests[i]!.body.messages.find((m) => m.role === 'user')!.content;
}

/**
 * A model that answers from the prompt it is sent: it quotes the first clause of passage [1],
 * read from the numbered passages in the user message. Used where the passages depend on
 * follow-up resolution rather than on a fixed question.
 */
export function quoteFirstPassage(user: string): string {
  const text = /^\[1\] .*\n(.+)$/m.exec(user)?.[1];
  if (!text) return '未在现有文件中找到。';
  const clause = text.split(/[，,。.；;]/).find((s) => s.length >= 4) ?? text;
  return `文件要求「${clause}」[1]。`;
}
