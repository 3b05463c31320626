import type { WebClientOptions } from '@slack/web-api';
import type { Answerer } from '../answer/types.js';
import type { Corpus } from '../retrieval/corpus.js';

/**
 * One piece of feedback, the same shape the web widget writes, so both land in one store.
 * Slack always writes `source: 'slack'` and the question text; `questionId` is for channels
 * that keep questions elsewhere.
 */
export interface FeedbackRecord {
  source: 'slack' | 'web';
  question?: string;
  questionId?: string;
  answerId: string;
  rating: 'up' | 'down';
  comment?: string;
  expectedPassageId?: string;
  /** ISO 8601. */
  createdAt: string;
}

/** Anything that can keep feedback; typed structurally so the HTTP layer's store fits as is. */
export interface FeedbackSink {
  append(record: FeedbackRecord): Promise<void>;
}

/** The logging the Slack app needs; `fields` are structured context (ids, never tokens). */
export interface SlackLogger {
  debug?(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** What the listeners need, whichever transport (HTTP or Socket Mode) delivers the events. */
export interface SlackAppDeps {
  answerer: Answerer;
  corpus: Corpus;
  feedback: FeedbackSink;
  botToken: string;
  logger: SlackLogger;
  /** Slash command name, e.g. `/policy` (SLACK_COMMAND). */
  commandName?: string;
  /** Passed to Bolt's Web API client; tests point `slackApiUrl` at a local server. */
  clientOptions?: WebClientOptions;
  /** Log question text (LOG_QUESTIONS); off by default, since questions may name people. */
  logQuestions?: boolean;
  now?: () => number;
  /** Reference ids for apologies; random by default. */
  newReference?: () => string;
}
