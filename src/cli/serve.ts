/**
 * `npm start`: the Hono service on Node. Listens at once (`/healthz` answers, `/readyz` says
 * loading), loads the model and index once, then serves the app and prints the demo page's URL.
 * SIGTERM and SIGINT stop accepting connections and let in-flight requests finish. Slack runs in
 * Socket Mode when SLACK_APP_TOKEN is set, else over HTTP at `POST /slack/events` with
 * SLACK_SIGNING_SECRET; the log says which, or which variable is missing.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../core/config.js';
import { ProcessPoolEmbedder } from '../embeddings/process-pool.node.js';
import { createApp } from '../http/create-app.js';
import type { FeedbackStore } from '../core/feedback.js';
import { JsonlFeedbackStore } from '../http/feedback/jsonl-feedback-store.node.js';
import { createJsonLogger } from '../http/json-logger.js';
import { startNodeServer } from '../http/node-server.node.js';
import { slackTransport } from '../slack/slack-transport.js';
import type { RunningSlack } from '../slack/start-slack.node.js';
import type { PostgresStore } from '../store/postgres-store.node.js';
import { loadRuntime } from './load-runtime.node.js';

const POOL_EVENT_MESSAGE = {
  exit: 'embedding process exited; replacing it',
  timeout: 'embedding process did not answer in time (EMBED_TIMEOUT_MS); killed, replacing it',
  'restart-failed': 'could not start a replacement embedding process; retrying',
} as const;

/** How long a shutdown waits for in-flight HTTP requests, and then for Slack answers already acknowledged. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const logger = createJsonLogger((line) => process.stdout.write(`${line}\n`));
  const server = await startNodeServer({ port: config.PORT, hostname: config.HOST });
  // Decided and logged before the model loads, so a wrong Slack setting shows at once.
  const transport = slackTransport(config);
  if (transport.kind === 'off') logger.info({ msg: 'slack off', reason: transport.reason });
  else logger.info({ msg: 'slack starting once the model is loaded', mode: transport.kind });
  let feedback: FeedbackStore | undefined;
  let store: PostgresStore | undefined;
  let closeRuntime: (() => Promise<void>) | undefined;
  let embedder: ProcessPoolEmbedder | undefined;
  let slack: RunningSlack | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ msg: 'shutting down', signal });
    // The embedding processes keep serving the requests in flight, but one that exits now is not replaced.
    embedder?.stopReplacing();
    await server.shutdown(SHUTDOWN_GRACE_MS);
    // Slack requests are acknowledged at once and answered afterwards: let those answers go out,
    // within a bound (the Web API client's retries are bounded too).
    await slack?.stop(SHUTDOWN_GRACE_MS);
    await feedback?.close();
    await store?.close();
    await closeRuntime?.();
    logger.info({ msg: 'stopped' });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

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
  });
  closeRuntime = runtime.close;
  if (runtime.embedder instanceof ProcessPoolEmbedder) embedder = runtime.embedder;
  if (config.DATABASE_URL) {
    // Several replicas share one database: feedback, Slack dedupe and 发到频道 answers live there.
    const { PostgresStore } = await import('../store/postgres-store.node.js');
    store = await PostgresStore.open(config.DATABASE_URL, { onError: (error) => logger.warn({ msg: 'database connection lost; the pool reconnects', error: error.message }) });
    feedback = store.feedback;
    logger.info({ msg: 'state in PostgreSQL (DATABASE_URL): feedback, Slack deliveries, answers', database: databaseName(config.DATABASE_URL) });
  } else {
    feedback = await JsonlFeedbackStore.open(join(config.DATA_DIR, 'feedback.jsonl'), {
      onRepair: (bytes) => logger.warn({ msg: 'feedback store: cut a torn last line (a write interrupted before it was acknowledged)', bytes }),
    });
  }
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
    readiness: () => {
      // With embedding processes, ready while at least one serves (a dead one is being replaced).
      const embedProcesses = runtime.embedder instanceof ProcessPoolEmbedder ? runtime.embedder.size : 'in-process';
      return { ready: embedProcesses !== 0, checks: { ...checks, embedProcesses, slack: slack?.status ?? 'off' } };
    },
    config,
    logger,
    ...(slackHandle ? { slack: slackHandle } : {}),
  });
  server.setFetch(app.fetch);
  logger.info({ msg: 'ready', url: server.url, ...checks });
  console.error(`PolicyDesk is ready. Demo page: ${server.url}/`);
}

/** Host and database of a connection URL, for the log (never the password). */
function databaseName(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
}

main().catch((error: Error) => {
  console.error(`serve: ${error.message}`);
  process.exit(1);
});
