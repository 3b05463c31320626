import type { Context } from 'hono';

/**
 * Adds headers to whatever response the handler produced. Responses Hono builds already carry
 * headers set with `c.header()`; a Response built elsewhere (the Slack receiver) does not, and
 * may have immutable headers, so it is copied first.
 */
export function setResponseHeaders(c: Context, headers: Record<string, string>): void {
  const missing = Object.entries(headers).filter(([name]) => !c.res.headers.has(name));
  if (missing.length === 0) return;
  try {
    for (const [name, value] of missing) c.res.headers.set(name, value);
  } catch {
    const copy = new Response(c.res.body, c.res);
    for (const [name, value] of missing) copy.headers.set(name, value);
    c.res = copy;
  }
}
