import { PolicyDeskError } from '../core/errors.js';

/** A Worker binding (Workers AI, Vectorize) failed or answered in an unexpected shape. */
export class BindingError extends PolicyDeskError {
  constructor(
    readonly binding: 'AI' | 'VECTORIZE',
    message: string,
  ) {
    super('binding_failed', `${binding}: ${message}`);
  }
}

/** The message of anything thrown, without a stack: safe to show in /readyz and logs. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
