import { acceptsKey, type ApiKeyOptions } from '../http/middleware/api-key/index.js';

/** Who may call `/api/*` on this Worker: key holders, anyone (PUBLIC_API), or only local `wrangler dev`. */
export type ApiAccessMode = 'keys' | 'public' | 'local-only';

export interface ApiAccess {
  mode: ApiAccessMode;
  /** For `createApp`'s API key middleware, used when API_KEYS is empty. */
  keyOptions: ApiKeyOptions;
  /** What `/readyz` shows about it. */
  describe(): { mode: ApiAccessMode; detail: string };
}

export const NO_KEYS_MESSAGE =
  'This PolicyDesk Worker is closed: no API key is configured. The operator sets one with `npx wrangler secret put API_KEYS` ' +
  '(comma-separated keys; callers send Authorization: Bearer <key>), or opens the API to anyone with the var PUBLIC_API = "true" ' +
  '(every call then costs the operator Workers AI / LLM usage).';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a request is addressed to a loopback host: only `wrangler dev` (or workerd run by hand)
 * receives those. A Worker on Cloudflare is reached by the hostname of its route or workers.dev,
 * which is what `request.url` carries there, so this never opens a deployment.
 */
export function isLoopbackRequest(request: Request): boolean {
  return LOOPBACK.has(new URL(request.url).hostname);
}

/**
 * Closed by default: with API_KEYS set, keys are required; with none, the API answers only
 * requests to localhost (`wrangler dev`), unless the operator opts in with PUBLIC_API = "true".
 */
export function apiAccess(options: { keys: readonly string[]; publicApi: boolean }): ApiAccess {
  const mode: ApiAccessMode = options.keys.length > 0 ? 'keys' : options.publicApi ? 'public' : 'local-only';
  const detail = {
    keys: `${options.keys.length} API key(s) configured; /api/* needs Authorization: Bearer <key>${options.publicApi ? ' (PUBLIC_API is ignored while keys are set)' : ''}`,
    public: 'PUBLIC_API = "true": /api/* answers anyone without a key',
    'local-only': 'no API key configured: /api/* answers only requests to localhost (wrangler dev); set one with `npx wrangler secret put API_KEYS`',
  }[mode];
  return {
    mode,
    keyOptions: { openWithoutKeys: (request) => options.publicApi || isLoopbackRequest(request), noKeysMessage: NO_KEYS_MESSAGE },
    describe: () => ({ mode, detail }),
  };
}

/**
 * Whether `/readyz` may show its checks (model names, binding errors) to this request: to a
 * holder of a configured key, and on `wrangler dev`. Everyone else sees only `ready`.
 */
export function mayReadDetails(request: Request, keys: readonly string[]): boolean {
  return keys.length > 0 ? acceptsKey(request.headers.get('authorization'), keys) : isLoopbackRequest(request);
}
