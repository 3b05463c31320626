import { createSlackHandler } from './create-slack-handler.js';
import type { SlackTransport } from './slack-transport.js';
import { startSocketMode } from './start-socket-mode.node.js';
import type { SlackAppDeps } from './types.js';

export interface RunningSlack {
  /** What `/readyz` reports: `http` or `socket`, with why Slack refused the bot token, or why Socket Mode failed. */
  readonly status: string;
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
    const token = checkBotToken(handler.app.client, transport.botToken, deps);
    return {
      get status() {
        return token.problem ? `http (${token.problem})` : 'http';
      },
      handle: handler.handle,
      stop: (graceMs) => withinGrace(handler.whenIdle(), graceMs, deps),
    };
  }
  try {
    const connection = await startSocketMode({ ...appDeps, appToken: transport.appToken });
    logger.info({ msg: 'slack on', mode: 'socket', apiUrl });
    const token = checkBotToken(connection.app.client, transport.botToken, deps);
    return {
      get status() {
        return token.problem ? `socket (${token.problem})` : 'socket';
      },
      stop: (graceMs) => withinGrace(connection.stop(), graceMs, deps),
    };
  } catch (error) {
    logger.error({ msg: 'slack off: Socket Mode could not connect; check SLACK_APP_TOKEN (xapp-…, connections:write)', error: String(error) });
    return { status: `socket mode failed: ${String(error)}`, stop: async () => {} };
  }
}

/** Checks the bot token in the background; `problem` says why Slack refused it (shown in /readyz), once known. */
function checkBotToken(client: { auth: { test(args: { token: string }): Promise<{ user?: string; team?: string }> } }, botToken: string, deps: Omit<SlackAppDeps, 'botToken'>): { problem?: string } {
  const result: { problem?: string } = {};
  // The app's own client carries no token (requests are authorized one by one): pass it.
  client.auth.test({ token: botToken }).then(
    (who) => deps.logger.info({ msg: 'slack bot token accepted', user: who.user, team: who.team }),
    (error: unknown) => {
      const code = (error as { data?: { error?: string } }).data?.error;
      result.problem = `bot token check failed: ${code ?? String(error)}`;
      deps.logger.error({ msg: 'slack bot token check failed: answers cannot be posted until SLACK_BOT_TOKEN works', error: code ?? String(error) });
    },
  );
  return result;
}

/** Waits for `work`, but never longer than `graceMs`: a shutdown must not hang on Slack. */
async function withinGrace(work: Promise<void>, graceMs: number, deps: Pick<SlackAppDeps, 'logger'>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
  const outcome = await Promise.race([
    work.then(
      () => 'done' as const,
      () => 'done' as const,
    ),
    late,
  ]);
  clearTimeout(timer);
  if (outcome === 'late') deps.logger.error({ msg: `slack: answers still in progress after ${graceMs} ms of shutdown were abandoned` });
}
