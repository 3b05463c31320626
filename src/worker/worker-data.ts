import { z } from 'zod';
import { buildLexicalIndex } from '../answer/create-pipeline.js';
import type { AnswerPrompts } from '../answer/llm/answer-prompts.js';
import { IndexMismatchError } from '../core/errors.js';
import type { Bm25Data } from '../retrieval/bm25-index.js';
import type { Corpus, CorpusData } from '../retrieval/corpus.js';
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
    if (seen.has(id)) throw new Error(`Vectorize id collision between ${seen.get(id)} and ${p.id}`);
    seen.set(id, p.id);
    vectorIds[p.id] = id;
  }
  return { format: WORKER_DATA_FORMAT, ...meta, corpus: corpus.data, bm25: buildLexicalIndex(corpus).data, vectorIds };
}

// The bundle is our own build output, so only its envelope is checked, not every passage:
// that keeps a Worker's first request cheap while still catching a stale or foreign bundle.
const envelope = z.object({
  format: z.literal(WORKER_DATA_FORMAT),
  corpusHash: z.string(),
  chunkerVersion: z.number().int(),
  source: z.enum(['index', 'seeds']),
  corpus: z.object({ documents: z.array(z.object({ id: z.string() }).passthrough()), passages: z.array(z.object({ id: z.string() }).passthrough()) }),
  bm25: z.object({ ids: z.array(z.string()), lengths: z.array(z.number()), avgLength: z.number(), postings: z.record(z.string(), z.array(z.number())) }),
  vectorIds: z.record(z.string(), z.string()),
  prompts: z.object({ system: z.string(), user: z.string() }),
});

/** Parses the bundled JSON text; a bundle from another build format or a torn one is refused. */
export function parseWorkerData(text: string): WorkerData {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new IndexMismatchError('The Worker data bundle is not valid JSON.', 'npm run build:worker');
  }
  const parsed = envelope.safeParse(raw);
  if (!parsed.success) throw new IndexMismatchError('The Worker data bundle is from another version or incomplete.', 'npm run build:worker');
  const data = parsed.data as unknown as WorkerData;
  if (data.bm25.ids.length !== data.corpus.passages.length) {
    throw new IndexMismatchError(`The Worker data bundle has ${data.corpus.passages.length} passages but a BM25 index over ${data.bm25.ids.length}.`, 'npm run build:worker');
  }
  return data;
}
