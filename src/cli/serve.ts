/**
 * `npm start`: the Hono service on Node. Listens at once (`/healthz` answers, `/readyz` says
 * loading), loads the model and index once, then serves the app and prints the demo page's URL.
 * SIGTERM and SIGINT stop accepting connections and let in-flight requests finish. Slack runs in
 * Socket Mode when SLACK_APP_TOKEN is set, else over HTTP at `POST /slack/events` with
 * SLACK_SIGNING_SECRET; the log says which, or which variable is missing.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { type Config, parseConfig } from '../core/config.js';
import { ProcessPoolEmbedder } from '../embeddings/process-pool.node.js';
import { createApp } from '../http/create-app.js';
import type { FeedbackStore } from '../core/feedback.js';
import { JsonlFeedbackStore } from '../store/jsonl-feedback-store.node.js';
import { JsonlQuestionLog } from '../store/jsonl-question-log.node.js';
import { createQuestionRecorder, type QuestionRecorder } from '../answer/question-recorder.js';
import { GAPS_FOLDER } from '../insights/gap-report.js';
import { QUESTION_LOG_FILE, type QuestionLogStore } from '../core/question-log.js';
import { createJsonLogger } from '../http/json-logger.js';
import { startNodeServer } from '../http/node-server.node.js';
import { createPrometheusMetrics, type SlackMetricState } from '../http/prometheus-metrics.node.js';
import { slackTransport } from '../slack/slack-transport.js';
import type { RunningSlack } from '../slack/start-slack.node.js';
import type { PostgresStore } from '../store/postgres-store.node.js';
import { loadRuntime } from './load-runtime.node.js';

const POOL_EVENT_MESSAGE = {
  exit: 'embedding process exited; replacing it',
  timeout: 'embedding process did not answer in time (EMBED_TIMEOUT_MS); killed, replacing it',
  'restart-failed': 'could not start a replacement embedding process; retrying',
} as const;

/**
 * How long a shutdown waits for in-flight HTTP requests, and then for Slack answers already
 * acknowledged: at least 10 s, and always longer than the longest answer (an LLM call may take
 * LLM_TIMEOUT_MS before the extractive fallback answers), so a SIGTERM never cuts an answer that
 * would have come.
 */
function shutdownGraceMs(config: Pick<Config, 'LLM_TIMEOUT_MS'>): number {
  return Math.max(10_000, config.LLM_TIMEOUT_MS + 5_000);
}

