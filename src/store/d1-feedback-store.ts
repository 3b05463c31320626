import { feedbackRecordSchema, type FeedbackRecord, type FeedbackStore } from '../core/feedback.js';
import { ApiError } from '../http/api-error.js';
import type { D1Binding } from './d1-binding.js';
import { D1Calls } from './d1-calls.js';

/** Record field -> column of the `feedback` table (migrations/0001_feedback.sql, 0002_feedback_context.sql). */
const COLUMNS = {
  id: 'id',
  receivedAt: 'received_at',
  source: 'source',
  answerId: 'answer_id',
  rating: 'rating',
  questionId: 'question_id',
  question: 'question',
  comment: 'comment',
  expectedPassageId: 'expected_passage_id',
  answer: 'answer',
  citedIds: 'cited_ids',
  mode: 'mode',
  confidence: 'confidence',
  history: 'history',
} as const satisfies Record<keyof FeedbackRecord, string>;
const FIELDS = Object.keys(COLUMNS) as Array<keyof FeedbackRecord>;
/** Fields stored as JSON text. */
const JSON_FIELDS = new Set<keyof FeedbackRecord>(['citedIds', 'history']);

/** The SELECT that reads every record back, oldest first (used by the store and by `npm run feedback:export-d1`). */
export const SELECT_FEEDBACK_SQL = `SELECT ${Object.values(COLUMNS).join(', ')} FROM feedback ORDER BY received_at, rowid`;

/** A `feedback` row as D1 returns it (absent fields are NULL) -> the record the Node store writes. */
export function recordFromRow(row: Record<string, unknown>): FeedbackRecord {
  const record: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = row[COLUMNS[field]];
    if (value !== null && value !== undefined) record[field] = JSON_FIELDS.has(field) && typeof value === 'string' ? JSON.parse(value) : value;
  }
  return feedbackRecordSchema.parse(record);
}

/**
 * Feedback in D1 (binding FEEDBACK_DB): `append` resolves once D1 has committed the row, so a
 * 201 means stored. A failed or slow write is a 503 saying to retry; the reason (e.g. the
 * migration was never applied) goes to `/readyz` and the log, never to the caller.
 */
export class D1FeedbackStore implements FeedbackStore {
  private readonly calls: D1Calls;

  constructor(
    private readonly db: D1Binding,
    options: { timeoutMs?: number } = {},
  ) {
    this.calls = new D1Calls('feedback', options.timeoutMs);
  }

  async append(record: FeedbackRecord): Promise<void> {
    const parsed = feedbackRecordSchema.parse(record);
    // OR IGNORE: a retry with the same id (the client's idempotency key) is kept once.
    const sql = `INSERT OR IGNORE INTO feedback (${Object.values(COLUMNS).join(', ')}) VALUES (${FIELDS.map(() => '?').join(', ')})`;
    const values = FIELDS.map((f) => (parsed[f] === undefined ? null : JSON_FIELDS.has(f) ? JSON.stringify(parsed[f]) : parsed[f]));
    try {
      await this.calls.run(
        this.db
          .prepare(sql)
          .bind(...values)
          .run(),
        'feedback write',
      );
    } catch {
      throw new ApiError(503, 'feedback_unavailable', 'The feedback could not be stored just now. Retry in a minute.', { 'Retry-After': '60' });
    }
  }

  async list(): Promise<FeedbackRecord[]> {
    const { results } = await this.calls.run(this.db.prepare(SELECT_FEEDBACK_SQL).all(), 'feedback read');
    return results.map(recordFromRow);
  }

  health() {
    return this.calls.failure ? { ok: false, detail: this.calls.failure } : { ok: true, detail: 'stored in D1 (FEEDBACK_DB)' };
  }

  async close(): Promise<void> {}
}
