import { describe, expect, test } from 'vitest';
import type { Embedder } from '../../src/core/types.js';
import { FakeEmbedder } from '../../src/embeddings/fake-embedder.js';
import { withQueryCache } from '../../src/embeddings/query-cache.js';

/** A fake embedder that records every text it is asked to embed. */
function recording(inner: Embedder = new FakeEmbedder()) {
  const calls: string[] = [];
  const embedder: Embedder = {
    modelId: inner.modelId,
    dimensions: inner.dimensions,
    embedDocuments: (texts) => inner.embedDocuments(texts),
    embedQuery: (text) => {
      calls.push(text);
      return inner.embedQuery(text);
    },
  };
  return { embedder, calls };
}

describe('withQueryCache', () => {
  test('a repeated question gets the same vector without a second model pass', async () => {
    const { embedder, calls } = recording();
    const cached = withQueryCache(embedder, { maxEntries: 10 });
    const first = await cached.embedQuery('区域性医疗中心按多少人口配置一家？');
    const second = await cached.embedQuery('区域性医疗中心按多少人口配置一家？');
    expect(second).toEqual(first);
    expect(first).toEqual(await new FakeEmbedder().embedQuery('区域性医疗中心按多少人口配置一家？'));
    expect(calls).toHaveLength(1);
    expect(cached.cacheStats()).toEqual({ entries: 1, hits: 1, misses: 1 });
  });

  test('texts that differ at all are different keys', async () => {
    const { embedder, calls } = recording();
    const cached = withQueryCache(embedder, { maxEntries: 10 });
    await cached.embedQuery('发热门诊');
    await cached.embedQuery('发热门诊？');
    await cached.embedQuery(' 发热门诊');
    expect(calls).toEqual(['发热门诊', '发热门诊？', ' 发热门诊']);
  });

  test('the least recently used question is dropped first', async () => {
    const { embedder, calls } = recording();
    const cached = withQueryCache(embedder, { maxEntries: 2 });
    await cached.embedQuery('a');
    await cached.embedQuery('b');
    await cached.embedQuery('a'); // a is now the most recent
    await cached.embedQuery('c'); // evicts b
    expect(cached.cacheStats().entries).toBe(2);
    await cached.embedQuery('a');
    await cached.embedQuery('b');
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });

  test('concurrent requests for one question share one model pass', async () => {
    const { embedder, calls } = recording();
    const cached = withQueryCache(embedder, { maxEntries: 10 });
    const vectors = await Promise.all(Array.from({ length: 5 }, () => cached.embedQuery('重症床位')));
    expect(calls).toEqual(['重症床位']);
    for (const v of vectors) expect(v).toEqual(vectors[0]);
  });

  test('a failed pass is not remembered: the next ask runs the model again', async () => {
    let fail = true;
    const inner = new FakeEmbedder();
    const { embedder, calls } = recording({
      ...inner,
      modelId: inner.modelId,
      dimensions: inner.dimensions,
      embedDocuments: (t) => inner.embedDocuments(t),
      embedQuery: async (t) => {
        if (fail) throw new Error('model unavailable');
        return inner.embedQuery(t);
      },
    });
    const cached = withQueryCache(embedder, { maxEntries: 10 });
    await expect(cached.embedQuery('护理')).rejects.toThrow('model unavailable');
    fail = false;
    await expect(cached.embedQuery('护理')).resolves.toHaveLength(inner.dimensions);
    expect(calls).toEqual(['护理', '护理']);
  });

  test('callers get copies: changing one does not change what is remembered', async () => {
    const cached = withQueryCache(new FakeEmbedder(), { maxEntries: 10 });
    const miss = await cached.embedQuery('互联网医院');
    const original = [...miss];
    miss.fill(0);
    const hit = await cached.embedQuery('互联网医院');
    expect(hit).toEqual(original);
    hit.fill(0);
    expect(await cached.embedQuery('互联网医院')).toEqual(original);
  });

  test('maxEntries 0 turns it off; a negative or fractional size is refused', async () => {
    const { embedder, calls } = recording();
    const off = withQueryCache(embedder, { maxEntries: 0 });
    await off.embedQuery('x');
    await off.embedQuery('x');
    expect(calls).toEqual(['x', 'x']);
    expect(off.cacheStats()).toEqual({ entries: 0, hits: 0, misses: 2 });
    expect(() => withQueryCache(embedder, { maxEntries: -1 })).toThrow(RangeError);
    expect(() => withQueryCache(embedder, { maxEntries: 1.5 })).toThrow(/whole number/);
  });

  test('documents pass through, uncached', async () => {
    const cached = withQueryCache(new FakeEmbedder(), { maxEntries: 10 });
    expect(await cached.embedDocuments(['a', 'b'])).toEqual(await new FakeEmbedder().embedDocuments(['a', 'b']));
    expect(cached.cacheStats().entries).toBe(0);
  });
});
