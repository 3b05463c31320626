import { FakeEmbedder } from '../../../src/embeddings/fake-embedder.js';
import type { VectorizeRecordIn, VectorizeWriter } from '../../../src/worker/sync-vectorize.js';
import type { AiBinding, VectorizeBinding, VectorizeQueryOptions, VectorizeRecord } from '../../../src/worker/worker-env.js';

/**
 * An in-test `env.AI` that follows the documented Workers AI contract for `@cf/baai/bge-m3`:
 * `run(model, { text: string | string[] })` resolves `{ shape, data: number[][], pooling }`,
 * unknown models reject. Vectors are deterministic character-bigram hashes (no model).
 */
export class InTestAi implements AiBinding {
  readonly calls: Array<{ model: string; inputs: Record<string, unknown> }> = [];
  /** When set, `run` rejects with this error (outage, quota, capacity). */
  failWith: Error | undefined;
  /** When set, `run` resolves this instead of embeddings (e.g. an async-queue ticket). */
  respondWith: unknown;
  /** When true, `run` never settles (a binding stuck in an outage). */
  hang = false;
  private readonly embedder: FakeEmbedder;

  constructor(readonly dimensions = 1024) {
    this.embedder = new FakeEmbedder(dimensions);
  }

  async run(model: string, inputs: Record<string, unknown>): Promise<unknown> {
    this.calls.push({ model, inputs });
    if (this.hang) return new Promise(() => {});
    if (this.failWith) throw this.failWith;
    if (this.respondWith !== undefined) return this.respondWith;
    if (model !== '@cf/baai/bge-m3') throw new Error(`AiError: 5007: No such model ${model} or task`);
    const text = inputs.text;
    if (typeof text !== 'string' && !(Array.isArray(text) && text.every((t) => typeof t === 'string'))) {
      throw new Error("AiError: 5006: Error: required properties at '/' are 'text'");
    }
    const data = await this.embedder.embedDocuments(typeof text === 'string' ? [text] : text);
    return { shape: [data.length, this.dimensions], data, pooling: 'mean' };
  }

  /** The vector this binding gives for one text, for expectations. */
  embed(text: string): Promise<number[]> {
    return this.embedder.embedQuery(text);
  }
}

/**
 * An in-memory Vectorize (v2) index with the documented query semantics: cosine scores,
 * namespace filtering, `topK` at most 100 without values/metadata and 20 with them, and
 * dimension checks; plus the REST operations the sync uses (describe, upsert, list, delete).
 */
export class InTestVectorize implements VectorizeBinding, VectorizeWriter {
  readonly records = new Map<string, VectorizeRecordIn>();
  readonly upserts: string[][] = [];
  /** When set, `query` and `getByIds` reject with this error. */
  failWith: Error | undefined;
  /** When set, `query` resolves this instead of matches. */
  respondWith: unknown;
  /** Which calls never settle (a binding stuck in an outage). */
  hang: { query?: boolean; getByIds?: boolean } = {};

  constructor(readonly config = { dimensions: 1024, metric: 'cosine' }) {}

  async describe() {
    return { ...this.config };
  }

  async upsert(records: VectorizeRecordIn[]): Promise<void> {
    for (const r of records) {
      if (r.values.length !== this.config.dimensions) {
        throw new Error(`VECTOR_UPSERT_ERROR (code = 40012): vector ${r.id} has ${r.values.length} dimensions, index expects ${this.config.dimensions}`);
      }
      if (new TextEncoder().encode(r.id).length > 64) throw new Error(`VECTOR_UPSERT_ERROR (code = 40013): id ${r.id} exceeds 64 bytes`);
    }
    this.upserts.push(records.map((r) => r.id));
    for (const r of records) this.records.set(r.id, structuredClone(r));
  }

  async *listIds(): AsyncIterable<string> {
    yield* [...this.records.keys()];
  }

  async deleteByIds(ids: string[]): Promise<void> {
    for (const id of ids) this.records.delete(id);
  }

  async getByIds(ids: string[]): Promise<VectorizeRecord[]> {
    if (this.hang.getByIds) return new Promise(() => {});
    if (this.failWith) throw this.failWith;
    return ids.flatMap((id) => {
      const r = this.records.get(id);
      return r ? [structuredClone(r)] : [];
    });
  }

  async query(vector: number[], options: VectorizeQueryOptions) {
    if (this.hang.query) return new Promise<never>(() => {});
    if (this.failWith) throw this.failWith;
    if (this.respondWith !== undefined) return this.respondWith as never;
    const topK = options.topK ?? 5;
    const heavy = options.returnValues === true || options.returnMetadata === true || options.returnMetadata === 'all';
    const limit = heavy ? 20 : 100;
    if (topK < 1 || topK > limit) throw new Error(`VECTOR_QUERY_ERROR (code = 40025): topK must be between 1 and ${limit}, got ${topK}`);
    if (vector.length !== this.config.dimensions) {
      throw new Error(`VECTOR_QUERY_ERROR (code = 40006): query vector has ${vector.length} dimensions, index expects ${this.config.dimensions}`);
    }
    const matches = [...this.records.values()]
      .filter((r) => options.namespace === undefined || r.namespace === options.namespace)
      .map((r) => ({ id: r.id, score: cosine(vector, r.values) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, topK);
    return { matches, count: matches.length };
  }
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / (Math.sqrt(na * nb) || 1);
}
