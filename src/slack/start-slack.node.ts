import { createSlackHandler } from './create-slack-handler.js';
import type { SlackTransport } from './slack-transport.js';
import { startSocketMode } from './start-socket-mode.node.js';
import type { SlackAppDeps } from './types.js';

export interface RunningSlack {
  /** What `/readyz` reports: `http`, `socket`, `off`, or why it failed. */
  status: string;
  /** POST /slack/events, in HTTP mode only. */
  handle?: (request: Request) => Promise<Response>;
  /** Stops taking events (closes the socket) and waits for acknowledged work, at most `graceMs`. */
  stop(graceMs: number): Promise<void>;
}

/**
 * Starts Slack on the transport the settings chose (see `slackTransport`) and logs which one
 * runs. A refused app token or an unreachable Slack is logged and leaves Slack
 * off; the HTTP service keeps serving either way. The bot token is checked with `auth.test` in
 * the background, so a revoked token shows up in the log rather than as silence in Slack.
 */
export async function startSlack(transport: Exclude<SlackTransport, { kind: 'off' }>, deps: Omit<SlackAppDeps, 'botToken'>): Promise<RunningSlack> {
  const { logger } = deps;
  const appDeps: SlackAppDeps = { ...deps, botToken: transport.botToken };
  const apiUrl = deps.clientOptions?.slackApiUrl ?? 'https://slack.com/api/';
  if (transport.kind === 'http') {
    const handler = createSlackHandler({ ...appDeps, signingSecret: transport.signingSecret });
    logger.info({ msg: 'slack on', mode: 'http', route: 'POST /slack/events', apiUrl });
    void checkBotToken(handler.app.client, deps);
    return { status: 'http', handle: handler.handle, stop: (graceMs) => withinGrace(handler.whenIdle(), graceMs, deps) };
  }
  try {
    const connection = await startSocketMode({ ...appDeps, appToken: transport.appToken });
    logger.info({ msg: 'slack on', mode: 'socket', apiUrl });
    void checkBotToken(connection.app.client, deps);
    return { status: 'socket', stop: (graceMs) => withinGrace(connection.stop(), graceMs, deps) };
  } catch (error) {
    logger.error({ msg: 'slack off: Socket Mode could not connect; check SLACK_APP_TOKEN (xapp-…, connections:write)', error: String(error) });
    return { status: `socket mode failed: ${String(error)}`, stop: async () => {} };
  }
}

async function checkBotToken(client: { auth: { test(): Promise<{ user?: string; team?: string }> } }, deps: Omit<SlackAppDeps, 'botToken'>): Promise<void> {
  try {
    const who = await client.auth.test();
    deps.logger.info({ msg: 'slack bot token accepted', user: who.user, team: who.team });
  } catch (error) {
    deps.logger.error({ msg: 'slack bot token check failed: answers cannot be posted until SLACK_BOT_TOKEN works', error: String(error) });
  }
}

/** Waits for `work`, but never longer than `graceMs`: a shutdown must not hang on Slack. */
async function withinGrace(work: Promise<void>, graceMs: number, deps: Pick<SlackAppDeps, 'logger'>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
  const outcome = await Promise.race([work.then(() => 'done' as const, () => 'done' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') deps.logger.error({ msg: `slack: answers still in progress after ${graceMs} ms of shutdown were abandoned` });
}
