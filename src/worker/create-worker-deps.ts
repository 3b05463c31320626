import { createPipeline, type Pipeline } from '../answer/create-pipeline.js';
import { createAnswerer, llmConfigured } from '../answer/llm/create-answerer.js';
import type { Answerer } from '../answer/types.js';
import { parseConfig } from '../core/config.js';
import type { AppDeps, Logger } from '../http/app-types.js';
import type { FeedbackStore } from '../core/feedback.js';
import { MemoryFeedbackStore } from '../store/memory-feedback-store.js';
import { Bm25Index } from '../retrieval/bm25-index.js';
import { Corpus } from '../core/corpus.js';
import { apiAccess } from './api-access.js';
import { D1FeedbackStore } from '../store/d1-feedback-store.js';
import { D1QuestionLog } from '../store/d1-question-log.js';
import { createQuestionRecorder } from '../answer/question-recorder.js';
import { FallbackAnswerer, type DensePath } from './fallback-answerer.js';
import { RetrievalPath } from './retrieval-path.js';
import { VectorizeIndex } from './vectorize-index.js';
import type { WorkerData } from './worker-data.js';
import { envStrings, type RateLimiterBinding, type WorkerEnv } from './worker-env.js';
import { withTimeout } from '../core/with-timeout.js';
import { logWarning } from '../core/logger.js';
import { WorkersAiEmbedder } from './workers-ai-embedder.js';
import { parseWorkerSettings } from './worker-settings.js';
import { withQueryCache } from '../embeddings/query-cache.js';
import { TimeoutError } from '../core/errors.js';

export interface WorkerDepsOptions {
  data: WorkerData;
  env: WorkerEnv;
  logger: Logger;
  clock?: () => number;
  /** How long a failed dense path stays off before it is tried again. */
  denseRetryMs?: number;
}

/**
 * bge-m3 answers on the Worker are decided with the thresholds fitted for the local bge-small-zh
 * model: nothing yet shows they fit, so `/readyz` marks the hybrid path experimental.
 */
export const HYBRID_EXPERIMENTAL = 'experimental: answer/abstain thresholds are those fitted for bge-small-zh, not yet calibrated for @cf/baai/bge-m3';

/**
 * Assembles `createApp`'s deps for a Worker: the bundled corpus and BM25 index, a hybrid path
 * over Workers AI + Vectorize when both bindings exist, and a lexical path that answers when
 * they are absent, failing or slower than BINDING_TIMEOUT_MS. Checks the Vectorize manifest
 * once before the first answer. `/api/*` is closed unless API_KEYS or PUBLIC_API is set
 * (see api-access.ts); feedback goes to D1 when FEEDBACK_DB is bound.
 */
export async function createWorkerDeps(options: WorkerDepsOptions): Promise<AppDeps> {
  const { data, env, logger } = options;
  const clock = options.clock ?? Date.now;
  const config = parseConfig(envStrings(env));
  const settings = parseWorkerSettings(env);
  const access = apiAccess({ keys: config.API_KEYS, publicApi: settings.PUBLIC_API });
  const corpus = new Corpus(data.corpus);
  const bm25 = new Bm25Index(data.bm25);
  // The same composer as on Node: the LLM (verified, falling back to extractive) when LLM_* is set.
  const answererOf = (pipeline: Pipeline): Answerer => createAnswerer(config, pipeline, logger, data.prompts);
  const lexical = answererOf(createPipeline({ corpus, bm25 }));

  const missing = (['AI', 'VECTORIZE'] as const).filter((name) => !env[name]);
  const dense = missing.length === 0 ? densePath(options, { queryCacheSize: config.QUERY_CACHE_SIZE, timeoutMs: settings.BINDING_TIMEOUT_MS }, corpus, bm25, answererOf) : undefined;
  const path = new RetrievalPath({
    denseConfigured: dense !== undefined,
    unconfiguredReason: missing.length === 2 ? 'the AI and VECTORIZE bindings are not configured' : `the ${missing.join('')} binding is not configured`,
    clock,
    ...(options.denseRetryMs !== undefined ? { retryMs: options.denseRetryMs } : {}),
  });
  const answerer = new FallbackAnswerer({
    lexical,
    path,
    ...(dense ? { dense } : {}),
    onFallback: (reason) => logger.error({ msg: 'dense retrieval failed; answering lexically', reason }),
  });
  // Settles hybrid or lexical now, so the first /readyz already tells the truth.
  await answerer.prepare();

  const feedback = env.FEEDBACK_DB ? new D1FeedbackStore(env.FEEDBACK_DB, { timeoutMs: settings.BINDING_TIMEOUT_MS }) : isolateMemoryStore();
  // Questions are kept only where they outlive the isolate: in D1, beside feedback.
  const questions = env.FEEDBACK_DB
    ? createQuestionRecorder({ store: new D1QuestionLog(env.FEEDBACK_DB, { timeoutMs: settings.BINDING_TIMEOUT_MS }), retentionDays: config.QUESTION_LOG_DAYS, logger, clock })
    : undefined;

  return {
    answerer,
    corpus,
    feedback,
    ...(questions ? { questions } : {}),
    readiness: () => ({
      ready: true,
      checks: {
        retrieval: dense ? { ...path.status(), calibration: HYBRID_EXPERIMENTAL } : path.status(),
        access: access.describe(),
        bindingTimeoutMs: settings.BINDING_TIMEOUT_MS,
        answering: llmConfigured(config) ? { mode: 'llm', model: config.LLM_MODEL, fallback: 'extractive' } : { mode: 'extractive' },
        corpus: { documents: corpus.documents.size, passages: corpus.passages.length, corpusHash: data.corpusHash, chunkerVersion: data.chunkerVersion },
      },
    }),
    config,
    logger,
    clock,
    slack: async () => slackNotOnWorkers(),
    apiKeyOptions: access.keyOptions,
    platformLimit: (key) => rateLimiterBinding(env.RATE_LIMITER, key, settings.BINDING_TIMEOUT_MS, logger),
  };
}

