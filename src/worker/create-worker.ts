import type { Hono } from 'hono';
import type { AppEnv, Logger } from '../http/app-types.js';
import { createApp } from '../http/create-app.js';
import { mapError } from '../http/error-response.js';
import { createJsonLogger } from '../http/json-logger.js';
import { createWorkerDeps } from './create-worker-deps.js';
import { parseWorkerData } from './worker-data.js';
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
}

/**
 * The Worker: on its first request an isolate parses the bundled data, assembles the deps from
 * that request's `env` (bindings and vars are the same for every request of a deployment) and
 * builds the same Hono app as `npm start`; later requests reuse it. Nothing runs at module
 * scope. If assembly fails, the request gets the app's error shape and the next one retries.
 */
export function createWorker(options: WorkerOptions): WorkerHandler {
  const logger = options.logger ?? createJsonLogger((line) => console.log(line));
  let app: Promise<Hono<AppEnv>> | undefined;

  const build = async (env: WorkerEnv) => {
    const data = parseWorkerData(options.dataText());
    const deps = await createWorkerDeps({
      data,
      env,
      logger,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.denseRetryMs !== undefined ? { denseRetryMs: options.denseRetryMs } : {}),
    });
    logger.info({ msg: 'ready', runtime: 'workerd', ...deps.readiness().checks });
    return createApp(deps);
  };

  return {
    async fetch(request, env, ctx) {
      app ??= build(env).catch((error: unknown) => {
        app = undefined;
        throw error;
      });
      let ready: Hono<AppEnv>;
      try {
        ready = await app;
      } catch (error) {
        const requestId = crypto.randomUUID();
        const mapped = mapError(error, requestId);
        logger.error({ msg: 'worker start-up failed', requestId, error: String(error), stack: (error as Error).stack });
        return Response.json(mapped.body, { status: mapped.status, headers: mapped.headers });
      }
      return ready.fetch(request, env, ctx as never);
    },
  };
}
