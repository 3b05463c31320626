import { Hono } from 'hono';
import type { AppEnv } from '../app-types.js';
import { compressBody } from '../middleware/compress-body/index.js';
import { demoPage } from '../pages/demo-page.js';
import { WIDGET_BR_BASE64, WIDGET_ETAG, WIDGET_GZIP_BASE64, WIDGET_JS } from '../widget/widget-bundle.generated.js';
import { pickEncoding } from './pick-encoding.js';

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
let encoded: Record<'br' | 'gzip', Uint8Array<ArrayBuffer>> | undefined;

/**
 * `GET /widget.js` (the built bundle, brotli or gzip as the browser accepts, compressed at build
 * time; revalidated by ETag) and `GET /` (the demo page that embeds it, gzip-compressed on the fly).
 */
export function widgetRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/widget.js', (c) => {
    const encoding = pickEncoding(c.req.header('accept-encoding'), ['br', 'gzip']);
    // One ETag per representation, as a strong validator must be.
    const etag = encoding ? `${WIDGET_ETAG.slice(0, -1)}-${encoding}"` : WIDGET_ETAG;
    const headers: Record<string, string> = { ETag: etag, 'Cache-Control': 'public, max-age=300, must-revalidate', Vary: 'Accept-Encoding' };
    if (
      c.req
        .header('if-none-match')
        ?.split(/\s*,\s*/)
        .includes(etag)
    )
      return c.body(null, 304, headers);
    headers['Content-Type'] = 'application/javascript; charset=utf-8';
    if (!encoding) return c.body(WIDGET_JS, 200, headers);
    encoded ??= { br: fromBase64(WIDGET_BR_BASE64), gzip: fromBase64(WIDGET_GZIP_BASE64) };
    // `encodeBody: 'manual'` tells workerd the body is already encoded (Node ignores it).
    return new Response(encoded[encoding], { status: 200, headers: { ...headers, 'Content-Encoding': encoding }, encodeBody: 'manual' } as ResponseInit);
  });
  app.get('/', compressBody(), (c) => c.html(demoPage(new URL(c.req.url).origin)));
  return app;
}
