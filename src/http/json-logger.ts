import type { Logger } from './app-types.js';

/** A Logger that writes each entry as one JSON line with its time and level (`info`, `warn`, `error`). */
export function createJsonLogger(write: (line: string) => void, clock: () => number = Date.now): Logger & { warn(entry: Record<string, unknown>): void } {
  const emit = (level: string, entry: Record<string, unknown>) => write(JSON.stringify({ time: new Date(clock()).toISOString(), level, ...entry }));
  return { info: (entry) => emit('info', entry), warn: (entry) => emit('warn', entry), error: (entry) => emit('error', entry) };
}
