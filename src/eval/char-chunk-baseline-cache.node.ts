import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Embedder } from '../core/types.js';

interface CacheFile {
  model: string;
  /** sha256 of the embedded text -> base64 Float32 vector. */
  vectors: Record<string, string>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const encode = (v: number[]) => Buffer.from(new Float32Array(v).buffer).toString('base64');
const decode = (s: string) => Array.from(new Float32Array(new Uint8Array(Buffer.from(s, 'base64')).buffer));

/**
 * Embeds texts through a file cache keyed by model and text, so the baseline's chunks are
 * embedded once per model and corpus, not on every eval run. The cache is rewritten with only
 * the texts of this call, so chunks of old corpus versions do not pile up. A cache of another
 * model (`modelKey` differs) is ignored.
 */
export async function embedWithCache(embedder: Embedder, texts: readonly string[], cachePath: string, modelKey: string): Promise<{ vectors: number[][]; embedded: number }> {
  let cache: CacheFile = { model: modelKey, vectors: {} };
  if (existsSync(cachePath)) {
    try {
      const stored = JSON.parse(readFileSync(cachePath, 'utf8')) as CacheFile;
      if (stored.model === modelKey && stored.vectors && typeof stored.vectors === 'object') cache = stored;
    } catch {
      // A torn or foreign cache file only costs a re-embedding.
    }
  }
  const hashes = texts.map(sha256);
  const missing = [...new Set(hashes.filter((h) => !cache.vectors[h]))];
  if (missing.length > 0) {
    const byHash = new Map(hashes.map((h, i) => [h, texts[i]!]));
    const embedded = await embedder.embedDocuments(missing.map((h) => byHash.get(h)!));
    missing.forEach((h, i) => (cache.vectors[h] = encode(embedded[i]!)));
  }
  const next: CacheFile = { model: modelKey, vectors: Object.fromEntries(hashes.map((h) => [h, cache.vectors[h]!])) };
  if (missing.length > 0 || Object.keys(cache.vectors).length !== Object.keys(next.vectors).length) {
    mkdirSync(dirname(cachePath), { recursive: true });
    const tmp = `${cachePath}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(next));
    renameSync(tmp, cachePath);
  }
  return { vectors: hashes.map((h) => decode(next.vectors[h]!)), embedded: missing.length };
}
