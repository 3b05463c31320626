import { Hono } from 'hono';
import { ApiError } from '../api-error.js';
import type { AppDeps, AppEnv } from '../app-types.js';
import { acceptsKey } from '../middleware/api-key/index.js';

/**
 * `GET /metrics`: the Prometheus text exposition. With METRICS=on it is served to whoever reaches
 * the port (a scraper on a private network); otherwise only with a key from ADMIN_KEYS (an
 * API_KEYS key is not one), and without ADMIN_KEYS, or on a service with no registry (the
 * Worker), the route does not exist.
 */
export function metricsRoute(deps: Pick<AppDeps, 'config' | 'metrics'>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/metrics', async (c) => {
    const metrics = deps.metrics;
    if (!metrics) throw new ApiError(404, 'not_found', 'No route GET /metrics: this service keeps no metrics.');
    if (deps.config.METRICS !== 'on') {
      const keys = deps.config.ADMIN_KEYS ?? [];
      if (keys.length === 0) throw new ApiError(404, 'not_found', 'No route GET /metrics: set METRICS=on, or ADMIN_KEYS to serve it to admin keys only.');
      if (!acceptsKey(c.req.header('authorization'), keys)) {
        throw new ApiError(401, 'unauthorized', 'Metrics need an admin key: send Authorization: Bearer <a key from ADMIN_KEYS> (or set METRICS=on).', { 'WWW-Authenticate': 'Bearer realm="admin"' });
      }
    }
    const { contentType, body } = await metrics.render();
    return c.body(body, 200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  });
  return app;
}
