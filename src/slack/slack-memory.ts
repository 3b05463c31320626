import type { Answer } from '../answer/types.js';
import { TtlCache } from './ttl-cache.js';

/**
 * What the Slack app must remember between requests: the deliveries already taken (Slack
 * retries an event after 3 s, and one message can arrive as two event types) and the
 * ephemeral answers that 发到频道 may post later. In memory by default (one process); with
 * DATABASE_URL it lives in PostgreSQL, so a restart or a second replica neither answers twice
 * nor forgets an answer.
 */
export interface SlackMemory {
  /**
   * Records every key and resolves true only when none was recorded before: check and mark
   * in one step, so two deliveries racing (in one process or in two) cannot both pass.
   */
  claim(keys: readonly string[]): Promise<boolean>;
  saveAnswer(answer: Answer): Promise<void>;
  /** An answer saved within the last day, by id. */
  answer(answerId: string): Promise<Answer | undefined>;
}

/** How long a delivery key is remembered: Slack retries three times within about five minutes. */
export const DELIVERY_TTL_MS = 60 * 60 * 1000;
/** How long 发到频道 can post an ephemeral answer. */
export const ANSWER_TTL_MS = 24 * 60 * 60 * 1000;

/** The single-process default: bounded maps whose entries expire. */
export function memorySlackMemory(now: () => number = Date.now): SlackMemory {
  const seen = new TtlCache<true>({ maxEntries: 10_000, ttlMs: DELIVERY_TTL_MS, now });
  const answers = new TtlCache<Answer>({ maxEntries: 1_000, ttlMs: ANSWER_TTL_MS, now });
  return {
    async claim(keys) {
      // Synchronous inside: nothing can interleave between the checks and the marks.
      const before = keys.map((k) => seen.seen(k));
      return before.every((b) => !b);
    },
    async saveAnswer(answer) {
      answers.set(answer.answerId, answer);
    },
    async answer(answerId) {
      return answers.get(answerId);
    },
  };
}

/**
 * `shared` (PostgreSQL), with this process's memory behind it for answers: when the database
 * cannot save an answer, the answer is still shown and kept here, so 发到频道 works from this
 * process; reading looks here when the database fails or lacks the answer.
 */
export function withLocalAnswers(shared: SlackMemory, local: SlackMemory, onFallback: (error: unknown) => void): SlackMemory {
  return {
    claim: (keys) => shared.claim(keys),
    async saveAnswer(answer) {
      try {
        await shared.saveAnswer(answer);
      } catch (error) {
        onFallback(error);
        await local.saveAnswer(answer);
      }
    },
    async answer(answerId) {
      const stored = await shared.answer(answerId).catch((error: unknown) => {
        onFallback(error);
        return undefined;
      });
      return stored ?? local.answer(answerId);
    },
  };
}
