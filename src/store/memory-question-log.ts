import { questionLogRecordSchema, type QuestionLogRecord, type QuestionLogStore } from '../core/question-log.js';

/** The question log in memory: for tests and for a Worker without D1. */
export class MemoryQuestionLog implements QuestionLogStore {
  private records: QuestionLogRecord[] = [];

  async append(record: QuestionLogRecord): Promise<void> {
    this.records.push(questionLogRecordSchema.parse(record));
  }

  async list(options: { since?: string } = {}): Promise<QuestionLogRecord[]> {
    const since = options.since === undefined ? Number.NEGATIVE_INFINITY : Date.parse(options.since);
    return this.records
      .filter((r) => Date.parse(r.askedAt) >= since)
      .sort((a, b) => Date.parse(a.askedAt) - Date.parse(b.askedAt))
      .map((r) => structuredClone(r));
  }

  async deleteBefore(before: string): Promise<number> {
    const cutoff = Date.parse(before);
    const count = this.records.length;
    this.records = this.records.filter((r) => Date.parse(r.askedAt) >= cutoff);
    return count - this.records.length;
  }

  health() {
    return { ok: true };
  }

  async close(): Promise<void> {}
}
