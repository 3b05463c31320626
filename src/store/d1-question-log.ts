import { describeError } from '../core/describe-error.js';
import { UpstreamError } from '../core/errors.js';
import { questionLogRecordSchema, type QuestionLogRecord, type QuestionLogStore } from '../core/question-log.js';
import type { D1Binding } from './d1-binding.js';
import { D1Calls } from './d1-calls.js';

/** The SELECT the store and the Worker's digest read the log with (records at or after ?1, oldest first). */
export const SELECT_QUESTIONS_SQL = 'SELECT record FROM question_log WHERE asked_at >= ?1 ORDER BY asked_at, rowid';

/**
 * The question log in D1 (binding FEEDBACK_DB, migrations/0003_question_log.sql). Times are stored
 * as ISO strings in UTC, which sort as they compare.
 */
export class D1QuestionLog implements QuestionLogStore {
  private readonly calls: D1Calls;

  constructor(
    private readonly db: D1Binding,
    options: { timeoutMs?: number } = {},
  ) {
    this.calls = new D1Calls('question_log', options.timeoutMs);
  }

  async append(record: QuestionLogRecord): Promise<void> {
    const parsed = questionLogRecordSchema.parse(record);
    await this.track(this.db.prepare('INSERT OR IGNORE INTO question_log (id, asked_at, record) VALUES (?1, ?2, ?3)').bind(parsed.id, iso(parsed.askedAt), JSON.stringify(parsed)).run());
  }

  async list(options: { since?: string } = {}): Promise<QuestionLogRecord[]> {
    const { results } = await this.track(
      this.db
        .prepare(SELECT_QUESTIONS_SQL)
        .bind(options.since === undefined ? '' : iso(options.since))
        .all<{ record: string }>(),
    );
    return results.map((row) => questionLogRecordSchema.parse(JSON.parse(row.record)));
  }

  async deleteBefore(before: string): Promise<number> {
    const result = (await this.track(this.db.prepare('DELETE FROM question_log WHERE asked_at < ?1').bind(iso(before)).run())) as { meta?: { changes?: number } };
    return result.meta?.changes ?? 0;
  }

  health() {
    return this.calls.failure ? { ok: false, detail: this.calls.failure } : { ok: true, detail: 'stored in D1 (FEEDBACK_DB)' };
  }

  async close(): Promise<void> {}

  private async track<T>(call: Promise<T>): Promise<T> {
    try {
      return await this.calls.run(call, 'question log call');
    } catch (error) {
      throw new UpstreamError('FEEDBACK_DB', `question log: ${describeError(error)}`, { cause: error });
    }
  }
}

/** The same instant as a canonical ISO string, so text comparison in SQLite is time order. */
function iso(time: string): string {
  return new Date(time).toISOString();
}
