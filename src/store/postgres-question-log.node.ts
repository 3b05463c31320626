import type pg from 'pg';
import { UpstreamError } from '../core/errors.js';
import { questionLogRecordSchema, type QuestionLogRecord, type QuestionLogStore } from '../core/question-log.js';
import { TrackedQuery } from './tracked-query.node.js';

/** The question log in PostgreSQL (table `question_log`), shared by every replica. */
export class PostgresQuestionLog implements QuestionLogStore {
  private readonly query: TrackedQuery;

  /** `onQueryError`: told of each failed statement (for the metrics). */
  constructor(
    private readonly pool: pg.Pool,
    onQueryError?: (error: Error) => void,
  ) {
    this.query = new TrackedQuery((message, cause) => new UpstreamError('PostgreSQL', `question log: ${message}`, { cause }), onQueryError);
  }

  async append(record: QuestionLogRecord): Promise<void> {
    const parsed = questionLogRecordSchema.parse(record);
    await this.query.run(() => this.pool.query('INSERT INTO question_log (id, asked_at, record) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [parsed.id, parsed.askedAt, parsed]));
  }

  async list(options: { since?: string } = {}): Promise<QuestionLogRecord[]> {
    const result = await this.query.run(() =>
      this.pool.query<{ record: unknown }>("SELECT record FROM question_log WHERE asked_at >= COALESCE($1::timestamptz, '-infinity') ORDER BY asked_at, seq", [options.since ?? null]),
    );
    return result.rows.map((r) => questionLogRecordSchema.parse(r.record));
  }

  async deleteBefore(before: string): Promise<number> {
    const result = await this.query.run(() => this.pool.query('DELETE FROM question_log WHERE asked_at < $1', [before]));
    return result.rowCount ?? 0;
  }

  health() {
    return this.query.failure ? { ok: false, detail: `last question log database call failed: ${this.query.failure}` } : { ok: true };
  }

  /** The pool is closed by its owner (`PostgresStore.close`). */
  async close(): Promise<void> {}
}
