import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { IndexMismatchError } from '../../src/core/errors.js';
import { FakeEmbedder } from '../../src/embeddings/fake-embedder.js';
import { buildIndex, currentBuildDir, loadIndex, staleReason } from '../../src/ingest/build-index.node.js';
import { CORPUS_DIR } from '../support/corpus-dirs.js';

const SEEDS = CORPUS_DIR;

class HashedEmbedder extends FakeEmbedder {
  readonly modelHash = 'fake-hash';
  embedded = 0;
  constructor() {
    super(64);
  }
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    this.embedded += texts.length;
    return super.embedDocuments(texts);
  }
}

let dir: string;
let seeds: string;
let indexDir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'policydesk-truncated-'));
  seeds = join(dir, 'seeds');
  indexDir = join(dir, 'index');
  mkdirSync(seeds);
  for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(seeds, f));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const expected = (e: HashedEmbedder) => ({ modelId: e.modelId, modelSha256: e.modelHash, dimensions: e.dimensions });
/** Cuts a file of the current build to half its length, as a full disk or an interrupted copy would. */
const truncateHalf = (file: string) => {
  const path = join(currentBuildDir(indexDir)!, file);
  truncateSync(path, Math.floor(readFileSync(path).length / 2));
  return path;
};

describe('a truncated index file', () => {
  test.each(['corpus.json', 'vectors.json', 'passage-vectors.json', 'manifest.json'])('%s: loading names the file and says to run npm run ingest', async (file) => {
    const embedder = new HashedEmbedder();
    await buildIndex({ seedsDir: seeds, indexDir, embedder });
    const path = truncateHalf(file);
    const failure = loadIndex(indexDir, expected(embedder));
    await expect(failure).rejects.toThrow(IndexMismatchError);
    await expect(failure).rejects.toThrow(`The index file ${path} is truncated or corrupt`);
    await expect(failure).rejects.toThrow('Run `npm run ingest` to rebuild it.');
  });

  test('a truncated manifest makes the index stale, and the rebuild embeds everything anew instead of failing', async () => {
    const embedder = new HashedEmbedder();
    await buildIndex({ seedsDir: seeds, indexDir, embedder });
    const first = embedder.embedded;
    truncateHalf('manifest.json');
    expect(staleReason(indexDir, seeds, expected(embedder))).toMatch(/manifest\.json is truncated or corrupt/);
    truncateHalf('vectors.json');
    await buildIndex({ seedsDir: seeds, indexDir, embedder });
    expect(embedder.embedded).toBe(2 * first);
    expect((await loadIndex(indexDir, expected(embedder))).corpus.passages.length).toBeGreaterThan(0);
  });
});
