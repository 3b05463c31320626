import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../api-error.js';
import { TokenBuckets } from './token-buckets.js';

export interface RateLimitOptions {
  perMinute: number;
  clock: () => number;
  /** Who the request counts against. */
  clientKey: (request: Request, env: unknown) => string;
  /**
   * The platform's own limiter, shared by all its instances (Cloudflare's rate-limiting binding):
   * true allowed, false limited, undefined when none is configured or it failed; the per-process
   * buckets decide then.
   */
  platformLimit?: PlatformLimit;
}

export type PlatformLimit = (key: string, env: unknown) => Promise<boolean | undefined>;

/** Per-client rate limit: 429 with `Retry-After` (whole seconds) once a client's bucket is empty. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const buckets = new TokenBuckets(options.perMinute, options.clock);
  return async (c, next) => {
    const key = options.clientKey(c.req.raw, c.env);
    const platform = await options.platformLimit?.(key, c.env);
    if (platform === false) {
      throw new ApiError(429, 'rate_limited', `Too many requests: the limit is ${options.perMinute} per minute. Retry within a minute.`, { 'Retry-After': '60' });
    }
    if (platform === true) return next();
    const take = buckets.take(key);
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
 * Refused API keys cost more than requests: after `perMinute` refusals (401) a client gets 429
 * until its bucket refills, whatever key it sends next, so keys cannot be guessed at the speed
 * of the ordinary limit. Mounted before the key check, whose 401 it counts.
 */
export function refusedKeyLimit(options: RateLimitOptions): MiddlewareHandler {
  const buckets = new TokenBuckets(options.perMinute, options.clock);
  return async (c, next) => {
    const client = options.clientKey(c.req.raw, c.env);
    const left = buckets.peek(client);
    if (!left.allowed) {
      const seconds = Math.max(1, Math.ceil(left.retryAfterMs / 1000));
      throw new ApiError(429, 'rate_limited', `Too many refused API keys: retry after ${seconds} s with a key the operator issued.`, { 'Retry-After': String(seconds) });
    }
    await next();
    // Hono has already turned the key check's ApiError into the response here.
    if (c.res.status === 401) buckets.take(client);
  };
}
