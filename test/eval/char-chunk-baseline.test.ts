import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createPipeline } from '../../src/answer/create-pipeline.js';
import { FakeEmbedder } from '../../src/embeddings/fake-embedder.js';
import { embedWithCache } from '../../src/eval/char-chunk-baseline-cache.node.js';
import { CHAR_CHUNK_OVERLAP, CHAR_CHUNK_SIZE, charChunkCorpus } from '../../src/eval/char-chunk-baseline.js';
import { parseEvalCases } from '../../src/eval/eval-case.js';
import { loose, resolveGold } from '../../src/eval/resolve-gold.js';
import { runCase } from '../../src/eval/run-eval.js';
import type { Corpus } from '../../src/core/corpus.js';
import { searchText } from '../../src/core/corpus.js';
import { FlatIndex } from '../../src/vector-index/flat-index.js';
import { readSeeds } from '../../src/ingest/build-index.node.js';
import { seedCorpus } from '../support/seed-pipeline.js';
import { CORPUS_DIR } from '../support/corpus-dirs.js';

const ROOT = join(import.meta.dirname, '../..');
let chunks: Corpus;
beforeAll(async () => {
  chunks = await charChunkCorpus(await readSeeds(CORPUS_DIR));
});

describe('charChunkCorpus (LangChain RecursiveCharacterTextSplitter 500/50)', () => {
  test('fixed-size chunks with overlap, labelled 第N块, under the documents of the real corpus', () => {
    const real = seedCorpus();
    expect([...chunks.documents.values()].map(({ contentHash: _, ...d }) => d)).toEqual([...real.documents.values()].map(({ contentHash: _, ...d }) => d));
    for (const p of chunks.passages) expect(p.text.length).toBeLessThanOrEqual(CHAR_CHUNK_SIZE);
    const first = chunks.passages.filter((p) => p.docId === chunks.passages[0]!.docId);
    expect(first.map((p) => p.label).slice(0, 3)).toEqual(['第1块', '第2块', '第3块']);
    expect(first[0]).toMatchObject({ kind: 'point', path: [], id: `${first[0]!.docId}#c1` });
    // Consecutive chunks of a document share their seam (up to the overlap).
    const seam = first[0]!.text.slice(-20);
    expect(first[1]!.text.slice(0, CHAR_CHUNK_OVERLAP + 20)).toContain(seam);
  });

  test('holds the same text the numbered-point chunker sees: every gold anchor of the suite is found, the 抄送 end matter is not', () => {
    const cases = parseEvalCases(readFileSync(join(ROOT, 'evals/cases.jsonl'), 'utf8'), 'evals/cases.jsonl');
    expect(cases.flatMap((c) => resolveGold(c, chunks).missing.map((a) => `${c.id}: ${a}`))).toEqual([]);
    expect(chunks.passages.some((p) => loose(p.text).includes('抄送'))).toBe(false);
  });

  test('answers through the same pipeline; hit@k counts the chunk that holds the gold anchor', async () => {
    const embedder = new FakeEmbedder();
    const vectors = await embedder.embedDocuments(chunks.passages.map((p) => searchText(p, chunks.document(p.docId))));
    const { answerer } = createPipeline({ corpus: chunks, embedder, vectors: new FlatIndex(chunks.passages.map((p, i) => ({ id: p.id, vector: vectors[i]! }))), mode: 'hybrid' });
    const [c] = parseEvalCases(
      JSON.stringify({
        id: 'icu',
        question: '市级定点医院的重症床位和可转换重症床位要达到总床位数的多少？',
        kind: 'number',
        gold: [{ doc: '沪卫医〔2023〕32号', anchor: '重症床位和可转换重症床位要达到总床位数的 20%' }],
        facts: ['20%'],
      }),
      'x.jsonl',
    );
    const result = await runCase(c!, answerer, chunks);
    expect(result.goldPointIds.length).toBeGreaterThan(0);
    expect(result.goldPointIds.every((id) => /#c\d+$/.test(id))).toBe(true);
    expect(result.rank).not.toBeNull();
    expect(result.goldPointIds).toContain(result.retrievedPointIds[result.rank! - 1]);
  });
});

/** The fake embedder, counting what it embeds. */
class CountingEmbedder extends FakeEmbedder {
  embedded = 0;
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    this.embedded += texts.length;
    return super.embedDocuments(texts);
  }
}

describe('embedWithCache', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'policydesk-chunk-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('embeds each text once per model; keeps only the texts of the last call; a torn file only costs a re-embedding', async () => {
    const embedder = new CountingEmbedder();
    const path = join(dir, 'baselines', 'vectors.json');
    const first = await embedWithCache(embedder, ['甲乙丙丁', '戊己庚辛'], path, 'm@1');
    expect(first.embedded).toBe(2);
    const again = await embedWithCache(embedder, ['甲乙丙丁', '戊己庚辛', '壬癸子丑'], path, 'm@1');
    expect(again.embedded).toBe(1);
    expect(embedder.embedded).toBe(3);
    // Vectors come back as embedded (float32 precision).
    const direct = await embedder.embedQuery('戊己庚辛');
    again.vectors[1]!.forEach((x, i) => expect(x).toBeCloseTo(direct[i]!, 6));

    await embedWithCache(embedder, ['壬癸子丑'], path, 'm@1');
    expect(Object.keys((JSON.parse(readFileSync(path, 'utf8')) as { vectors: object }).vectors)).toHaveLength(1);
    expect((await embedWithCache(embedder, ['壬癸子丑'], path, 'm@2')).embedded).toBe(1);

    writeFileSync(path, '{"model":"m@2","vec');
    expect((await embedWithCache(embedder, ['壬癸子丑'], path, 'm@2')).embedded).toBe(1);
    expect(existsSync(path)).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ model: 'm@2' });
  });
});
