import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceText } from './read-source.node.js';

/**
 * Extracted text kept on disk, keyed by the file's sha256 and the reader's version (format readers,
 * OCR model, OCR normalisation): a restart or a second ingest never reads an unchanged file again,
 * and a reader change starts a fresh cache (the folders of other versions are removed on the first
 * write). Only successful reads are kept: a refused file is read again next time.
 */
export class TextCache {
  private readonly dir: string;
  private pruned = false;

  constructor(
    private readonly root: string,
    readonly readerVersion: string,
  ) {
    this.dir = join(root, createHash('sha256').update(readerVersion).digest('hex').slice(0, 16));
  }

  /** The text read before from bytes with this hash by this reader version, if any (an unreadable entry counts as none). */
  get(contentHash: string): SourceText | undefined {
    const file = join(this.dir, `${contentHash}.json`);
    if (!existsSync(file)) return undefined;
    try {
      const entry = JSON.parse(readFileSync(file, 'utf8')) as { readerVersion: string; text: SourceText };
      return entry.readerVersion === this.readerVersion && typeof entry.text?.text === 'string' ? entry.text : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps a read; written under a temporary name and renamed, so a reader never sees half a file. */
  set(contentHash: string, text: SourceText): void {
    if (!this.pruned) {
      this.pruned = true;
      if (existsSync(this.root)) {
        for (const other of readdirSync(this.root)) if (join(this.root, other) !== this.dir) rmSync(join(this.root, other), { recursive: true, force: true });
      }
    }
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, `${contentHash}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ readerVersion: this.readerVersion, text }));
    renameSync(tmp, file);
  }
}

/** The cache folder under an index folder. */
export const textCacheDir = (indexDir: string) => join(indexDir, 'text-cache');
