import { UpstreamError } from '../core/errors.js';

/**
 * Posts a message with the bot token (`chat.postMessage` over fetch: portable, so the Worker's
 * Cron Trigger posts the same way as the CLI). Resolves with the message's ts; a refusal
 * (`ok: false`) is an UpstreamError naming Slack's error code.
 */
export async function postSlackMessage(args: { apiUrl?: string; botToken: string; channel: string; message: { text: string; blocks: unknown[] } }): Promise<string> {
  const base = args.apiUrl ?? 'https://slack.com/api/';
  const response = await fetch(`${base}chat.postMessage`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8', Authorization: `Bearer ${args.botToken}` },
    body: JSON.stringify({ channel: args.channel, text: args.message.text, blocks: args.message.blocks, unfurl_links: false }),
  });
  const body = (await response.json().catch(() => ({}))) as { ok?: boolean; error?: string; ts?: string };
  if (!response.ok || !body.ok) throw new UpstreamError('Slack', `chat.postMessage to ${args.channel} failed: ${body.error ?? `HTTP ${response.status}`}`);
  return body.ts ?? '';
}
