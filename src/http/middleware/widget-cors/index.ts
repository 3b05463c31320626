import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/**
 * CORS for the widget on other sites: only origins listed in ALLOWED_ORIGINS (or `*`) get
 * `Access-Control-Allow-Origin`; any other origin gets no CORS headers, so browsers refuse
 * to hand it the response. Same-origin pages (the demo page) need no entry.
 */
export function widgetCors(allowedOrigins: readonly string[]): MiddlewareHandler {
  const any = allowedOrigins.includes('*');
  const allowed = new Set(allowedOrigins.map((o) => o.replace(/\/+$/, '')));
  return cors({
    origin: (origin) => (any || allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization'],
    exposeHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
}
