import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { OCR_UNSURE_NOTE } from '../../src/core/corpus.js';
import { Corpus } from '../../src/core/corpus.js';
import { readCorpus } from '../../src/ingest/read-corpus.node.js';
import { textPageOcr } from './support/text-page-ocr.js';

const FIXTURE = readFileSync(join(import.meta.dirname, '../fixtures/2024-fixture-district-clinic-plan.txt'), 'utf8');
const LINES = FIXTURE.split('\n').filter((l) => l.trim() !== '');

let root: string;
let seeds: string;
let cache: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'policydesk-text-cache-'));
  seeds = join(root, 'seeds');
  cache = join(root, 'index', 'text-cache');
  mkdirSync(seeds);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The fixture notice as a page scan the fake OCR reads, with the point that mentions 家庭医生 read unsure. */
function writeScan(name = 'plan.png') {
  const unsure = LINES.findIndex((l) => /^\d+\./.test(l));
  writeFileSync(join(seeds, name), LINES.map((l, i) => (i === unsure ? `?${l}` : l)).join('\n'));
  return LINES[unsure]!;
}

describe('text cache', () => {
  test('a second read of an unchanged file comes from the cache: the OCR is not run again, and the corpus is the same', async () => {
    writeScan();
    const ocr = textPageOcr();
    const first = await readCorpus(seeds, { ocr, textCacheDir: cache });
    const second = await readCorpus(seeds, { ocr, textCacheDir: cache });
    expect(ocr.reads).toBe(1);
    expect(first.documents.map((d) => d.docNumber)).toEqual(['示卫健发〔2024〕7号']);
    expect(second.passages).toEqual(first.passages);
    expect(second.texts.get('plan.png')?.ocr).toEqual(first.texts.get('plan.png')?.ocr);
  });

  test('a changed file, another OCR model, or OCR turned off is read again', async () => {
    writeScan();
    const ocr = textPageOcr('models A');
    await readCorpus(seeds, { ocr, textCacheDir: cache });
    writeFileSync(join(seeds, 'plan.png'), `${LINES.join('\n')}\n附件`);
    await readCorpus(seeds, { ocr, textCacheDir: cache });
    expect(ocr.reads).toBe(2);
    const other = textPageOcr('models B');
    await readCorpus(seeds, { ocr: other, textCacheDir: cache });
    expect(other.reads).toBe(1);
    // Only the reader version in use is kept.
    expect(readdirSync(cache)).toHaveLength(1);
    const off = await readCorpus(seeds, { textCacheDir: cache });
    expect(off.problems).toEqual([expect.objectContaining({ fileName: 'plan.png', severity: 'error', reason: 'an image is read by OCR, which is off' })]);
  });

  test('a damaged cache entry is read again, not served', async () => {
    writeScan();
    const ocr = textPageOcr();
    await readCorpus(seeds, { ocr, textCacheDir: cache });
    const [version] = readdirSync(cache);
    const [entry] = readdirSync(join(cache, version!));
    writeFileSync(join(cache, version!, entry!), '{"readerVersion": "text-page');
    const again = await readCorpus(seeds, { ocr, textCacheDir: cache });
    expect(ocr.reads).toBe(2);
    expect(again.documents).toHaveLength(1);
  });

  test('a refused file is not cached: once fixed under the same bytes it could not be, so it is read every time', async () => {
    writeFileSync(join(seeds, 'blank.png'), '\n');
    const ocr = textPageOcr();
    const read = await readCorpus(seeds, { ocr, textCacheDir: cache });
    await readCorpus(seeds, { ocr, textCacheDir: cache });
    expect(read.problems[0]).toMatchObject({ fileName: 'blank.png', reason: 'OCR found no text on the image' });
    expect(ocr.reads).toBe(2);
  });
});

describe('a page image read by OCR', () => {
  test('the report counts its lines and the unsure ones; the passage read from unsure lines is cited with the note', async () => {
    const unsureLine = writeScan();
    const read = await readCorpus(seeds, { ocr: textPageOcr() });
    expect(read.texts.get('plan.png')).toMatchObject({ format: 'image', ocr: { pages: 1, lines: LINES.length, lowLines: [unsureLine.replace(/\s+/g, ' ').trim()] } });
    const corpus = new Corpus({ documents: read.documents, passages: read.passages });
    const flagged = read.passages.filter((p) => p.ocrUnsure);
    expect(flagged.length).toBeGreaterThan(0);
    // The point's text, its marker taken off by the chunker.
    expect(flagged.map((p) => p.text)).toEqual([unsureLine.replace(/^\d+\.\s*/, '')]);
    expect(corpus.citation(flagged[0]!.id, 1).ocrNote).toBe(OCR_UNSURE_NOTE);
    const sure = read.passages.find((p) => !p.ocrUnsure && p.kind === 'point')!;
    expect(corpus.citation(sure.id, 1).ocrNote).toBeUndefined();
  });
});
