import type { Embedder, VectorIndex } from '../core/types.js';
import { Bm25Index } from '../retrieval/bm25-index.js';
import type { Reranker } from '../retrieval/http-reranker.js';
import { searchText, type Corpus } from '../core/corpus.js';
import { HybridRetriever, type RetrievalMode, type RetrievalTuning } from '../retrieval/hybrid-retriever.js';
import { ExtractiveAnswerer } from './extractive-answerer.js';
import type { Answerer } from './types.js';

export interface Pipeline {
  corpus: Corpus;
  bm25: Bm25Index;
  retriever: HybridRetriever;
  /** The extractive composer: always available, the fallback of every other composer. */
  extractive: ExtractiveAnswerer;
  answerer: Answerer;
}

export interface PipelineParts {
  corpus: Corpus;
  /** Prebuilt lexical index (Workers ship one); built from the corpus when absent. */
  bm25?: Bm25Index;
  embedder?: Embedder;
  vectors?: VectorIndex;
  /** Vectors of each passage's sentences (the index's `hnsw-sentences`). */
  sentenceVectors?: VectorIndex;
  /** Reorders the first points after fusion (off when absent). */
  reranker?: Reranker;
  tuning?: RetrievalTuning;
  /** Retrieval mode for answering (baselines use dense or lexical alone); the retriever's default otherwise. */
  mode?: RetrievalMode;
  newId?: () => string;
}

/** Assembles retrieval and answering from their parts. Portable: the Node server, the Worker and tests share it. */
export function createPipeline(parts: PipelineParts): Pipeline {
  const { corpus } = parts;
  const bm25 = parts.bm25 ?? buildLexicalIndex(corpus);
  const retriever = new HybridRetriever(
    {
      corpus,
      bm25,
      ...(parts.embedder && parts.vectors ? { embedder: parts.embedder, vectors: parts.vectors } : {}),
      ...(parts.sentenceVectors ? { sentenceVectors: parts.sentenceVectors } : {}),
      ...(parts.reranker ? { reranker: parts.reranker } : {}),
    },
    parts.tuning,
  );
  const extractive = new ExtractiveAnswerer({ retriever, corpus, bm25, ...(parts.mode ? { mode: parts.mode } : {}), ...(parts.newId ? { newId: parts.newId } : {}) });
  return { corpus, bm25, retriever, extractive, answerer: extractive };
}

/** BM25 over the same text the embedder sees. */
export function buildLexicalIndex(corpus: Corpus): Bm25Index {
  return Bm25Index.build(corpus.passages.map((p) => ({ id: p.id, text: searchText(p, corpus.document(p.docId)) })));
}
