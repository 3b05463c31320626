import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const EVENTS_URL = 'http://policydesk.test/slack/events';

export interface SignOptions {
  secret?: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  retryNum?: number;
  /** Replace the computed signature (forgery tests). */
  signature?: string;
}

/**
 * A request as Slack sends it: the v0 signature is HMAC-SHA256 of `v0:{timestamp}:{body}` with
 * the signing secret, computed here with node:crypto, independently of the code under test.
 */
export function signedRequest(body: string, contentType: string, options: SignOptions = {}): Request {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature =
    options.signature ??
    `v0=${createHmac('sha256', options.secret ?? SIGNING_SECRET)
      .update(`v0:${timestamp}:${body}`)
      .digest('hex')}`;
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature,
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return new Request(EVENTS_URL, { method: 'POST', headers, body });
}

/** An Events API `event_callback` envelope around one event. */
export function eventRequest(event: Record<string, unknown>, eventId: string, options: SignOptions = {}): Request {
  const body = JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
  });
  return signedRequest(body, 'application/json', options);
}

/** A slash command: plain form fields, as Slack posts them. */
export function commandRequest(fields: Record<string, string>, options: SignOptions = {}): Request {
  const body = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T1',
    team_domain: 'policydesk',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: 'U1',
    user_name: 'staff',
    api_app_id: 'A1',
    trigger_id: '1.2.3',
    ...fields,
  }).toString();
  return signedRequest(body, 'application/x-www-form-urlencoded', options);
}

/** Interactivity (block_actions, view_submission): one form field `payload` holding JSON. */
export function interactionRequest(payload: Record<string, unknown>, options: SignOptions = {}): Request {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return signedRequest(body, 'application/x-www-form-urlencoded', options);
}

/** A block_actions payload for one button click on a message. */
export function buttonClick(args: {
  actionId: string;
  value: string;
  channel: string;
  messageTs?: string;
  ephemeral?: boolean;
  responseUrl: string;
  blockId?: string;
  user?: string;
}): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: 'T1', domain: 'policydesk' },
    user: { id: args.user ?? 'U1', username: 'staff', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container: args.ephemeral
      ? { type: 'message', message_ts: args.messageTs ?? '0', channel_id: args.channel, is_ephemeral: true }
      : { type: 'message', message_ts: args.messageTs, channel_id: args.channel, is_ephemeral: false },
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    channel: { id: args.channel, name: 'general' },
    ...(args.ephemeral ? {} : { message: { type: 'message', ts: args.messageTs, text: '', user: 'UBOT', bot_id: 'BBOT' } }),
    response_url: args.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: args.actionId,
        block_id: args.blockId ?? 'answer_actions',
        text: { type: 'plain_text', text: 'button' },
        value: args.value,
        action_ts: '1700000000.000001',
      },
    ],
  };
}

export type LogEntry = { level: 'info' | 'error'; msg?: unknown } & Record<string, unknown>;

/**
 * A logger of the HTTP layer's shape (info and error, one object per entry; warnings arrive as
 * `level: 'warn'`) that keeps what it was told, to assert that errors are logged with their detail.
 */
export function memoryLogger(): { entries: LogEntry[]; info(entry: Record<string, unknown>): void; error(entry: Record<string, unknown>): void } {
  const entries: LogEntry[] = [];
  const at = (level: 'info' | 'error') => (entry: Record<string, unknown>) => void entries.push({ level, ...entry } as LogEntry);
  return { entries, info: at('info'), error: at('error') };
}
