import { readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { IndexMismatchError } from '../../src/core/errors.js';
import { buildIndex, currentBuildDir, loadIndex, staleReason } from '../../src/ingest/build-index.node.js';
import { CountingEmbedder, expectedBy, scratchCorpus } from '../support/scratch-index.js';

let seeds: string;
let indexDir: string;
let remove: () => void;
beforeEach(() => {
  ({ seeds, indexDir, remove } = scratchCorpus('policydesk-truncated-'));
});
afterEach(() => remove());

const expected = expectedBy;
/** Cuts a file of the current build to half its length, as a full disk or an interrupted copy would. */
const truncateHalf = (file: string) => {
  const path = join(currentBuildDir(indexDir)!, file);
  truncateSync(path, Math.floor(readFileSync(path).length / 2));
  return path;
};

describe('a truncated index file', () => {
  test.each(['corpus.json', 'vectors.json', 'passage-vectors.json', 'manifest.json'])('%s: loading names the file and says to run npm run ingest', async (file) => {
    const embedder = new CountingEmbedder();
    await buildIndex({ seedsDir: seeds, indexDir, embedder });
    const path = truncateHalf(file);
    const failure = loadIndex(indexDir, expected(embedder));
    await expect(failure).rejects.toThrow(IndexMismatchError);
    await expect(failure).rejects.toThrow(`The index file ${path} is truncated or corrupt`);
    await expect(failure).rejects.toThrow('Run `npm run ingest` to rebuild it.');
  });

  test('a truncated manifest makes the index stale, and the rebuild embeds everything anew instead of failing', async () => {
    const embedder = new CountingEmbedder();
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
