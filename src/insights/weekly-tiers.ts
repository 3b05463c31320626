import type { QuestionLogRecord } from '../core/question-log.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Monday 00:00 UTC of the week holding `time`. */
export function weekStart(time: number): number {
  const day = Math.floor(time / DAY_MS) * DAY_MS;
  // 1970-01-01 was a Thursday: (days + 3) % 7 is 0 on Mondays.
  return day - ((Math.floor(day / DAY_MS) + 3) % 7) * DAY_MS;
}

/** Questions per week by tier, every week of [since, until) listed, empty ones included. */
export function weeklyTiers(records: readonly QuestionLogRecord[], since: Date, until: Date): Array<{ weekStart: string; high: number; low: number; declined: number }> {
  const weeks = new Map<number, { weekStart: string; high: number; low: number; declined: number }>();
  for (let w = weekStart(since.getTime()); w < until.getTime(); w += 7 * DAY_MS) weeks.set(w, { weekStart: new Date(w).toISOString().slice(0, 10), high: 0, low: 0, declined: 0 });
  for (const r of records) {
    const week = weeks.get(weekStart(Date.parse(r.askedAt)));
    if (week) week[r.tier]++;
  }
  return [...weeks.values()];
}
