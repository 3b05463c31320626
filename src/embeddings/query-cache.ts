import type { Embedder } from '../core/types.js';

export interface QueryCacheOptions {
  /** Most query vectors kept (least recently used go first); 0 turns the cache off. */
  maxEntries: number;
}

/** Hit and miss counts of a query cache, for logs and the load bench. */
export interface QueryCacheStats {
  entries: number;
  hits: number;
  misses: number;
}

export type CachedEmbedder = Embedder & { readonly cacheStats: () => QueryCacheStats };

/**
 * Remembers query vectors by their exact text. A query embedding is a pure function of the
 * text (the model runs one question per pass, so no batch neighbour changes its activations),
 * so a repeated question skips the model and gets the very same vector. Concurrent requests
 * for one text share one model pass; a failed pass is not remembered. Documents pass through.
 */
export function withQueryCache(embedder: Embedder, options: QueryCacheOptions): CachedEmbedder {
  const { maxEntries } = options;
  if (!Number.isInteger(maxEntries) || maxEntries < 0) throw new RangeError(`maxEntries must be a whole number ≥ 0, got ${maxEntries}`);
  // A Map iterates in insertion order: re-inserting on a hit keeps the oldest entry first.
  const entries = new Map<string, Promise<number[]>>();
  let hits = 0;
  let misses = 0;

  const embedQuery = (text: string): Promise<number[]> => {
    if (maxEntries === 0) {
      misses++;
      return embedder.embedQuery(text);
    }
    const cached = entries.get(text);
    if (cached) {
      hits++;
      entries.delete(text);
      entries.set(text, cached);
      return cached.then((v) => v.slice());
    }
    misses++;
    const pending = embedder.embedQuery(text);
    entries.set(text, pending);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    pending.catch(() => {
      if (entries.get(text) === pending) entries.delete(text);
    });
    // Callers get their own copy: nobody can alter the remembered vector.
    return pending.then((v) => v.slice());
  };

  return {
    modelId: embedder.modelId,
    dimensions: embedder.dimensions,
    embedDocuments: (texts) => embedder.embedDocuments(texts),
    embedQuery,
    cacheStats: () => ({ entries: entries.size, hits, misses }),
  };
}
