import type { FeedbackRecord } from '../core/feedback.js';
import { recordFromRow } from '../store/d1-feedback-store.js';
import { UpstreamError } from '../core/errors.js';

/**
 * The feedback records in what `wrangler d1 execute --json --command "<SELECT_FEEDBACK_SQL>"`
 * prints (`[{ results: [...], success, meta }]`). A row that is not a valid record is counted,
 * not fatal; wrangler's own error object (`{ error: { text } }`) is thrown with its text.
 */
export function parseD1Export(stdout: string): { records: FeedbackRecord[]; invalid: number } {
  const start = stdout.search(/[[{]/);
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout.slice(Math.max(0, start)));
  } catch {
    throw new UpstreamError('wrangler', `wrangler printed no JSON: ${stdout.slice(0, 300)}`);
  }
  if (!Array.isArray(parsed)) {
    const text = (parsed as { error?: { text?: string } })?.error?.text;
    throw new UpstreamError('wrangler', text ? `wrangler d1 execute failed: ${text}` : `unexpected wrangler output: ${stdout.slice(0, 300)}`);
  }
  const records: FeedbackRecord[] = [];
  let invalid = 0;
  for (const statement of parsed as Array<{ results?: Array<Record<string, unknown>> }>) {
    for (const row of statement.results ?? []) {
      try {
        records.push(recordFromRow(row));
      } catch {
        invalid++;
      }
    }
  }
  return { records, invalid };
}
