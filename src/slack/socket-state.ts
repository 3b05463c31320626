/** Where a Socket Mode connection stands; `since` is when it entered that state (ISO time). */
export interface SocketState {
  state: 'connecting' | 'connected' | 'reconnecting' | 'refused' | 'stopped';
  since: string;
  /** Why the last attempt failed or the socket closed (kept until the next change of state). */
  lastError?: string;
}

/** Answers of `apps.connections.open` that no retry can fix: the app token or its workspace is refused. */
const REFUSED = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'user_removed_from_team', 'team_disabled']);

/**
 * Waits before reconnect attempt `attempt` (1, 2, …): 1 s doubling to at most 60 s, with up to
 * 20 % jitter so replicas that lost Slack together do not return in step.
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(60_000, 1_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (1 - 0.2 * random()));
}

/**
 * What a failed connection attempt means: `refused` only when Slack answered that the token is
 * not accepted; anything else (HTTP 5xx, unreachable, the socket closing) is an outage to retry.
 * The message is never empty (a WebSocket error event often carries none).
 */
export function socketFailure(error: unknown, fallback?: string): { refused: boolean; message: string } {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  const code = typeof data?.error === 'string' ? data.error : undefined;
  if (code) return { refused: REFUSED.has(code), message: code };
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = (e as { original?: unknown }).original ?? e.cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    // System codes (ECONNREFUSED) say what happened; the SDK's own codes only repeat the class name.
    const text = `${e.message} ${typeof code === 'string' && /^E[A-Z]+$/.test(code) && !e.message.includes(code) ? code : ''}`.trim();
    if (text && !parts.includes(text)) parts.push(text);
  }
  const bare = error === undefined ? 'the Socket Mode connection closed before Slack said hello' : error instanceof Error ? `${error.name} with no message` : String(error);
  const message = parts.join(': ') || fallback || bare;
  return { refused: false, message };
}
