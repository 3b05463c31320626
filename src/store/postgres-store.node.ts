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
}

/**
 * The shared state of several service processes behind a load balancer (DATABASE_URL):
 * feedback, the question log, Slack delivery dedupe and the answers behind 发到频道. Opening runs the migrations
 * not yet applied, under an advisory lock, so replicas starting together apply each once.
 */
export class PostgresStore {
  readonly feedback: PostgresFeedbackStore;
  readonly slackMemory: PostgresSlackMemory;
  readonly questions: PostgresQuestionLog;

  private constructor(private readonly pool: pg.Pool) {
    this.feedback = new PostgresFeedbackStore(pool);
    this.slackMemory = new PostgresSlackMemory(pool);
    this.questions = new PostgresQuestionLog(pool);
  }

  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 5, connectionTimeoutMillis: 5_000 });
    // An idle connection that dies (server restart) must not crash the process: the pool makes a new one.
    pool.on('error', (error) => options.onError?.(error));
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end();
      throw new UpstreamError('PostgreSQL', `DATABASE_URL: cannot prepare the database (${(error as Error).message}).`, { cause: error });
    }
    return new PostgresStore(pool);
  }

  async close(): Promise<void> {
    await this.pool.end();
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
