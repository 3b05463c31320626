import type { Comparison } from './compare-baseline.js';
import type { CorpusChangeReport } from './explain-changes.js';

/** What the eval concludes, first thing in its output and report. */
export interface GateVerdict {
  /** NOT GATED: no baseline recorded for these questions and mode; the run is reported only. */
  status: 'PASS' | 'FAIL' | 'NOT GATED';
  /** Whether the run may exit 0 (PASS or NOT GATED). */
  pass: boolean;
  /** Why, one line each. */
  reasons: string[];
  /** Cases worse than at the baseline that now fail (declined, wrong point, or an out-of-corpus question answered with confidence), unexplained by the documents. */
  newFailures: string[];
}

/**
 * The gate. With the documents unchanged since the baseline, a metric beyond its tolerance
 * fails. When they changed, metric drops the changes explain (a gold point edited or removed, a
 * newer document answering) do not fail the run; a case worse on an unchanged gold point that now fails does.
 * Stale cases (an anchor no longer found, a removed document) fail until they are fixed or
 * re-anchored, whatever else happened.
 */
export function gateVerdict(comparison: Comparison | undefined, explained: CorpusChangeReport | undefined, staleCount: number, failing: ReadonlySet<string>): GateVerdict {
  const reasons: string[] = [];
  const regressions = explained?.cases.filter((c) => c.verdict === 'regression') ?? [];
  const newFailures = regressions.map((c) => c.id);
  if (!comparison) reasons.push('no baseline recorded for these questions and mode: reported, not gated');
  if (comparison && !explained?.corpusChanged) {
    for (const r of comparison.regressions) reasons.push(`${r.group} ${r.metric}: ${r.baseline} -> ${r.now} (tolerance ${r.tolerance})`);
  }
  if (explained?.corpusChanged) {
    const by = (v: string) => explained.cases.filter((c) => c.verdict === v).length;
    reasons.push(
      `the documents changed since the baseline: ${by('gold-edited')} case(s) with an edited gold point, ${by('document-removed')} with a removed document, ${by('newer-document')} answered from a newer document (expected)`,
    );
    const now = regressions.filter((c) => failing.has(c.id));
    const slipped = regressions.filter((c) => !failing.has(c.id));
    if (now.length > 0) reasons.push(`${now.length} case(s) now failing, not explained by the document changes: regressions (${now.map((c) => c.id).join(', ')})`);
    if (slipped.length > 0) reasons.push(`${slipped.length} case(s) worse but still passing (${slipped.map((c) => c.id).join(', ')}): not a failure; --accept records them as they are now`);
  }
  if (staleCount > 0)
    reasons.push(
      `${staleCount} stale case(s) (gold anchor no longer found): \`npm run eval -- --accept\` retires those of removed documents and re-anchors those whose facts still hold; they count as failures until then`,
    );
  for (const d of explained?.uncovered ?? []) reasons.push(`0 cases cover ${d.docNumber}《${d.title}》: add some`);
  const changed = explained?.corpusChanged === true;
  // Same documents: the metrics gate (one case may move within a tolerance). Changed documents:
  // every case the changes do not explain that got worse and now fails is a regression.
  const failed = staleCount > 0 || (changed ? regressions.some((c) => failing.has(c.id)) : (comparison?.regressions.length ?? 0) > 0);
  const worseAndFailing = (comparison?.worse ?? []).map((w) => w.id).filter((id) => failing.has(id));
  const status = failed ? 'FAIL' : comparison ? 'PASS' : 'NOT GATED';
  return { status, pass: !failed, reasons, newFailures: changed ? newFailures.filter((id) => failing.has(id)) : worseAndFailing };
}
