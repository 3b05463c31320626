/**
 * The one logger interface: one structured entry per call, with a `msg` and ids, codes and
 * figures (never tokens or, unless LOG_QUESTIONS, question text). Levels mean something:
 * - `error`: something broke that an operator must look at (a crash, a failed upstream call);
 * - `warn`: expected trouble the service handled (an outage answered with 503, an answer repaired);
 * - `info`: what happened (a request, the service starting);
 * - `debug`: detail for development (Bolt's own chatter).
 * The Node server writes JSON lines (src/http/json-logger.ts); the Worker and tests bring their own.
 */
export interface Logger {
  info(entry: Record<string, unknown>): void;
  error(entry: Record<string, unknown>): void;
  /** `info` with `level: 'warn'` where a logger has no `warn`. */
  warn?(entry: Record<string, unknown>): void;
  debug?(entry: Record<string, unknown>): void;
}

/** Logs at `warn`, or at `info` marked `level: 'warn'` on a logger without that level. */
export function logWarning(logger: Logger, entry: Record<string, unknown>): void {
  if (logger.warn) logger.warn(entry);
  else logger.info({ ...entry, level: 'warn' });
}
