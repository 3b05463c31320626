import { z } from 'zod';

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
});
export type FeedbackRecord = z.infer<typeof feedbackRecordSchema>;

/** Durable, append-only feedback. `append` resolves only once the record is stored. */
export interface FeedbackStore {
  append(record: FeedbackRecord): Promise<void>;
  /** Every stored record, oldest first. */
  list(): Promise<FeedbackRecord[]>;
  /** Health for `/readyz`: false once a write has failed, with the reason. */
  health(): { ok: boolean; detail?: string };
  close(): Promise<void>;
}
