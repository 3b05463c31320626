/** `npm run ingest`: seeds/ -> index/, incrementally, with progress on a terminal and a change report. */
import { parseConfig } from '../core/config.js';
import { TransformersEmbedder } from '../embeddings/transformers-embedder.node.js';
import { buildIndex, type BuildProgress } from '../vector-index/index-store.node.js';
import { reportBuild } from './report-build.js';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const started = performance.now();
  const embedder = await TransformersEmbedder.load({ modelDir: config.MODEL_DIR });
  const tty = process.stderr.isTTY;
  const progress = (p: BuildProgress) => {
    if (!tty) return;
    const elapsed = (performance.now() - started) / 1000;
    const eta = p.phase === 'embed' && p.done > 0 ? ` · ~${Math.ceil((elapsed / p.done) * (p.total - p.done))} s left` : '';
    process.stderr.write(`\r\x1b[K${p.phase}: ${p.done}/${p.total}${eta}`);
  };
  const result = await buildIndex({ seedsDir: config.SEEDS_DIR, indexDir: config.INDEX_DIR, embedder, onProgress: progress });
  if (tty) process.stderr.write('\r\x1b[K');
  console.log(reportBuild(result));
  console.log(`ingest: done in ${((performance.now() - started) / 1000).toFixed(1)} s -> ${result.buildDir}`);
}

main().catch((error: Error) => {
  console.error(`ingest: ${error.message}`);
  process.exit(1);
});
