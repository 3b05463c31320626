import type { Config } from '../core/config.js';
import { gutenyeOcr } from '../ingest/ocr/gutenye-ocr.node.js';
import type { ReadCorpusOptions } from '../ingest/read-corpus.node.js';
import { textCacheDir } from '../ingest/text-cache.node.js';

/** How the commands read the seeds, as ingest does: through the index folder's text cache, with OCR unless OCR=0. */
export function sourceReading(config: Pick<Config, 'INDEX_DIR' | 'OCR'>): ReadCorpusOptions {
  return { textCacheDir: textCacheDir(config.INDEX_DIR), ...(config.OCR ? { ocr: gutenyeOcr() } : {}) };
}
