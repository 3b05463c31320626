import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Answerer } from '../answer/types.js';
import type { Corpus } from '../core/corpus.js';
import { applyAccept, planAccept } from '../eval/accept-update.js';
import { changelogEntry, prependEntry } from '../eval/changelog-entry.js';
import { type Baseline, type Comparison, formatBaseline } from '../eval/compare-baseline.js';
import type { EvalCase } from '../eval/eval-case.js';
import type { CorpusChangeReport } from '../eval/explain-changes.js';
import { DIFF_NOTATION } from '../eval/format-summary.js';
import type { GateVerdict } from '../eval/gate-verdict.js';
import type { SuiteCase } from '../eval/load-suite.js';
import { runCase, type CaseResult } from '../eval/run-eval.js';
import type { EvalPaths } from './eval-paths.node.js';

type Case = EvalCase & Partial<Pick<SuiteCase, 'set' | 'split'>>;

export interface AcceptInput {
  cases: readonly Case[];
  results: readonly CaseResult[];
  /** The question files the cases come from, with their text: retired and re-anchored lines are written back. */
  files: ReadonlyArray<{ set: string; path: string; text: string }>;
  baseline: Baseline | undefined;
  baselinePath: string;
  corpus: Corpus;
  answerer: Answerer;
  /** The gate over a set of results, as the plain run judges them. */
  judge: (results: CaseResult[], cases: readonly EvalCase[]) => { stale: unknown[]; comparison?: Comparison | undefined; explained?: CorpusChangeReport | undefined; verdict: GateVerdict };
  record: (results: readonly CaseResult[]) => Baseline;
  documents: CorpusChangeReport['documents'];
  paths: EvalPaths;
  source: string;
  /**
   * `--because "…"`: on the same documents, a deliberate trade-off (a code change that moves some
   * gated metrics) is recorded with this reason and the regressions written to the change log.
   * Never excuses a stale case or a case left for review.
   */
  because?: string;
}

/**
 * `npm run eval -- --accept`: retires the cases of removed documents, re-anchors the cases whose
 * edited gold point still holds their facts, runs those again, and records the baseline with a
 * change-log entry, but only when no regression or unresolved stale case is left; otherwise it
 * writes nothing, names each case, and exits 1.
 */
