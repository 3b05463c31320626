/**
 * Who a request counts against for rate limiting, without importing a runtime adapter.
 *
 * On Node (@hono/node-server passes the socket as `env.incoming`) it is the peer address. A
 * header naming the client is believed only when the peer is one of the configured proxies
 * (TRUST_PROXY): then the client is the right-most X-Forwarded-For entry that is not itself a
 * trusted proxy (entries further left were written by the client and prove nothing). Any other
 * client could send a new value per request to escape its limit, or a colleague's address to
 * lock them out.
 *
 * Without a socket (Cloudflare Workers) the platform sets `CF-Connecting-IP` itself and strips
 * a client's own, so there it is trusted.
 */
export function clientAddress(trustProxy: readonly string[] = []): (request: Request, env: unknown) => string {
  const trusted = (address: string) => trustProxy.some((p) => matchesProxy(normalize(address), p));
  return (request, env) => {
    const socket = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket;
    if (!socket) return request.headers.get('cf-connecting-ip') ?? 'unknown';
    const peer = normalize(socket.remoteAddress ?? 'unknown');
    if (!trusted(peer)) return peer;
    const hops = (request.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((h) => normalize(h.trim()))
      .filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) if (!trusted(hops[i]!)) return hops[i]!;
    return hops[0] ?? peer;
  };
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is `10.0.0.1`. */
function normalize(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}

function matchesProxy(address: string, proxy: string): boolean {
  if (proxy === 'loopback') return address === '::1' || address.startsWith('127.');
  return address === normalize(proxy);
}
