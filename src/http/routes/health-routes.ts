import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-types.js';

/**
 * `GET /healthz`: the process answers. `GET /readyz`: the service can answer (the model and index
 * are loaded and checked) and feedback is not broken for good; a passing outage of the database
 * is reported in `checks.feedback` without making it unready.
 */
export function healthRoutes(deps: Pick<AppDeps, 'readiness' | 'feedback'>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', (c) => {
    const { ready, checks } = deps.readiness();
    const feedback = deps.feedback.health();
    const ok = ready && (feedback.ok || feedback.transient === true);
    return c.json({ ready: ok, checks: { ...checks, feedback } }, ok ? 200 : 503);
  });
  return app;
}
