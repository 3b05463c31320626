import type { Metrics } from './metrics.js';

export type Column = [keyof Metrics, string];

/** What staff feel first: answered from the right point, wrongly declined, out-of-corpus handled. */
export const HEADLINE_COLUMNS: Column[] = [
  ['cases', 'n'],
  ['answerable', 'answerable'],
  ['answeredCorrectly', 'correct'],
  ['answeredCorrectlyHigh', 'correct-hi'],
  ['wronglyDeclined', 'wrong-decl'],
  ['outOfCorpusDeclined', 'ooc-decl'],
  ['outOfCorpusConfident', 'ooc-high'],
  ['listCoverage', 'list-cov'],
  ['hit1', 'hit@1'],
  ['hit5', 'hit@5'],
  ['mrr', 'MRR'],
];

/** Retrieval and answer detail. */
export const DETAIL_COLUMNS: Column[] = [
  ['cases', 'n'],
  ['hit1', 'hit@1'],
  ['hit3', 'hit@3'],
  ['hit5', 'hit@5'],
  ['mrr', 'MRR'],
  ['citationPrecision', 'cite-prec'],
  ['factRecall', 'facts'],
  ['verifiedQuoteRate', 'verified'],
  ['abstentionPrecision', 'abst-P'],
  ['abstentionRecall', 'abst-R'],
  ['medianAnswerChars', 'ans-chars'],
  ['p50Ms', 'p50 ms'],
  ['p95Ms', 'p95 ms'],
];

/** A fixed-width text table: one row per system, split or tag. */
export function formatMetricsTable(rows: Array<[string, Metrics]>, columns: Column[] = DETAIL_COLUMNS, label = 'system'): string {
  const width = Math.max(12, ...rows.map(([name]) => [...name].length + 2));
  const head = label.padEnd(width) + columns.map(([, h]) => h.padStart(11)).join('');
  const lines = rows.map(([name, m]) => {
    const pad = width - [...name].length + name.length;
    return name.padEnd(pad) + columns.map(([k]) => format(m[k]).padStart(11)).join('');
  });
  return [head, '-'.repeat(head.length), ...lines].join('\n');
}

/** A cell: counts whole, shares to three places, a dash where the set has no such case. */
function format(value: number | undefined): string {
  if (value === undefined) return '-';
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}
