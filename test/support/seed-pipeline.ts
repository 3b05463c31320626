import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_TUNING } from '../../src/retrieval/hybrid-retriever.js';
import { createPipeline, type Pipeline } from '../../src/answer/create-pipeline.js';
import { FakeEmbedder } from '../../src/embeddings/fake-embedder.js';
import { parseDocument } from '../../src/ingest/parse-document.js';
import { Corpus, searchText, type CorpusData } from '../../src/core/corpus.js';
import { FlatIndex } from '../../src/vector-index/flat-index.js';
import { CORPUS_DIR } from './corpus-dirs.js';

const SEEDS = CORPUS_DIR;

/** The seed files, in name order: [file name, text]. */
export function corpusFiles(): Array<readonly [string, string]> {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => [f, readFileSync(join(SEEDS, f), 'utf8')] as const);
}

/** The corpus parsed from documents given as [file name, text]. */
export function corpusOf(files: ReadonlyArray<readonly [string, string]>): Corpus {
  return new Corpus(corpusDataOf(files));
}

function corpusDataOf(files: ReadonlyArray<readonly [string, string]>): CorpusData {
  const data: CorpusData = { documents: [], passages: [] };
  for (const [file, text] of files) {
    const { document, passages } = parseDocument(file, text);
    data.documents.push({ ...document, contentHash: file });
    data.passages.push(...passages);
  }
  return data;
}

let cached: CorpusData | undefined;

/** The real corpus, parsed from seeds/ once per test file. */
export function seedCorpus(): Corpus {
  cached ??= corpusDataOf(corpusFiles());
  return new Corpus(cached);
}

/** Fusion for fake vectors (dense tests): the weights calibrate chose before it saw session 6's dev sets. */
const FAKE_VECTOR_FUSION = { lexicalShare: 0.6, sentenceWeight: 0.5 };

/**
 * The full pipeline over the real corpus with deterministic fake embeddings (no model):
 * what route, Slack and Worker tests run against. Tests of the real model live in *.model.test.ts.
 */
export async function seedPipeline(options: { dense?: boolean; newId?: () => string; answerEveryQuestion?: boolean } = {}): Promise<Pipeline> {
  const corpus = seedCorpus();
  // `answerEveryQuestion`: no decision model, every ranked question is answered with confidence.
  // Fake embeddings' cosines mean nothing to the calibrated decision; composer tests use this.
  const extra = { ...(options.newId ? { newId: options.newId } : {}), ...(options.answerEveryQuestion ? { tuning: { ...DEFAULT_TUNING, decision: undefined } } : {}) };
  if (!options.dense) return createPipeline({ corpus, ...extra });
  // A fake vector's cosine is a hashed-bigram overlap, not meaning: the tests that use them check
  // routes and composers, not fusion, so fusion is held where they were written rather than moving
  // with each `npm run calibrate` (which chooses it for the real model).
  const tuning = { ...(extra.tuning ?? DEFAULT_TUNING), ...FAKE_VECTOR_FUSION };
  const embedder = new FakeEmbedder();
  const vectors = await embedder.embedDocuments(corpus.passages.map((p) => searchText(p, corpus.document(p.docId))));
  const index = new FlatIndex(corpus.passages.map((p, i) => ({ id: p.id, vector: vectors[i]! })));
  return createPipeline({ corpus, embedder, vectors: index, ...extra, tuning });
}
