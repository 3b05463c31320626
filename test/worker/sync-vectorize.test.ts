import { describe, expect, it } from 'vitest';
import { FakeEmbedder } from '../../src/embeddings/fake-embedder.js';
import { syncVectorize } from '../../src/worker/sync-vectorize.js';
import { MANIFEST_VECTOR_ID } from '../../src/worker/vectorize-layout.js';
import { WorkersAiEmbedder } from '../../src/worker/workers-ai-embedder.js';
import { InTestAi, InTestVectorize } from './support/in-test-bindings.js';
import { seedWorkerData } from './support/worker-fixtures.js';

describe('syncVectorize', () => {
  it('upserts one bge-m3 vector per passage under its Vectorize id, then the manifest last', async () => {
    const data = await seedWorkerData();
    const target = new InTestVectorize();
    const report = await syncVectorize({ data, embedder: new WorkersAiEmbedder(new InTestAi()), target, now: () => new Date('2026-01-02T00:00:00Z') });
    const passages = data.corpus.passages;
    expect(report.upserted).toBe(passages.length);
    expect(target.records.size).toBe(passages.length + 1);
    expect(target.upserts.at(-1)).toEqual([MANIFEST_VECTOR_ID]);
    const first = target.records.get(data.vectorIds[passages[0]!.id]!);
    expect(first).toMatchObject({ namespace: 'passages', metadata: { passageId: passages[0]!.id, docId: passages[0]!.docId } });
    expect(target.records.get(MANIFEST_VECTOR_ID)?.metadata).toEqual({
      model: '@cf/baai/bge-m3',
      dimensions: 1024,
      corpusHash: data.corpusHash,
      chunkerVersion: data.chunkerVersion,
      passageCount: passages.length,
      syncedAt: '2026-01-02T00:00:00.000Z',
    });
  });

  it('deletes vectors of passages that no longer exist', async () => {
    const data = await seedWorkerData();
    const target = new InTestVectorize();
    await target.upsert([{ id: 'removed-passage', values: Array(1024).fill(0.01), namespace: 'passages', metadata: {} }]);
    const report = await syncVectorize({ data, embedder: new WorkersAiEmbedder(new InTestAi()), target });
    expect(report.deleted).toBe(1);
    expect(target.records.has('removed-passage')).toBe(false);
  });

  it('refuses to write vectors of any model but bge-m3', async () => {
    const data = await seedWorkerData();
    const target = new InTestVectorize();
    await expect(syncVectorize({ data, embedder: new FakeEmbedder(1024), target })).rejects.toThrow(/refusing to write fake\/char-bigram-hash vectors/);
    expect(target.records.size).toBe(0);
  });

  it('refuses an index not created for bge-m3, and says how to create one', async () => {
    const data = await seedWorkerData();
    const target = new InTestVectorize({ dimensions: 512, metric: 'cosine' });
    await expect(syncVectorize({ data, embedder: new WorkersAiEmbedder(new InTestAi()), target })).rejects.toThrow(
      /512 dimensions.*wrangler vectorize create policydesk-bge-m3 --dimensions=1024 --metric=cosine/,
    );
  });
});
