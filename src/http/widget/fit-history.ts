import type { WidgetTurn } from './widget-types.js';
import { MAX_HISTORY_TURNS } from '../../core/limits.js';

/** The service accepts at most MAX_HISTORY_TURNS turns and 32 KiB of body; stay a little under the latter. */
export { MAX_HISTORY_TURNS };
export const HISTORY_BODY_BUDGET = 30 * 1024;

/**
 * The most recent turns that fit both limits, so a long conversation (or a few 2,000-character
 * questions) drops its oldest turns instead of failing with 413.
 */
export function fitHistory(question: string, history: readonly WidgetTurn[]): WidgetTurn[] {
  const kept = history.slice(-MAX_HISTORY_TURNS);
  const encoder = new TextEncoder();
  while (kept.length > 0 && encoder.encode(JSON.stringify({ question, history: kept })).length > HISTORY_BODY_BUDGET) kept.shift();
  return kept;
}
