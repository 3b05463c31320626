import type { GapReport } from './gap-report.js';

const HEADER = ['size', 'previous_size', 'trend', 'declined', 'low', 'down', 'question_1', 'question_2', 'question_3', 'nearest_passage', 'document', 'doc_number', 'owner', 'first_seen', 'last_seen'];

/** gaps.csv: one row per group, largest first, with a BOM so Excel opens the Chinese as UTF-8. */
export function gapCsv(report: GapReport): string {
  const rows = report.groups.map((g) => [
    g.size,
    g.previousSize,
    g.trend,
    g.tiers.declined,
    g.tiers.low,
    g.tiers.down,
    g.questions[0] ?? '',
    g.questions[1] ?? '',
    g.questions[2] ?? '',
    g.nearest?.passageId ?? '',
    g.nearest?.title ?? '',
    g.nearest?.docNumber ?? '',
    g.owner ?? '',
    g.firstSeen,
    g.lastSeen,
  ]);
  return `\uFEFF${[HEADER, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** RFC 4180 quoting; a cell starting with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
function cell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
