import { mkdir, open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { parseJsonLines } from './parse-json-lines.js';
import { dirname } from 'node:path';
import { InvariantError, UpstreamError } from '../core/errors.js';
import { DEFAULT_COMMIT_WINDOW_MS, questionLogRecordSchema, type QuestionLogRecord, type QuestionLogStore } from '../core/question-log.js';
import { cutTornTail } from './cut-torn-tail.node.js';

/**
 * The question log as append-only JSON lines with fsync (DATA_DIR/questions.jsonl), by the rules
 * of the feedback file: one write chain, `append` resolves after the fsync, a torn last line is
 * cut at open. Appends are group-committed: lines that arrive within `commitWindowMs` of the first
 * (or while a write is running) go out together in one write and one fsync, so the log costs at
 * most one fsync per window however busy the service is. `close` writes what is waiting at once,
 * so a clean shutdown loses nothing; a crash loses at most the unacknowledged lines of one window.
 * Expired records are deleted by writing the kept ones to a new file, syncing it and renaming it
 * over the old one, inside the write chain, so no append lands in between and a crash leaves
 * either the old file or the new one, never half of each.
 */
export class JsonlQuestionLog implements QuestionLogStore {
  private tail: Promise<unknown> = Promise.resolve();
  private failure: string | undefined;
  private closed = false;
  /** Lines waiting for the next write, and the timer that writes them when the window closes. */
  private batch: { lines: string[]; done: Promise<void>; write: () => void; timer: ReturnType<typeof setTimeout> } | undefined;

  private constructor(
    readonly path: string,
    private handle: FileHandle,
    private readonly commitWindowMs: number,
  ) {}

  static async open(path: string, options: { onRepair?: (bytesDropped: number) => void; commitWindowMs?: number } = {}): Promise<JsonlQuestionLog> {
    await mkdir(dirname(path), { recursive: true });
    const dropped = await cutTornTail(path);
    if (dropped > 0) options.onRepair?.(dropped);
    const handle = await open(path, 'a');
    await syncFolder(path);
    return new JsonlQuestionLog(path, handle, options.commitWindowMs ?? DEFAULT_COMMIT_WINDOW_MS);
  }

  async append(record: QuestionLogRecord): Promise<void> {
    if (this.closed) throw new InvariantError('question log is closed');
    const line = `${JSON.stringify(questionLogRecordSchema.parse(record))}\n`;
    if (this.batch) {
      this.batch.lines.push(line);
      return this.batch.done;
    }
    let write!: () => void;
    const started = new Promise<void>((resolve) => (write = resolve));
    const batch = { lines: [line], done: Promise.resolve(), write, timer: setTimeout(write, this.commitWindowMs) };
    this.batch = batch;
    batch.done = started.then(() =>
      this.serial(async () => {
        // Lines arriving from here on wait for the next window.
        if (this.batch === batch) this.batch = undefined;
        try {
          await this.handle.appendFile(batch.lines.join(''));
          await this.handle.sync();
          this.failure = undefined;
        } catch (error) {
          this.failure = (error as Error).message;
          throw new UpstreamError('question log file', `question log file: ${this.failure}`, { cause: error });
        }
      }),
    );
    return batch.done;
  }

  /** Writes the waiting lines now instead of when their window closes; resolves once every write is done. */
  private async flush(): Promise<void> {
    const batch = this.batch;
    if (batch) {
      clearTimeout(batch.timer);
      batch.write();
      await batch.done.catch(() => {});
    }
    await this.tail;
  }

  async list(options: { since?: string } = {}): Promise<QuestionLogRecord[]> {
    await this.flush();
    const since = options.since === undefined ? Number.NEGATIVE_INFINITY : Date.parse(options.since);
    return inTimeOrder((await this.readAll()).filter((r) => Date.parse(r.askedAt) >= since));
  }

  deleteBefore(before: string): Promise<number> {
    if (this.closed) return Promise.reject(new InvariantError('question log is closed'));
    const cutoff = Date.parse(before);
    return this.serial(async () => {
      const records = await this.readAll();
      const kept = records.filter((r) => Date.parse(r.askedAt) >= cutoff);
      if (kept.length === records.length) return 0;
      const next = `${this.path}.tmp`;
      const file = await open(next, 'w');
      try {
        await file.writeFile(kept.map((r) => `${JSON.stringify(r)}\n`).join(''));
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(next, this.path);
      await syncFolder(this.path);
      await this.handle.close();
      this.handle = await open(this.path, 'a');
      return records.length - kept.length;
    });
  }

  health() {
    return this.failure ? { ok: false, detail: `last question log write failed: ${this.failure}` } : { ok: true };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flush();
    await this.handle.close();
  }

  /** Runs `work` after every earlier write; the chain goes on after a failure, whose caller sees it. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    this.tail = run.catch(() => {});
    return run;
  }

  /** Every whole record; a torn last line (never acknowledged) is skipped. */
  private async readAll(): Promise<QuestionLogRecord[]> {
    return parseJsonLines(await readFile(this.path, 'utf8'), questionLogRecordSchema);
  }
}

/** Oldest first; records written in the same millisecond keep their file order (the sort is stable). */
function inTimeOrder(records: QuestionLogRecord[]): QuestionLogRecord[] {
  return records.sort((a, b) => Date.parse(a.askedAt) - Date.parse(b.askedAt));
}

async function syncFolder(path: string): Promise<void> {
  const folder = await open(dirname(path), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/**
 * The records of a question log file, read without opening it for writing (a running service may
 * be appending): a torn last line is skipped, not cut. Empty when the file does not exist.
 */
export async function readQuestionLogFile(path: string): Promise<QuestionLogRecord[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return inTimeOrder(parseJsonLines(text, questionLogRecordSchema));
}
