/**
 * `npm run ingest`: seeds/ -> index/, incrementally, with progress on a terminal and a change report.
 * Exit status: 0 every file ingested (warnings aside); 3 the index was built from the other files but
 * some were refused (each listed with the reason and the fix); 1 nothing was built, the previous
 * index is left as it was.
 */
import { parseConfig } from '../core/config.js';
import { TransformersEmbedder } from '../embeddings/transformers-embedder.node.js';
import { buildIndex, type BuildProgress } from '../ingest/build-index.node.js';
import { reportBuild } from './report-build.js';

/** Exit status when the index was built but some files were refused. */
const EXIT_FILES_REFUSED = 3;

async function main(): Promise<number> {
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
  const refused = result.problems.filter((p) => p.severity === 'error').length;
  if (refused > 0) console.error(`ingest: ${refused} file(s) refused; the other documents are indexed and served (exit ${EXIT_FILES_REFUSED})`);
  return refused > 0 ? EXIT_FILES_REFUSED : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`ingest: ${error.message}`);
    process.exit(1);
  },
);
