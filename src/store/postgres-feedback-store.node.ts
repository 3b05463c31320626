import type pg from 'pg';
import { feedbackRecordSchema, type FeedbackRecord, type FeedbackStore } from '../core/feedback.js';
import { FeedbackUnavailableError } from '../core/feedback-unavailable-error.js';
import { TrackedQuery } from './tracked-query.node.js';

/**
 * Feedback in PostgreSQL: `append` resolves once the INSERT has committed, so an acknowledged
 * record survives the process (and any replica reads it). A record whose id is already stored
 * (a client retrying) is kept once.
 */
export class PostgresFeedbackStore implements FeedbackStore {
  private readonly query: TrackedQuery;

  /**
   * `database`: the periodic check's view of the database, which `health()` reports instead of the
   * last write. `onQueryError`: told of each failed statement (for the metrics).
   */
  constructor(
    private readonly pool: pg.Pool,
    private readonly database?: () => { ok: boolean; detail?: string },
    onQueryError?: (error: Error) => void,
  ) {
    this.query = new TrackedQuery((message, cause) => new FeedbackUnavailableError(`database: ${message}`, { cause }), onQueryError);
  }

  async append(record: FeedbackRecord): Promise<void> {
    const parsed = feedbackRecordSchema.parse(record);
    await this.query.run(() => this.pool.query('INSERT INTO feedback (id, received_at, record) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [parsed.id, parsed.receivedAt, parsed]));
  }

  /** Every record, in the order they were stored. */
  async list(): Promise<FeedbackRecord[]> {
    const result = await this.query.run(() => this.pool.query<{ record: unknown }>('SELECT record FROM feedback ORDER BY seq'));
    return result.rows.map((r) => feedbackRecordSchema.parse(r.record));
  }

  health() {
    if (this.database) {
      const now = this.database();
      // An outage passes: reported, but the service still answers, so it stays ready.
      return now.ok ? { ok: true } : { ok: false, transient: true, detail: `database unreachable: ${now.detail}` };
    }
    return this.query.failure ? { ok: false, detail: `last feedback database call failed: ${this.query.failure}` } : { ok: true };
  }

  /** The pool is closed by its owner (`PostgresStore.close`). */
  async close(): Promise<void> {}
}
