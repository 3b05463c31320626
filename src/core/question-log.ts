import { z } from 'zod';
import { answerSlots, type AnswerSlot } from './types.js';

/** Where a question was asked: the widget (`/api/chat`), the JSON API (`/api/ask`) or Slack. */
export const questionChannels = ['web', 'api', 'slack'] as const;
export type QuestionChannel = (typeof questionChannels)[number];

/** What the question asked that the quoted passage does not hold, when the answer says so. */
export const missingKinds = answerSlots;
export type MissingKind = AnswerSlot;

/**
 * One question and what became of it: what the gap report reads. No user ids, names or Slack
 * ids; the question is masked (phone numbers, 身份证 numbers, e-mail addresses) before it is built.
 */
export const questionLogRecordSchema = z.object({
  id: z.string(),
  /** ISO time the answer was given. */
  askedAt: z.string(),
  channel: z.enum(questionChannels),
  question: z.string(),
  /** The question actually searched, when a follow-up was rewritten (masked too). */
  rewrittenQuestion: z.string().optional(),
  tier: z.enum(['high', 'low', 'declined']),
  missing: z.enum(missingKinds).optional(),
  /** Passage ids cited, in marker order. */
  citedIds: z.array(z.string()),
  /** Passage ids retrieval found nearest (what staff were probably looking for), best first. */
  nearestIds: z.array(z.string()),
  /** Joins the 👍/👎 of `FeedbackRecord.answerId`. */
  answerId: z.string(),
  mode: z.string().optional(),
  /** The retrieval signals the decision looked at (`RetrievalSignals`). */
  signals: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).optional(),
});
export type QuestionLogRecord = z.infer<typeof questionLogRecordSchema>;

/** Durable question log, one backend per file in `src/store/`. `append` resolves once stored. */
export interface QuestionLogStore {
  append(record: QuestionLogRecord): Promise<void>;
  /** Records asked at or after `since` (ISO time; all when absent), oldest first. */
  list(options?: { since?: string }): Promise<QuestionLogRecord[]>;
  /** Deletes records asked before `before` (ISO time); resolves with how many went. */
  deleteBefore(before: string): Promise<number>;
  /** Health for `/readyz`: false once a write has failed, with the reason. */
  health(): { ok: boolean; detail?: string };
  close(): Promise<void>;
}

/**
 * How long the first question of a JSONL group commit waits for others before the write and fsync
 * (QUESTION_LOG_COMMIT_MS): at most ten fsyncs a second. Nothing waits on it but the store's own
 * acknowledgement: the answer has already gone out when a question is recorded.
 */
export const DEFAULT_COMMIT_WINDOW_MS = 100;

/** How long questions are kept by default (QUESTION_LOG_DAYS). */
export const DEFAULT_QUESTION_LOG_DAYS = 90;

/** The question log's file in DATA_DIR (beside feedback.jsonl, which `eval:mine` reads; it skips this one). */
export const QUESTION_LOG_FILE = 'questions.jsonl';
