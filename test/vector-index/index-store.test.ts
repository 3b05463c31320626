import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { IndexMismatchError } from '../../src/core/errors.js';
import { buildIndex, chunkingChanged, chunksHash, currentBuildDir, loadIndex, staleReason } from '../../src/ingest/build-index.node.js';
import { searchText } from '../../src/core/corpus.js';
import { checkManifest } from '../../src/vector-index/manifest.js';
import { CountingEmbedder, expectedBy, manifestFixture, scratchCorpus } from '../support/scratch-index.js';

let dir: string;
let seeds: string;
let indexDir: string;
let remove: () => void;
beforeEach(() => {
  ({ dir, seeds, indexDir, remove } = scratchCorpus('policydesk-index-'));
});
afterEach(() => remove());

const expected = expectedBy;

describe('buildIndex / loadIndex', () => {
  test('builds, loads, and the HNSW index finds a passage by its own vector', async () => {
    const embedder = new CountingEmbedder();
    const result = await buildIndex({ seedsDir: seeds, indexDir, embedder });
    expect(result.changes.added).toHaveLength(5);
    // Every point and every sentence of it, each distinct text once.
    expect(result.embedded).toBeGreaterThan(result.manifest.passageCount);
    expect(result.embedded).toBeLessThanOrEqual(result.manifest.passageCount + result.manifest.sentenceCount);
    const loaded = await loadIndex(indexDir, expected(embedder));
    const passage = loaded.corpus.passages.find((p) => p.label === '第二部分第8条' && p.docId.includes('health'))!;
    const [hit] = await loaded.vectors.search(loaded.passageVector(passage.id)!, 1);
    expect(hit!.id).toBe(passage.id);
    expect(hit!.score).toBeCloseTo(1, 5);
    expect(loaded.sentenceVectors.size).toBe(loaded.manifest.sentenceCount);
    const [sentenceHit] = await loaded.sentenceVectors.search(loaded.passageVector(passage.id)!, 1);
    expect(sentenceHit!.id.startsWith(`${passage.id}@`)).toBe(true);
    expect(staleReason(indexDir, seeds, expected(embedder))).toBeUndefined();
  });

  test('re-ingest embeds nothing when nothing changed; an edit re-embeds only that passage and is reported', async () => {
    const embedder = new CountingEmbedder();
    await buildIndex({ seedsDir: seeds, indexDir, embedder });
    embedder.embedded = 0;
    const again = await buildIndex({ seedsDir: seeds, indexDir, embedder });
    expect(again.embedded).toBe(0);
    expect(again.changes.unchanged).toHaveLength(5);

    const file = join(seeds, '2025-putuo-medical-administration-priorities.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('继续推进儿科医师转岗培训。', '继续推进儿科医师转岗培训，全年培训50人。'));
    expect(staleReason(indexDir, seeds, expected(embedder))).toMatch(/changed/);
    const edited = await buildIndex({ seedsDir: seeds, indexDir, embedder });
    // The edited point and its one edited sentence.
    expect(edited.embedded).toBe(2);
    expect(edited.changes.changed).toHaveLength(1);
    expect(edited.changes.changed[0]!.edited).toEqual([expect.objectContaining({ id: '2025-putuo-medical-administration-priorities#3.12', diff: expect.stringContaining('{+，全年培训50人+}') })]);
  });

  test('an index chunked by other code is noticed, reported as changed passages, and re-embedded', async () => {
    const embedder = new CountingEmbedder();
    await buildIndex({ seedsDir: seeds, indexDir, embedder });
    expect(await chunkingChanged(indexDir, seeds)).toBeUndefined();
    // What an older chunker that dropped a sentence would have left: same files, other chunks.
    const dir = currentBuildDir(indexDir)!;
    const corpus = JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8')) as { passages: Array<{ id: string; text: string }> };
    const target = corpus.passages.find((p) => p.id === '2025-putuo-medical-administration-priorities#3.12')!;
    target.text = target.text.replace('继续推进儿科医师转岗培训。', '');
    writeFileSync(join(dir, 'corpus.json'), JSON.stringify(corpus));
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { chunksHash: string };
    manifest.chunksHash = chunksHash(corpus.passages as never);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));

    expect(staleReason(indexDir, seeds, expected(embedder))).toBeUndefined();
    expect(await chunkingChanged(indexDir, seeds)).toMatch(/cleaned or chunked differently/);
    embedder.embedded = 0;
    const rebuilt = await buildIndex({ seedsDir: seeds, indexDir, embedder });
    expect(rebuilt.changes.changed).toEqual([
      expect.objectContaining({
        docId: '2025-putuo-medical-administration-priorities',
        cause: 'chunking',
        edited: [expect.objectContaining({ id: target.id, diff: expect.stringContaining('{+继续推进儿科医师转岗培训。+}') })],
      }),
    ]);
    // Vectors are kept by the hash of the text embedded: the rebuilt point has the vector of its text now.
    const loaded = await loadIndex(indexDir, expected(embedder));
    const passage = loaded.corpus.passage(target.id)!;
    const [now] = await new CountingEmbedder().embedDocuments([searchText(passage, loaded.corpus.document(passage.docId))]);
    expect(loaded.passageVector(target.id)).toEqual(Array.from(new Float32Array(now!)));
    expect(await chunkingChanged(indexDir, seeds)).toBeUndefined();
    expect(rebuilt.manifest.textsHash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('a small change updates the previous graphs in place; the result searches like a fresh build', async () => {
    const embedder = new CountingEmbedder();
    const first = await buildIndex({ seedsDir: seeds, indexDir, embedder });
    expect(first.incremental).toBe(false);
    const file = join(seeds, '2025-putuo-medical-administration-priorities.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('继续推进儿科医师转岗培训。', '继续推进儿科医师转岗培训，全年培训50人。'));
    const edited = await buildIndex({ seedsDir: seeds, indexDir, embedder });
    expect(edited.incremental).toBe(true);
    const updated = await loadIndex(indexDir, expected(embedder));
    expect(updated.vectors.size).toBe(updated.manifest.passageCount);
    expect(updated.sentenceVectors.size).toBe(updated.manifest.sentenceCount);

    // The same corpus built from nothing answers every point's own vector with the same ids.
    const fresh = join(dir, 'fresh-index');
    await buildIndex({ seedsDir: seeds, indexDir: fresh, embedder });
    const rebuilt = await loadIndex(fresh, expected(embedder));
    for (const p of updated.corpus.passages) {
      const v = updated.passageVector(p.id)!;
      const [a, b] = [await updated.vectors.search(v, 3), await rebuilt.vectors.search(v, 3)];
      expect(a.map((h) => h.id)[0]).toBe(p.id);
      expect(new Set(a.map((h) => h.id))).toEqual(new Set(b.map((h) => h.id)));
    }
    // The edited point's old text is gone from the graph: its id is found once, with its new vector.
    const target = '2025-putuo-medical-administration-priorities#3.12';
    const all = await updated.vectors.search(updated.passageVector(target)!, updated.vectors.size);
    expect(all.filter((h) => h.id === target)).toEqual([{ id: target, score: expect.closeTo(1, 5) }]);
  });

  test('the previous build survives one more ingest (a process may still be loading it); older builds go', async () => {
    const embedder = new CountingEmbedder();
    await buildIndex({ seedsDir: seeds, indexDir, embedder });
    const first = currentBuildDir(indexDir)!;
    const file = join(seeds, '2025-putuo-medical-administration-priorities.txt');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
    await buildIndex({ seedsDir: seeds, indexDir, embedder, now: () => new Date('2030-01-01T00:00:00Z') });
    const second = currentBuildDir(indexDir)!;
    expect(readdirSync(join(indexDir, 'builds')).sort()).toEqual([first, second].map((d) => d.split('/').at(-1)).sort());
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
    await buildIndex({ seedsDir: seeds, indexDir, embedder, now: () => new Date('2030-01-02T00:00:00Z') });
    expect(readdirSync(join(indexDir, 'builds')).sort()).toEqual([second, currentBuildDir(indexDir)!].map((d) => d.split('/').at(-1)).sort());
  });

  test('a deleted document disappears from the index', async () => {
    const embedder = new CountingEmbedder();
    await buildIndex({ seedsDir: seeds, indexDir, embedder });
    unlinkSync(join(seeds, '2023-changning-medical-work-plan.txt'));
    const result = await buildIndex({ seedsDir: seeds, indexDir, embedder });
    expect(result.changes.removed).toEqual(['2023-changning-medical-work-plan']);
    const loaded = await loadIndex(indexDir, expected(embedder));
    expect(loaded.corpus.passages.some((p) => p.docId === '2023-changning-medical-work-plan')).toBe(false);
    expect(loaded.vectors.size).toBe(loaded.manifest.passageCount);
  });

  test('a failed ingest leaves the previous index in use', async () => {
    const embedder = new CountingEmbedder();
    await buildIndex({ seedsDir: seeds, indexDir, embedder });
    const before = currentBuildDir(indexDir);
    const file = join(seeds, '2023-shanghai-health-work-priorities.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('。', '；'));
    embedder.failAfter = embedder.embedded + 3;
    await expect(buildIndex({ seedsDir: seeds, indexDir, embedder })).rejects.toThrow('embedder crashed');
    expect(currentBuildDir(indexDir)).toBe(before);
    const loaded = await loadIndex(indexDir, expected(embedder));
    expect(loaded.manifest.passageCount).toBeGreaterThan(100);
  });

  test('a bad source file is reported by name and the others indexed; with no good file left the index is kept', async () => {
    const embedder = new CountingEmbedder();
    await buildIndex({ seedsDir: seeds, indexDir, embedder });
    writeFileSync(join(seeds, 'broken.txt'), '这不是一份政策文件');
    const result = await buildIndex({ seedsDir: seeds, indexDir, embedder });
    expect(result.problems).toEqual([expect.objectContaining({ fileName: 'broken.txt', severity: 'error', reason: expect.stringMatching(/no document number/) })]);
    expect(result.manifest.documents).toHaveLength(5);

    for (const f of readdirSync(seeds)) if (f !== 'broken.txt') unlinkSync(join(seeds, f));
    const before = currentBuildDir(indexDir);
    await expect(buildIndex({ seedsDir: seeds, indexDir, embedder })).rejects.toThrow(/broken\.txt: no document number/);
    expect(currentBuildDir(indexDir)).toBe(before);
    await expect(loadIndex(indexDir, expected(embedder))).resolves.toBeDefined();
  });
});

describe('manifest checks', () => {
  test('no index: the error names the command to run', async () => {
    await expect(loadIndex(indexDir, { modelId: 'x', dimensions: 64 })).rejects.toThrow(/npm run ingest/);
  });

  test('an index built by another model is refused', async () => {
    const embedder = new CountingEmbedder('hash-a');
    await buildIndex({ seedsDir: seeds, indexDir, embedder });
    const other = new CountingEmbedder('hash-b');
    await expect(loadIndex(indexDir, expected(other))).rejects.toBeInstanceOf(IndexMismatchError);
    expect(staleReason(indexDir, seeds, expected(other))).toMatch(/model/);
  });

  test.each([
    [{ dimensions: 512 }, /dimensional/],
    [{ chunkerVersion: 0 }, /chunker/],
  ])('mismatch %#', (change, message) => {
    const manifest = manifestFixture();
    const wanted = { modelId: 'm', modelSha256: 'h', dimensions: 64, chunkerVersion: 1, ...change };
    expect(() => checkManifest(manifest, wanted)).toThrow(message);
  });

  test('an unreadable manifest is refused', () => {
    expect(() => checkManifest({ format: 99 }, { modelId: 'm', dimensions: 1, chunkerVersion: 1 })).toThrow(/npm run ingest/);
  });
});
