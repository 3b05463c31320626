import { z } from 'zod';
import { IndexMismatchError, TimeoutError } from '../core/errors.js';
import type { VectorIndex } from '../core/types.js';
import { BindingError } from './binding-error.js';
import { describeError } from '../core/describe-error.js';
import { MANIFEST_VECTOR_ID, PASSAGE_NAMESPACE, VECTORIZE_MAX_TOP_K, WORKERS_AI_EMBEDDING_DIMENSIONS, WORKERS_AI_EMBEDDING_MODEL } from './vectorize-layout.js';
import { withTimeout } from '../core/with-timeout.js';
import type { VectorizeBinding } from './worker-env.js';
import { DEFAULT_BINDING_TIMEOUT_MS } from '../core/limits.js';

const SYNC_FIX = 'npm run sync:vectorize';

/** What `npm run sync:vectorize` writes into the manifest record's metadata. */
export const vectorizeManifestSchema = z.object({
  model: z.string(),
  dimensions: z.number().int(),
  corpusHash: z.string(),
  chunkerVersion: z.number().int(),
  passageCount: z.number().int(),
  syncedAt: z.string(),
});
export type VectorizeManifest = z.infer<typeof vectorizeManifestSchema>;

const queryResult = z.object({ matches: z.array(z.object({ id: z.string(), score: z.number() })) });

export interface VectorizeIndexOptions {
  /** Vectorize id -> passage id, from the Worker data bundle. */
  passageIds: ReadonlyMap<string, string>;
  /** The corpus the Worker ships: the index must have been synced from the same one. */
  corpusHash: string;
  chunkerVersion: number;
  /** How long one Vectorize call may take (BINDING_TIMEOUT_MS); a slower one is a `BindingError`. */
  timeoutMs?: number;
}

/**
 * A `VectorIndex` over a Vectorize binding holding bge-m3 passage vectors. Ask `verify()`
 * before use: it refuses an index filled by another model, corpus or chunker, so vectors of
 * the local model and of Workers AI never meet. Failures are `BindingError`s.
 */
export class VectorizeIndex implements VectorIndex {
  constructor(
    private readonly binding: VectorizeBinding,
    private readonly options: VectorizeIndexOptions,
  ) {}

  /** Reads the manifest record and checks model, dimensions, corpus and chunker. */
  async verify(): Promise<VectorizeManifest> {
    let records;
    try {
      records = await this.bounded(this.binding.getByIds([MANIFEST_VECTOR_ID]));
    } catch (error) {
      throw new BindingError('VECTORIZE', `reading the manifest failed: ${describeError(error)}`);
    }
    const record = records.find((r) => r.id === MANIFEST_VECTOR_ID);
    if (!record) throw new IndexMismatchError('The Vectorize index has no PolicyDesk manifest record.', SYNC_FIX);
    const parsed = vectorizeManifestSchema.safeParse(record.metadata);
    if (!parsed.success) throw new IndexMismatchError('The Vectorize manifest record is unreadable.', SYNC_FIX);
    const m = parsed.data;
    if (m.model !== WORKERS_AI_EMBEDDING_MODEL || m.dimensions !== WORKERS_AI_EMBEDDING_DIMENSIONS) {
      throw new IndexMismatchError(
        `The Vectorize index holds ${m.dimensions}-dimensional vectors of ${m.model}; the Worker embeds questions with ${WORKERS_AI_EMBEDDING_MODEL} (${WORKERS_AI_EMBEDDING_DIMENSIONS}).`,
        SYNC_FIX,
      );
    }
    if (record.values && record.values.length !== WORKERS_AI_EMBEDDING_DIMENSIONS) {
      throw new IndexMismatchError(`The Vectorize index stores ${record.values.length}-dimensional vectors, not ${WORKERS_AI_EMBEDDING_DIMENSIONS}.`, SYNC_FIX);
    }
    if (m.chunkerVersion !== this.options.chunkerVersion || m.corpusHash !== this.options.corpusHash) {
      throw new IndexMismatchError(
        `The Vectorize index was synced from other documents (corpus ${m.corpusHash.slice(0, 12)}, chunker ${m.chunkerVersion}) than this Worker ships (corpus ${this.options.corpusHash.slice(0, 12)}, chunker ${this.options.chunkerVersion}).`,
        SYNC_FIX,
      );
    }
    return m;
  }

  /**
   * Nearest passages. Vectorize caps `topK` at 100 when no values or metadata are returned, so
   * a larger `k` yields at most 100 hits (the retriever's widest pool is 120 over a 120-passage
   * corpus; fusion with BM25 covers the rest). Ids this Worker does not ship are skipped.
   */
  async search(vector: number[], k: number): Promise<Array<{ id: string; score: number }>> {
    let raw: unknown;
    try {
      raw = await this.bounded(this.binding.query(vector, { topK: Math.min(k, VECTORIZE_MAX_TOP_K), namespace: PASSAGE_NAMESPACE, returnValues: false, returnMetadata: 'none' }));
    } catch (error) {
      throw new BindingError('VECTORIZE', `query failed: ${describeError(error)}`);
    }
    const parsed = queryResult.safeParse(raw);
    if (!parsed.success) throw new BindingError('VECTORIZE', 'query returned no matches list (expected { matches: [{ id, score }] })');
    const hits: Array<{ id: string; score: number }> = [];
    for (const match of parsed.data.matches) {
      const id = this.options.passageIds.get(match.id);
      if (id) hits.push({ id, score: match.score });
    }
    return hits;
  }

  private bounded<T>(call: Promise<T>): Promise<T> {
    const ms = this.options.timeoutMs ?? DEFAULT_BINDING_TIMEOUT_MS;
    return withTimeout(call, ms, () => new TimeoutError('Vectorize', ms));
  }
}
