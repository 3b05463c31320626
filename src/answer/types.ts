import type { Citation, RetrievalResult } from '../core/types.js';

/** One earlier turn of the conversation, as the caller (HTTP client, Slack thread) kept it. */
export interface Turn {
  question: string;
  answer?: string;
  /** The passages cited in that turn, in marker order ([1] is the first). */
  citations?: Array<Pick<Citation, 'id'> & Partial<Citation>>;
}

export type AnswerConfidence = 'high' | 'low';

export type AnswerMode = 'extractive' | 'llm' | 'llm-repaired';

/** What every channel shows: the short answer with [n] markers, then the cited passages with their quotes. */
export interface Answer extends RetrievalResult {
  /** Unique id of this answer, for feedback. */
  answerId: string;
  /** Short answer in Chinese; `[n]` refers to `citations[n-1]`. */
  answer: string;
  mode: AnswerMode;
  /**
   * `high`: the cited points answer the question. `low`: the documents do not answer it directly;
   * the one quote is the most relevant sentence, offered as possibly relevant. Absent when declined.
   */
  confidence?: AnswerConfidence;
  /** The question actually searched, when a follow-up was rewritten with the conversation's topic. */
  rewrittenQuestion?: string;
  /** The Chinese terms an English question was searched with (CC-CEDICT and the corpus's own terms). */
  searchTerms?: string;
  /** The content words of an English question that translated to nothing; when they are a large share, the answer is never `high`. */
  untranslated?: string[];
  /** Ids of the passages retrieval ranked, best first (cited or not). */
  retrievedIds: string[];
  /** Why the LLM path fell back or was repaired. */
  notice?: string;
}

export type AnswerEvent = { type: 'delta'; text: string } | { type: 'citations'; citations: Citation[] } | { type: 'done'; answer: Answer };

export interface AnswerOptions {
  history?: Turn[];
  signal?: AbortSignal;
  /** Points retrieved to compose from (and listed as nearest when declined); the composer's default otherwise. */
  k?: number;
}

/** The one interface both composers (extractive, LLM) implement. */
export interface Answerer {
  answer(question: string, options?: AnswerOptions): Promise<Answer>;
  /** Streams text deltas, then the citations, then the finished answer. */
  stream(question: string, options?: AnswerOptions): AsyncIterable<AnswerEvent>;
}
