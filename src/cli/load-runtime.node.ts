import { createPipeline, type Pipeline } from '../answer/create-pipeline.js';
import type { RetrievalTuning } from '../retrieval/hybrid-retriever.js';
import { TransformersEmbedder } from '../embeddings/transformers-embedder.node.js';
import { buildIndex, loadIndex, staleReason, type LoadedIndex } from '../vector-index/index-store.node.js';
import { reportBuild } from './report-build.js';

export interface Runtime extends Pipeline {
  embedder: TransformersEmbedder;
  index: LoadedIndex;
  /** Milliseconds spent loading the model and the index. */
  loadMs: number;
}

export interface RuntimeOptions {
  modelDir: string;
  indexDir: string;
  seedsDir: string;
  /** Rebuild the index first when it is missing or stale (default true). */
  autoIngest?: boolean;
  tuning?: RetrievalTuning;
  log?: (line: string) => void;
}

/** Loads the model and the index once (ingesting first when the index is missing or stale). */
export async function loadRuntime(options: RuntimeOptions): Promise<Runtime> {
  const log = options.log ?? ((line: string) => console.error(line));
  const started = performance.now();
  const embedder = await TransformersEmbedder.load({ modelDir: options.modelDir });
  const stale = staleReason(options.indexDir, options.seedsDir, { modelId: embedder.modelId, modelSha256: embedder.modelHash });
  if (stale && options.autoIngest !== false) {
    log(`index: ${stale}; ingesting ${options.seedsDir} first…`);
    const result = await buildIndex({ seedsDir: options.seedsDir, indexDir: options.indexDir, embedder });
    log(reportBuild(result).split('\n')[0]!);
  }
  const index = await loadIndex(options.indexDir, { modelId: embedder.modelId, modelSha256: embedder.modelHash, dimensions: embedder.dimensions });
  const pipeline = createPipeline({ corpus: index.corpus, embedder, vectors: index.vectors, ...(options.tuning ? { tuning: options.tuning } : {}) });
  return { ...pipeline, embedder, index, loadMs: performance.now() - started };
}
