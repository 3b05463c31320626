import { z } from 'zod';
import { UpstreamError } from '../core/errors.js';

/** Scores passages against a question (a cross-encoder); higher is more relevant. */
export interface Reranker {
  readonly name: string;
  /** One score per text, in the order given. */
  rerank(query: string, texts: readonly string[], signal?: AbortSignal): Promise<number[]>;
}

export interface HttpRerankerOptions {
  /** Base URL of the server: text-embeddings-inference (`POST /rerank`), or vLLM / Xinference / Jina (`POST /v1/rerank`). */
  baseUrl: string;
  /** Sent as `model` (vLLM, Xinference need it; TEI ignores it). */
  model?: string;
  apiKey?: string;
  /** Per call; a slower reranker is skipped and the fused order kept. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** TEI answers `[{index, score}]`; the Cohere/Jina shape used by vLLM and Xinference answers `{results: [{index, relevance_score}]}`. */
const responseSchema = z.union([
  z.array(z.object({ index: z.number().int().nonnegative(), score: z.number() })),
  z.object({ results: z.array(z.object({ index: z.number().int().nonnegative(), relevance_score: z.number() })) }),
]);

/** A reranker served over HTTP. Off unless RERANK_BASE_URL is set. */
export class HttpReranker implements Reranker {
  readonly name: string;
  private readonly url: string;
  private readonly cohereShape: boolean;

  constructor(private readonly options: HttpRerankerOptions) {
    const base = options.baseUrl.replace(/\/+$/, '');
    // A base that already ends in /v1 (vLLM, Xinference) takes the Cohere-style route.
    this.cohereShape = /\/v1$/.test(base);
    this.url = `${base}/rerank`;
    this.name = `${options.model ?? 'reranker'} at ${base}`;
  }

  async rerank(query: string, texts: readonly string[], signal?: AbortSignal): Promise<number[]> {
    if (texts.length === 0) return [];
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 2000);
    const body = this.cohereShape
      ? { model: this.options.model, query, documents: texts }
      : { query, texts, raw_scores: false, truncate: true, ...(this.options.model ? { model: this.options.model } : {}) };
    const response = await (this.options.fetch ?? fetch)(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}) },
      body: JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    if (!response.ok) throw new UpstreamError('reranker', `reranker ${this.url} answered ${response.status}`);
    const parsed = responseSchema.safeParse(await response.json());
    if (!parsed.success) throw new UpstreamError('reranker', `reranker ${this.url} answered in an unknown shape`);
    const scores = new Array<number>(texts.length).fill(Number.NEGATIVE_INFINITY);
    const items = Array.isArray(parsed.data) ? parsed.data.map((r) => [r.index, r.score] as const) : parsed.data.results.map((r) => [r.index, r.relevance_score] as const);
    for (const [index, score] of items) if (index < texts.length) scores[index] = score;
    if (scores.some((s) => s === Number.NEGATIVE_INFINITY)) throw new UpstreamError('reranker', `reranker ${this.url} left passages unscored`);
    return scores;
  }
}

/** The reranker the settings name, or undefined when RERANK_BASE_URL is unset. */
export function rerankerFromConfig(config: {
  RERANK_BASE_URL?: string | undefined;
  RERANK_MODEL?: string | undefined;
  RERANK_API_KEY?: string | undefined;
  RERANK_TIMEOUT_MS?: number;
}): HttpReranker | undefined {
  if (!config.RERANK_BASE_URL) return undefined;
  return new HttpReranker({
    baseUrl: config.RERANK_BASE_URL,
    ...(config.RERANK_MODEL ? { model: config.RERANK_MODEL } : {}),
    ...(config.RERANK_API_KEY ? { apiKey: config.RERANK_API_KEY } : {}),
    ...(config.RERANK_TIMEOUT_MS ? { timeoutMs: config.RERANK_TIMEOUT_MS } : {}),
  });
}
