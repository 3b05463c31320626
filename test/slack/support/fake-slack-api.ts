import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call as Slack would have received it. */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  authorization: string | undefined;
}

/** A POST to a `response_url` (slash commands and interactivity answer through these). */
export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  blocks?: unknown[];
  metadata?: unknown;
}

// Fields the Web API client sends JSON-encoded inside the form body.
const JSON_FIELDS = new Set(['blocks', 'metadata', 'view', 'attachments']);

/**
 * A small Slack-Web-API-shaped server on 127.0.0.1: it speaks the real wire format (form-encoded
 * requests, `{ ok, … }` JSON replies), keeps posted messages so `conversations.replies` returns
 * a real thread, records every call, and takes `response_url` posts.
 */
export class FakeSlackApi {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly messages: StoredMessage[] = [];
  readonly botUserId = 'UBOT';
  readonly botId = 'BBOT';
  /** Methods that answer `{ ok: false, error }` once, e.g. to simulate `not_in_channel`. */
  readonly failures = new Map<string, string>();
  /** Methods that answer HTTP 500 this many more times (an outage of one endpoint, e.g. `apps.connections.open`). */
  readonly httpFailures = new Map<string, number>();
  /**
   * Slack's health: `up` answers; `down` answers every Web API call with HTTP 503; `stalled`
   * records calls but never answers them (until `close`). `response_url` posts always answer.
   */
  health: 'up' | 'down' | 'stalled' = 'up';
  private clock = 1_700_000_000;
  private waiters: Array<{ method: string; count: number; resolve: () => void }> = [];
  server!: Server;
  base = '';

  get url(): string {
    return `${this.base}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.base}/respond/${id}`;
  }

  /** Strictly increasing Slack timestamps, shared by user messages and bot posts. */
  nextTs(): string {
    this.clock += 1;
    return `${this.clock}.000100`;
  }

  /** A message a person posted (the test then delivers the matching event). */
  addUserMessage(message: Omit<StoredMessage, 'ts'> & { ts?: string }): StoredMessage {
    const stored = { ...message, ts: message.ts ?? this.nextTs() };
    this.messages.push(stored);
    return stored;
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once `method` has been called `count` times: for transports with no idle signal (Socket Mode). */
  waitForCalls(method: string, count = 1): Promise<void> {
    if (this.callsTo(method).length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ method, count, resolve }));
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const method = req.url?.startsWith('/api/') ? new URL(req.url, this.base).pathname.slice('/api/'.length) : undefined;
      const failing = method ? (this.httpFailures.get(method) ?? 0) : 0;
      if (method && failing > 0) {
        this.httpFailures.set(method, failing - 1);
        void this.record(req).then(() => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('internal server error');
        });
        return;
      }
      if (this.health !== 'up' && req.url?.startsWith('/api/')) {
        void this.record(req).then(() => {
          if (this.health === 'down') {
            res.writeHead(503, { 'content-type': 'text/plain' });
            res.end('service unavailable');
          }
        });
        return;
      }
      void this.route(req).then(
        ({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify(body));
        },
        (error: Error) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(error.message);
        },
      );
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', this.base).pathname;
    if (path.startsWith('/respond/')) {
      this.responses.push({ id: path.slice('/respond/'.length), body: JSON.parse(raw) });
      return { status: 200, body: { ok: true } };
    }
    if (!path.startsWith('/api/')) return { status: 404, body: { ok: false, error: 'not_found' } };
    const method = path.slice('/api/'.length);
    const args = parseArgs(raw, req.headers['content-type'] ?? '');
    this.calls.push({ method, args, authorization: req.headers.authorization });
    const failure = this.failures.get(method);
    const body = failure ? { ok: false, error: failure } : this.answer(method, args);
    if (failure) this.failures.delete(method);
    // Waiters are told after the reply is computed, so the stored state already reflects the call.
    queueMicrotask(() => this.notify());
    return { status: 200, body };
  }

  /** Records a Web API call without answering it (Slack down or stalled). */
  private async record(req: IncomingMessage): Promise<void> {
    const raw = await readBody(req);
    const method = new URL(req.url ?? '/', this.base).pathname.slice('/api/'.length);
    this.calls.push({ method, args: parseArgs(raw, req.headers['content-type'] ?? ''), authorization: req.headers.authorization });
    queueMicrotask(() => this.notify());
  }

  private notify(): void {
    this.waiters = this.waiters.filter((w) => {
      if (this.callsTo(w.method).length < w.count) return true;
      w.resolve();
      return false;
    });
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'apps.connections.open':
        return { ok: true, url: `${this.base.replace('http://', 'ws://')}/link` };
      case 'auth.test':
        return { ok: true, user_id: this.botUserId, bot_id: this.botId, team_id: 'T1', user: 'policydesk' };
      case 'chat.postMessage': {
        const message: StoredMessage = {
          channel: String(args.channel),
          ts: this.nextTs(),
          user: this.botUserId,
          bot_id: this.botId,
          ...(args.thread_ts ? { thread_ts: String(args.thread_ts) } : {}),
          ...(args.text !== undefined ? { text: String(args.text) } : {}),
          ...(args.blocks ? { blocks: args.blocks as unknown[] } : {}),
          ...(args.metadata ? { metadata: args.metadata } : {}),
        };
        this.messages.push(message);
        return { ok: true, channel: message.channel, ts: message.ts, message };
      }
      case 'chat.update': {
        const message = this.messages.find((m) => m.channel === args.channel && m.ts === args.ts);
        if (!message) return { ok: false, error: 'message_not_found' };
        if (args.text !== undefined) message.text = String(args.text);
        if (args.blocks !== undefined) message.blocks = args.blocks as unknown[];
        if (args.metadata !== undefined) message.metadata = args.metadata;
        return { ok: true, channel: message.channel, ts: message.ts, text: message.text };
      }
      case 'conversations.replies': {
        const thread = this.messages
          .filter((m) => m.channel === args.channel && (m.ts === args.ts || m.thread_ts === args.ts))
          // Slack leaves metadata out unless asked for it.
          .map(({ metadata, ...m }) => (args.include_all_metadata === 'true' && metadata ? { ...m, metadata } : m));
        return { ok: true, messages: thread, has_more: false, response_metadata: { next_cursor: '' } };
      }
      case 'conversations.history': {
        // Top-level messages only (thread replies stay in their thread), newest first, before `latest`.
        const latest = args.latest === undefined ? Number.POSITIVE_INFINITY : Number(args.latest);
        const top = this.messages
          .filter((m) => m.channel === args.channel && (!m.thread_ts || m.thread_ts === m.ts) && Number(m.ts) < latest)
          .map(({ metadata, ...m }) => ({ ...m, reply_count: this.messages.filter((r) => r.thread_ts === m.ts && r.ts !== m.ts).length }))
          .reverse()
          .slice(0, Number(args.limit ?? 100));
        return { ok: true, messages: top, has_more: false };
      }
      case 'reactions.add':
      case 'reactions.remove':
        return { ok: true };
      case 'views.open':
        return { ok: true, view: { id: 'V1', ...(args.view as object) } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  return new FakeSlackApi().start();
}

function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}');
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) args[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  return args;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
