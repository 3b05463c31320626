import { PolicyDeskError } from '../core/errors.js';

export type ApiErrorStatus = 400 | 401 | 403 | 404 | 413 | 415 | 422 | 429 | 503;

/** An error the HTTP layer raises on purpose: a status, a stable code and a message that says what to fix. */
export class ApiError extends PolicyDeskError {
  constructor(
    readonly status: ApiErrorStatus,
    code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(code, message);
  }
}
