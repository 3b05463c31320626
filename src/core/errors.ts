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

/** A setting, flag or configuration file is invalid or missing; the message names it and what to set. */
export class ConfigError extends PolicyDeskError {
  constructor(message: string) {
    super('invalid_config', message);
  }
}

/** A service PolicyDesk calls (reranker, Cloudflare, wrangler, a binding) failed or answered in a way it cannot use. */
export class UpstreamError extends PolicyDeskError {
  constructor(
    readonly service: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('upstream_failed', message);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** A call took longer than its bound; `ms` is the bound, `service` says whose (the message leaves it to the caller's context). */
export class TimeoutError extends UpstreamError {
  constructor(
    service: string,
    readonly ms: number,
  ) {
    super(service, `timed out after ${ms} ms`);
  }
}

/** Built data (an index, the Worker bundle, a decision model) is not what this code expects; `fix` is the command that rebuilds it. */
export class DataError extends PolicyDeskError {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super('invalid_data', `${message} Run \`${fix}\`.`);
  }
}

/** Code was used against its contract (a programming error, not bad input): never shown to users. */
export class InvariantError extends PolicyDeskError {
  constructor(message: string) {
    super('invariant_broken', message);
  }
}
