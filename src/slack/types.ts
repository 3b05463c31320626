import type { WebClientOptions } from '@slack/web-api';
import type { Answerer } from '../answer/types.js';
import type { Corpus } from '../retrieval/corpus.js';
import type { SlackMemory } from './slack-memory.js';

/**
 * One piece of feedback, in the shape the web widget's store keeps (src/http/feedback), so 👍/👎
 * in Slack land in the same store. Slack always writes the question text; `source` says where
 * the feedback came from.
 */
export interface FeedbackRecord {
  id: string;
  /** ISO 8601 time the service received it. */
  receivedAt: string;
  source: 'slack' | 'web';
  answerId: string;
  rating: 'up' | 'down';
  question?: string;
  questionId?: string;
  comment?: string;
  expectedPassageId?: string;
}

/** Anything that can keep feedback; typed structurally so the HTTP layer's store fits as is. */
export interface FeedbackSink {
  append(record: FeedbackRecord): Promise<void>;
}

/**
 * Structured logging, one object per entry with a `msg` (ids and codes, never tokens): the
 * HTTP layer's JSON logger fits as is; `warn` and `debug` are used when present.
 */
export interface SlackLogger {
  info(entry: Record<string, unknown>): void;
  error(entry: Record<string, unknown>): void;
  warn?(entry: Record<string, unknown>): void;
  debug?(entry: Record<string, unknown>): void;
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
  /** Delivery dedupe and answers for 发到频道; in this process's memory by default, PostgreSQL with DATABASE_URL. */
  memory?: SlackMemory;
  /** Log question text (LOG_QUESTIONS); off by default, since questions may name people. */
  logQuestions?: boolean;
  now?: () => number;
  /** Reference ids for apologies; random by default. */
  newReference?: () => string;
  /** Feedback record ids; random UUIDs by default. */
  newId?: () => string;
}