/**
 * Cloudflare's rate-limiting binding (`[[ratelimits]]` RATE_LIMITER in wrangler.toml), counted across
 * every isolate and location; undefined without it, or when it fails or is slow, so that the
 * per-isolate buckets decide.
 */
async function rateLimiterBinding(binding: RateLimiterBinding | undefined, key: string, timeoutMs: number, logger: Logger): Promise<boolean | undefined> {
  if (!binding) return undefined;
  try {
    return (await withTimeout(binding.limit({ key }), timeoutMs, () => new TimeoutError('RATE_LIMITER', timeoutMs))).success;
  } catch (error) {
    logWarning(logger, { msg: 'rate limiter binding failed; per-isolate limit used', error: (error as Error).message });
    return undefined;
  }
}

/** Without a FEEDBACK_DB binding a Worker has nowhere durable to write: this isolate's memory, and /readyz says so. */
function isolateMemoryStore(): FeedbackStore {
  const memory = new MemoryFeedbackStore();
  return {
    append: (record) => memory.append(record),
    list: () => memory.list(),
    close: () => memory.close(),
    health: () => ({ ok: true, detail: "no FEEDBACK_DB binding: kept in this isolate's memory only, not durable" }),
  };
}

/**
 * Slack is served by the Node service, not the Worker: Bolt's Web API client (axios) fails in
 * workerd even with nodejs_compat, so answers could never be posted back. Say so plainly
 * rather than the generic "set SLACK_* to turn it on", which would not help here.
 */
function slackNotOnWorkers(): Response {
  const message = "Slack is not served by the Cloudflare Worker. Point the Slack app's Request URL at the Node service (npm start, /slack/events) or run it in Socket Mode (SLACK_APP_TOKEN).";
  return Response.json({ error: { code: 'slack_disabled', message } }, { status: 404 });
}

function densePath(options: WorkerDepsOptions, limits: { queryCacheSize: number; timeoutMs: number }, corpus: Corpus, bm25: Bm25Index, answererOf: (p: Pipeline) => Answerer): DensePath {
  const { env, data } = options;
  const passageIds = new Map(Object.entries(data.vectorIds).map(([passageId, vectorId]) => [vectorId, passageId]));
  const vectors = new VectorizeIndex(env.VECTORIZE!, { passageIds, corpusHash: data.corpusHash, chunkerVersion: data.chunkerVersion, timeoutMs: limits.timeoutMs });
  // A repeated question in this isolate skips the Workers AI call (and its cost).
  const embedder = withQueryCache(new WorkersAiEmbedder(env.AI!, { timeoutMs: limits.timeoutMs }), { maxEntries: limits.queryCacheSize });
  const pipeline = createPipeline({ corpus, bm25, embedder, vectors });
  return { answerer: answererOf(pipeline), verify: async () => void (await vectors.verify()) };
}
