import { HTTPException } from 'hono/http-exception';
import { DataError, IndexMismatchError, InvalidInputError, ModelUnavailableError } from '../core/errors.js';
import { ApiError } from './api-error.js';
import { FeedbackUnavailableError } from '../core/feedback-unavailable-error.js';

export interface ErrorBody {
  error: { code: string; message: string; field?: string; requestId?: string };
}

export interface MappedError {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** True when the error was not raised on purpose: log it in full, show nothing of it. */
  unexpected: boolean;
  /** An expected outage (model or index unavailable, a 503): log one warning line with the operator's fix, no stack. */
  outage?: boolean;
}

/**
 * The one place typed errors become HTTP responses (used by `app.onError` and by the chat
 * stream's error event). Messages of deliberate errors are written for the caller; anything
 * else becomes a 500 that names only the request id.
 */
export function mapError(error: unknown, requestId: string): MappedError {
  if (error instanceof ApiError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message } }, headers: error.headers, unexpected: false };
  }
  if (error instanceof InvalidInputError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
    return { status: 422, body, headers: {}, unexpected: false };
  }
  if (error instanceof IndexMismatchError || error instanceof ModelUnavailableError || error instanceof DataError) {
    // The operator's fix (rebuild the index, fetch the model) is in the log; callers only need to retry later.
    return {
      status: 503,
      body: { error: { code: 'not_ready', message: 'The service is not ready to answer: its model or index is unavailable. Retry later.', requestId } },
      headers: { 'Retry-After': '30' },
      unexpected: false,
      outage: true,
    };
  }
  if (error instanceof FeedbackUnavailableError) {
    return {
      status: 503,
      body: { error: { code: 'feedback_unavailable', message: 'Your feedback could not be stored just now and was not recorded. Retry in a minute.', requestId } },
      headers: { 'Retry-After': '30' },
      unexpected: false,
      outage: true,
    };
  }
  if (error instanceof HTTPException && error.status < 500) {
    return { status: error.status, body: { error: { code: 'bad_request', message: error.message || 'The request was refused.' } }, headers: {}, unexpected: false };
  }
  return {
    status: 500,
    body: { error: { code: 'internal_error', message: `Something went wrong on our side. Retry; if it persists, report request id ${requestId}.`, requestId } },
    headers: {},
    unexpected: true,
  };
}
