import pg from 'pg';
import { MIGRATIONS } from './postgres-migrations.js';
import { PostgresFeedbackStore } from './postgres-feedback-store.node.js';
import { PostgresSlackMemory } from './postgres-slack-memory.node.js';
import { PostgresQuestionLog } from './postgres-question-log.node.js';
import { UpstreamError } from '../core/errors.js';

/** Any advisory-lock key will do, as long as every PolicyDesk process uses the same one. */
const MIGRATION_LOCK = 7_120_512;

export interface PostgresStoreOptions {
  /** Told when an idle connection fails (the pool replaces it). */
  onError?: (error: Error) => void;
  /** Connections per process (default 5). */
  maxConnections?: number;
  /**
   * Milliseconds a connection attempt, a query and a statement may each take (default 5000):
   * past it the call fails (503 with Retry-After) instead of holding the request while the
   * database hangs. Client-side too, since a stopped server cannot enforce its own timeout.
   */
  timeoutMs?: number;
  /** How often `health()` is refreshed with `SELECT 1` (default 5000 ms; 0: never). */
  healthIntervalMs?: number;
  /** Told when the periodic check finds the database lost or back. */
  onHealthChange?: (health: DatabaseHealth) => void;
  /** Told of every statement that fails (the caller counts them: `policydesk_database_errors_total`), and which record it was for. */
  onQueryError?: OnQueryError;
}

/** Which record a failed statement was for; `health_check`: the periodic `SELECT 1`. */
export type DatabaseRecord = 'feedback' | 'question_log' | 'slack' | 'health_check';
export type OnQueryError = (record: DatabaseRecord, error: Error) => void;

/** The database as the periodic check last found it; `since`: when that state began (ISO). */
export type DatabaseHealth = { ok: true; since: string } | { ok: false; since: string; detail: string };

/**
 * The shared state of several service processes behind a load balancer (DATABASE_URL):
 * feedback, the question log, Slack delivery dedupe and the answers behind 发到频道. Opening runs the migrations
 * not yet applied, under an advisory lock, so replicas starting together apply each once.
 */
export class PostgresStore {
  readonly feedback: PostgresFeedbackStore;
  readonly slackMemory: PostgresSlackMemory;
  readonly questions: PostgresQuestionLog;
  private state: DatabaseHealth = { ok: true, since: new Date().toISOString() };
  private readonly timer: NodeJS.Timeout | undefined;
  private checking = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly options: PostgresStoreOptions,
  ) {
    const onQueryError = options.onQueryError;
    this.feedback = new PostgresFeedbackStore(pool, () => this.health(), onQueryError && ((error) => onQueryError('feedback', error)));
    this.slackMemory = new PostgresSlackMemory(pool, onQueryError && ((error) => onQueryError('slack', error)));
    this.questions = new PostgresQuestionLog(pool, onQueryError && ((error) => onQueryError('question_log', error)));
    const every = options.healthIntervalMs ?? 5_000;
    if (every > 0) this.timer = setInterval(() => void this.check(), every).unref();
  }

  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const timeout = options.timeoutMs ?? 5_000;
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 5,
      connectionTimeoutMillis: timeout,
      // A query past this fails and its connection is dropped (pg-pool discards a client released with an error).
      query_timeout: timeout,
      statement_timeout: timeout,
    });
    // An idle connection that dies (server restart) must not crash the process: the pool makes a new one.
    pool.on('error', (error) => options.onError?.(error));
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end();
      throw new UpstreamError('PostgreSQL', `DATABASE_URL: cannot prepare the database (${(error as Error).message}).`, { cause: error });
    }
    return new PostgresStore(pool, options);
  }

  /** Whether the database answered the last periodic `SELECT 1` (reported by `/readyz`; recovers by itself). */
  health(): DatabaseHealth {
    return this.state;
  }

  /** Runs `SELECT 1` now and updates `health()`; a check already running is not doubled. */
  async check(): Promise<DatabaseHealth> {
    if (this.checking) return this.state;
    this.checking = true;
    try {
      await this.pool.query('SELECT 1');
      if (!this.state.ok) this.change({ ok: true, since: new Date().toISOString() });
    } catch (error) {
      this.options.onQueryError?.('health_check', error as Error);
      const detail = (error as Error).message || String(error);
      if (this.state.ok) this.change({ ok: false, since: new Date().toISOString(), detail });
      else this.state = { ...this.state, detail };
    } finally {
      this.checking = false;
    }
    return this.state;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.pool.end();
  }

  private change(next: DatabaseHealth): void {
    this.state = next;
    this.options.onHealthChange?.(next);
  }
}

/** Applies the migrations this database lacks, each in the same transaction as its record. */
async function migrate(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
