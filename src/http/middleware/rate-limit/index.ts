import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../api-error.js';
import { TokenBuckets } from './token-buckets.js';

export interface RateLimitOptions {
  perMinute: number;
  clock: () => number;
  /** Who the request counts against. */
  clientKey: (request: Request, env: unknown) => string;
}

/** Per-client rate limit: 429 with `Retry-After` (whole seconds) once a client's bucket is empty. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const buckets = new TokenBuckets(options.perMinute, options.clock);
  return async (c, next) => {
    const take = buckets.take(options.clientKey(c.req.raw, c.env));
    if (!take.allowed) {
      const seconds = Math.max(1, Math.ceil(take.retryAfterMs / 1000));
      throw new ApiError(429, 'rate_limited', `Too many requests: the limit is ${options.perMinute} per minute. Retry after ${seconds} s.`, {
        'Retry-After': String(seconds),
      });
    }
    c.header('RateLimit-Remaining', String(take.remaining));
    return next();
  };
}

/**
 * The peer address without importing a runtime adapter: Cloudflare's `cf-connecting-ip`, else
 * the Node socket that @hono/node-server passes as `env.incoming`. `X-Forwarded-For` is not
 * trusted, since any client can set it; deployments behind a proxy pass their own `clientKey`.
 */
export function peerAddress(request: Request, env: unknown): string {
  const cf = request.headers.get('cf-connecting-ip');
  if (cf) return cf;
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
