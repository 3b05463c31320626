import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHUNKER_VERSION } from '../../src/ingest/chunk-document.js';
import { corpusHash, readSeeds } from '../../src/ingest/build-index.node.js';
import { readCorpus } from '../../src/ingest/read-corpus.node.js';
import { textCacheDir } from '../../src/ingest/text-cache.node.js';
import { buildWorkerDataModule } from '../../src/worker/build/build-worker-data.node.js';
import { textPageOcr } from '../ingest/support/text-page-ocr.js';
import { parseWorkerData } from '../../src/worker/worker-data.js';
import { seedCorpus } from '../support/seed-pipeline.js';
import { CORPUS_DIR } from '../support/corpus-dirs.js';
import { manifestFixture } from '../support/scratch-index.js';

const ROOT = join(import.meta.dirname, '../..');
const SEEDS = CORPUS_DIR;
const PROMPTS = join(ROOT, 'prompts');

/** A minimal index/ build folder with the given manifest fields and corpus. */
function fakeIndex(manifest: { chunkerVersion: number; corpusHash: string }, corpus: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'policydesk-index-'));
  mkdirSync(join(dir, 'builds/b1'), { recursive: true });
  writeFileSync(join(dir, 'CURRENT'), 'builds/b1\n');
  const full = manifestFixture({ dimensions: 4, sentenceCount: 0, ...manifest });
  writeFileSync(join(dir, 'builds/b1/manifest.json'), JSON.stringify(full));
  writeFileSync(join(dir, 'builds/b1/corpus.json'), JSON.stringify(corpus));
  return dir;
}

const outFile = () => join(mkdtempSync(join(tmpdir(), 'policydesk-worker-')), 'worker-data.js');

describe('buildWorkerDataModule', () => {
  it('writes a module whose default export is the bundle as JSON text', async () => {
    const file = outFile();
    const result = await buildWorkerDataModule({ indexDir: join(tmpdir(), 'policydesk-no-index'), seedsDir: SEEDS, promptsDir: PROMPTS, outFile: file });
    const text = ((await import(pathToFileURL(file).href)) as { default: string }).default;
    const data = parseWorkerData(text);
    expect(data.corpus.passages.map((p) => p.id)).toEqual(seedCorpus().passages.map((p) => p.id));
    expect(data.corpusHash).toBe(corpusHash(await readSeeds(SEEDS)));
    expect(data.prompts.user).toContain('{{question}}');
    expect(result.bytes).toBe(Buffer.byteLength(readFileSync(file, 'utf8')));
  });

  it('one unreadable file among the seeds does not stop the build: the others are bundled', async () => {
    const seeds = mkdtempSync(join(tmpdir(), 'policydesk-seeds-'));
    for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(seeds, f));
    writeFileSync(join(seeds, 'broken.txt'), '这不是一份政策文件');
    const result = await buildWorkerDataModule({ indexDir: join(tmpdir(), 'policydesk-no-index'), seedsDir: seeds, promptsDir: PROMPTS, outFile: outFile() });
    expect(result.data.corpus.documents).toHaveLength(5);
    expect(result.data.corpus.passages.map((p) => p.id)).toEqual(seedCorpus().passages.map((p) => p.id));
  });

  it('without an index, parses seeds/ and says why', async () => {
    const missing = join(tmpdir(), 'policydesk-no-index');
    const result = await buildWorkerDataModule({ indexDir: missing, seedsDir: SEEDS, promptsDir: PROMPTS, outFile: outFile() });
    expect(result.data.source).toBe('seeds');
    expect(result.indexSkipped).toBe(`no index in ${missing}`);
  });

  it('skips an index built by another chunker version', async () => {
    const dir = fakeIndex({ chunkerVersion: CHUNKER_VERSION - 1, corpusHash: corpusHash(await readSeeds(SEEDS)) }, { documents: [], passages: [] });
    const result = await buildWorkerDataModule({ indexDir: dir, seedsDir: SEEDS, promptsDir: PROMPTS, outFile: outFile() });
    expect(result.data.source).toBe('seeds');
    expect(result.indexSkipped).toContain(`chunker version ${CHUNKER_VERSION - 1}`);
  });

  it('skips an index built from other documents', async () => {
    const dir = fakeIndex({ chunkerVersion: CHUNKER_VERSION, corpusHash: 'other' }, { documents: [], passages: [] });
    const result = await buildWorkerDataModule({ indexDir: dir, seedsDir: SEEDS, promptsDir: PROMPTS, outFile: outFile() });
    expect(result.indexSkipped).toContain('seeds/ changed');
  });

  it('uses a current index: the Worker cites exactly the passages the Node index holds', async () => {
    const corpus = seedCorpus().data;
    const subset = { documents: corpus.documents, passages: corpus.passages.slice(0, 7) };
    const dir = fakeIndex({ chunkerVersion: CHUNKER_VERSION, corpusHash: corpusHash(await readSeeds(SEEDS)) }, subset);
    const result = await buildWorkerDataModule({ indexDir: dir, seedsDir: SEEDS, promptsDir: PROMPTS, outFile: outFile() });
    expect(result.data.source).toBe('index');
    expect(result.indexSkipped).toBeUndefined();
    expect(result.data.corpus.passages.map((p) => p.id)).toEqual(subset.passages.map((p) => p.id));
    expect(result.data.bm25.ids).toHaveLength(7);
  });

  it('reads the seeds through the text cache of the index folder: a scan read here is not read again by the next ingest, nor by the next build', async () => {
    const root = mkdtempSync(join(tmpdir(), 'policydesk-worker-cache-'));
    const seeds = join(root, 'seeds');
    mkdirSync(seeds);
    const indexDir = join(root, 'index');
    mkdirSync(indexDir);
    for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(seeds, f));
    // A page image the fake OCR reads as the text it holds.
    writeFileSync(join(seeds, '2024-fixture-district-clinic-plan.png'), readFileSync(join(ROOT, 'test/fixtures/2024-fixture-district-clinic-plan.txt')));
    const ocr = textPageOcr();
    const first = await buildWorkerDataModule({ indexDir, seedsDir: seeds, promptsDir: PROMPTS, outFile: outFile(), ocr });
    expect(first.data.corpus.documents.map((d) => d.docNumber)).toContain('示卫健发〔2024〕7号');
    await readCorpus(seeds, { ocr, textCacheDir: textCacheDir(indexDir) });
    await buildWorkerDataModule({ indexDir, seedsDir: seeds, promptsDir: PROMPTS, outFile: outFile(), ocr });
    expect(ocr.reads).toBe(1);
  });

  it('fails, naming the file, when the prompt templates are missing', async () => {
    await expect(buildWorkerDataModule({ indexDir: join(tmpdir(), 'policydesk-no-index'), seedsDir: SEEDS, promptsDir: join(tmpdir(), 'no-prompts-here'), outFile: outFile() })).rejects.toThrow(
      /no-prompts-here/,
    );
  });
});
