import { createSlackHandler } from './create-slack-handler.js';
import type { SlackTransport } from './slack-transport.js';
import { startSocketMode } from './start-socket-mode.node.js';
import { logWarning } from '../core/logger.js';
import { socketFailure, type SocketState } from './socket-state.js';
import type { SlackAppDeps } from './types.js';

export type SlackStatus = { mode: 'http'; botToken?: string } | ({ mode: 'socket'; botToken?: string } & SocketState);

export interface RunningSlack {
  /**
   * What `/readyz` reports: the mode; in Socket Mode the connection's state, since when and its
   * last error; `botToken` once Slack has refused the bot token. Never makes the service unready:
   * the HTTP API answers whatever Slack does.
   */
  readonly status: SlackStatus;
  /** POST /slack/events, in HTTP mode only. */
  handle?: (request: Request) => Promise<Response>;
  /** Stops taking events (closes the socket) and waits for acknowledged work, at most `graceMs`. */
  stop(graceMs: number): Promise<void>;
}

/**
 * Starts Slack on the transport the settings chose (see `slackTransport`) and logs which one
 * runs. Nothing Slack does (refusing a token, failing, being unreachable) is thrown: it is logged
 * and shown in `status`, and the HTTP service keeps serving. The bot token is checked with `auth.test` in
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
      get status(): SlackStatus {
        return { mode: 'http', ...(token.problem ? { botToken: token.problem } : {}) };
      },
      handle: handler.handle,
      stop: (graceMs) => withinGrace(handler.whenIdle(), graceMs, deps),
    };
  }
  // Returns at once: Socket Mode connects (and reconnects) in the background and logs each change.
  const connection = await startSocketMode({ ...appDeps, appToken: transport.appToken });
  logger.info({ msg: 'slack on', mode: 'socket', apiUrl });
  const token = checkBotToken(connection.app.client, transport.botToken, deps);
  return {
    get status(): SlackStatus {
      return { mode: 'socket', ...connection.state, ...(token.problem ? { botToken: token.problem } : {}) };
    },
    stop: (graceMs) => withinGrace(connection.stop(), graceMs, deps),
  };
}

/** How long to wait before checking the bot token again when Slack did not answer the check. */
const TOKEN_RECHECK_MS = 30_000;

/**
 * Checks the bot token in the background; `problem` says why Slack refused it (shown in /readyz),
 * once known. Only a refusal from Slack (`invalid_auth`, `token_revoked`, …) blames the token; a
 * Slack that does not answer is logged as such and asked again later.
 */
function checkBotToken(client: { auth: { test(args: { token: string }): Promise<{ user?: string; team?: string }> } }, botToken: string, deps: Omit<SlackAppDeps, 'botToken'>): { problem?: string } {
  const result: { problem?: string } = {};
  const check = () =>
    // The app's own client carries no token (requests are authorized one by one): pass it.
    client.auth.test({ token: botToken }).then(
      (who) => deps.logger.info({ msg: 'slack bot token accepted', user: who.user, team: who.team }),
      (error: unknown) => {
        const code = (error as { data?: { error?: string } }).data?.error;
        if (code) {
          result.problem = `bot token check failed: ${code}`;
          deps.logger.error({ msg: 'slack bot token check failed: answers cannot be posted until SLACK_BOT_TOKEN works', error: code });
          return;
        }
        logWarning(deps.logger, { msg: 'slack bot token not checked: Slack did not answer; asking again later', error: socketFailure(error).message, retryInMs: TOKEN_RECHECK_MS });
        setTimeout(check, TOKEN_RECHECK_MS).unref();
      },
    );
  void check();
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
