import { z } from 'zod';

/** An earlier turn of the conversation the rated answer came from (the widget sends the last few). */
export const feedbackTurnSchema = z.object({
  question: z.string(),
  answer: z.string().optional(),
  citations: z.array(z.object({ id: z.string() })).optional(),
});

/** One stored piece of feedback: what the eval issue mines for new regression cases. */
export const feedbackRecordSchema = z.object({
  id: z.string(),
  /** ISO time the service received it. */
  receivedAt: z.string(),
  /** Which channel it came from; both write the same store. */
  source: z.enum(['web', 'slack']).optional(),
  answerId: z.string(),
  rating: z.enum(['up', 'down']),
  questionId: z.string().optional(),
  question: z.string().optional(),
  comment: z.string().optional(),
  expectedPassageId: z.string().optional(),
  /** The answer as the reader saw it, so a 👎 can be reviewed without replaying the question. */
  answer: z.string().optional(),
  /** Passage ids it cited, in marker order. */
  citedIds: z.array(z.string()).optional(),
  mode: z.string().optional(),
  confidence: z.enum(['high', 'low']).optional(),
  /** The turns before it (bounded by the client), so a 👎 on "第二点呢？" has its context. */
  history: z.array(feedbackTurnSchema).optional(),
});
export type FeedbackRecord = z.infer<typeof feedbackRecordSchema>;

/** Durable, append-only feedback. `append` resolves only once the record is stored. */
export interface FeedbackStore {
  append(record: FeedbackRecord): Promise<void>;
  /** Every stored record, oldest first. */
  list(): Promise<FeedbackRecord[]>;
  /**
   * Health for `/readyz`: not ok with the reason when feedback cannot be stored. `transient`: an
   * outage that ends by itself (a database down): reported, but the service stays ready, since it
   * still answers; otherwise (a full disk, a missing table) `/readyz` turns 503.
   */
  health(): { ok: boolean; detail?: string; transient?: boolean };
  close(): Promise<void>;
}
