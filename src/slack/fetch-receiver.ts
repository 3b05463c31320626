import { ReceiverMultipleAckError, type App, type Receiver } from '@slack/bolt';
import { describeError } from './describe-error.js';
import { logWarning } from '../core/logger.js';
import { readLimitedBody } from './read-limited-body.js';
import type { SlackLogger } from './types.js';
import { verifySlackSignature } from './verify-slack-signature.js';

export interface FetchReceiverOptions {
  signingSecret: string;
  logger: SlackLogger;
  /** Slack's own payloads are far smaller; anything bigger is refused before it is read. */
  maxBodyBytes?: number;
  now?: () => number;
}

/** Runtimes without a long-lived process (Workers) hand in their `waitUntil` to keep answering after the response. */
export interface ExecutionHooks {
  waitUntil?(work: Promise<unknown>): void;
}

/**
 * A Bolt receiver on Web-standard Request/Response, so Slack's events, slash commands and
 * interactions can be mounted in the Hono app at `/slack/events`. It checks the v0 signature,
 * answers `url_verification` and `ssl_check` itself, hands everything else to
 * `app.processEvent`, and returns the HTTP response as soon as a listener calls `ack()`:
 * the answer is composed after Slack has had its 200, well within its 3-second limit.
 */
export class FetchReceiver implements Receiver {
  private app: App | undefined;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: FetchReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  /** There is no server to start: the host app routes requests to `handle`. */
  async start(): Promise<(request: Request) => Promise<Response>> {
    return this.handle;
  }

  async stop(): Promise<void> {
    await this.whenIdle();
  }

  /** Resolves once every acknowledged request has finished its work (answers posted, feedback written). */
  async whenIdle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  readonly handle = async (request: Request, hooks: ExecutionHooks = {}): Promise<Response> => {
    if (request.method !== 'POST') return text(405, 'Slack sends events with POST.', { Allow: 'POST' });
    const max = this.options.maxBodyBytes ?? 1024 * 1024;
    // Read as it arrives and stop at the limit: checked before the signature, so unsigned bodies cost no more.
    const raw = await readLimitedBody(request, max);
    if (!raw) return text(413, `Body larger than ${max} bytes.`, { Connection: 'close' });

    const check = await verifySlackSignature({
      signingSecret: this.options.signingSecret,
      body: raw,
      signature: request.headers.get('x-slack-signature'),
      timestamp: request.headers.get('x-slack-request-timestamp'),
      ...(this.options.now ? { now: this.options.now() } : {}),
    });
    if (!check.ok) {
      logWarning(this.options.logger, { msg: 'slack request refused', reason: check.reason });
      return text(401, `Invalid Slack request signature: ${check.reason}. Check SLACK_SIGNING_SECRET and the server clock.`);
    }

    const body = parseBody(new TextDecoder().decode(raw), request.headers.get('content-type') ?? '');
    if (!body) return text(400, 'Body must be JSON or application/x-www-form-urlencoded, as Slack sends it.');
    if (body.ssl_check) return text(200, '');
    if (body.type === 'url_verification') return Response.json({ challenge: body.challenge });

    const app = this.app;
    if (!app) return text(503, 'Slack app is not initialised.');
    return this.dispatch(app, body, request.headers, hooks);
  };

  private dispatch(app: App, body: Record<string, unknown>, headers: Headers, hooks: ExecutionHooks): Promise<Response> {
    let acked = false;
    let settle!: (response: Response) => void;
    const response = new Promise<Response>((resolve) => (settle = resolve));
    const retryNum = headers.get('x-slack-retry-num');
    const retryReason = headers.get('x-slack-retry-reason');

    const work = app
      .processEvent({
        body,
        ...(retryNum ? { retryNum: Number(retryNum) } : {}),
        ...(retryReason ? { retryReason } : {}),
        ack: async (reply?: unknown) => {
          if (acked) throw new ReceiverMultipleAckError();
          acked = true;
          settle(ackResponse(reply));
        },
      })
      .then(() => {
        // Nothing matched (an action no listener handles): say so rather than pretend.
        if (!acked) settle(text(404, 'No listener handled this Slack request.'));
      })
      .catch((error: unknown) => {
        this.options.logger.error({ msg: 'slack event processing failed', error: describeError(error) });
        if (!acked) settle(text(500, 'Internal error.'));
      })
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
    hooks.waitUntil?.(work);
    return response;
  }
}

function parseBody(raw: string, contentType: string): Record<string, unknown> | undefined {
  try {
    if (contentType.startsWith('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(raw);
      const payload = form.get('payload');
      // Interactivity sends one JSON `payload` field; slash commands send plain fields.
      return payload !== null ? asObject(JSON.parse(payload)) : Object.fromEntries(form);
    }
    return asObject(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function ackResponse(reply: unknown): Response {
  if (reply === undefined || reply === null || reply === '') return new Response(null, { status: 200 });
  if (typeof reply === 'string') return text(200, reply);
  return Response.json(reply);
}

function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
}
