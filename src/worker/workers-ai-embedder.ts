import { z } from 'zod';
import type { Embedder } from '../core/types.js';
import { BindingError } from './binding-error.js';
import { describeError } from '../core/describe-error.js';
import { withTimeout } from '../core/with-timeout.js';
import { DEFAULT_BINDING_TIMEOUT_MS } from '../core/limits.js';
import { WORKERS_AI_EMBEDDING_DIMENSIONS, WORKERS_AI_EMBEDDING_MODEL } from './vectorize-layout.js';
import type { AiBinding } from './worker-env.js';
import { TimeoutError } from '../core/errors.js';

/** bge-m3's embedding output (`BGEM3OuputEmbedding`); other shapes (async queue, rerank) are errors here. */
const embeddingOutput = z.object({ data: z.array(z.array(z.number())) });

/** Texts per `AI.run` call: keeps each request well inside Workers AI's batch limit. */
const BATCH = 50;

/**
 * Embeds with Workers AI (`env.AI.run('@cf/baai/bge-m3', { text })`). bge-m3 needs no query
 * instruction, so questions and passages are embedded alike. Any failure or unexpected output
 * is a `BindingError`, which the Worker answers by falling back to lexical retrieval; so is a call
 * that takes longer than `timeoutMs` (BINDING_TIMEOUT_MS).
 */
export class WorkersAiEmbedder implements Embedder {
  readonly modelId = WORKERS_AI_EMBEDDING_MODEL;
  readonly dimensions = WORKERS_AI_EMBEDDING_DIMENSIONS;

  constructor(
    private readonly ai: AiBinding,
    private readonly options: { timeoutMs?: number } = {},
  ) {}

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += BATCH) out.push(...(await this.run(texts.slice(i, i + BATCH))));
    return out;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.run([text]);
    return vector!;
  }

  private async run(text: string[]): Promise<number[][]> {
    let raw: unknown;
    try {
      const timeoutMs = this.options.timeoutMs ?? DEFAULT_BINDING_TIMEOUT_MS;
      raw = await withTimeout(this.ai.run(this.modelId, { text }), timeoutMs, () => new TimeoutError(`Workers AI ${this.modelId}`, timeoutMs));
    } catch (error) {
      throw new BindingError('AI', `${this.modelId} failed: ${describeError(error)}`);
    }
    const parsed = embeddingOutput.safeParse(raw);
    if (!parsed.success) throw new BindingError('AI', `${this.modelId} returned no embeddings (expected { data: number[][] })`);
    const { data } = parsed.data;
    if (data.length !== text.length) throw new BindingError('AI', `${this.modelId} returned ${data.length} vectors for ${text.length} texts`);
    const wrong = data.find((v) => v.length !== this.dimensions);
    if (wrong) throw new BindingError('AI', `${this.modelId} returned ${wrong.length}-dimensional vectors, expected ${this.dimensions}`);
    return data;
  }
}
