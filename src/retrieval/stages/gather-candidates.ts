import { InvariantError } from '../../core/errors.js';
import type { VectorIndex } from '../../core/types.js';
import { passageOfSentence } from '../../ingest/sentence-units.js';
import type { Bm25Index } from '../bm25-index.js';

export type RetrievalMode = 'hybrid' | 'dense' | 'lexical';

/**
 * Points whose cosine is read beside the pool, best first: every point of a corpus of this size (the five seed documents hold
 * 126 passages), the likely ones of a larger one, where a point BM25 alone found past them reads 0 as before. A bound, so the
 * search stays cheap at 100× (12,600 passages: bench/README.md).
 */
const COSINE_DEPTH = 256;

/** What each retriever found: BM25 hits, point cosines, and each point's best sentence. */
export interface Candidates {
  lexical: Array<{ id: string; score: number }>;
  points: Map<string, number>;
  sentences: Map<string, { id: string; score: number }>;
  /** The cosines of the first COSINE_DEPTH points, those past the pool too: what the decision reads of a point found by BM25 or by a sentence alone. */
  cosines: Map<string, number>;
}

/**
 * Stage: candidates. BM25 ∥ HNSW over whole points and over their sentences, each asked for `pool`
 * hits (sentences for 4× as many, since several belong to one point), kept to the points `keep` allows.
 */
export async function gatherCandidates(
  indexes: { bm25: Bm25Index; vectors?: VectorIndex | undefined; sentenceVectors?: VectorIndex | undefined },
  question: string,
  options: { mode: RetrievalMode; pool: number; keep: (passageId: string) => boolean; vector?: Promise<number[]> | undefined },
): Promise<Candidates> {
  const { mode, pool, keep } = options;
  const lexical = mode !== 'dense' ? indexes.bm25.search(question, pool).filter((h) => keep(h.id)) : [];
  const points = new Map<string, number>();
  const sentences = new Map<string, { id: string; score: number }>();
  const cosines = new Map<string, number>();
  if (mode !== 'lexical') {
    if (!options.vector || !indexes.vectors) throw new InvariantError(`retrieval mode ${mode} needs an embedder and a vector index`);
    const v = await options.vector;
    const all = await indexes.vectors.search(v, Math.max(pool, COSINE_DEPTH));
    for (const h of all) if (keep(h.id)) cosines.set(h.id, h.score);
    for (const h of all.slice(0, pool)) if (keep(h.id)) points.set(h.id, h.score);
    for (const h of indexes.sentenceVectors ? await indexes.sentenceVectors.search(v, pool * 4) : []) {
      const id = passageOfSentence(h.id);
      if (keep(id) && !sentences.has(id)) sentences.set(id, { id: h.id, score: h.score });
    }
  }
  return { lexical, points, sentences, cosines };
}
