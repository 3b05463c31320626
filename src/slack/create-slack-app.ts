import { App, type AppOptions, type Authorize } from '@slack/bolt';
import { boltLogger } from './bolt-logger.js';
import { createListenerState, type ListenerState } from './listener-state.js';
import { registerListeners } from './register-listeners.js';
import { slackClientOptions } from './slack-client-options.js';
import type { SlackAppDeps } from './types.js';

/**
 * A Bolt app with every PolicyDesk listener, on the transport given in `transport` (a receiver,
 * or Socket Mode options). Bolt authorizes each request before it acks it, so authorizing must
 * never wait on Slack's Web API: the configured bot token is the authorization, and the bot's
 * user id comes from the event's own `authorizations`. The bot's ids are looked up with
 * `auth.test` only after the ack, when a follow-up needs them (see `ListenerState.identity`).
 */
export function createSlackApp(deps: SlackAppDeps, transport: Pick<AppOptions, 'receiver' | 'socketMode' | 'appToken'>): { app: App; state: ListenerState; whenIdle(): Promise<void> } {
  const logger = boltLogger(deps.logger);
  const state = createListenerState(deps);
  const app = new App({
    ...transport,
    authorize: tokenAuthorizer(deps.botToken, state),
    logger,
    clientOptions: slackClientOptions(deps.clientOptions),
    // No conversation store: thread history is read from Slack itself.
    convoStore: false,
  });
  // Counts the requests being handled (listeners included), whatever the transport, so a
  // shutdown can wait for answers already acknowledged.
  const inFlight = new Set<Promise<void>>();
  app.use(async ({ next }) => {
    const work = next();
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });
  registerListeners(app, state);
  const whenIdle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };
  return { app, state, whenIdle };
}

/** Authorizes from the configured token at once; never makes a network call. */
function tokenAuthorizer(botToken: string, state: ListenerState): Authorize<boolean> {
  return async (_source, body) => {
    const known = state.knownIdentity();
    const fromEvent = (body as { authorizations?: Array<{ user_id?: string; is_bot?: boolean }> } | undefined)?.authorizations?.find((a) => a.is_bot)?.user_id;
    const botUserId = known.botUserId ?? fromEvent;
    return { botToken, ...(known.botId ? { botId: known.botId } : {}), ...(botUserId ? { botUserId } : {}) };
  };
}
