/** `npm run build:worker`: bundles the passages and the BM25 index for the Cloudflare Worker (dist/worker/). */
import { parseConfig } from '../core/config.js';
import { gutenyeOcr } from '../ingest/ocr/gutenye-ocr.node.js';
import { buildWorkerDataModule } from '../worker/build/build-worker-data.node.js';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const result = await buildWorkerDataModule({ indexDir: config.INDEX_DIR, seedsDir: config.SEEDS_DIR, ...(config.OCR ? { ocr: gutenyeOcr() } : {}) });
  const { data } = result;
  if (result.indexSkipped) console.error(`build:worker: ${result.indexSkipped}; parsed ${config.SEEDS_DIR}/ directly (npm run ingest updates index/)`);
  console.log(
    `build:worker: ${data.corpus.documents.length} documents, ${data.corpus.passages.length} passages, ` +
      `${Object.keys(data.bm25.postings).length} BM25 terms from ${data.source === 'index' ? config.INDEX_DIR : config.SEEDS_DIR}/ -> ` +
      `${result.file} (${(result.bytes / 1024).toFixed(0)} KiB)`,
  );
}

main().catch((error: Error) => {
  console.error(`build:worker: ${error.message}`);
  process.exit(1);
});
