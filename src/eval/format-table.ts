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

/** Metrics about out-of-corpus cases, and about answerable ones: absent (–) for a row without such cases. */
const OUT_OF_CORPUS = new Set<keyof Metrics>(['outOfCorpusDeclined', 'outOfCorpusConfident', 'abstentionRecall']);
const ANSWERABLE = new Set<keyof Metrics>(['answeredCorrectly', 'answeredCorrectlyHigh', 'wronglyDeclined', 'hit1', 'hit3', 'hit5', 'mrr', 'citationPrecision', 'factRecall']);

/** A metric's cell, or – where the row has no case it is about (ooc-decl of a set without out-of-corpus questions). */
export function cell(m: Metrics, k: keyof Metrics): string {
  const value = m[k];
  // list-cov is absent where the row has no list question.
  if (value === undefined || (OUT_OF_CORPUS.has(k) && m.cases === m.answerable) || (ANSWERABLE.has(k) && m.answerable === 0)) return '–';
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

/** A fixed-width text table: one row per system, split or tag. */
export function formatMetricsTable(rows: Array<[string, Metrics]>, columns: Column[] = DETAIL_COLUMNS, label = 'system'): string {
  const width = Math.max(12, ...rows.map(([name]) => [...name].length + 2));
  const head = label.padEnd(width) + columns.map(([, h]) => h.padStart(11)).join('');
  const lines = rows.map(([name, m]) => {
    const pad = width - [...name].length + name.length;
    return name.padEnd(pad) + columns.map(([k]) => cell(m, k).padStart(11)).join('');
  });
  return [head, '-'.repeat(head.length), ...lines].join('\n');
}
