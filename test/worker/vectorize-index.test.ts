import { beforeEach, describe, expect, it } from 'vitest';
import { IndexMismatchError } from '../../src/core/errors.js';
import { searchText, Corpus } from '../../src/core/corpus.js';
import { BindingError } from '../../src/worker/binding-error.js';
import { syncVectorize } from '../../src/worker/sync-vectorize.js';
import { VectorizeIndex } from '../../src/worker/vectorize-index.js';
import { MANIFEST_NAMESPACE, MANIFEST_VECTOR_ID } from '../../src/worker/vectorize-layout.js';
import type { WorkerData } from '../../src/worker/worker-data.js';
import { WorkersAiEmbedder } from '../../src/worker/workers-ai-embedder.js';
import { InTestAi, InTestVectorize } from './support/in-test-bindings.js';
import { seedWorkerData } from './support/worker-fixtures.js';

let data: WorkerData;
let ai: InTestAi;
let vectorize: InTestVectorize;

const indexFor = (d: WorkerData, binding = vectorize) =>
  new VectorizeIndex(binding, {
    passageIds: new Map(Object.entries(d.vectorIds).map(([p, v]) => [v, p])),
    corpusHash: d.corpusHash,
    chunkerVersion: d.chunkerVersion,
  });

beforeEach(async () => {
  data = await seedWorkerData();
  ai = new InTestAi();
  vectorize = new InTestVectorize();
  await syncVectorize({ data, embedder: new WorkersAiEmbedder(ai), target: vectorize, now: () => new Date('2026-01-02T03:04:05Z') });
});

describe('VectorizeIndex', () => {
  it('verify(): accepts an index synced from this corpus with bge-m3', async () => {
    const manifest = await indexFor(data).verify();
    expect(manifest).toMatchObject({ model: '@cf/baai/bge-m3', dimensions: 1024, corpusHash: data.corpusHash, passageCount: data.corpus.passages.length });
  });

  it('search(): maps Vectorize ids back to passage ids, nearest first', async () => {
    const corpus = new Corpus(data.corpus);
    const target = corpus.passages[17]!;
    const hits = await indexFor(data).search(await ai.embed(searchText(target, corpus.document(target.docId))), 5);
    expect(hits[0]).toMatchObject({ id: target.id });
    expect(hits[0]!.score).toBeCloseTo(1, 5);
    expect(hits).toHaveLength(5);
    expect(hits.every((h) => corpus.passage(h.id))).toBe(true);
  });

  it('search(): never returns the manifest record, and asks for at most 100 matches', async () => {
    const hits = await indexFor(data).search(await ai.embed('医疗'), 120);
    expect(hits.length).toBe(Math.min(100, data.corpus.passages.length));
    expect(hits.map((h) => h.id)).not.toContain(MANIFEST_VECTOR_ID);
  });

  it('search(): skips vectors of passages this Worker does not ship', async () => {
    const stray = { id: 'stray-passage', values: await ai.embed('区域性医疗中心'), namespace: 'passages', metadata: {} };
    await vectorize.upsert([stray]);
    const hits = await indexFor(data).search(stray.values, 100);
    expect(hits.map((h) => h.id)).not.toContain('stray-passage');
  });

  it('verify(): an empty index says to run sync:vectorize', async () => {
    const error = await indexFor(data, new InTestVectorize())
      .verify()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexMismatchError);
    expect((error as Error).message).toMatch(/no PolicyDesk manifest.*npm run sync:vectorize/);
  });

  it('verify(): refuses an index filled by another model (never mixes vectors)', async () => {
    const local = new InTestVectorize({ dimensions: 512, metric: 'cosine' });
    const manifest = { model: 'BAAI/bge-small-zh-v1.5', dimensions: 512, corpusHash: data.corpusHash, chunkerVersion: data.chunkerVersion, passageCount: 1, syncedAt: 'x' };
    await local.upsert([{ id: MANIFEST_VECTOR_ID, values: [1, ...Array(511).fill(0)], namespace: MANIFEST_NAMESPACE, metadata: manifest }]);
    const error = await indexFor(data, local)
      .verify()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexMismatchError);
    expect((error as Error).message).toContain('BAAI/bge-small-zh-v1.5');
    expect((error as Error).message).toContain('@cf/baai/bge-m3');
  });

  it('verify(): refuses an index synced from other documents', async () => {
    const error = await indexFor({ ...data, corpusHash: 'another-corpus' })
      .verify()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexMismatchError);
    expect((error as Error).message).toMatch(/synced from other documents/);
  });

  it('a rejected query or manifest read is a BindingError', async () => {
    vectorize.failWith = new Error('VECTOR_QUERY_ERROR (code = 40000): internal error');
    const index = indexFor(data);
    for (const call of [() => index.search(Array(1024).fill(0.03), 5), () => index.verify()]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BindingError);
      expect((error as BindingError).binding).toBe('VECTORIZE');
      expect((error as Error).message).toContain('code = 40000');
    }
  });

  it('a query answer without a matches list is a BindingError', async () => {
    vectorize.respondWith = { count: 0 };
    await expect(indexFor(data).search(Array(1024).fill(0.03), 5)).rejects.toBeInstanceOf(BindingError);
  });

  it('a query vector of the wrong size is refused by the binding, as a BindingError', async () => {
    await expect(indexFor(data).search(Array(512).fill(0.03), 5)).rejects.toThrow(/VECTORIZE: query failed: .*512 dimensions/);
  });
});
