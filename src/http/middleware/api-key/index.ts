import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../api-error.js';

/**
 * Requires `Authorization: Bearer <key>` with one of `keys` when any are configured.
 * Every key is compared in full so the time taken does not reveal how much of a key matched.
 */
export function apiKey(keys: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (keys.length === 0) return next();
    const header = c.req.header('authorization');
    if (!header) {
      throw new ApiError(401, 'unauthorized', 'This service needs an API key: send the header Authorization: Bearer <your key>.', { 'WWW-Authenticate': 'Bearer' });
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const token = match?.[1] ?? '';
    let ok = false;
    for (const key of keys) ok = constantTimeEqual(token, key) || ok;
    if (!ok) {
      throw new ApiError(401, 'unauthorized', 'The API key was not accepted: send Authorization: Bearer <key> with a key the operator issued.', {
        'WWW-Authenticate': 'Bearer error="invalid_token"',
      });
    }
    return next();
  };
}

function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
