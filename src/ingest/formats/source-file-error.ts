import { IngestError } from '../../core/errors.js';

/** One source file could not be read or parsed; says which file, why, and what to do about it. */
export class SourceFileError extends IngestError {
  constructor(
    readonly fileName: string,
    readonly reason: string,
    readonly fix: string,
  ) {
    super(`${fileName}: ${reason}. ${fix}`);
  }
}
