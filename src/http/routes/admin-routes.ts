import { Hono } from 'hono';
import { ApiError } from '../api-error.js';
import type { AppDeps, AppEnv } from '../app-types.js';
import { acceptsKey } from '../middleware/api-key/index.js';

/**
 * `GET /admin/gaps`: the latest gap report (`npm run report:gaps`), for document owners. Only with
 * a key from ADMIN_KEYS (an API_KEYS key is not one); without ADMIN_KEYS the route does not exist.
 */
export function adminRoutes(deps: Pick<AppDeps, 'config' | 'gapReport'>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/admin/gaps', async (c) => {
    const keys = deps.config.ADMIN_KEYS ?? [];
    if (keys.length === 0) throw new ApiError(404, 'not_found', 'No route GET /admin/gaps: set ADMIN_KEYS to serve the gap report.');
    if (!acceptsKey(c.req.header('authorization'), keys)) {
      throw new ApiError(401, 'unauthorized', 'The gap report needs an admin key: send Authorization: Bearer <a key from ADMIN_KEYS>.', { 'WWW-Authenticate': 'Bearer realm="admin"' });
    }
    const html = await deps.gapReport?.();
    if (html === undefined) throw new ApiError(404, 'no_report', 'No gap report yet: run npm run report:gaps (it writes DATA_DIR/gaps/gaps.html, which this route serves).');
    return c.html(html, 200, {
      'Cache-Control': 'no-store',
      // The report is self-contained: inline styles and SVG, nothing fetched, no script.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
    });
  });
  return app;
}
