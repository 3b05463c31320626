import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { parseJsonLines } from './parse-json-lines.js';
import { dirname } from 'node:path';
import { feedbackRecordSchema, type FeedbackRecord, type FeedbackStore } from '../core/feedback.js';
import { FeedbackUnavailableError } from '../core/feedback-unavailable-error.js';
import { InvariantError } from '../core/errors.js';
import { cutTornTail } from './cut-torn-tail.node.js';

/**
 * Append-only JSON lines with fsync. Writes go through one promise chain, so each record is
 * written whole before the next begins and concurrent posts never interleave; `append` resolves after
 * the fsync, so an acknowledged record survives a crash or a restart.
 */
export class JsonlFeedbackStore implements FeedbackStore {
  private tail: Promise<void> = Promise.resolve();
  private failure: string | undefined;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    /** Ids already stored: a client retrying with the same id (its idempotency key) is kept once. */
    private readonly ids: Set<string>,
  ) {}

  /**
   * Opens (creating when missing) the file and its folder, and syncs the folder so the new file
   * itself is durable. A torn last line (a crash or a full disk mid-write) is cut off first:
   * otherwise the next record would be appended onto it and neither could be read back. That
   * line was never acknowledged, since `append` resolves only after a whole line is synced.
   */
  static async open(path: string, options: { onRepair?: (bytesDropped: number) => void } = {}): Promise<JsonlFeedbackStore> {
    await mkdir(dirname(path), { recursive: true });
    const dropped = await cutTornTail(path);
    if (dropped > 0) options.onRepair?.(dropped);
    const handle = await open(path, 'a');
    const folder = await open(dirname(path), 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
    const store = new JsonlFeedbackStore(path, handle, new Set());
    for (const record of await store.list()) store.ids.add(record.id);
    return store;
  }

  append(record: FeedbackRecord): Promise<void> {
    if (this.closed) return Promise.reject(new InvariantError('feedback store is closed'));
    const line = `${JSON.stringify(feedbackRecordSchema.parse(record))}\n`;
    const write = this.tail.then(async () => {
      if (this.ids.has(record.id)) return;
      try {
        await this.handle.appendFile(line);
        await this.handle.sync();
        this.ids.add(record.id);
        this.failure = undefined;
      } catch (error) {
        this.failure = (error as Error).message;
        throw new FeedbackUnavailableError(`feedback file: ${this.failure}`, { cause: error });
      }
    });
    // The chain continues after a failed write; the caller of that write sees the error.
    this.tail = write.catch(() => {});
    return write;
  }

  /** Reads the file back; a torn last line (a crash mid-write since this store opened it) is skipped. */
  async list(): Promise<FeedbackRecord[]> {
    await this.tail;
    return parseJsonLines(await readFile(this.path, 'utf8'), feedbackRecordSchema);
  }

  health() {
    return this.failure ? { ok: false, detail: `last feedback write failed: ${this.failure}` } : { ok: true };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.tail;
    await this.handle.close();
  }
}
