import { z } from 'zod';
import { DEFAULT_LLM_TIMEOUT_MS } from './limits.js';
import { ConfigError } from './errors.js';
import { DEFAULT_COMMIT_WINDOW_MS, DEFAULT_QUESTION_LOG_DAYS } from './question-log.js';

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');
const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

/** Every setting PolicyDesk reads, parsed once from an explicit source (`process.env` or a Worker's `env`). */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  MODEL_DIR: z.string().default('models'),
  INDEX_DIR: z.string().default('index'),
  SEEDS_DIR: z.string().default('seeds'),
  DATA_DIR: z.string().default('.data'),
  /** Reads PDF pages without a text layer and page images (.png, .jpg, .tif) by OCR; `0` refuses them instead. On by default. */
  OCR: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v !== '0' && v !== 'false'),
  /**
   * PostgreSQL shared by several service processes: feedback, Slack delivery dedupe and the
   * answers behind 发到频道 (migrations run at start). Unset: feedback in DATA_DIR, Slack state in memory.
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL URL, postgres://user:password@host:5432/database')
    .optional(),
  /**
   * Milliseconds a database connection attempt, query and statement may each take: past it the
   * request answers 503 with Retry-After instead of waiting on a hung database.
   */
  DATABASE_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** Child processes that embed questions for the server; 0 embeds in the server process. Default: one per core, at most 4. */
  EMBED_PROCESSES: z.coerce.number().int().min(0).max(16).optional(),
  /** Milliseconds an embedding process may take for one request before it is stopped and replaced (503, retry). */
  EMBED_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** Question vectors the server remembers by exact text; 0 turns the cache off. */
  QUERY_CACHE_SIZE: z.coerce.number().int().min(0).max(1_000_000).default(1000),
  LLM_BASE_URL: z.string().url().optional(),
  LLM_MODEL: z.string().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(DEFAULT_LLM_TIMEOUT_MS),
  /** A reranker served over HTTP (text-embeddings-inference `/rerank`; vLLM or Xinference with a base ending in /v1); off when unset. */
  RERANK_BASE_URL: z.string().url().optional(),
  RERANK_MODEL: z.string().optional(),
  RERANK_API_KEY: z.string().optional(),
  /** Milliseconds the reranker may take before the fused order is kept. */
  RERANK_TIMEOUT_MS: z.coerce.number().int().positive().default(2000),
  API_KEYS: list,
  ALLOWED_ORIGINS: list,
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(120),
  /**
   * Addresses of reverse proxies in front of the Node service (comma-separated IPs, or `loopback`).
   * Only a request from one of them is counted against the client named in its X-Forwarded-For.
   */
  TRUST_PROXY: list,
  LOG_QUESTIONS: flag,
  /**
   * Days each answered question is kept in the question log (masked; what `report:gaps` reads);
   * 0 turns the log off. Stored where feedback is; expired records are deleted by the service.
   */
  QUESTION_LOG_DAYS: z.coerce.number().int().min(0).max(3650).default(DEFAULT_QUESTION_LOG_DAYS),
  /**
   * How long a question waits in DATA_DIR/questions.jsonl's group commit before its write and
   * fsync (ms): at most one fsync per window. A clean shutdown writes what waits at once.
   */
  QUESTION_LOG_COMMIT_MS: z.coerce.number().int().min(0).max(60_000).default(DEFAULT_COMMIT_WINDOW_MS),
  /** Keys for `GET /admin/gaps` (comma-separated), never the API_KEYS; none: the route answers 404. */
  ADMIN_KEYS: list,
  /**
   * `GET /metrics` (Prometheus text). `on`: served to whoever reaches the port (a scraper on a
   * private network). `off` (default): served only with a key from ADMIN_KEYS; with none, 404.
   */
  METRICS: z.enum(['on', 'off']).default('off'),
  /** Where the service is reached from outside, for links in the Slack gap digest. */
  PUBLIC_URL: z.string().url().optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_APP_TOKEN: z.string().optional(),
  SLACK_COMMAND: z.string().default('/policy'),
  /** Slack's Web API base (Bolt's `slackApiUrl`): staging and tests point it at a recording server. */
  SLACK_API_URL: z
    .string()
    .url()
    .optional()
    .transform((v) => (v === undefined ? v : v.endsWith('/') ? v : `${v}/`)),
});

export type Config = z.infer<typeof configSchema>;

/** Parses settings; an invalid value fails with a message naming the variable. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${issues}`);
  }
  return result.data;
}
