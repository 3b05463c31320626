import type { Hono } from 'hono';
import type { AppEnv, Logger } from '../http/app-types.js';
import { createApp } from '../http/create-app.js';
import { mapError } from '../http/error-response.js';
import { createJsonLogger } from '../http/json-logger.js';
import { mayReadDetails } from './api-access.js';
import { createWorkerDeps } from './create-worker-deps.js';
import { Corpus } from '../core/corpus.js';
import { postWeeklyGapDigest } from './weekly-gap-digest.js';
import { parseWorkerData, type WorkerData } from './worker-data.js';
import type { WorkerEnv } from './worker-env.js';

export interface WorkerOptions {
  /** The bundled data as JSON text; read on the first request, not at start-up. */
  dataText: () => string;
  logger?: Logger;
  clock?: () => number;
  denseRetryMs?: number;
}

/** The object a Worker module exports by default. */
export interface WorkerHandler {
  fetch(request: Request, env: WorkerEnv, ctx?: unknown): Promise<Response>;
  /** The Cron Trigger (`[triggers] crons` in wrangler.toml): posts the weekly gap digest. */
  scheduled(controller: { cron: string; scheduledTime: number }, env: WorkerEnv, ctx?: unknown): Promise<void>;
}

interface Assembled {
  app: Hono<AppEnv>;
  keys: readonly string[];
}

/**
 * The Worker: on its first request an isolate parses the bundled data (once: it never changes),
 * assembles the deps from that request's `env` (bindings and vars are the same for every
 * request of a deployment) and builds the same Hono app as `npm start`; later requests reuse it.
 * Nothing runs at module scope. If assembly fails, the request gets the app's error shape and
 * the next one retries. `GET /healthz` is answered without assembling anything, so health checks
 * cost a new isolate nothing and still answer when a var is invalid.
 */
export function createWorker(options: WorkerOptions): WorkerHandler {
  let requests = 0;
  const logger = isolateLogger(options.logger ?? createJsonLogger((line) => console.log(line)), () => requests);
  let data: WorkerData | undefined;
  let dataBytes = 0;
  let app: Promise<Assembled> | undefined;

  const readData = (): WorkerData => {
    if (!data) {
      const text = options.dataText();
      data = parseWorkerData(text);
      dataBytes = text.length;
    }
    return data;
  };

  const build = async (env: WorkerEnv): Promise<Assembled> => {
    const data = readData();
    const deps = await createWorkerDeps({
      data,
      env,
      logger,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.denseRetryMs !== undefined ? { denseRetryMs: options.denseRetryMs } : {}),
    });
    // What the first request's CPU time (in Workers Logs' cpuTimeMs) paid for.
    const load = { dataBytes, passages: data.corpus.passages.length, bm25Terms: Object.keys(data.bm25.postings).length };
    logger.info({ msg: 'ready', runtime: 'workerd', ...load, ...deps.readiness().checks });
    return { app: createApp(deps), keys: deps.config.API_KEYS };
  };

  return {
    async fetch(request, env, ctx) {
      requests++;
      const path = new URL(request.url).pathname;
      if (path === '/healthz' && request.method === 'GET') return Response.json({ status: 'ok' }, { headers: { 'X-Content-Type-Options': 'nosniff' } });
      app ??= build(env).catch((error: unknown) => {
        app = undefined;
        throw error;
      });
      let ready: Assembled;
      try {
        ready = await app;
      } catch (error) {
        const requestId = crypto.randomUUID();
        const mapped = mapError(error, requestId);
        logger.error({ msg: 'worker start-up failed', requestId, error: String(error), stack: (error as Error).stack });
        return Response.json(mapped.body, { status: mapped.status, headers: mapped.headers });
      }
      const response = await ready.app.fetch(request, env, ctx as never);
      if (path === '/readyz' && !mayReadDetails(request, ready.keys)) return withoutChecks(response);
      return response;
    },

    async scheduled(controller, env) {
      try {
        await postWeeklyGapDigest({ env, corpus: () => new Corpus(readData().corpus), logger, now: options.clock?.() ?? controller.scheduledTime });
      } catch (error) {
        logger.error({ msg: 'gap digest failed', cron: controller.cron, error: String(error), stack: (error as Error).stack });
        throw error;
      }
    },
  };
}

/**
 * `/readyz` for a caller without a key: whether the Worker is ready, not the checks (LLM model,
 * binding errors, access mode), which are the operator's business.
 */
async function withoutChecks(response: Response): Promise<Response> {
  const body = (await response.json()) as { ready: boolean };
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return Response.json({ ready: body.ready, detail: 'Send Authorization: Bearer <API key> to see the checks.' }, { status: response.status, headers });
}

/**
 * The Worker's log lines, made to say something about CPU: workerd's clock advances only on I/O,
 * so the request log's `latencyMs` is always ~1 ms there and is dropped (Workers Logs record each
 * invocation's cpuTimeMs and wallTimeMs). `isolateRequests` tells a new isolate's first request,
 * which pays for loading the data, from a warm one.
 */
function isolateLogger(logger: Logger, requests: () => number): Logger {
  return {
    info: (entry) => {
      if (entry.msg !== 'request') return logger.info(entry);
      const { latencyMs: _clockStandsStill, ...rest } = entry;
      logger.info({ ...rest, isolateRequests: requests() });
    },
    error: (entry) => logger.error(entry),
  };
}