const logger = createJsonLogger((line) => process.stdout.write(`${line}\n`));

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const graceMs = shutdownGraceMs(config);
  const server = await startNodeServer({ port: config.PORT, hostname: config.HOST });
  // Decided and logged before the model loads, so a wrong Slack setting shows at once.
  const transport = slackTransport(config);
  if (transport.kind === 'off') logger.info({ msg: 'slack off', reason: transport.reason });
  else logger.info({ msg: 'slack starting once the model is loaded', mode: transport.kind });
  let feedback: FeedbackStore | undefined;
  let questionLog: QuestionLogStore | undefined;
  let questions: QuestionRecorder | undefined;
  let store: PostgresStore | undefined;
  let closeRuntime: (() => Promise<void>) | undefined;
  let embedder: ProcessPoolEmbedder | undefined;
  let slack: RunningSlack | undefined;
  let stopping = false;
  // Read at each scrape of GET /metrics, so they show the pool and Slack as they are then.
  const metrics = createPrometheusMetrics({
    embedQueue: () => embedder?.pending ?? 0,
    embedProcesses: () => embedder?.size ?? 0,
    slackState: (): SlackMetricState => {
      const status = slack?.status;
      if (!status) return 'off';
      return status.mode === 'http' ? 'http' : status.state;
    },
  });
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ msg: 'shutting down', signal, inFlight: server.inFlight(), graceMs });
    // The embedding processes keep serving the requests in flight, but one that exits now is not replaced.
    embedder?.stopReplacing();
    const { dropped } = await server.shutdown(graceMs);
    if (dropped > 0) logger.error({ msg: `shutdown: ${dropped} request(s) still unanswered after ${graceMs} ms were cut`, dropped, graceMs });
    // Slack requests are acknowledged at once and answered afterwards: let those answers go out,
    // within a bound (the Web API client's retries are bounded too).
    await slack?.stop(graceMs);
    await feedback?.close();
    // Questions answered just now are recorded after their response: store them, then close (which writes what waits).
    await questions?.settle();
    await questionLog?.close();
    await store?.close();
    await closeRuntime?.();
    logger.info({ msg: 'stopped' });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  // The database before the model (seconds to load): a wrong DATABASE_URL fails the start at once.
  if (config.DATABASE_URL) {
    // Several replicas share one database: feedback, Slack dedupe and 发到频道 answers live there.
    const { PostgresStore } = await import('../store/postgres-store.node.js');
    store = await PostgresStore.open(config.DATABASE_URL, {
      timeoutMs: config.DATABASE_TIMEOUT_MS,
      onQueryError: (record) => metrics.databaseError(record),
      onError: (error) => logger.warn({ msg: 'database connection lost; the pool reconnects', error: error.message }),
      onHealthChange: (health) =>
        health.ok
          ? logger.info({ msg: 'database reachable again', since: health.since })
          : logger.error({ msg: 'database unreachable; feedback answers 503 until it is back', since: health.since, error: health.detail }),
    });
    feedback = store.feedback;
    questionLog = store.questions;
    logger.info({ msg: 'state in PostgreSQL (DATABASE_URL): feedback, question log, Slack deliveries, answers', database: databaseName(config.DATABASE_URL) });
  } else {
    feedback = await JsonlFeedbackStore.open(join(config.DATA_DIR, 'feedback.jsonl'), {
      onRepair: (bytes) => logger.warn({ msg: 'feedback store: cut a torn last line (a write interrupted before it was acknowledged)', bytes }),
    });
    if (config.QUESTION_LOG_DAYS > 0) {
      questionLog = await JsonlQuestionLog.open(join(config.DATA_DIR, QUESTION_LOG_FILE), {
        commitWindowMs: config.QUESTION_LOG_COMMIT_MS,
        onRepair: (bytes) => logger.warn({ msg: 'question log: cut a torn last line (a write interrupted before it was acknowledged)', bytes }),
      });
    }
  }

  const runtime = await loadRuntime({
    modelDir: config.MODEL_DIR,
    indexDir: config.INDEX_DIR,
    seedsDir: config.SEEDS_DIR,
    ocr: config.OCR,
    embedProcesses: config.EMBED_PROCESSES ?? Math.min(availableParallelism(), 4),
    queryCacheSize: config.QUERY_CACHE_SIZE,
    embedTimeoutMs: config.EMBED_TIMEOUT_MS,
    onPoolEvent: (event) => logger.error({ msg: POOL_EVENT_MESSAGE[event.type], ...event }),
    llm: config,
    rerank: config,
    log: (line) => logger.info({ msg: line }),
    logger,
  });
  closeRuntime = runtime.close;
  if (runtime.embedder instanceof ProcessPoolEmbedder) embedder = runtime.embedder;
  questions = questionLog ? createQuestionRecorder({ store: questionLog, retentionDays: config.QUESTION_LOG_DAYS, logger }) : undefined;
  if (questions) {
    const deleted = await questions.prune();
    logger.info({ msg: 'question log on', retentionDays: config.QUESTION_LOG_DAYS, expiredDeleted: deleted });
  } else logger.info({ msg: 'question log off (QUESTION_LOG_DAYS=0)' });
  const checks = {
    model: runtime.embedder.modelId,
    dimensions: runtime.embedder.dimensions,
    passages: runtime.corpus.passages.length,
    manifest: 'checked',
    store: store ? 'postgresql' : 'files',
    loadMs: Math.round(runtime.loadMs),
  };
  if (transport.kind !== 'off') {
    // Bolt is heavy: loaded only when Slack is configured.
    const { startSlack } = await import('../slack/start-slack.node.js');
    slack = await startSlack(transport, {
      commandName: config.SLACK_COMMAND,
      answerer: runtime.answerer,
      corpus: runtime.corpus,
      feedback,
      ...(questions ? { questions } : {}),
      logger,
      logQuestions: config.LOG_QUESTIONS,
      ...(store ? { memory: store.slackMemory } : {}),
      ...(config.SLACK_API_URL ? { clientOptions: { slackApiUrl: config.SLACK_API_URL } } : {}),
    });
  }
  const slackHandle = slack?.handle;
  const app = createApp({
    answerer: runtime.answerer,
    corpus: runtime.corpus,
    feedback,
    ...(questions ? { questions } : {}),
    gapReport: () => readTextIfPresent(join(config.DATA_DIR, GAPS_FOLDER, 'gaps.html')),
    readiness: () => {
      // With embedding processes, ready while at least one serves (a dead one is being replaced).
      const embedProcesses = runtime.embedder instanceof ProcessPoolEmbedder ? runtime.embedder.size : 'in-process';
      // The database and Slack are reported as they are now; neither makes the service unready (it still answers).
      return {
        ready: embedProcesses !== 0,
        checks: { ...checks, embedProcesses, ...(store ? { database: store.health() } : {}), slack: slack?.status ?? { mode: 'off', reason: transport.kind === 'off' ? transport.reason : undefined } },
      };
    },
    config,
    logger,
    metrics,
    ...(slackHandle ? { slack: slackHandle } : {}),
  });
  server.setFetch(app.fetch);
  logger.info({ msg: 'ready', url: server.url, ...checks });
  console.error(`PolicyDesk is ready. Demo page: ${server.url}/`);
}

/** A file's text, or undefined when it does not exist. */
async function readTextIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Host and database of a connection URL, for the log (never the password). */
function databaseName(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
}

/** A fatal error as one JSON line (what log pipelines filter on), then the same sentence on stderr for a person at a terminal. */
function fatal(error: unknown, msg: string): never {
  const message = error instanceof Error ? error.message || error.name : String(error);
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'fatal', msg, error: message, ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) })}\n`);
  console.error(`serve: ${message}`);
  process.exit(1);
}

// Nothing should reach these (Slack and database failures are caught where they happen); if something does, say so in the log before exiting.
process.on('uncaughtException', (error) => fatal(error, 'uncaught exception; exiting'));
process.on('unhandledRejection', (error) => fatal(error, 'unhandled promise rejection; exiting'));

main().catch((error: unknown) => fatal(error, 'serve could not start'));
