/**
 * `npm run gaps:eval -- --group N [--as out-of-corpus|answerable] [--report FILE] [--out-dir DIR]`:
 * turns group N (1 = the largest) of a gap report (default DATA_DIR/gaps/gaps.json) into candidate
 * eval cases in evals/candidates/, as `eval:mine` does for 👎: out-of-corpus cases that must stay
 * declined, or, once a document covers the topic, a triage file of questions to give gold passages.
 * Questions already in the suite or pending review are skipped. Needs no model.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../core/config.js';
import { ConfigError } from '../core/errors.js';
import { parseEvalCases } from '../eval/eval-case.js';
import { gapEvalCandidates } from '../insights/gap-eval-candidates.js';
import { GAPS_FOLDER, type GapReport } from '../insights/gap-report.js';

function main(): number {
  const { values } = parseArgs({
    options: {
      group: { type: 'string' },
      as: { type: 'string', default: 'out-of-corpus' },
      report: { type: 'string' },
      cases: { type: 'string', multiple: true, default: ['evals/cases.jsonl'] },
      'out-dir': { type: 'string', default: 'evals/candidates' },
    },
  });
  const config = parseConfig(process.env);
  const reportPath = values.report ?? join(config.DATA_DIR, GAPS_FOLDER, 'gaps.json');
  if (!existsSync(reportPath)) throw new ConfigError(`${reportPath} does not exist: run npm run report:gaps first (or pass --report FILE).`);
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as GapReport;
  const n = Number(values.group);
  if (!Number.isInteger(n) || n < 1 || n > report.groups.length)
    throw new ConfigError(`--group must be a group number from 1 to ${report.groups.length} (as numbered in gaps.html), got ${values.group}.`);
  if (values.as !== 'out-of-corpus' && values.as !== 'answerable') throw new ConfigError(`--as must be out-of-corpus or answerable, got ${values.as}.`);
  const outDir = values['out-dir'];
  const pending = existsSync(outDir)
    ? readdirSync(outDir)
        .filter((f) => f.endsWith('.jsonl'))
        .map((f) => join(outDir, f))
    : [];
  const knownQuestions = [...values.cases, ...pending].flatMap((file) => parseEvalCases(readFileSync(file, 'utf8'), file).map((c) => c.question));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const { cases, triage } = gapEvalCandidates(report.groups[n - 1]!, { as: values.as, knownQuestions, idPrefix: `gap-${stamp.slice(0, 10)}-g${n}` });
  mkdirSync(outDir, { recursive: true });
  if (values.as === 'answerable') {
    const path = join(outDir, `gap-triage-${stamp}.json`);
    writeFileSync(path, `${JSON.stringify(triage, null, 2)}\n`);
    console.log(`gaps:eval: ${triage.length} question(s) of group ${n} to give gold passages -> ${path}`);
    return 0;
  }
  if (cases.length === 0) {
    console.log(`gaps:eval: group ${n} has no question not already in the suite`);
    return 0;
  }
  const path = join(outDir, `gap-${stamp}.jsonl`);
  writeFileSync(path, `${cases.map((c) => JSON.stringify(c)).join('\n')}\n`);
  console.log(`gaps:eval: ${cases.length} out-of-corpus candidate case(s) from group ${n} -> ${path}; review, then move the accepted lines into evals/cases.jsonl`);
  return 0;
}

try {
  process.exit(main());
} catch (error) {
  console.error(`gaps:eval: ${(error as Error).message}`);
  process.exit(error instanceof ConfigError ? 2 : 1);
}
