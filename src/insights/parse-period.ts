import { ConfigError } from '../core/errors.js';

const UNIT_MS = { d: 24 * 60 * 60 * 1000, w: 7 * 24 * 60 * 60 * 1000 } as const;

/**
 * `--since` as a span back from `until` (`30d`, `4w`) or a date (`2026-03-01`); `--until` a date,
 * now by default. Throws a ConfigError that says what to write.
 */
export function parsePeriod(since: string, until: string | undefined, now: Date): { since: Date; until: Date } {
  const end = until === undefined ? now : parseDate(until, '--until');
  const span = /^(\d{1,4})([dw])$/.exec(since.trim());
  const start = span ? new Date(end.getTime() - Number(span[1]) * UNIT_MS[span[2] as 'd' | 'w']) : parseDate(since, '--since');
  if (start.getTime() >= end.getTime()) throw new ConfigError(`--since (${start.toISOString().slice(0, 10)}) must be before --until (${end.toISOString().slice(0, 10)}).`);
  return { since: start, until: end };
}

function parseDate(text: string, flag: string): Date {
  const time = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(text.trim()) ? Date.parse(text.trim()) : Number.NaN;
  if (Number.isNaN(time)) throw new ConfigError(`${flag} must be a span like 30d or 4w, or a date like 2026-03-01; got ${JSON.stringify(text)}.`);
  return new Date(time);
}
