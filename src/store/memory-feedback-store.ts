import type { FeedbackRecord, FeedbackStore } from '../core/feedback.js';

/** Feedback kept in memory: for tests and for runtimes without a disk (a Worker passes its own store). */
export class MemoryFeedbackStore implements FeedbackStore {
  private readonly records: FeedbackRecord[] = [];

  async append(record: FeedbackRecord): Promise<void> {
    // A retry with the same id (the client's idempotency key) is kept once, as the durable stores do.
    if (this.records.some((r) => r.id === record.id)) return;
    this.records.push(structuredClone(record));
  }

  async list(): Promise<FeedbackRecord[]> {
    return this.records.map((r) => structuredClone(r));
  }

  health() {
    return { ok: true };
  }

  async close(): Promise<void> {}
}
