import { SocketModeReceiver, type App } from '@slack/bolt';
import { boltLogger } from './bolt-logger.js';
import { createSlackApp } from './create-slack-app.js';
import { slackClientOptions } from './slack-client-options.js';
import type { SlackAppDeps } from './types.js';

export interface SocketModeDeps extends SlackAppDeps {
  /** SLACK_APP_TOKEN (`xapp-…`, with the connections:write scope). */
  appToken: string;
}

export interface SocketModeConnection {
  app: App;
  /** Closes the WebSocket, then waits for the answers already acknowledged; call on shutdown. */
  stop(): Promise<void>;
}

/**
 * Connects the Slack app over Socket Mode: Slack pushes events through a WebSocket the service
 * opens, so no public URL is needed (intranets). Same listeners as the HTTP receiver. Resolves
 * once Slack has said hello; rejects when the app token is refused, so the caller can log that
 * Slack is off and keep serving HTTP.
 */
export async function startSocketMode(deps: SocketModeDeps): Promise<SocketModeConnection> {
  const receiver = new SocketModeReceiver({
    appToken: deps.appToken,
    logger: boltLogger(deps.logger),
    // apps.connections.open goes through this client: same API URL and bounded retries as everything else.
    installerOptions: { clientOptions: slackClientOptions(deps.clientOptions) },
  });
  const { app, whenIdle } = createSlackApp(deps, { receiver });
  await app.start();
  return {
    app,
    async stop() {
      // No new envelopes, then the answers already acknowledged go out.
      await app.stop();
      await whenIdle();
    },
  };
}
