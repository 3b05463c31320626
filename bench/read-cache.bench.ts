/**
 * `npx tsx bench/read-cache.bench.ts`: what a start or a second ingest spends reading sources,
 * without and with the text cache. The five frozen corpus notices as text PDFs (pdfkit, as in the
 * ingest tests) and one as a scanned page image (OCR): each read with no cache (every start did
 * this before the cache), then into an empty cache, then from the warm cache (median of 3).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gutenyeOcr } from '../src/ingest/ocr/gutenye-ocr.node.js';
import { readCorpus } from '../src/ingest/read-corpus.node.js';
import { layoutLines, pdfkitPdf } from '../test/ingest/support/render-document.js';
import { scanPages } from '../test/ingest/support/render-scan.js';
import { CORPUS_DIR } from '../test/support/corpus-dirs.js';

const TARGET_WARM_S = 1;
const dir = mkdtempSync(join(tmpdir(), 'policydesk-read-cache-'));
const seeds = join(dir, 'seeds');
const cache = join(dir, 'index', 'text-cache');
mkdirSync(seeds);
const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt'));
for (const f of files) writeFileSync(join(seeds, f.replace(/\.txt$/, '.pdf')), await pdfkitPdf(layoutLines(readFileSync(join(CORPUS_DIR, f), 'utf8')), '上海市卫生健康委员会'));
const scanned = readFileSync(join(import.meta.dirname, '../test/fixtures/2024-fixture-district-clinic-plan.txt'), 'utf8');
writeFileSync(join(seeds, '2024-fixture-district-clinic-plan.png'), scanPages(layoutLines(scanned), { dpi: 150, noise: 0.002 })[0]!);

const ocr = gutenyeOcr();
const seconds = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  // The OCR models load once, as in an ingest: the first read pays for it, not the comparison.
  await readCorpus(seeds, { ocr });
  const noCache = median([await seconds(() => readCorpus(seeds, { ocr })), await seconds(() => readCorpus(seeds, { ocr })), await seconds(() => readCorpus(seeds, { ocr }))]);
  const cold = await seconds(() => readCorpus(seeds, { ocr, textCacheDir: cache }));
  const warm = median([
    await seconds(() => readCorpus(seeds, { ocr, textCacheDir: cache })),
    await seconds(() => readCorpus(seeds, { ocr, textCacheDir: cache })),
    await seconds(() => readCorpus(seeds, { ocr, textCacheDir: cache })),
  ]);
  const textOnly = (await readCorpus(seeds)).files.length;
  console.log(`${textOnly} files: 5 text PDFs, 1 scanned page (.png)\n`);
  console.log('| reading the sources | seconds | ratio to no cache |');
  console.log('| --- | --- | --- |');
  console.log(`| no cache (every start and ingest before) | ${noCache.toFixed(2)} | 1 |`);
  console.log(`| into an empty cache | ${cold.toFixed(2)} | ${(cold / noCache).toFixed(2)} |`);
  console.log(`| from the cache (restart, second ingest) | ${warm.toFixed(3)} | ${(warm / noCache).toFixed(3)} |`);
  console.log(`\nsecond read ${warm.toFixed(3)} s (target ≤ ${TARGET_WARM_S} s: ${warm <= TARGET_WARM_S ? 'met' : 'MISSED'})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
