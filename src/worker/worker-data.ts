import { z } from 'zod';
import { buildLexicalIndex } from '../answer/create-pipeline.js';
import type { AnswerPrompts } from '../answer/llm/answer-prompts.js';
import { DataError, IndexMismatchError } from '../core/errors.js';
import type { Bm25Data } from '../retrieval/bm25-index.js';
import type { Corpus, CorpusData } from '../core/corpus.js';
import { vectorIdFor } from './vectorize-layout.js';

export const WORKER_DATA_FORMAT = 1;

/**
 * What `npm run build:worker` bundles into the Worker: the passages, a prebuilt BM25 index, the
 * Vectorize id of each passage and the LLM prompt templates (a Worker cannot read prompts/). No vectors: the local model's vectors are useless to a Worker,
 * which embeds questions with Workers AI and searches Vectorize instead.
 */
export interface WorkerData {
  format: typeof WORKER_DATA_FORMAT;
  /** Hash of the seed files the corpus was parsed from (as in the index manifest). */
  corpusHash: string;
  chunkerVersion: number;
  /** Where the passages came from: the built `index/`, or `seeds/` parsed directly when index/ was missing or stale. */
  source: 'index' | 'seeds';
  corpus: CorpusData;
  bm25: Bm25Data;
  /** Passage id -> Vectorize vector id. */
  vectorIds: Record<string, string>;
  prompts: AnswerPrompts;
}

/** Builds the bundle from a parsed corpus. Portable, so tests build one from the seeds in-process. */
export async function buildWorkerData(corpus: Corpus, meta: Pick<WorkerData, 'corpusHash' | 'chunkerVersion' | 'source' | 'prompts'>): Promise<WorkerData> {
  const vectorIds: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const p of corpus.passages) {
    const id = await vectorIdFor(p.id);
    if (seen.has(id)) throw new DataError(`Vectorize id collision between ${seen.get(id)} and ${p.id}.`, 'npm run build:worker');
    seen.set(id, p.id);
    vectorIds[p.id] = id;
  }
  const data: WorkerData = { format: WORKER_DATA_FORMAT, ...meta, corpus: corpus.data, bm25: buildLexicalIndex(corpus).data, vectorIds };
  validateWorkerData(data);
  return data;
}

const bundleSchema = z.object({
  format: z.literal(WORKER_DATA_FORMAT),
  corpusHash: z.string(),
  chunkerVersion: z.number().int(),
  source: z.enum(['index', 'seeds']),
  corpus: z.object({ documents: z.array(z.object({ id: z.string() }).passthrough()), passages: z.array(z.object({ id: z.string(), docId: z.string(), text: z.string() }).passthrough()) }),
  bm25: z.object({ ids: z.array(z.string()), lengths: z.array(z.number()), avgLength: z.number(), postings: z.record(z.string(), z.array(z.number().int())) }),
  vectorIds: z.record(z.string(), z.string()),
  prompts: z.object({ system: z.string(), user: z.string() }),
});

/**
 * Checks a bundle in full: every field's type, and every BM25 posting (document index in range,
 * positive term frequency). Costs tens of ms of CPU, so it runs when the bundle is built
 * (`buildWorkerData`), never in a Worker isolate; `parseWorkerData` only checks the envelope.
 */
export function validateWorkerData(data: unknown): asserts data is WorkerData {
  const parsed = bundleSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DataError(`Worker data bundle is malformed at ${issue.path.join('.')}: ${issue.message}.`, 'npm run build:worker');
  }
  const { corpus, bm25 } = parsed.data;
  const n = corpus.passages.length;
  if (bm25.ids.length !== n || bm25.lengths.length !== n)
    throw new DataError(`Worker data bundle: ${n} passages but BM25 over ${bm25.ids.length} ids and ${bm25.lengths.length} lengths.`, 'npm run build:worker');
  bm25.ids.forEach((id, i) => {
    if (id !== corpus.passages[i]!.id) throw new DataError(`Worker data bundle: BM25 id ${i} is ${id}, the passage there is ${corpus.passages[i]!.id}.`, 'npm run build:worker');
  });
  for (const [term, pairs] of Object.entries(bm25.postings)) {
    if (pairs.length % 2 !== 0) throw new DataError(`Worker data bundle: the postings of ${JSON.stringify(term)} are not [doc, tf] pairs.`, 'npm run build:worker');
    for (let i = 0; i < pairs.length; i += 2) {
      if (pairs[i]! < 0 || pairs[i]! >= n || pairs[i + 1]! < 1)
        throw new DataError(`Worker data bundle: the postings of ${JSON.stringify(term)} name document ${pairs[i]} with tf ${pairs[i + 1]}.`, 'npm run build:worker');
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses the bundled JSON text on a Worker's first request. The bundle is our own build output,
 * checked in full when it was built (`validateWorkerData`), so only what tells a stale, foreign or
 * torn bundle apart is checked here: the format, each part's shape, and that the counts agree.
 * Nothing walks the passages or the postings, which keeps a new isolate's first request cheap.
 */
export function parseWorkerData(text: string): WorkerData {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new IndexMismatchError('The Worker data bundle is not valid JSON.', 'npm run build:worker');
  }
  const d = isObject(raw) ? raw : {};
  const corpus = isObject(d.corpus) ? d.corpus : {};
  const bm25 = isObject(d.bm25) ? d.bm25 : {};
  const prompts = isObject(d.prompts) ? d.prompts : {};
  const wellFormed =
    d.format === WORKER_DATA_FORMAT &&
    typeof d.corpusHash === 'string' &&
    typeof d.chunkerVersion === 'number' &&
    Array.isArray(corpus.documents) &&
    Array.isArray(corpus.passages) &&
    Array.isArray(bm25.ids) &&
    Array.isArray(bm25.lengths) &&
    typeof bm25.avgLength === 'number' &&
    isObject(bm25.postings) &&
    isObject(d.vectorIds) &&
    typeof prompts.system === 'string' &&
    typeof prompts.user === 'string';
  if (!wellFormed) throw new IndexMismatchError('The Worker data bundle is from another version or incomplete.', 'npm run build:worker');
  const data = raw as WorkerData;
  if (data.bm25.ids.length !== data.corpus.passages.length || data.bm25.lengths.length !== data.corpus.passages.length) {
    throw new IndexMismatchError(`The Worker data bundle has ${data.corpus.passages.length} passages but a BM25 index over ${data.bm25.ids.length}.`, 'npm run build:worker');
  }
  return data;
}
