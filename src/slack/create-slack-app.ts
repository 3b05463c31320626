import { App, webApi, type AppOptions, type Authorize } from '@slack/bolt';
import { boltLogger } from './bolt-logger.js';
import { createListenerState, type ListenerState } from './listener-state.js';
import { registerListeners } from './register-listeners.js';
import type { SlackAppDeps } from './types.js';

/**
 * A Bolt app with every PolicyDesk listener, on the transport given in `transport` (a receiver,
 * or Socket Mode options). The bot's own ids come from one `auth.test`, made on the first event
 * rather than at construction, so a service with a bad token still starts and logs why Slack
 * fails instead of crashing on an unhandled rejection.
 */
export function createSlackApp(deps: SlackAppDeps, transport: Pick<AppOptions, 'receiver' | 'socketMode' | 'appToken'>): { app: App; state: ListenerState } {
  const logger = boltLogger(deps.logger);
  const app = new App({
    ...transport,
    authorize: botAuthorizer(deps, logger),
    logger,
    ...(deps.clientOptions ? { clientOptions: deps.clientOptions } : {}),
    // No conversation store: thread history is read from Slack itself.
    convoStore: false,
  });
  const state = createListenerState(deps);
  registerListeners(app, state);
  return { app, state };
}

function botAuthorizer(deps: SlackAppDeps, logger: ReturnType<typeof boltLogger>): Authorize<boolean> {
  const client = new webApi.WebClient(deps.botToken, { ...deps.clientOptions, logger });
  let identity: Promise<{ botId?: string; botUserId?: string }> | undefined;
  return async () => {
    identity ??= client.auth.test().then(
      (r) => ({ ...(r.bot_id ? { botId: r.bot_id } : {}), ...(r.user_id ? { botUserId: r.user_id } : {}) }),
      (error: unknown) => {
        identity = undefined; // try again on the next event
        throw error;
      },
    );
    return { botToken: deps.botToken, ...(await identity) };
  };
}
