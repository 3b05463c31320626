import { z } from 'zod';
import { IndexMismatchError } from '../core/errors.js';

/** 2: adds the sentence index (`hnsw-sentences`, `sentenceCount`). 3: `chunksHash` and `textsHash`. */
export const MANIFEST_FORMAT = 3;

/** What a built index records about how it was built; loaders refuse an index that does not match. */
export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  model: z.object({ id: z.string(), sha256: z.string() }),
  dimensions: z.number().int().positive(),
  space: z.literal('cosine'),
  chunkerVersion: z.number().int(),
  corpusHash: z.string(),
  passageCount: z.number().int().nonnegative(),
  sentenceCount: z.number().int().nonnegative(),
  /** sha256 over the chunker's output (every passage's id, label, path and text): a cleaning or chunking change shows here. */
  chunksHash: z.string(),
  /** sha256 over the hash of every text embedded (points and sentences), in index order: what the vectors stand for. */
  textsHash: z.string(),
  builtAt: z.string(),
  documents: z.array(z.object({ id: z.string(), sourceFile: z.string(), contentHash: z.string() })),
});

export type IndexManifest = z.infer<typeof manifestSchema>;

export interface ManifestExpectations {
  modelId: string;
  modelSha256?: string;
  dimensions: number;
  chunkerVersion: number;
}

/** Parses a manifest and checks it against the running model and chunker. */
export function checkManifest(raw: unknown, expected: ManifestExpectations): IndexManifest {
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new IndexMismatchError('The index manifest is unreadable or from another version.');
  const m = parsed.data;
  if (m.model.id !== expected.modelId || (expected.modelSha256 && m.model.sha256 !== expected.modelSha256)) {
    throw new IndexMismatchError(`The index was built with model ${m.model.id} (${m.model.sha256.slice(0, 12)}), not the one loaded now (${expected.modelId}).`);
  }
  if (m.dimensions !== expected.dimensions) {
    throw new IndexMismatchError(`The index has ${m.dimensions}-dimensional vectors; the model gives ${expected.dimensions}.`);
  }
  if (m.chunkerVersion !== expected.chunkerVersion) {
    throw new IndexMismatchError(`The index was chunked by chunker version ${m.chunkerVersion}; this code is version ${expected.chunkerVersion}.`);
  }
  return m;
}
