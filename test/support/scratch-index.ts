import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeEmbedder } from '../../src/embeddings/fake-embedder.js';
import { MANIFEST_FORMAT, type IndexManifest } from '../../src/vector-index/manifest.js';
import { CORPUS_DIR } from './corpus-dirs.js';

/** Fake embeddings with the model hash a manifest records, counting what it embeds, and able to fail on cue. */
export class CountingEmbedder extends FakeEmbedder {
  readonly modelHash: string;
  embedded = 0;
  failAfter = Number.POSITIVE_INFINITY;
  constructor(hash = 'fake-hash') {
    super(64);
    this.modelHash = hash;
  }
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    if (this.embedded + texts.length > this.failAfter) throw new Error('embedder crashed');
    this.embedded += texts.length;
    return super.embedDocuments(texts);
  }
}

/** What loadIndex expects of an index built by `embedder`. */
export const expectedBy = (e: CountingEmbedder) => ({ modelId: e.modelId, modelSha256: e.modelHash, dimensions: e.dimensions });

/** A temp folder with a copy of the test corpus in `seeds` and room for an `index`; `remove()` deletes it. */
export function scratchCorpus(prefix: string): { dir: string; seeds: string; indexDir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const seeds = join(dir, 'seeds');
  mkdirSync(seeds);
  for (const f of readdirSync(CORPUS_DIR)) copyFileSync(join(CORPUS_DIR, f), join(seeds, f));
  return { dir, seeds, indexDir: join(dir, 'index'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A valid index manifest of the current format, with the fields a test sets. */
export function manifestFixture(fields: Partial<IndexManifest> = {}): IndexManifest {
  return {
    format: MANIFEST_FORMAT,
    model: { id: 'm', sha256: 'h' },
    dimensions: 64,
    space: 'cosine',
    chunkerVersion: 1,
    corpusHash: 'c',
    passageCount: 1,
    sentenceCount: 1,
    chunksHash: 'c',
    textsHash: 't',
    builtAt: 'now',
    documents: [],
    ...fields,
  };
}
