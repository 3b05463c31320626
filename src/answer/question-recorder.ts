import { logWarning, type Logger } from '../core/logger.js';
import { missingKinds, type MissingKind, type QuestionChannel, type QuestionLogRecord, type QuestionLogStore } from '../core/question-log.js';
import { maskPersonalData } from '../text/mask-personal-data.js';
import type { Answer } from './types.js';

/** Nearest passage ids kept per question: enough to name what staff were looking for. */
const NEAREST_KEPT = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

/** One question answered on some channel, as the channel saw it. */
export interface AskedQuestion {
  channel: QuestionChannel;
  question: string;
  answer: Answer;
}

/** Keeps each answered question in the log and deletes expired ones; shared by the HTTP routes and Slack. */
export interface QuestionRecorder {
  /** Stores the question's outcome; never rejects (a failed write is logged, the answer already went out). */
  record(asked: AskedQuestion): Promise<void>;
  /** Deletes records older than the retention period; resolves with how many went. */
  prune(): Promise<number>;
  /**
   * Resolves once every record begun so far has been handed to the store (or its failure logged):
   * call before closing the store, whose close writes what it holds.
   */
  settle(): Promise<void>;
}

export interface QuestionRecorderOptions {
  store: QuestionLogStore;
  /** QUESTION_LOG_DAYS: how long records are kept. 0 turns the log off (no recorder). */
  retentionDays: number;
  logger: Logger;
  clock?: () => number;
  newId?: () => string;
}

/**
 * The recorder for a store, or undefined when the log is off (`retentionDays` 0). Expired records
 * are deleted by the service itself: on the first record and then at most once a day.
 *
 * `record` takes the time at once and does everything else (masking, building, validating,
 * writing) on a later turn of the event loop, after the answer has been written to the client:
 * measured on `/api/ask`, that work ran before the response went out when it began in the same
 * turn (see bench/README.md).
 */
export function createQuestionRecorder(options: QuestionRecorderOptions): QuestionRecorder | undefined {
  if (options.retentionDays <= 0) return undefined;
  const clock = options.clock ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  let lastPrune = Number.NEGATIVE_INFINITY;

  const prune = async (): Promise<number> => {
    lastPrune = clock();
    const before = new Date(lastPrune - options.retentionDays * DAY_MS).toISOString();
    try {
      return await options.store.deleteBefore(before);
    } catch (error) {
      logWarning(options.logger, { msg: 'question log: expired records not deleted; retrying tomorrow', error: (error as Error).message });
      return 0;
    }
  };

  /** Records not yet handed to the store: what `settle` waits for. */
  const pending = new Set<Promise<void>>();
  const store = async (asked: AskedQuestion, now: number, handed: () => void): Promise<void> => {
    try {
      await nextTurn();
      const appended = options.store.append(questionLogRecord(asked, { id: newId(), askedAt: new Date(now).toISOString() }));
      handed();
      await appended;
    } catch (error) {
      logWarning(options.logger, { msg: 'question log: record not stored', answerId: asked.answer.answerId, error: (error as Error).message });
    } finally {
      handed();
    }
    if (now - lastPrune >= DAY_MS) await prune();
  };

  return {
    prune,
    record(asked) {
      let handed!: () => void;
      const handedOver = new Promise<void>((resolve) => (handed = resolve));
      pending.add(handedOver);
      void handedOver.then(() => pending.delete(handedOver));
      return store(asked, clock(), handed);
    },
    async settle() {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}

/**
 * A later turn of the event loop, after this turn's I/O (the response): `setImmediate` where there
 * is one (Node; a timer there cost each request ~20 µs more in the handler, in the CPU profile),
 * else a timer (workerd).
 */
function nextTurn(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}

/** The log record of an answer: masked question, tier, cited and nearest ids, signals; no user ids. */
export function questionLogRecord(asked: AskedQuestion, meta: { id: string; askedAt: string }): QuestionLogRecord {
  const { answer } = asked;
  const nearest = answer.nearest.length > 0 ? answer.nearest.map((c) => c.id) : answer.retrievedIds;
  const missing = missingOf(answer);
  const signals = answer.signals ? Object.fromEntries(Object.entries(answer.signals).filter(([, v]) => v !== undefined)) : undefined;
  return {
    id: meta.id,
    askedAt: meta.askedAt,
    channel: asked.channel,
    question: maskPersonalData(asked.question),
    ...(answer.rewrittenQuestion ? { rewrittenQuestion: maskPersonalData(answer.rewrittenQuestion) } : {}),
    tier: answer.abstained ? 'declined' : (answer.confidence ?? 'high'),
    ...(missing ? { missing } : {}),
    citedIds: answer.citations.map((c) => c.id),
    nearestIds: nearest.slice(0, NEAREST_KEPT),
    answerId: answer.answerId,
    mode: answer.mode,
    ...(signals ? { signals } : {}),
  };
}

/** `answer.missing` when the composer sets it (read defensively: older answers have no such field). */
function missingOf(answer: Answer): MissingKind | undefined {
  const value = (answer as { missing?: unknown }).missing;
  return typeof value === 'string' && (missingKinds as readonly string[]).includes(value) ? (value as MissingKind) : undefined;
}