export async function acceptUpdate(x: AcceptInput): Promise<number> {
  const setOf = (c: Case) => c.set ?? x.files[0]!.set;
  const plan = planAccept({ cases: x.cases, results: x.results, baseline: x.baseline, corpus: x.corpus, set: setOf });
  const retired = new Set(plan.retired.map((r) => r.id));
  const updated = new Map(plan.reanchored.map((r) => [r.id, r.updated as Case]));
  const rerun = new Map<string, CaseResult>();
  for (const c of updated.values()) rerun.set(c.id, await runCase(c, x.answerer, x.corpus));
  const results = x.results.filter((r) => !retired.has(r.id)).map((r) => rerun.get(r.id) ?? r);
  const cases = x.cases.filter((c) => !retired.has(c.id)).map((c) => updated.get(c.id) ?? c);
  // The gate of an accept compares the cases the baseline knows; cases added since are recorded as they are now.
  const added = x.baseline ? results.filter((r) => x.baseline!.cases[r.id] === undefined).map((r) => r.id) : [];
  const after = x.judge(
    results.filter((r) => !added.includes(r.id)),
    cases.filter((c) => !added.includes(c.id)),
  );

  console.log(`\naccept: ${plan.retired.length} case(s) to retire (document removed), ${plan.reanchored.length} to re-anchor (facts still in the edited point), ${plan.review.length} to review`);
  for (const r of plan.reanchored)
    for (const ch of r.changes)
      console.log(`  re-anchor ${r.id}: 「${ch.from}」 -> 「${ch.to}」 (${ch.doc}${ch.label}); now ${rerun.get(r.id)?.answeredCorrectly ? 'answered correctly' : 'not answered correctly'}`);
  const failingNow = new Set(after.verdict.newFailures);
  const regressions = after.explained?.corpusChanged ? after.explained.cases.filter((c) => c.verdict === 'regression' && failingNow.has(c.id)) : [];
  const metricRegressions = after.explained?.corpusChanged ? [] : (after.comparison?.regressions ?? []);
  const stale = after.verdict.reasons.some((r) => r.includes('stale'));
  // A reason accepts metric moves of a code change; nothing accepts a stale case, a case to review or a corpus regression.
  const excused = x.because !== undefined && !stale && regressions.length === 0 && plan.review.length === 0 && !after.explained?.corpusChanged;
  if (plan.review.length > 0 || (!after.verdict.pass && !excused)) {
    console.log('\nACCEPT REFUSED: nothing was written. Resolve each case below, then run `npm run eval -- --accept` again.');
    for (const r of plan.review) console.log(`  review ${r.id} (${r.set}): ${r.why}\n    question: ${r.question}\n    before:   ${r.before}\n    now:      ${r.after}`);
    for (const c of regressions) console.log(`  regression ${c.id}: ${c.before} -> ${c.after}: ${c.reason}\n    question: ${c.question}`);
    for (const m of after.explained?.corpusChanged ? [] : (after.comparison?.regressions ?? []))
      console.log(`  regression ${m.group} ${m.metric}: ${m.baseline} -> ${m.now} (tolerance ${m.tolerance})`);
    for (const reason of after.verdict.reasons.filter((r) => r.includes('stale'))) console.log(`  ${reason}`);
    console.error(`eval: accept refused (${plan.review.length} case(s) to review, ${regressions.length} regression(s)${after.verdict.pass ? '' : `: ${after.verdict.reasons.join('; ')}`})`);
    if (metricRegressions.length > 0 && !after.explained?.corpusChanged && x.because === undefined)
      console.error('eval: if these metric moves are a deliberate trade-off of a code change, say why: `npm run eval -- --accept --because "…"` (written to the change log)');
    return 1;
  }

  const date = new Date().toISOString().slice(0, 10);
  const written = applyAccept(x.files, plan, date);
  for (const f of written.files) writeFileSync(f.path, f.text);
  for (const r of written.retired) {
    mkdirSync(x.paths.retired, { recursive: true });
    appendFileSync(join(x.paths.retired, `${r.set}.jsonl`), `${r.lines.join('\n')}\n`);
  }
  const baseline = x.record(results);
  writeFileSync(x.baselinePath, formatBaseline(baseline));
  const why = new Map((after.explained?.cases ?? []).map((c) => [c.id, c.reason]));
  const accepted = [
    ...(after.comparison?.worse ?? []).map((c) => ({ id: c.id, before: c.before, after: c.after, why: why.get(c.id) ?? 'worse, within the tolerance' })),
    ...(after.comparison?.better ?? []).map((c) => ({ id: c.id, before: c.before, after: c.after, why: 'better' })),
  ];
  const entry = changelogEntry({
    date,
    questions: x.source,
    documents: x.documents,
    plan,
    accepted,
    added,
    before: x.baseline?.groups ?? {},
    after: baseline.groups,
    retiredDir: x.paths.retired,
    ...(excused && !after.verdict.pass ? { because: x.because!, regressions: metricRegressions.map((m) => `${m.group} ${m.metric}: ${m.baseline} -> ${m.now} (tolerance ${m.tolerance})`) } : {}),
  });
  mkdirSync(dirname(x.paths.changelog), { recursive: true });
  writeFileSync(x.paths.changelog, prependEntry(existsSync(x.paths.changelog) ? readFileSync(x.paths.changelog, 'utf8') : undefined, entry));
  console.log(
    `\nACCEPTED: ${plan.retired.length} case(s) retired to ${x.paths.retired}/, ${plan.reanchored.length} re-anchored; case files updated: ${written.files.map((f) => f.path).join(', ') || 'none'}`,
  );
  console.log(`baseline recorded in ${x.baselinePath}; what was accepted is in ${x.paths.changelog}`);
  if (entry.includes('[-')) console.log(`(${DIFF_NOTATION})`);
  return 0;
}
