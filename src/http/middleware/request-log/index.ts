import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv, Logger } from '../../app-types.js';
import type { RequestSample } from '../../http-metrics.js';
import { setResponseHeaders } from '../../set-response-headers.js';

export interface RequestLogOptions {
  logger: Logger;
  /** LOG_QUESTIONS: include the question text (off by default: questions may name patients or staff). */
  logQuestions: boolean;
  newId: () => string;
  /** Told of each finished request, when the log line is written (the metrics registry counts it). */
  observe?: (sample: RequestSample) => void;
}

/**
 * One JSON line per request: route, status, latency, and for answers whether it abstained and
 * which composer answered. Tags every response with its request id (and `nosniff`). Headers are never logged, so API keys cannot leak into logs. A
 * streamed answer is logged when its last event is written.
 */
export function requestLog(options: RequestLogOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = options.newId();
    c.set('requestId', requestId);
    await next();
    setResponseHeaders(c, { 'X-Request-Id': requestId, 'X-Content-Type-Options': 'nosniff' });
    const write = (stream?: string) => {
      const answer = c.get('answer');
      const question = c.get('question');
      const route = routeOf(c);
      const ms = performance.now() - started;
      options.observe?.({ method: c.req.method, route, status: c.res.status, seconds: ms / 1000 });
      options.logger.info({
        msg: 'request',
        requestId,
        method: c.req.method,
        route,
        status: c.res.status,
        latencyMs: Math.round(ms * 10) / 10,
        ...(answer ? { answerId: answer.answerId, abstained: answer.abstained, mode: answer.mode } : {}),
        ...(stream ? { stream } : {}),
        ...(options.logQuestions && question !== undefined ? { question } : {}),
      });
    };
    const streamDone = c.get('streamDone');
    if (streamDone) void streamDone.then(write, () => write('error'));
    else write();
  };
}

/** The route pattern that answered (`/api/passages/:id`), not the raw path, so logs group by route. */
function routeOf(c: Parameters<MiddlewareHandler>[0]): string {
  const routes = matchedRoutes(c);
  // A middleware's wildcard (`*`, `/api/*`) names no route.
  const pattern = (path: string | undefined) => (path && !path.endsWith('*') ? path : undefined);
  // A request refused by middleware (401, 413, 429) never reached its handler: name the route it asked for.
  return pattern(routes.at(c.req.routeIndex)?.path) ?? routes.map((r) => pattern(r.path)).findLast((p) => p !== undefined) ?? 'unmatched';
}
