import { join } from 'node:path';
import { createPipeline } from '../answer/create-pipeline.js';
import { searchText } from '../core/corpus.js';
import { CHAR_CHUNK_OVERLAP, CHAR_CHUNK_SIZE, charChunkCorpus } from '../eval/char-chunk-baseline.js';
import { embedWithCache } from '../eval/char-chunk-baseline-cache.node.js';
import type { EvalSystem } from '../eval/eval-systems.js';
import { FlatIndex } from '../vector-index/flat-index.js';
import { readSeeds } from '../ingest/build-index.node.js';
import type { Runtime } from './load-runtime.node.js';

export interface ExtraSystemsOptions {
  seedsDir: string;
  /** Where the baseline's chunk vectors are cached between runs (under the index folder). */
  cacheDir: string;
  log?: (line: string) => void;
}

/**
 * Baselines beyond dense-only and lexical-only: LangChain's `RecursiveCharacterTextSplitter`
 * (500/50) over the same documents and the same embedder, answered by the same pipeline
 * (hybrid, and dense alone as a user with a vector store would run it).
 */
export async function extraSystems(runtime: Runtime, options: ExtraSystemsOptions): Promise<EvalSystem[]> {
  const started = performance.now();
  // The documents the index was built from, so every system answers over the same corpus.
  const indexed = new Set(runtime.index.manifest.documents.map((d) => d.sourceFile));
  const corpus = await charChunkCorpus((await readSeeds(options.seedsDir)).filter((s) => indexed.has(s.fileName)));
  const texts = corpus.passages.map((p) => searchText(p, corpus.document(p.docId)));
  const { vectors, embedded } = await embedWithCache(runtime.embedder, texts, join(options.cacheDir, 'char-chunk-vectors.json'), `${runtime.embedder.modelId}@${runtime.embedder.modelHash}`);
  const index = new FlatIndex(corpus.passages.map((p, i) => ({ id: p.id, vector: vectors[i]! })));
  options.log?.(`char-chunk baseline: ${corpus.passages.length} chunks (${embedded} embedded, ${texts.length - embedded} cached) in ${Math.round(performance.now() - started)} ms`);
  const chunking = `LangChain RecursiveCharacterTextSplitter ${CHAR_CHUNK_SIZE}/${CHAR_CHUNK_OVERLAP} chunks`;
  return (['hybrid', 'dense'] as const).map((mode) => ({
    name: `char-${CHAR_CHUNK_SIZE}/${CHAR_CHUNK_OVERLAP} ${mode}`,
    description: `${chunking}, same embedder, ${mode === 'hybrid' ? 'hybrid retrieval (only the chunking differs from full)' : 'dense retrieval only'}`,
    answerer: createPipeline({ corpus, embedder: runtime.embedder, vectors: index, mode }).answerer,
    corpus,
  }));
}
