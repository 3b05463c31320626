import type { Config } from '../core/config.js';

export type SlackTransport = { kind: 'socket'; appToken: string; botToken: string } | { kind: 'http'; signingSecret: string; botToken: string } | { kind: 'off'; reason: string };

type SlackSettings = Pick<Config, 'SLACK_SIGNING_SECRET' | 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN'>;

/**
 * Which way the Slack app runs, from the settings alone: Socket Mode when an app token is set
 * (no public URL needed), HTTP at /slack/events when a signing secret is, otherwise off with a
 * sentence for the startup log saying what to set. A token in the wrong variable is caught
 * here rather than as a puzzling auth error later.
 */
export function slackTransport(settings: SlackSettings): SlackTransport {
  const { SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret } = settings;
  if (!botToken && !appToken && !signingSecret) {
    return { kind: 'off', reason: 'Slack is off: set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP, /slack/events) or SLACK_APP_TOKEN (Socket Mode) to turn it on.' };
  }
  if (!botToken) return { kind: 'off', reason: 'Slack is off: SLACK_BOT_TOKEN (xoxb-…) is not set.' };
  if (!botToken.startsWith('xoxb-')) return { kind: 'off', reason: 'Slack is off: SLACK_BOT_TOKEN must be a bot token (xoxb-…), from OAuth & Permissions.' };
  if (appToken) {
    if (!appToken.startsWith('xapp-')) return { kind: 'off', reason: 'Slack is off: SLACK_APP_TOKEN must be an app-level token (xapp-…) with connections:write, from Basic Information.' };
    return { kind: 'socket', appToken, botToken };
  }
  if (signingSecret) return { kind: 'http', signingSecret, botToken };
  return { kind: 'off', reason: 'Slack is off: set SLACK_SIGNING_SECRET (HTTP, /slack/events) or SLACK_APP_TOKEN (Socket Mode).' };
}
