import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './api-error.js';
import type { AppDeps, AppEnv } from './app-types.js';
import { mapError } from './error-response.js';
import { apiKey } from './middleware/api-key/index.js';
import { clientAddress } from './middleware/rate-limit/client-address.js';
import { rateLimit, refusedKeyLimit } from './middleware/rate-limit/index.js';
import { MAX_HISTORY_TURNS } from '../core/limits.js';
import { logWarning } from '../core/logger.js';
import { requestLog } from './middleware/request-log/index.js';
import { widgetCors } from './middleware/widget-cors/index.js';
import { adminRoutes } from './routes/admin-routes.js';
import { askRoutes } from './routes/ask-routes.js';
import { feedbackRoute } from './routes/feedback-route.js';
import { healthRoutes } from './routes/health-routes.js';
import { metricsRoute } from './routes/metrics-route.js';
import { passagesRoute } from './routes/passages-route.js';
import { widgetRoutes } from './routes/widget-routes.js';

export const MAX_BODY_BYTES = 32 * 1024;

/** Refused API keys a client may send per minute before it gets 429 (see `refusedKeyLimit`). */
export const REFUSED_KEYS_PER_MINUTE = 10;

/**
 * Builds the PolicyDesk HTTP app from its dependencies. Portable (Web APIs only): the Node
 * server, the Worker and tests all call it and pass `app.fetch` on.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const clock = deps.clock ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const app = new Hono<AppEnv>();

  const metrics = deps.metrics;
  app.use('*', requestLog({ logger: deps.logger, logQuestions: deps.config.LOG_QUESTIONS, newId, ...(metrics ? { observe: (sample) => metrics.request(sample) } : {}) }));
  // CORS first, so preflights are answered before the key check (browsers send no key on them).
  app.use('/api/*', widgetCors(deps.config.ALLOWED_ORIGINS, deps.logger));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `The body is over ${MAX_BODY_BYTES / 1024} KiB; send a shorter question and at most the last ${MAX_HISTORY_TURNS} turns of history.`);
      },
    }),
  );
  // Every request counts, refused keys included, and refused keys have their own smaller limit.
  const clientKey = deps.clientKey ?? clientAddress(deps.config.TRUST_PROXY);
  app.use('/api/*', rateLimit({ perMinute: deps.config.RATE_LIMIT_PER_MINUTE, clock, clientKey, ...(deps.platformLimit ? { platformLimit: deps.platformLimit } : {}) }));
  app.use('/api/*', refusedKeyLimit({ perMinute: REFUSED_KEYS_PER_MINUTE, clock, clientKey }));
  app.use('/api/*', apiKey(deps.config.API_KEYS, deps.apiKeyOptions));

  app.route('/', askRoutes(deps));
  app.route('/', passagesRoute(deps.corpus));
  app.route('/', feedbackRoute({ corpus: deps.corpus, feedback: deps.feedback, clock, newId }));
  app.route('/', healthRoutes(deps));
  app.route('/', widgetRoutes());
  app.route('/', adminRoutes(deps));
  app.route('/', metricsRoute(deps));
  app.post('/slack/events', async (c) => {
    if (!deps.slack) throw new ApiError(404, 'slack_disabled', 'Slack is off on this service: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to turn it on.');
    return deps.slack(c.req.raw);
  });

  app.notFound((c) =>
    c.json(
      { error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}. Routes: POST /api/ask, POST /api/chat, GET /api/passages/:id, POST /api/feedback, GET /healthz, GET /readyz.` } },
      404,
    ),
  );
  app.onError((error, c) => {
    const requestId = c.get('requestId') ?? 'unknown';
    const mapped = mapError(error, requestId);
    if (mapped.unexpected) deps.logger.error({ msg: 'request failed', requestId, method: c.req.method, path: c.req.path, error: String(error), stack: error.stack });
    else if (mapped.outage) logWarning(deps.logger, { msg: 'request not served: service unavailable', requestId, path: c.req.path, error: error.message });
    return c.json(mapped.body, mapped.status as 400, mapped.headers);
  });
  return app;
}
