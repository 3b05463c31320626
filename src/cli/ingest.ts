/**
 * `npm run ingest`: seeds/ -> index/, incrementally, with progress (a bar on a terminal, periodic lines
 * elsewhere) and a change report. Scanned pages and page images are read by OCR unless OCR=0.
 * Exit status: 0 every file ingested (warnings aside); 3 the index was built from the other files but
 * some were refused (each listed with the reason and the fix); 1 nothing was built, the previous
 * index is left as it was.
 */
import { parseConfig } from '../core/config.js';
import { TransformersEmbedder } from '../embeddings/transformers-embedder.node.js';
import { buildIndex, type BuildProgress } from '../ingest/build-index.node.js';
import { gutenyeOcr } from '../ingest/ocr/gutenye-ocr.node.js';
import { progressReporter } from './progress-reporter.js';
import { reportBuild } from './report-build.js';

/** Exit status when the index was built but some files were refused. */
const EXIT_FILES_REFUSED = 3;

async function main(): Promise<number> {
  const config = parseConfig(process.env);
  const started = performance.now();
  const embedder = await TransformersEmbedder.load({ modelDir: config.MODEL_DIR });
  const progress = progressReporter(process.stderr);
  const result = await buildIndex({
    seedsDir: config.SEEDS_DIR,
    indexDir: config.INDEX_DIR,
    embedder,
    ...(config.OCR ? { ocr: gutenyeOcr() } : {}),
    onProgress: (p: BuildProgress) => progress.update(p),
  });
  progress.end();
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
