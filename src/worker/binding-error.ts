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
