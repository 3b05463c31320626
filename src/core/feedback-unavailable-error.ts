import { PolicyDeskError } from './errors.js';

/**
 * The feedback store could not keep a record (database unreachable, disk full): nothing was
 * acknowledged, so the caller is told to retry (503) rather than shown an internal error.
 */
export class FeedbackUnavailableError extends PolicyDeskError {
  constructor(
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super('feedback_unavailable', `Feedback cannot be stored right now (${detail}).`);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}
