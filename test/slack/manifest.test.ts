import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configSchema } from '../../src/core/config.js';

const SLACK_DIR = join(import.meta.dirname, '../../src/slack');
const manifest = parse(readFileSync(join(SLACK_DIR, 'manifest.yml'), 'utf8'));

/** The bot scope(s) each Web API method needs (docs.slack.dev/reference/methods); one of a list is enough per conversation type. */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'reactions.add': ['reactions:write'],
  'reactions.remove': ['reactions:write'],
  'views.open': [],
  // Threads can be in public and private channels, DMs and group DMs.
  'conversations.replies': ['channels:history', 'groups:history', 'im:history', 'mpim:history'],
  // Only in DMs (a follow-up typed outside the thread).
  'conversations.history': ['im:history'],
};
const EVENT_SCOPES: Record<string, string> = { app_mention: 'app_mentions:read', 'message.im': 'im:history' };

/** Web API methods the Slack code calls, found in the source, so a new call cannot slip past this test. */
function methodsCalled(): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(SLACK_DIR).filter((f) => f.endsWith('.ts'))) {
    for (const m of readFileSync(join(SLACK_DIR, file), 'utf8').matchAll(/client\.([a-z]+)\.([a-zA-Z]+)\(/g)) found.add(`${m[1]}.${m[2]}`);
  }
  return [...found].sort();
}

describe('src/slack/manifest.yml', () => {
  it('subscribes to the events the listeners handle', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'message.im']);
  });

  it('grants every scope the code needs, and no more than that plus chat:write.public', () => {
    const methods = methodsCalled();
    expect(methods).toEqual(expect.arrayContaining(['chat.postMessage', 'chat.update', 'conversations.replies', 'reactions.add', 'views.open']));
    for (const method of methods) expect(METHOD_SCOPES, `no scope mapping for ${method}`).toHaveProperty([method]);
    const needed = new Set([...methods.flatMap((m) => METHOD_SCOPES[m]!), ...Object.values(EVENT_SCOPES), 'commands']);
    const granted = new Set<string>(manifest.oauth_config.scopes.bot);
    expect([...needed].filter((s) => !granted.has(s))).toEqual([]);
    expect([...granted].filter((s) => !needed.has(s))).toEqual(['chat:write.public']);
  });

  it('declares the default slash command and sends events, commands and interactivity to /slack/events', () => {
    const [command] = manifest.features.slash_commands;
    expect(command.command).toBe(configSchema.parse({}).SLACK_COMMAND);
    const urls = [command.url, manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url];
    expect(new Set(urls).size).toBe(1);
    expect(urls[0]).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('lets staff DM the app and keeps within Slack manifest limits', () => {
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect([...manifest.display_information.description].length).toBeLessThanOrEqual(140);
    expect([...manifest.display_information.name].length).toBeLessThanOrEqual(35);
  });
});
