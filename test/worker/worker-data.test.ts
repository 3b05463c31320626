import { describe, expect, it } from 'vitest';
import { buildLexicalIndex } from '../../src/answer/create-pipeline.js';
import { IndexMismatchError } from '../../src/core/errors.js';
import { Bm25Index } from '../../src/retrieval/bm25-index.js';
import { Corpus } from '../../src/core/corpus.js';
import { parseWorkerData, validateWorkerData } from '../../src/worker/worker-data.js';
import { seedCorpus } from '../support/seed-pipeline.js';
import { seedWorkerData } from './support/worker-fixtures.js';

describe('Worker data bundle', () => {
  it('round-trips through JSON text with the corpus and a BM25 index that ranks like a fresh one', async () => {
    const data = parseWorkerData(JSON.stringify(await seedWorkerData()));
    const corpus = seedCorpus();
    expect(new Corpus(data.corpus).passages.map((p) => p.id)).toEqual(corpus.passages.map((p) => p.id));
    const fresh = buildLexicalIndex(corpus);
    for (const q of ['区域性医疗中心按多少人口配置一家？', '重症床位占总床位的比例', '长宁区 互联网医院']) {
      expect(new Bm25Index(data.bm25).search(q, 10)).toEqual(fresh.search(q, 10));
    }
  });

  it('gives every passage a distinct Vectorize id within the 64-byte limit', async () => {
    const data = await seedWorkerData();
    const ids = Object.values(data.vectorIds);
    expect(Object.keys(data.vectorIds)).toEqual(data.corpus.passages.map((p) => p.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.max(...ids.map((id) => new TextEncoder().encode(id).length))).toBeLessThanOrEqual(64);
    // Some passage ids are themselves too long to be Vectorize ids: the reason for the mapping.
    expect(Math.max(...data.corpus.passages.map((p) => new TextEncoder().encode(p.id).length))).toBeGreaterThan(64);
  });

  it.each([
    ['torn JSON', (text: string) => text.slice(0, text.length / 2), /not valid JSON/],
    ['another format', (text: string) => text.replace('"format":1', '"format":2'), /another version/],
    [
      'a BM25 index over other passages',
      (text: string) => {
        const d = JSON.parse(text);
        d.bm25.ids.pop();
        return JSON.stringify(d);
      },
      /passages but a BM25 index over/,
    ],
  ])('refuses %s, naming npm run build:worker', async (_name, corrupt, message) => {
    const text = corrupt(JSON.stringify(await seedWorkerData()));
    const error = (() => {
      try {
        parseWorkerData(text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(IndexMismatchError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain('npm run build:worker');
  });

  it('the build checks every BM25 posting; a Worker isolate only the envelope and the counts', async () => {
    const good = await seedWorkerData();
    expect(() => validateWorkerData(good)).not.toThrow();
    const broken = structuredClone(good);
    const [term, pairs] = Object.entries(broken.bm25.postings)[0]!;
    pairs[0] = broken.corpus.passages.length; // a document index one past the end
    expect(() => validateWorkerData(broken)).toThrow(`the postings of ${JSON.stringify(term)} name document ${broken.corpus.passages.length}`);
    // Not walked per isolate: the build is what guarantees it.
    expect(parseWorkerData(JSON.stringify(broken)).bm25.postings[term]![0]).toBe(broken.corpus.passages.length);
  });

  it.each([
    ['a passage without text', (d: Record<string, any>) => delete d.corpus.passages[3].text, /corpus\.passages\.3\.text/],
    ['BM25 ids in another order', (d: Record<string, any>) => d.bm25.ids.reverse(), /BM25 id 0 is/],
    ['a posting that is not pairs', (d: Record<string, any>) => Object.values(d.bm25.postings as Record<string, number[]>)[0]!.push(1), /not \[doc, tf\] pairs/],
  ])('the build refuses %s', async (_name, corrupt, message) => {
    const data = structuredClone(await seedWorkerData()) as unknown as Record<string, any>;
    corrupt(data);
    expect(() => validateWorkerData(data)).toThrow(message);
  });
});
