import { Hono } from 'hono';
import type { AppEnv } from '../app-types.js';
import { demoPage } from '../pages/demo-page.js';
import { WIDGET_ETAG, WIDGET_JS } from '../widget/widget-bundle.generated.js';

/** `GET /widget.js` (the built bundle, revalidated by ETag) and `GET /` (the demo page that embeds it). */
export function widgetRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/widget.js', (c) => {
    c.header('ETag', WIDGET_ETAG);
    c.header('Cache-Control', 'public, max-age=300, must-revalidate');
    if (c.req.header('if-none-match') === WIDGET_ETAG) return c.body(null, 304);
    c.header('Content-Type', 'application/javascript; charset=utf-8');
    return c.body(WIDGET_JS);
  });
  app.get('/', (c) => c.html(demoPage(new URL(c.req.url).origin)));
  return app;
}
