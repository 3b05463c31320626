import type { Embedder } from '../core/types.js';
import { Corpus, searchText } from '../core/corpus.js';
import type { VectorizeManifest } from './vectorize-index.js';
import { MANIFEST_NAMESPACE, MANIFEST_VECTOR_ID, PASSAGE_NAMESPACE, WORKERS_AI_EMBEDDING_DIMENSIONS, WORKERS_AI_EMBEDDING_MODEL } from './vectorize-layout.js';
import type { WorkerData } from './worker-data.js';
import { ConfigError } from '../core/errors.js';

export interface VectorizeRecordIn {
  id: string;
  values: number[];
  namespace: string;
  metadata: Record<string, string | number>;
}

/** What the sync needs from a Vectorize index: the REST API in the CLI, an in-memory index in tests. */
export interface VectorizeWriter {
  describe(): Promise<{ dimensions: number; metric: string }>;
  upsert(records: VectorizeRecordIn[]): Promise<void>;
  listIds(): AsyncIterable<string>;
  deleteByIds(ids: string[]): Promise<void>;
}

export interface SyncReport {
  upserted: number;
  deleted: number;
  manifest: VectorizeManifest;
}

const UPSERT_BATCH = 200;

/**
 * Fills a Vectorize index with the bge-m3 vectors of the Worker's passages: checks the index
 * was created for bge-m3 (1024 dimensions, cosine), embeds the same text the Node index
 * embeds, upserts it, deletes vectors of passages that no longer exist, and writes the
 * manifest record last, so a Worker only trusts an index whose sync finished.
 */
export async function syncVectorize(deps: { data: WorkerData; embedder: Embedder; target: VectorizeWriter; now?: () => Date; onProgress?: (line: string) => void }): Promise<SyncReport> {
  const { data, embedder, target } = deps;
  if (embedder.modelId !== WORKERS_AI_EMBEDDING_MODEL || embedder.dimensions !== WORKERS_AI_EMBEDDING_DIMENSIONS) {
    throw new ConfigError(`The Vectorize index holds ${WORKERS_AI_EMBEDDING_MODEL} vectors only; refusing to write ${embedder.modelId} vectors.`);
  }
  const info = await target.describe();
  if (info.dimensions !== WORKERS_AI_EMBEDDING_DIMENSIONS || info.metric !== 'cosine') {
    throw new ConfigError(
      `The Vectorize index has ${info.dimensions} dimensions and metric ${info.metric}; ${WORKERS_AI_EMBEDDING_MODEL} needs ${WORKERS_AI_EMBEDDING_DIMENSIONS} and cosine. ` +
        `Create one with: npx wrangler vectorize create policydesk-bge-m3 --dimensions=${WORKERS_AI_EMBEDDING_DIMENSIONS} --metric=cosine`,
    );
  }

  const corpus = new Corpus(data.corpus);
  const passages = corpus.passages;
  const vectors = await embedder.embedDocuments(passages.map((p) => searchText(p, corpus.document(p.docId))));
  deps.onProgress?.(`embedded ${vectors.length} passages with ${embedder.modelId}`);
  const records = passages.map((p, i) => ({
    id: data.vectorIds[p.id]!,
    values: vectors[i]!,
    namespace: PASSAGE_NAMESPACE,
    metadata: { passageId: p.id, docId: p.docId },
  }));
  for (let i = 0; i < records.length; i += UPSERT_BATCH) {
    await target.upsert(records.slice(i, i + UPSERT_BATCH));
    deps.onProgress?.(`upserted ${Math.min(i + UPSERT_BATCH, records.length)}/${records.length}`);
  }

  const keep = new Set([...records.map((r) => r.id), MANIFEST_VECTOR_ID]);
  const stale: string[] = [];
  for await (const id of target.listIds()) if (!keep.has(id)) stale.push(id);
  for (let i = 0; i < stale.length; i += UPSERT_BATCH) await target.deleteByIds(stale.slice(i, i + UPSERT_BATCH));
  if (stale.length > 0) deps.onProgress?.(`deleted ${stale.length} vectors of passages that no longer exist`);

  const manifest: VectorizeManifest = {
    model: embedder.modelId,
    dimensions: embedder.dimensions,
    corpusHash: data.corpusHash,
    chunkerVersion: data.chunkerVersion,
    passageCount: records.length,
    syncedAt: (deps.now ?? (() => new Date()))().toISOString(),
  };
  // Cosine needs a non-zero vector; the record sits in its own namespace and is never a match.
  const unit = Array.from({ length: WORKERS_AI_EMBEDDING_DIMENSIONS }, (_, i) => (i === 0 ? 1 : 0));
  await target.upsert([{ id: MANIFEST_VECTOR_ID, values: unit, namespace: MANIFEST_NAMESPACE, metadata: manifest }]);
  return { upserted: records.length, deleted: stale.length, manifest };
}
