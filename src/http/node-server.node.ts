import { serve, type HttpBindings } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

type Fetch = (request: Request, env: HttpBindings) => Response | Promise<Response>;

export interface NodeServer {
  /** Base URL, with the port actually bound (PORT=0 picks a free one). */
  url: string;
  server: Server;
  /** Serves `fetch` from now on (the app, once the model and index are loaded). */
  setFetch(fetch: Fetch): void;
  /** Stops accepting connections, lets in-flight requests finish (up to `graceMs`), then closes. */
  shutdown(graceMs?: number): Promise<void>;
}

/** Answers while the model loads: the process is up (`/healthz`) but not ready for anything else. */
const booting: Fetch = (request) => {
  const path = new URL(request.url).pathname;
  if (path === '/healthz') return Response.json({ status: 'ok' });
  if (path === '/readyz') return Response.json({ ready: false, checks: { runtime: 'loading model and index' } }, { status: 503 });
  return Response.json({ error: { code: 'not_ready', message: 'The service is starting (loading the model and index). Retry in a few seconds.' } }, { status: 503, headers: { 'Retry-After': '5' } });
};

/** Listens with @hono/node-server; starts with a booting handler until `setFetch` is called. */
export function startNodeServer(options: { port: number; hostname: string }): Promise<NodeServer> {
  let current: Fetch = booting;
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: (request, env) => current(request, env as HttpBindings), port: options.port, hostname: options.hostname }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({ url: `http://${host}:${info.port}`, server: server as Server, setFetch: (fetch) => (current = fetch), shutdown: (graceMs) => shutdown(server as Server, graceMs) });
    }) as Server;
    server.once('error', reject);
  });
}

function shutdown(server: Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      clearInterval(idle);
      clearTimeout(force);
      resolve();
    });
    // Keep-alive sockets would hold close() open; drop each as soon as its request is done.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
  });
}
