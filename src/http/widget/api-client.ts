import { readSse } from './read-sse.js';
import type { WidgetAnswer, WidgetCitation, WidgetPassage, WidgetTurn } from './widget-types.js';

/**
 * Why a request failed, in words for the user. Every kind but `origin` offers a retry: a page
 * the service does not allow (CORS) stays refused until an administrator lists it.
 */
export class WidgetRequestError extends Error {
  constructor(
    readonly kind: 'network' | 'origin' | 'rate' | 'server' | 'refused' | 'interrupted',
    message: string,
  ) {
    super(message);
  }
}

export interface ChatHandlers {
  onDelta(text: string): void;
  onCitations(citations: WidgetCitation[]): void;
}

/** What `POST /api/feedback` takes; the answer and its context let a reviewer judge a 👎 later. */
export interface FeedbackBody {
  /** The client's id for this rating (its idempotency key): a retry with the same id is stored once. */
  feedbackId?: string;
  question: string;
  answerId: string;
  rating: 'up' | 'down';
  comment?: string;
  expectedPassageId?: string;
  answer?: string;
  citedIds?: string[];
  mode?: string;
  confidence?: 'high' | 'low';
  /** What was asked and the documents do not give (a figure, a date, a responsible body, a method, a place). */
  missing?: WidgetAnswer['missing'];
  history?: WidgetTurn[];
}

export interface ApiClient {
  chat(question: string, history: WidgetTurn[], handlers: ChatHandlers, signal: AbortSignal): Promise<WidgetAnswer>;
  feedback(body: FeedbackBody): Promise<void>;
  passage(id: string): Promise<WidgetPassage>;
}

/** Talks to the service: `/api/chat` as a stream, `/api/feedback` and `/api/passages/:id` as JSON. */
export function createApiClient(endpoint: string, apiKey?: string): ApiClient {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/json' };
  if (apiKey) headers.Authorization = `Bearer ${apiKey}`;

  async function send(path: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${endpoint}${path}`, { ...init, signal: signal ?? null });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw await unreachable(endpoint);
    }
    if (!response.ok) throw await failure(response);
    return response;
  }
  const post = (path: string, body: unknown, signal?: AbortSignal) => send(path, { method: 'POST', headers, body: JSON.stringify(body) }, signal);

  return {
    async chat(question, history, handlers, signal) {
      const response = await post('/api/chat', { question, history }, signal);
      if (!response.body) throw new WidgetRequestError('interrupted', '回答中断了，请重试。');
      try {
        for await (const { event, data } of readSse(response.body)) {
          const value = JSON.parse(data);
          if (event === 'delta') handlers.onDelta(String(value.text ?? ''));
          else if (event === 'citations') handlers.onCitations(value.citations ?? []);
          else if (event === 'done') return value as WidgetAnswer;
          else if (event === 'error') throw new WidgetRequestError('server', '服务暂时出错了，请稍后重试。');
        }
      } catch (error) {
        if (error instanceof WidgetRequestError || signal.aborted) throw error;
        throw new WidgetRequestError('interrupted', '回答中断了，请重试。');
      }
      throw new WidgetRequestError('interrupted', '回答中断了，请重试。');
    },
    async feedback(body) {
      await post('/api/feedback', body);
    },
    async passage(id) {
      const response = await send(`/api/passages/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json', ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}) } });
      return (await response.json()) as WidgetPassage;
    },
  };
}

/**
 * fetch failed without a response. On another origin that is also how a CORS refusal looks, so
 * ask the service in `no-cors` mode (an opaque answer, but an answer): if it replies, the network
 * is fine and the service does not allow this page, which no retry will change.
 */
async function unreachable(endpoint: string): Promise<WidgetRequestError> {
  const network = new WidgetRequestError('network', '无法连接到问答服务，请检查网络后重试。');
  let crossOrigin: boolean;
  try {
    crossOrigin = new URL(endpoint, location.href).origin !== location.origin;
  } catch {
    return network;
  }
  if (!crossOrigin) return network;
  try {
    await fetch(`${endpoint}/healthz`, { mode: 'no-cors', cache: 'no-store' });
  } catch {
    return network;
  }
  return new WidgetRequestError('origin', `问答服务不允许本网页（${location.origin}）使用它。请联系网站管理员，把这个地址加入问答服务的 ALLOWED_ORIGINS 设置。`);
}

async function failure(response: Response): Promise<WidgetRequestError> {
  if (response.status === 429) {
    const seconds = Number(response.headers.get('Retry-After')) || 30;
    return new WidgetRequestError('rate', `提问太频繁了，请在 ${seconds} 秒后重试。`);
  }
  if (response.status >= 500) return new WidgetRequestError('server', '服务暂时出错了，请稍后重试。');
  let detail = '';
  try {
    detail = String((await response.json()).error?.message ?? '');
  } catch {
    // Not our JSON (a proxy's page): the status alone must do.
  }
  return new WidgetRequestError('refused', `请求未被接受（${response.status}）${detail ? `：${detail}` : '。'}`);
}
