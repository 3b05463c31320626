import { createPipeline, type Pipeline } from '../answer/create-pipeline.js';
import { createAnswerer, llmConfigured, type LlmConfig } from '../answer/llm/create-answerer.js';
import { loadPrompts } from '../answer/llm/load-prompts.node.js';
import type { Logger } from '../core/logger.js';
import type { Embedder } from '../core/types.js';
import type { RetrievalTuning } from '../retrieval/hybrid-retriever.js';
import { rerankerFromConfig } from '../retrieval/http-reranker.js';
import { ProcessPoolEmbedder, type PoolEvent } from '../embeddings/process-pool.node.js';
import { withQueryCache } from '../embeddings/query-cache.js';
import { TransformersEmbedder } from '../embeddings/transformers-embedder.node.js';
import { gutenyeOcr } from '../ingest/ocr/gutenye-ocr.node.js';
import { buildIndex, chunkingChanged, loadIndex, repairCurrent, staleReason, type LoadedIndex } from '../ingest/build-index.node.js';
import { reportBuild } from './report-build.js';
import { listSourceFiles } from '../ingest/read-corpus.node.js';

export interface Runtime extends Pipeline {
  embedder: TransformersEmbedder | ProcessPoolEmbedder;
  index: LoadedIndex;
  /** Milliseconds spent loading the model and the index. */
  loadMs: number;
  /** Stops the embedding processes, if any. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  modelDir: string;
  indexDir: string;
  seedsDir: string;
  /** Rebuild the index first when it is missing or stale (default true). */
  autoIngest?: boolean;
  /** Read scanned pages and page images by OCR when ingesting (the OCR setting; default true). */
  ocr?: boolean;
  tuning?: RetrievalTuning;
  /**
   * Embed in this many child processes instead of this one (default 0: here). The server uses
   * them so that embedding a question does not block its event loop.
   */
  embedProcesses?: number;
  /** Milliseconds an embedding process may take per request before it is replaced (default 30 s). */
  embedTimeoutMs?: number;
  /** Told of embedding processes that exit, hang or cannot be replaced; by default written to `log` as JSON. */
  onPoolEvent?: (event: PoolEvent) => void;
  /** Query vectors to remember by exact text (default 0: none). */
  queryCacheSize?: number;
  /** Settings that may name a reranker (RERANK_BASE_URL …); none when absent. */
  rerank?: Parameters<typeof rerankerFromConfig>[0];
  /** When it names an endpoint and model, answers come from the LLM composer (falling back to extractive). */
  llm?: LlmConfig;
  log?: (line: string) => void;
  /** Structured entries (the LLM composer's fallbacks, at their own levels); by default JSON lines through `log`. */
  logger?: Logger;
}

/** Loads the model and the index once (ingesting first when the index is missing or stale). */
export async function loadRuntime(options: RuntimeOptions): Promise<Runtime> {
  const log = options.log ?? ((line: string) => console.error(line));
  const started = performance.now();
  const embedder: TransformersEmbedder | ProcessPoolEmbedder = options.embedProcesses
    ? await ProcessPoolEmbedder.start({
        modelDir: options.modelDir,
        processes: options.embedProcesses,
        ...(options.embedTimeoutMs ? { requestTimeoutMs: options.embedTimeoutMs } : {}),
        onEvent: options.onPoolEvent ?? ((event) => log(JSON.stringify({ level: 'error', ...event }))),
      })
    : await TransformersEmbedder.load({ modelDir: options.modelDir });
  const close = async () => {
    if (embedder instanceof ProcessPoolEmbedder) await embedder.close();
  };
  try {
    const repaired = repairCurrent(options.indexDir);
    if (repaired) log(`index: CURRENT named an incomplete build (${repaired.from}); pointed it at the newest whole build, ${repaired.to}`);
    const ocr = options.ocr === false ? undefined : gutenyeOcr();
    const stale =
      staleReason(options.indexDir, options.seedsDir, { modelId: embedder.modelId, modelSha256: embedder.modelHash }) ??
      (await chunkingChanged(options.indexDir, options.seedsDir, ocr ? { ocr } : {}));
    if (stale && options.autoIngest !== false) {
      log(`index: ${stale}; ingesting ${options.seedsDir} first…`);
      const result = await buildIndex({ seedsDir: options.seedsDir, indexDir: options.indexDir, embedder, ...(ocr ? { ocr } : {}) });
      log(reportBuild(result).split('\n')[0]!);
    }
    const index = await loadIndex(options.indexDir, { modelId: embedder.modelId, modelSha256: embedder.modelHash, dimensions: embedder.dimensions });
    // The index is current, but files the last ingest refused are still in the seeds folder: say so at every start.
    if (!stale) {
      const served = new Set(index.manifest.documents.map((d) => d.sourceFile));
      const left = listSourceFiles(options.seedsDir).files.filter((f) => !served.has(f.fileName));
      if (left.length > 0)
        log(
          `index: ${left.length} file(s) in ${options.seedsDir} are not served (refused or superseded at the last ingest): ${left.map((f) => f.fileName).join(', ')}; \`npm run ingest\` says why and what to do`,
        );
    }
    const reranker = options.rerank ? rerankerFromConfig(options.rerank) : undefined;
    if (reranker) log(`retrieval: reranker ${reranker.name} reorders the first points`);
    const queryEmbedder: Embedder = options.queryCacheSize ? withQueryCache(embedder, { maxEntries: options.queryCacheSize }) : embedder;
    const pipeline = createPipeline({
      corpus: index.corpus,
      embedder: queryEmbedder,
      vectors: index.vectors,
      sentenceVectors: index.sentenceVectors,
      ...(reranker ? { reranker } : {}),
      ...(options.tuning ? { tuning: options.tuning } : {}),
    });
    if (options.llm && llmConfigured(options.llm)) {
      const line = (level: string) => (entry: Record<string, unknown>) => log(JSON.stringify({ level, ...entry }));
      const logger = options.logger ?? { info: line('info'), error: line('error'), warn: line('warn') };
      pipeline.answerer = createAnswerer(options.llm, pipeline, logger, await loadPrompts());
      log(`answers: LLM ${options.llm.LLM_MODEL} at ${options.llm.LLM_BASE_URL}, extractive fallback`);
    }
    return { ...pipeline, embedder, index, loadMs: performance.now() - started, close };
  } catch (error) {
    await close();
    throw error;
  }
}
