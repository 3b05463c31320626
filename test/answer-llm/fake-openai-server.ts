import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the scripted server does with one chat completion request. */
export type Reply =
  /** A finished completion; as SSE when the request asked for `stream: true`. */
  | { kind: 'text'; content: string; chunkSize?: number }
  /** SSE chunks exactly as given, then the connection is cut when `cut` is set (no [DONE]). */
  | { kind: 'chunks'; chunks: string[]; cut?: boolean }
  /** Answers only after `delayMs` (or never, when the client gives up first). */
  | { kind: 'slow'; delayMs: number; content: string }
  | { kind: 'status'; status: number; body: string };

export interface RecordedRequest {
  path: string;
  body: { model?: string; stream?: boolean; messages: Array<{ role: string; content: string }> };
}

export interface FakeOpenAi {
  /** e.g. `http://127.0.0.1:34567/v1`. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Sets how the next requests are answered. */
  script(reply: (request: RecordedRequest) => Reply): void;
  close(): Promise<void>;
}

/**
 * A minimal OpenAI-compatible chat endpoint on 127.0.0.1 (POST /v1/chat/completions), speaking
 * the same JSON and SSE wire format as the real API, so the real ChatOpenAI client talks to it.
 */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = [];
  let reply: (request: RecordedRequest) => Reply = () => ({ kind: 'status', status: 500, body: 'no script' });
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const body = (raw ? JSON.parse(raw) : { messages: [] }) as RecordedRequest['body'];
    const request = { path: req.url ?? '', body };
    requests.push(request);
    if (req.method !== 'POST' || request.path !== '/v1/chat/completions') return send(res, 404, { error: { message: 'not found' } });
    const r = reply(request);
    if (r.kind === 'status') return send(res, r.status, { error: { message: r.body, type: 'server_error' } });
    if (r.kind === 'slow') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) respond(res, body, r.content);
      }, r.delayMs);
      timers.add(timer);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    if (r.kind === 'chunks') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const c of r.chunks) res.write(sse(chunk(body, { content: c })));
      if (r.cut) {
        // Give the client the chunks, then drop the connection mid-stream.
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      res.end(`${sse(chunk(body, {}, 'stop'))}data: [DONE]\n\n`);
      return;
    }
    respond(res, body, r.content, r.chunkSize);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (next) => {
      reply = next;
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function respond(res: ServerResponse, body: RecordedRequest['body'], content: string, chunkSize = 4): void {
  if (!body.stream) {
    send(res, 200, {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 0,
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  res.write(sse(chunk(body, { role: 'assistant', content: '' })));
  for (let i = 0; i < content.length; i += chunkSize) res.write(sse(chunk(body, { content: content.slice(i, i + chunkSize) })));
  res.end(`${sse(chunk(body, {}, 'stop'))}data: [DONE]\n\n`);
}

const chunk = (body: RecordedRequest['body'], delta: object, finish: string | null = null) => ({
  id: 'chatcmpl-fake',
  object: 'chat.completion.chunk',
  created: 0,
  model: body.model,
  choices: [{ index: 0, delta, finish_reason: finish }],
});

const sse = (data: object) => `data: ${JSON.stringify(data)}\n\n`;

function send(res: ServerResponse, status: number, json: object): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(json));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}
