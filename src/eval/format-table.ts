import type { Metrics } from './metrics.js';

const COLUMNS: Array<[keyof Metrics, string]> = [
  ['cases', 'n'], ['hit1', 'hit@1'], ['hit3', 'hit@3'], ['hit5', 'hit@5'], ['mrr', 'MRR'], ['citationPrecision', 'cite-prec'],
  ['factRecall', 'facts'], ['verifiedQuoteRate', 'verified'], ['abstentionPrecision', 'abst-P'], ['abstentionRecall', 'abst-R'],
  ['medianAnswerChars', 'ans-chars'], ['p50Ms', 'p50 ms'], ['p95Ms', 'p95 ms'],
];

/** A fixed-width text table: one row per system or tag. */
export function formatMetricsTable(rows: Array<[string, Metrics]>): string {
  const width = Math.max(12, ...rows.map(([name]) => [...name].length + 2));
  const head = 'system'.padEnd(width) + COLUMNS.map(([, h]) => h.padStart(10)).join('');
  const lines = rows.map(([name, m]) => {
    const pad = width - [...name].length + name.length;
    return name.padEnd(pad) + COLUMNS.map(([k]) => (Number.isInteger(m[k]) ? String(m[k]) : m[k].toFixed(3)).padStart(10)).join('');
  });
  return [head, '-'.repeat(head.length), ...lines].join('\n');
}
