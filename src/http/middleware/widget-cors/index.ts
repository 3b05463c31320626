import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { Logger } from '../../app-types.js';

/**
 * CORS for the widget on other sites: only origins listed in ALLOWED_ORIGINS (or `*`) get
 * `Access-Control-Allow-Origin`; any other origin gets no CORS headers, so browsers refuse
 * to hand it the response. Same-origin pages (the demo page) need no entry. A refused origin
 * is logged by name, so the operator sees which one to add (a preflight alone looks like a
 * plain `OPTIONS 204`).
 */
export function widgetCors(allowedOrigins: readonly string[], logger?: Logger): MiddlewareHandler {
  const any = allowedOrigins.includes('*');
  const allowed = new Set(allowedOrigins.map((o) => o.replace(/\/+$/, '')));
  return cors({
    origin: (origin, c) => {
      if (any || allowed.has(origin)) return origin;
      if (logger && origin && !sameHost(origin, [c.req.header('host'), new URL(c.req.url).host])) {
        const named = origin.slice(0, 200);
        logger.info({
          msg: 'cors refused',
          requestId: c.get('requestId'),
          origin: named,
          method: c.req.method,
          path: c.req.path,
          fix: `add ${named} to ALLOWED_ORIGINS (comma-separated) if this page may use the service`,
        });
      }
      return null;
    },
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key'],
    exposeHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
}

/** Browsers send Origin on same-origin POSTs too; those need no CORS and are not refusals. */
function sameHost(origin: string, hosts: Array<string | undefined>): boolean {
  try {
    return hosts.includes(new URL(origin).host);
  } catch {
    return false;
  }
}
