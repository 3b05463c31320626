/** Base class: every error PolicyDesk throws on purpose carries a code and a message for users. */
export class PolicyDeskError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A source document could not be parsed. */
export class IngestError extends PolicyDeskError {
  constructor(message: string) {
    super('ingest_failed', message);
  }
}

/** The built index is missing or does not match the model, chunker or corpus. */
export class IndexMismatchError extends PolicyDeskError {
  constructor(
    message: string,
    readonly fix = 'npm run ingest',
  ) {
    super('index_mismatch', `${message} Run \`${fix}\` to rebuild it.`);
  }
}

/** The embedding model files are missing or corrupt. */
export class ModelUnavailableError extends PolicyDeskError {
  constructor(message: string) {
    super('model_unavailable', message);
  }
}

/** A question or request field is invalid; the message says what to fix. */
export class InvalidInputError extends PolicyDeskError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super('invalid_input', message);
  }
}
