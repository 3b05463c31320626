import { join } from 'node:path';
import { loadPrompts } from '../../../src/answer/llm/load-prompts.node.js';
import { CHUNKER_VERSION } from '../../../src/ingest/chunk-document.js';
import { buildWorkerData, type WorkerData } from '../../../src/worker/worker-data.js';
import { seedCorpus } from '../../support/seed-pipeline.js';

let cached: Promise<WorkerData> | undefined;

/** The Worker data bundle over the real corpus, built in-process once per test file. */
export function seedWorkerData(): Promise<WorkerData> {
  cached ??= loadPrompts(join(import.meta.dirname, '../../../prompts')).then((prompts) =>
    buildWorkerData(seedCorpus(), { corpusHash: 'seed-corpus-for-tests', chunkerVersion: CHUNKER_VERSION, source: 'seeds', prompts }),
  );
  return cached;
}
