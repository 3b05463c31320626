import type { Answer, AnswerEvent, AnswerOptions, Answerer, Turn } from '../answer/types.js';
import { readSse } from '../http/widget/read-sse.js';
import { UpstreamError } from '../core/errors.js';

export interface HttpAnswererOptions {
  /** The service's origin, e.g. `http://127.0.0.1:8787` (Node) or `wrangler dev`'s URL. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <key>` when the service requires one. */
  apiKey?: string;
  /** Injectable for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** How long one question may take before the call fails (ms). */
  timeoutMs?: number;
  /**
   * The service's rate limit is per client: a 429 is waited out (its Retry-After, at most this
   * many times) instead of failing the eval halfway.
   */
  maxRetries?: number;
}

/** An HTTP answer that is not an `Answer`: the status and the service's error message. */
export class HttpAnswerError extends UpstreamError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super('PolicyDesk service', message);
  }
}

/**
 * An `Answerer` that asks a running PolicyDesk service over HTTP (`POST /api/ask`, and
 * `POST /api/chat` for `stream`), so the eval suite can score any deployment (the Node service,
 * `wrangler dev`, a deployed Worker) with the same runner as the in-process pipeline.
 * History turns are sent as the widget sends them: question, answer and citation ids.
 */
export class HttpAnswerer implements Answerer {
  private readonly fetch: typeof fetch;
  private readonly base: string;

  constructor(private readonly options: HttpAnswererOptions) {
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  async answer(question: string, options: AnswerOptions = {}): Promise<Answer> {
    const res = await this.post('/api/ask', question, options);
    return (await res.json()) as Answer;
  }

  async *stream(question: string, options: AnswerOptions = {}): AsyncIterable<AnswerEvent> {
    const res = await this.post('/api/chat', question, options);
    if (!res.body) throw new HttpAnswerError(res.status, `${this.base}/api/chat answered without a body`);
    for await (const { event, data } of readSse(res.body)) {
      const payload = JSON.parse(data);
      if (event === 'delta') yield { type: 'delta', text: String(payload.text ?? '') };
      else if (event === 'citations') yield { type: 'citations', citations: payload.citations };
      else if (event === 'done') return yield { type: 'done', answer: payload as Answer };
      else if (event === 'error') throw new HttpAnswerError(500, `${this.base}/api/chat: ${payload.error?.message ?? data}`);
    }
    throw new HttpAnswerError(res.status, `${this.base}/api/chat ended before its done event`);
  }

  private async post(path: string, question: string, options: AnswerOptions): Promise<Response> {
    const body = JSON.stringify({ question, ...(options.history?.length ? { history: options.history.map(wireTurn) } : {}) });
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    for (let attempt = 0; ; attempt++) {
      const signals = [AbortSignal.timeout(this.options.timeoutMs ?? 60_000), ...(options.signal ? [options.signal] : [])];
      let res: Response;
      try {
        res = await this.fetch(`${this.base}${path}`, { method: 'POST', headers, body, signal: AbortSignal.any(signals) });
      } catch (error) {
        throw new HttpAnswerError(0, `${this.base}${path} could not be reached: ${(error as Error).message}`);
      }
      if (res.status === 429 && attempt < (this.options.maxRetries ?? 3)) {
        await res.body?.cancel();
        await new Promise((r) => setTimeout(r, 1000 * Math.max(1, Number(res.headers.get('retry-after')) || 1)));
        continue;
      }
      if (!res.ok) throw new HttpAnswerError(res.status, `${this.base}${path} answered ${res.status}: ${await errorMessage(res)}`);
      return res;
    }
  }
}

/** A turn as `POST /api/ask` accepts it: only citation ids travel. */
function wireTurn(turn: Turn) {
  return { question: turn.question, ...(turn.answer !== undefined ? { answer: turn.answer } : {}), ...(turn.citations ? { citations: turn.citations.map((c) => ({ id: c.id })) } : {}) };
}

async function errorMessage(res: Response): Promise<string> {
  const text = await res.text();
  try {
    return (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text.slice(0, 300);
  } catch {
    return text.slice(0, 300);
  }
}
