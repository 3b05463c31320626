import type { MiddlewareHandler } from 'hono';
import { pickEncoding } from '../../routes/pick-encoding.js';

/**
 * Gzips HTML and JSON responses for clients that accept it, with the Web `CompressionStream`.
 * Like `hono/compress`, but the Response is made with `encodeBody: 'manual'`: without it workerd
 * takes `Content-Encoding` as a request to encode and gzips the gzip a second time (Node ignores
 * the option). Event streams are never compressed.
 */
export function compressBody(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    if (!/^(text\/html|application\/json)\b/.test(type) || c.res.headers.has('content-encoding') || !c.res.body || c.req.method === 'HEAD') return;
    const vary = c.res.headers.get('vary');
    const headers = new Headers(c.res.headers);
    headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = pickEncoding(c.req.header('accept-encoding'), ['gzip']);
    if (encoding) {
      headers.set('Content-Encoding', encoding);
      headers.delete('Content-Length');
    }
    const body = encoding ? c.res.body.pipeThrough(new CompressionStream(encoding)) : c.res.body;
    c.res = new Response(body, { status: c.res.status, statusText: c.res.statusText, headers, encodeBody: 'manual' } as ResponseInit);
  };
}
