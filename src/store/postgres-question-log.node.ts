import type pg from 'pg';
import { UpstreamError } from '../core/errors.js';
import { questionLogRecordSchema, type QuestionLogRecord, type QuestionLogStore } from '../core/question-log.js';

/** The question log in PostgreSQL (table `question_log`), shared by every replica. */
export class PostgresQuestionLog implements QuestionLogStore {
  private failure: string | undefined;

  /** `onQueryError`: told of each failed statement (for the metrics). */
  constructor(
    private readonly pool: pg.Pool,
    private readonly onQueryError?: (error: Error) => void,
  ) {}

  async append(record: QuestionLogRecord): Promise<void> {
    const parsed = questionLogRecordSchema.parse(record);
    await this.track(() => this.pool.query('INSERT INTO question_log (id, asked_at, record) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [parsed.id, parsed.askedAt, parsed]));
  }

  async list(options: { since?: string } = {}): Promise<QuestionLogRecord[]> {
    const result = await this.track(() =>
      this.pool.query<{ record: unknown }>("SELECT record FROM question_log WHERE asked_at >= COALESCE($1::timestamptz, '-infinity') ORDER BY asked_at, seq", [options.since ?? null]),
    );
    return result.rows.map((r) => questionLogRecordSchema.parse(r.record));
  }

  async deleteBefore(before: string): Promise<number> {
    const result = await this.track(() => this.pool.query('DELETE FROM question_log WHERE asked_at < $1', [before]));
    return result.rowCount ?? 0;
  }

  health() {
    return this.failure ? { ok: false, detail: `last question log database call failed: ${this.failure}` } : { ok: true };
  }

  /** The pool is closed by its owner (`PostgresStore.close`). */
  async close(): Promise<void> {}

  private async track<T>(call: () => Promise<T>): Promise<T> {
    try {
      const result = await call();
      this.failure = undefined;
      return result;
    } catch (error) {
      this.onQueryError?.(error as Error);
      this.failure = (error as Error).message;
      throw new UpstreamError('PostgreSQL', `question log: ${this.failure}`, { cause: error });
    }
  }
}
