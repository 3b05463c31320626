import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config.js';
import { slackTransport } from '../../src/slack/slack-transport.js';

const transport = (env: Record<string, string>) => slackTransport(parseConfig(env));

describe('slackTransport', () => {
  it.each([
    ['nothing set', {}, 'off', /Slack is off: set SLACK_BOT_TOKEN/],
    ['a signing secret without a bot token', { SLACK_SIGNING_SECRET: 's' }, 'off', /SLACK_BOT_TOKEN \(xoxb-…\) is not set/],
    ['a bot token only', { SLACK_BOT_TOKEN: 'xoxb-1' }, 'off', /set SLACK_SIGNING_SECRET .* or SLACK_APP_TOKEN/],
    ['the app token in the bot token variable', { SLACK_BOT_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' }, 'off', /must be a bot token/],
    ['the bot token in the app token variable', { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-1' }, 'off', /must be an app-level token/],
  ])('off with a reason: %s', (_name, env, kind, reason) => {
    const t = transport(env);
    expect(t.kind).toBe(kind);
    expect(t.kind === 'off' && t.reason).toMatch(reason);
  });

  it('HTTP with a bot token and a signing secret', () => {
    expect(transport({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toEqual({ kind: 'http', botToken: 'xoxb-1', signingSecret: 's' });
  });

  it('Socket Mode when an app token is set, even with a signing secret', () => {
    expect(transport({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' })).toEqual({ kind: 'socket', botToken: 'xoxb-1', appToken: 'xapp-1' });
  });
});
