import type { App } from '@slack/bolt';
import { createSlackApp } from './create-slack-app.js';
import { FetchReceiver, type ExecutionHooks } from './fetch-receiver.js';
import type { SlackAppDeps } from './types.js';

export interface SlackHandlerDeps extends SlackAppDeps {
  signingSecret: string;
}

export interface SlackHandler {
  /** POST /slack/events: events, slash commands and interactivity, signed by Slack. */
  handle(request: Request, hooks?: ExecutionHooks): Promise<Response>;
  /** Resolves when every acknowledged request has finished (answers posted); for tests and graceful shutdown. */
  whenIdle(): Promise<void>;
  app: App;
}

/**
 * The Slack app over HTTP, as a Request -> Response function to mount in the Hono service:
 * `createApp({ ..., slack: handler.handle })`.
 */
export function createSlackHandler(deps: SlackHandlerDeps): SlackHandler {
  const receiver = new FetchReceiver({ signingSecret: deps.signingSecret, logger: deps.logger, ...(deps.now ? { now: deps.now } : {}) });
  const { app } = createSlackApp(deps, { receiver });
  return { handle: receiver.handle, whenIdle: () => receiver.whenIdle(), app };
}
