import { serve, type HttpBindings } from '@hono/node-server';
import type { ExecutionContext } from 'hono';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

type Fetch = (request: Request, env: HttpBindings, executionCtx: ExecutionContext) => Response | Promise<Response>;

/**
 * Node's execution context: the process carries on after a response, so there is nothing to wait
 * for. Passed so `c.executionCtx` exists on Node too: without one Hono's getter throws, and
 * building that Error (with its stack) cost each logged request about 33 µs before its response
 * went out (CPU profile of `bench:http`, see bench/README.md).
 */
const nodeExecutionContext: ExecutionContext = { waitUntil: () => {}, passThroughOnException: () => {}, props: {} };

export interface NodeServer {
  /** Base URL, with the port actually bound (PORT=0 picks a free one). */
  url: string;
  server: Server;
  /** Serves `fetch` from now on (the app, once the model and index are loaded). */
  setFetch(fetch: Fetch): void;
  /** Requests being answered now (streams included, until their response ends). */
  inFlight(): number;
  /**
   * Stops accepting connections, lets in-flight requests finish (up to `graceMs`), then closes;
   * resolves with how many requests were still unanswered when the grace ran out (their connections cut).
   */
  shutdown(graceMs?: number): Promise<{ dropped: number }>;
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
  let active = 0;
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: (request, env) => current(request, env as HttpBindings, nodeExecutionContext), port: options.port, hostname: options.hostname }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        server: server as Server,
        setFetch: (fetch) => (current = fetch),
        inFlight: () => active,
        shutdown: (graceMs) => shutdown(server as Server, () => active, graceMs),
      });
    }) as Server;
    // Counted from the request until its response is finished or its connection is gone.
    server.on('request', (_request, response) => {
      active += 1;
      response.once('close', () => (active -= 1));
    });
    server.once('error', reject);
  });
}

function shutdown(server: Server, active: () => number, graceMs = 10_000): Promise<{ dropped: number }> {
  return new Promise((resolve) => {
    let dropped = 0;
    server.close(() => {
      clearInterval(idle);
      clearTimeout(force);
      resolve({ dropped });
    });
    // Keep-alive sockets would hold close() open; drop each as soon as its request is done.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    server.closeIdleConnections();
    const force = setTimeout(() => {
      dropped = active();
      server.closeAllConnections();
    }, graceMs);
    force.unref();
  });
}
