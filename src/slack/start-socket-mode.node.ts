import { SocketModeReceiver, type App } from '@slack/bolt';
import { logWarning } from '../core/logger.js';
import { boltLogger } from './bolt-logger.js';
import { createSlackApp } from './create-slack-app.js';
import { reconnectDelayMs, type SocketState, socketFailure } from './socket-state.js';
import { slackClientOptions } from './slack-client-options.js';
import type { SlackAppDeps } from './types.js';

export interface SocketModeDeps extends SlackAppDeps {
  /** SLACK_APP_TOKEN (`xapp-…`, with the connections:write scope). */
  appToken: string;
  /** Milliseconds to wait before reconnect attempt `n` (1, 2, …) after a failed one; see `reconnectDelayMs`. */
  reconnectDelay?: (attempt: number) => number;
  /** How long an opened socket may wait for Slack's `hello` before the attempt counts as failed (default 30 s). */
  helloTimeoutMs?: number;
}

export interface SocketModeConnection {
  app: App;
  /** Where the connection stands now: logged on every change and shown in `/readyz`. */
  readonly state: SocketState;
  /** Resolves the next time the connection reaches `state` (at once when it is there). */
  until(state: SocketState['state']): Promise<SocketState>;
  /** Closes the WebSocket and stops reconnecting, then waits for the answers already acknowledged; call on shutdown. */
  stop(): Promise<void>;
}

/**
 * Connects the Slack app over Socket Mode: Slack pushes events through a WebSocket the service
 * opens, so no public URL is needed (intranets). Same listeners as the HTTP receiver. Returns at
 * once and connects in the background; an outage of Slack (apps.connections.open failing, the
 * socket dropped, the API unreachable) is retried with backoff for as long as the process runs,
 * never thrown. Only Slack refusing the app token (`invalid_auth`, `not_authed`, …) stops the
 * retries, since no retry can fix that.
 */
export async function startSocketMode(deps: SocketModeDeps): Promise<SocketModeConnection> {
  const receiver = new SocketModeReceiver({
    appToken: deps.appToken,
    logger: boltLogger(deps.logger),
    // Reconnecting is done here: the client's own loop throws out of a timer once Slack's API fails (an unhandled rejection).
    autoReconnectEnabled: false,
    // apps.connections.open goes through this client: same API URL and bounded retries as everything else.
    installerOptions: { clientOptions: slackClientOptions(deps.clientOptions) },
  });
  const { app, whenIdle } = createSlackApp(deps, { receiver });
  const client = receiver.client;
  const delay = deps.reconnectDelay ?? reconnectDelayMs;
  const now = deps.now ?? Date.now;
  let state: SocketState = { state: 'connecting', since: new Date(now()).toISOString() };
  const waiters: Array<{ state: SocketState['state']; resolve: (s: SocketState) => void }> = [];
  let stopping = false;
  let wake: (() => void) | undefined;
  let socketError: string | undefined;

  const set = (next: SocketState['state'], lastError?: string) => {
    const changed = next !== state.state;
    state = { state: next, since: changed ? new Date(now()).toISOString() : state.since, ...(lastError ? { lastError } : {}) };
    if (changed) {
      const entry = { msg: `slack socket ${next}`, state: next, since: state.since, ...(lastError ? { error: lastError } : {}) };
      if (next === 'connected' || next === 'stopped') deps.logger.info(entry);
      else if (next === 'refused') deps.logger.error(entry);
      else logWarning(deps.logger, entry);
    }
    for (const w of waiters.splice(0))
      if (w.state === next) w.resolve(state);
      else waiters.push(w);
  };
  // The socket's own errors (connection refused, reset) say more than "closed": kept as the last error.
  client.on('error', (error: unknown) => {
    socketError = socketFailure(error).message;
  });
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const run = async () => {
    let failures = 0;
    for (let first = true; !stopping; first = false) {
      try {
        socketError = undefined;
        await withHelloTimeout<unknown>(first ? app.start() : client.start(), deps.helloTimeoutMs ?? 30_000, () => {
          socketError = 'Slack did not say hello on the new socket in time';
          void client.disconnect();
        });
      } catch (error) {
        if (stopping) return;
        const failure = socketFailure(error, socketError);
        if (failure.refused) {
          set('refused', failure.message);
          deps.logger.error({ msg: `slack off: Slack refused the app token (${failure.message}); check SLACK_APP_TOKEN (xapp-…, connections:write)` });
          return;
        }
        failures += 1;
        const wait = delay(failures);
        set(first ? 'connecting' : 'reconnecting', failure.message);
        logWarning(deps.logger, { msg: 'slack socket connect failed; retrying', attempt: failures, retryInMs: wait, error: failure.message });
        await sleep(wait);
        continue;
      }
      if (stopping) {
        await client.disconnect();
        return;
      }
      failures = 0;
      set('connected');
      await new Promise<void>((resolve) => client.once('disconnected', () => resolve()));
      if (stopping) return;
      // Slack closes sockets routinely (refreshes) and on outages: reconnect at once, back off only if that fails.
      set('reconnecting', socketError ?? 'the Socket Mode connection closed');
    }
  };
  const running = run();

  return {
    app,
    get state() {
      return state;
    },
    until(wanted) {
      if (state.state === wanted) return Promise.resolve(state);
      return new Promise((resolve) => waiters.push({ state: wanted, resolve }));
    },
    async stop() {
      stopping = true;
      wake?.();
      // No new envelopes, then the answers already acknowledged go out.
      await app.stop();
      await running;
      set('stopped');
      await whenIdle();
    },
  };
}

/**
 * A socket that opens but never gets Slack's `hello` would leave `start()` pending for ever (the
 * peer answers pings, so the SDK never gives up): past `ms`, `onTimeout` closes it, which fails the attempt.
 */
async function withHelloTimeout<T>(start: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  const timer = setTimeout(onTimeout, ms);
  try {
    return await start;
  } finally {
    clearTimeout(timer);
  }
}
