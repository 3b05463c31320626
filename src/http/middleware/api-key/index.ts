import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../api-error.js';

export interface ApiKeyOptions {
  /**
   * With no keys configured, whether this request may pass. Absent: every request passes (the
   * Node service's default). The Worker passes its own rule, so a deployment is closed by default.
   */
  openWithoutKeys?: (request: Request) => boolean;
  /** What a request refused for want of any configured key is told: how the operator sets one. */
  noKeysMessage?: string;
}

/**
 * Requires `Authorization: Bearer <key>` with one of `keys` when any are configured.
 * Every key is compared in full so the time taken does not reveal how much of a key matched.
 */
export function apiKey(keys: readonly string[], options: ApiKeyOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    if (keys.length === 0) {
      if (!options.openWithoutKeys || options.openWithoutKeys(c.req.raw)) return next();
      throw new ApiError(403, 'api_keys_not_configured', options.noKeysMessage ?? 'This service has no API key configured, so it answers no one.');
    }
    const header = c.req.header('authorization');
    if (!header) {
      throw new ApiError(401, 'unauthorized', 'This service needs an API key: send the header Authorization: Bearer <your key>.', { 'WWW-Authenticate': 'Bearer' });
    }
    if (!acceptsKey(header, keys)) {
      throw new ApiError(401, 'unauthorized', 'The API key was not accepted: send Authorization: Bearer <key> with a key the operator issued.', {
        'WWW-Authenticate': 'Bearer error="invalid_token"',
      });
    }
    return next();
  };
}

/** Whether an `Authorization` header carries one of `keys` as a bearer token (false when there are none). */
export function acceptsKey(header: string | null | undefined, keys: readonly string[]): boolean {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '';
  let ok = false;
  for (const key of keys) ok = constantTimeEqual(token, key) || ok;
  return ok;
}

function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
