import type { SlackLogger } from './types.js';

/** A warning goes to `warn` when the logger has one, else to `info` marked `level: 'warn'`. */
export function logWarn(logger: SlackLogger, entry: Record<string, unknown>): void {
  if (logger.warn) logger.warn(entry);
  else logger.info({ ...entry, level: 'warn' });
}
