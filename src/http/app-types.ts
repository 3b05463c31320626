import type { Logger } from '../core/logger.js';
import type { PlatformLimit } from './middleware/rate-limit/index.js';
import type { Answer, Answerer } from '../answer/types.js';
import type { Config } from '../core/config.js';
import type { Corpus } from '../core/corpus.js';
import type { FeedbackStore } from '../core/feedback.js';
import type { ApiKeyOptions } from './middleware/api-key/index.js';
import type { QuestionRecorder } from '../answer/question-recorder.js';
import type { HttpMetrics } from './http-metrics.js';

export type { Logger };

export interface Readiness {
  ready: boolean;
  checks: Record<string, unknown>;
}

/** The settings the HTTP layer reads; the parsed `Config` satisfies it. */
export type HttpConfig = Pick<Config, 'API_KEYS' | 'ALLOWED_ORIGINS' | 'RATE_LIMIT_PER_MINUTE' | 'LOG_QUESTIONS'> & Partial<Pick<Config, 'TRUST_PROXY' | 'ADMIN_KEYS' | 'METRICS'>>;

/** Everything `createApp` needs, passed in once: the Node server, the Worker and tests assemble it differently. */
export interface AppDeps {
  answerer: Answerer;
  corpus: Corpus;
  feedback: FeedbackStore;
  /** Keeps each answered question for the gap report (QUESTION_LOG_DAYS); absent: not kept. */
  questions?: QuestionRecorder;
  /** The latest gap report's HTML for `GET /admin/gaps` (undefined: none written yet). */
  gapReport?: () => Promise<string | undefined>;
  /** Whether the model and index are loaded and checked (`GET /readyz`). */
  readiness: () => Readiness;
  config: HttpConfig;
  logger: Logger;
  /** Milliseconds since the epoch; injectable so rate-limit and feedback tests control time. */
  clock?: () => number;
  /** Slack's receiver; `POST /slack/events` answers 404 when it is absent. */
  slack?: (request: Request) => Promise<Response>;
  /** Who a request counts against for rate limiting; defaults to the peer address. */
  clientKey?: (request: Request, env: unknown) => string;
  /** A limiter shared by every instance (the Worker's RATE_LIMITER binding); the per-process buckets otherwise. */
  platformLimit?: PlatformLimit;
  /** Request ids for logs and the `X-Request-Id` header. */
  newId?: () => string;
  /** Counts requests and answers and renders `GET /metrics` (the Node service's Prometheus registry); absent: no metrics, `/metrics` answers 404. */
  metrics?: HttpMetrics;
  /** How `/api/*` treats requests when API_KEYS is empty; absent: let them through (the Worker closes it). */
  apiKeyOptions?: ApiKeyOptions;
}

/** Per-request values that middleware and handlers share (read back by the request log). */
export interface AppVariables {
  requestId: string;
  /** The question asked, kept for the log only when LOG_QUESTIONS is on. */
  question?: string;
  answer?: Pick<Answer, 'answerId' | 'abstained' | 'mode'>;
  /** Set by streaming handlers: resolves when the stream ends, so the log line carries its outcome. */
  streamDone?: Promise<StreamOutcome>;
}

export type StreamOutcome = 'complete' | 'cancelled' | 'error';

export type AppEnv = { Variables: AppVariables };
