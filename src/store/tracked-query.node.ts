/**
 * A PostgreSQL store's statements, run one way: a success clears the last failure, a failure is
 * remembered (for the store's `health()`), told to `onQueryError` (the metrics) and thrown as the
 * error the store's callers expect (`toError`).
 */
export class TrackedQuery {
  /** The last statement's failure, until one succeeds. */
  failure: string | undefined;

  constructor(
    private readonly toError: (message: string, cause: unknown) => Error,
    private readonly onQueryError?: (error: Error) => void,
  ) {}

  async run<T>(call: () => Promise<T>): Promise<T> {
    try {
      const result = await call();
      this.failure = undefined;
      return result;
    } catch (error) {
      this.onQueryError?.(error as Error);
      this.failure = (error as Error).message;
      throw this.toError(this.failure, error);
    }
  }
}
