import { describeError } from '../core/describe-error.js';
import { TimeoutError } from '../core/errors.js';
import { DEFAULT_BINDING_TIMEOUT_MS } from '../core/limits.js';
import { withTimeout } from '../core/with-timeout.js';

/** What to run when a table of FEEDBACK_DB is missing. */
export const MIGRATE_FIX = 'npx wrangler d1 migrations apply FEEDBACK_DB --remote (--local for wrangler dev)';

/**
 * A D1 store's calls, run one way (as TrackedQuery runs PostgreSQL's): each is bounded by the
 * binding timeout; a success clears the last failure, a failure is remembered for the store's
 * `health()` (naming the migration to run when the table is missing) and thrown on.
 */
export class D1Calls {
  /** The last call's failure, until one succeeds. */
  failure: string | undefined;

  constructor(
    /** The table the store keeps (feedback, question_log). */
    private readonly table: string,
    private readonly timeoutMs = DEFAULT_BINDING_TIMEOUT_MS,
  ) {}

  async run<T>(call: Promise<T>, what: string): Promise<T> {
    try {
      const result = await withTimeout(call, this.timeoutMs, () => new TimeoutError('FEEDBACK_DB', this.timeoutMs));
      this.failure = undefined;
      return result;
    } catch (error) {
      const reason = describeError(error);
      this.failure = /no such table/i.test(reason) ? `the ${this.table} table is missing: run ${MIGRATE_FIX}` : `last ${what} failed: ${reason}`;
      throw error;
    }
  }
}
