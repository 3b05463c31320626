import type pg from 'pg';
import type { Answer } from '../answer/types.js';
import { ANSWER_TTL_MS, DELIVERY_TTL_MS, type SlackMemory } from '../slack/slack-memory.js';

/** Expired rows are deleted about once per this many writes, by whichever replica makes them. */
const PRUNE_EVERY = 200;

/**
 * Slack's memory shared by every replica: a delivery key is claimed by one INSERT … ON CONFLICT
 * DO NOTHING, which PostgreSQL makes atomic, so the same event delivered to two processes (as
 * Slack's retry would be) is answered by exactly one of them.
 */
export class PostgresSlackMemory implements SlackMemory {
  private writes = 0;

  /** `onQueryError`: told of each failed statement (for the metrics); the error still reaches the caller. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly onQueryError?: (error: Error) => void,
  ) {}

  async claim(keys: readonly string[]): Promise<boolean> {
    this.maybePrune();
    // One statement: each key inserted (or taken over once expired); a key taken within the hour is left alone.
    const inserted = await this.query(
      `INSERT INTO slack_deliveries (key) SELECT unnest($1::text[])
       ON CONFLICT (key) DO UPDATE SET seen_at = now()
         WHERE slack_deliveries.seen_at < now() - make_interval(secs => $2)
       RETURNING key`,
      [keys, DELIVERY_TTL_MS / 1000],
    );
    return inserted.rowCount === keys.length;
  }

  async saveAnswer(answer: Answer): Promise<void> {
    this.maybePrune();
    await this.query('INSERT INTO slack_answers (answer_id, answer) VALUES ($1, $2) ON CONFLICT (answer_id) DO UPDATE SET answer = EXCLUDED.answer, saved_at = now()', [answer.answerId, answer]);
  }

  async answer(answerId: string): Promise<Answer | undefined> {
    const result = await this.query<{ answer: Answer }>('SELECT answer FROM slack_answers WHERE answer_id = $1 AND saved_at > now() - make_interval(secs => $2)', [answerId, ANSWER_TTL_MS / 1000]);
    return result.rows[0]?.answer;
  }

  private async query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(text, values);
    } catch (error) {
      this.onQueryError?.(error as Error);
      throw error;
    }
  }

  private maybePrune(): void {
    if (++this.writes % PRUNE_EVERY !== 0) return;
    void this.query('DELETE FROM slack_deliveries WHERE seen_at < now() - make_interval(secs => $1)', [DELIVERY_TTL_MS / 1000]).catch(() => undefined);
    void this.query('DELETE FROM slack_answers WHERE saved_at < now() - make_interval(secs => $1)', [ANSWER_TTL_MS / 1000]).catch(() => undefined);
  }
}
