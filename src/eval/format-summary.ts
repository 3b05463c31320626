import type { Comparison } from './compare-baseline.js';
import type { CorpusChangeReport } from './explain-changes.js';
import type { GateVerdict } from './gate-verdict.js';
import { failureReasons, type StaleCase } from './render-html-report.js';
import type { CaseResult } from './run-eval.js';

export { DIFF_NOTATION } from '../ingest/diff-corpus.js';
import { DIFF_NOTATION } from '../ingest/diff-corpus.js';

export interface SummaryInput {
  verdict: GateVerdict;
  explained?: CorpusChangeReport | undefined;
  comparison?: Comparison | undefined;
  stale: readonly StaleCase[];
  /** Every case of the run: a run that is not gated lists its failing cases. */
  results: readonly CaseResult[];
  expected: Record<string, { facts: string[] }>;
}

/**
 * What the terminal shows first, before any table: the verdict and its reasons, what changed in
 * the documents (by 文号 and title), the cases whose answer changed (question, before, after, why),
 * the stale cases, and for a run that is not gated its failing cases.
 */
export function formatSummary(x: SummaryInput): string[] {
  const out = [x.verdict.status, ...x.verdict.reasons.map((r) => `  - ${r}`)];
  if (x.verdict.newFailures.length > 0) out.push(`  new failures: ${x.verdict.newFailures.join(', ')}`);
  const docs = x.explained?.documents;
  if (docs && docs.added.length + docs.edited.length + docs.removed.length > 0) {
    out.push('', 'documents changed since the baseline:');
    for (const [mark, ds] of [
      ['+', docs.added],
      ['~', docs.edited],
      ['-', docs.removed],
    ] as const) {
      for (const d of ds) out.push(`  ${mark} ${d.docNumber}《${d.title}》 (${d.date})`);
    }
  }
  const why = new Map((x.explained?.cases ?? []).map((c) => [c.id, c]));
  const changed = [...(x.comparison?.worse ?? []).map((c) => ({ ...c, dir: 'worse' })), ...(x.comparison?.better ?? []).map((c) => ({ ...c, dir: 'better' }))];
  if (changed.length > 0) {
    out.push('', `cases whose answer changed: ${x.comparison!.worse.length} worse, ${x.comparison!.better.length} better`);
    for (const c of changed) {
      const e = why.get(c.id);
      out.push(`  ${c.dir.padEnd(6)} ${c.id}${e ? ` [${e.verdict}]` : ''}: ${c.question}`, `         ${c.before} -> ${c.after}`);
      if (e) out.push(`         why: ${e.reason}`);
    }
  }
  if (x.stale.length > 0) {
    out.push('', `stale cases (gold anchor no longer found; they count as failures until accepted or fixed): ${x.stale.length}`);
    for (const s of x.stale) {
      const e = why.get(s.id);
      out.push(`  ${s.id}: ${e ? `[${e.verdict}] ${e.reason}` : `anchor not found; nearest now ${s.nearest.map((n) => `${n.id} (${n.label})`).join(', ')}`}`);
    }
  }
  if (x.verdict.status === 'NOT GATED') {
    const failing = x.results.map((r) => ({ r, reasons: failureReasons(r, x.expected[r.id]) })).filter((f) => f.reasons.length > 0);
    out.push('', `failing cases: ${failing.length} of ${x.results.length}`);
    for (const f of failing) out.push(`  ${f.r.id}: ${f.reasons.join('; ')}  ${f.r.question}`);
  }
  if (out.some((l) => l.includes('[-') || l.includes('{+'))) out.push('', `(${DIFF_NOTATION})`);
  return out;
}
