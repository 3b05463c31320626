import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv, Logger } from '../../app-types.js';
import { setResponseHeaders } from '../../set-response-headers.js';

export interface RequestLogOptions {
  logger: Logger;
  /** LOG_QUESTIONS: include the question text (off by default: questions may name patients or staff). */
  logQuestions: boolean;
  newId: () => string;
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
      options.logger.info({
        msg: 'request',
        requestId,
        method: c.req.method,
        route: routeOf(c),
        status: c.res.status,
        latencyMs: Math.round((performance.now() - started) * 10) / 10,
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
  const handler = routes.at(c.req.routeIndex);
  return handler && handler.path !== '/*' && handler.path !== '*' ? handler.path : 'unmatched';
}
