import type { WebClientOptions } from '@slack/web-api';
import type { Answerer } from '../answer/types.js';
import type { QuestionRecorder } from '../answer/question-recorder.js';
import type { Corpus } from '../core/corpus.js';
import type { FeedbackRecord, FeedbackStore } from '../core/feedback.js';
import type { Logger } from '../core/logger.js';
import type { SlackMemory } from './slack-memory.js';

/** Anything that can keep feedback (the stores of src/store): 👍/👎 in Slack land with the widget's. */
export type FeedbackSink = Pick<FeedbackStore, 'append'>;

export type { FeedbackRecord };

/**
 * Structured logging, one object per entry with a `msg` (ids and codes, never tokens): the
 * HTTP layer's JSON logger fits as is; `warn` and `debug` are used when present.
 */
export type SlackLogger = Logger;

/** What the listeners need, whichever transport (HTTP or Socket Mode) delivers the events. */
export interface SlackAppDeps {
  answerer: Answerer;
  corpus: Corpus;
  feedback: FeedbackSink;
  /** Keeps each answered question for the gap report (QUESTION_LOG_DAYS); absent: not kept. */
  questions?: QuestionRecorder;
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
