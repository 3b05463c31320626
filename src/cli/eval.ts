/**
 * `npm run eval`: runs every eval case through the same code path as the service, prints the
 * metrics of the full pipeline and of the baselines side by side, writes a report, and fails
 * when a gated metric drops below the committed baseline by more than its tolerance.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { createPipeline } from '../answer/create-pipeline.js';
import { parseConfig } from '../core/config.js';
import { type Baseline, baselineSchema, compareWithBaseline, formatBaseline, toBaseline } from '../eval/compare-baseline.js';
import { z } from 'zod';
import { parseEvalCases, type EvalCase } from '../eval/eval-case.js';
import { loadSuite, suiteSchema, type SuiteCase } from '../eval/load-suite.js';
import type { EvalSystem } from '../eval/eval-systems.js';
import { decisionSummary, formatDecisionSummary } from '../eval/decision-summary.js';
import { explainChanges, goldSnapshot } from '../eval/explain-changes.js';
import { formatSummary } from '../eval/format-summary.js';
import { acceptUpdate } from './eval-accept.node.js';
import { baselineFor, evalPaths, setFilePath } from './eval-paths.node.js';
import { gateVerdict } from '../eval/gate-verdict.js';
import { formatMetricsTable, HEADLINE_COLUMNS } from '../eval/format-table.js';
import { computeMetrics, type Metrics } from '../eval/metrics.js';
import { GATED_GROUPS, metricsPerIntent, metricsPerSplit, metricsPerTag } from '../eval/per-tag.js';
import { nearestPassage } from '../eval/nearest-passage.js';
import { renderHtmlReport, reportDetails, type EvalReport } from '../eval/render-html-report.js';
import { runCase, type CaseResult } from '../eval/run-eval.js';
import { MAX_POINT_DRIFT } from '../eval/resolve-gold.js';
import { rerankerFromConfig } from '../retrieval/http-reranker.js';
import { loadRuntime } from './load-runtime.node.js';
import { HttpAnswerer } from '../eval/http-answerer.js';
import { readCorpus, type ReadCorpusOptions } from '../ingest/read-corpus.node.js';
import { sourceReading } from './source-reading.node.js';
import { Corpus } from '../core/corpus.js';
import { extraSystems } from './eval-extra-systems.node.js';
import { ConfigError } from '../core/errors.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      /** The folder of suite.json, baseline.json, reports/, retired/ and CHANGELOG.md (a copy elsewhere for trials and tests). */
      'evals-dir': { type: 'string', default: 'evals' },
      suite: { type: 'string' },
      questions: { type: 'string' },
      split: { type: 'string', default: 'all' },
      baseline: { type: 'string' },
      'update-baseline': { type: 'boolean', default: false },
      accept: { type: 'boolean', default: false },
      because: { type: 'string' },
      'no-baselines': { type: 'boolean', default: false },
      mode: { type: 'string', default: 'hybrid' },
      'report-dir': { type: 'string' },
      /** A running service (Node or `wrangler dev`) to ask over HTTP instead of the in-process pipeline. */
      target: { type: 'string' },
      'api-key': { type: 'string' },
      /** The text files a scanned corpus was printed from: gold anchors OCR misread are located through them (see resolveGold). */
      'gold-corpus': { type: 'string' },
    },
  });
  const split = z.enum(['all', 'dev', 'held-out']).parse(values.split);
  const config = parseConfig(process.env);
  const paths = evalPaths(values['evals-dir']);
  const suitePath = values.suite ?? paths.suite;
  // The suite (every set, each case in its split), or one file of questions run as given; each has its own baseline.
  const source = values.questions ?? relative(dirname(dirname(suitePath)), suitePath);
  const baselinePath = values.baseline ?? baselineFor(values.questions, paths);
  const reportDir = values['report-dir'] ?? paths.reports;
  const files = values.questions
    ? [{ set: basename(values.questions).replace(/\.jsonl?$/, ''), path: values.questions }]
    : suiteSchema.parse(JSON.parse(readFileSync(suitePath, 'utf8'))).sets.map((set) => ({ set: set.name, path: setFilePath(suitePath, set.path) }));
  const all: Array<EvalCase & Partial<Pick<SuiteCase, 'set' | 'split'>>> = values.questions
    ? parseEvalCases(readFileSync(values.questions, 'utf8'), values.questions)
    : loadSuite(suiteSchema.parse(JSON.parse(readFileSync(suitePath, 'utf8'))), (path) => readFileSync(setFilePath(suitePath, path), 'utf8'));
  const cases = split === 'all' ? all : all.filter((c) => c.split === split);
  if (cases.length === 0) throw new ConfigError(`no cases in ${source} for split ${split}`);
  if ((values['update-baseline'] || values.accept) && split !== 'all') throw new ConfigError('--update-baseline and --accept record every split: run without --split');
  const existing = existsSync(baselinePath) ? baselineSchema.parse(JSON.parse(readFileSync(baselinePath, 'utf8'))) : undefined;
  if (existing && (existing.questions ?? 'evals/suite.json') !== source && (values['update-baseline'] || values.accept) && values.baseline) {
    throw new ConfigError(
      `${baselinePath} is the baseline of ${existing.questions ?? 'evals/suite.json'}, not of ${source}: leave out --baseline to record ${source}'s own (${baselineFor(values.questions, paths)})`,
    );
  }
  if (values['update-baseline'] && existing && !values.accept) {
    throw new ConfigError(
      `${baselinePath} already holds the baseline of ${existing.questions ?? 'evals/suite.json'}: --update-baseline records a first baseline only. Run \`npm run eval -- --accept${values.questions ? ` --questions ${values.questions}` : ''}\`: it retires and re-anchors the cases a document change made stale, and records the baseline once no regression remains`,
    );
  }
  if (values['gold-corpus'] !== undefined && (values.accept || values['update-baseline']))
    throw new ConfigError('--gold-corpus measures a scanned corpus against the text it was printed from; a baseline is recorded without it');
  const reference = values['gold-corpus'] === undefined ? undefined : await referenceCorpus(values['gold-corpus']);
  if (values.target && values.accept) throw new ConfigError('--accept runs the suite in-process: run it without --target');
  if (values.because !== undefined && !values.accept) throw new ConfigError('--because gives the reason an --accept records regressions: use it with --accept');
  if (values.because !== undefined && values.because.trim() === '')
    throw new ConfigError('--because needs a reason, e.g. --because "figure questions the documents do not answer are no longer answered with confidence"');
  if (values.target)
    return evalTarget(
      values.target,
      values['api-key'] ?? config.API_KEYS[0],
      cases,
      source,
      split,
      baselinePath,
      values['update-baseline'],
      config.SEEDS_DIR,
      sourceReading(config),
      reportDir,
      reference,
    );
  const runtime = await loadRuntime({ modelDir: config.MODEL_DIR, indexDir: config.INDEX_DIR, seedsDir: config.SEEDS_DIR, ocr: config.OCR });
  const mode = values.mode as 'hybrid' | 'dense' | 'lexical';
  const full = createPipeline({ corpus: runtime.corpus, embedder: runtime.embedder, vectors: runtime.index.vectors, sentenceVectors: runtime.index.sentenceVectors, mode });
  const systems: EvalSystem[] = [{ name: `full (${mode})`, description: 'numbered-point chunks, hybrid retrieval, extractive answers', answerer: full.answerer, corpus: runtime.corpus }];
  // With a reranker configured, the pipeline with it runs beside the one without (which gates).
  const reranker = rerankerFromConfig(config);
  if (reranker) {
    const p = createPipeline({ corpus: runtime.corpus, embedder: runtime.embedder, vectors: runtime.index.vectors, sentenceVectors: runtime.index.sentenceVectors, reranker, mode });
    systems.push({ name: `full + reranker`, description: `as full, the first points reordered by ${reranker.name}`, answerer: p.answerer, corpus: runtime.corpus });
  }
  if (!values['no-baselines'] && mode === 'hybrid') {
    for (const m of ['dense', 'lexical'] as const) {
      const p = createPipeline({ corpus: runtime.corpus, embedder: runtime.embedder, vectors: runtime.index.vectors, sentenceVectors: runtime.index.sentenceVectors, mode: m });
      systems.push({ name: `${m}-only`, description: `numbered-point chunks, ${m} retrieval only`, answerer: p.answerer, corpus: runtime.corpus });
    }
    systems.push(...(await extraSystems(runtime, { seedsDir: config.SEEDS_DIR, cacheDir: join(config.INDEX_DIR, 'baselines'), log: (line) => console.error(line) })));
  }

  const tty = process.stderr.isTTY;
  const results = new Map<string, CaseResult[]>();
  for (const system of systems) {
    const rs: CaseResult[] = [];
    for (const [i, c] of cases.entries()) {
      rs.push(await runCase(c, system.answerer, system.corpus, reference ? { reference } : {}));
      if (tty) process.stderr.write(`\r\x1b[K${system.name}: ${i + 1}/${cases.length}`);
      else if ((i + 1) % 50 === 0 || i + 1 === cases.length) console.error(`${system.name}: ${i + 1}/${cases.length}`);
    }
    if (tty) process.stderr.write('\r\x1b[K');
    results.set(system.name, rs);
  }

  const main = results.get(systems[0]!.name)!;
  const metrics = new Map<string, Metrics>([...results].map(([name, rs]) => [name, computeMetrics(rs)]));
  const groups = metricsPerSplit(main);
  const perTag = metricsPerTag(main);
  const corpus = runtime.corpus;
  const snapshotOf = (rs: readonly CaseResult[]) => ({
    corpusHash: runtime.index.manifest.corpusHash,
    documents: [...corpus.documents.values()].map((d) => ({ docNumber: d.docNumber, title: d.title, date: d.date, contentHash: d.contentHash })),
    gold: goldSnapshot(rs, corpus),
  });
  const gatedGroups = (rs: readonly CaseResult[]) => Object.fromEntries(Object.entries(metricsPerSplit(rs)).filter(([name]) => GATED_GROUPS.includes(name)));
  // A baseline gates only the questions and mode it was recorded with (older baselines name none: the default suite).
  const matches = existing !== undefined && (existing.questions ?? 'evals/suite.json') === source && (existing.mode ?? 'hybrid') === mode;
  const judge = (rs: CaseResult[], cs: readonly EvalCase[]) => {
    const stale = rs.filter((r) => r.stale.length > 0).map((r) => ({ id: r.id, question: r.question, missingAnchors: r.stale, nearest: r.stale.map((a) => nearestPassage(a, corpus)) }));
    const comparison = existing && matches ? compareWithBaseline(existing, gatedGroups(rs), rs) : undefined;
    const explained = existing && matches ? explainChanges(existing, comparison!.worse, rs, cs, corpus, runtime.index.manifest.corpusHash) : undefined;
    const failing = new Set(rs.filter((r) => (r.expectAbstain ? !r.abstained && r.confidence !== 'low' : !r.answeredCorrectly)).map((r) => r.id));
    const verdict = gateVerdict(comparison, explained, stale.length, failing);
    if (existing && !matches) verdict.reasons.unshift(`${baselinePath} was recorded for ${existing.questions ?? 'evals/suite.json'} (${existing.mode ?? 'hybrid'}), not for ${source} (${mode})`);
    if (!existing && !values['update-baseline'] && !values.accept)
      verdict.reasons.push(`record one with \`npm run eval -- --update-baseline${values.questions ? ` --questions ${values.questions}` : ''}\` (written to ${baselinePath})`);
    return { stale, comparison, explained, verdict };
  };
  const { stale, comparison, explained, verdict } = judge(main, cases);
  const expected = Object.fromEntries(cases.map((c) => [c.id, { facts: c.facts }]));

  console.log(
    `\nPolicyDesk eval: ${cases.length} cases from ${source}${split === 'all' ? '' : ` (${split} split)`}${existing && matches ? `, against ${baselinePath} (recorded ${existing.recordedAt})` : ''}\n`,
  );
  for (const line of formatSummary({ verdict, explained, comparison, stale, results: main, expected })) console.log(line);
  if (reference) console.log(toleratedLine(main, values['gold-corpus']!));

  console.log(`\n${systems[0]!.name}, by split and set ("correct": not declined and the first citation is the gold point; – where a set has no such case):\n`);
  console.log(formatMetricsTable(Object.entries(groups), HEADLINE_COLUMNS, 'split/set'));
  console.log(`\nby what the question asks (intent: the case's own field, else as the question reads; correct-hi: correct with high confidence; list-cov: share of a list question's points cited):\n`);
  console.log(formatMetricsTable(Object.entries(metricsPerIntent(main)), HEADLINE_COLUMNS, 'split/intent'));
  console.log(`\nthe decision to answer (${systems[0]!.name}; P: share right — high and low: first citation is the gold point, declined: should decline):\n`);
  for (const name of ['held-out', 'dev', 'all'] as const) {
    const members = main.filter((r) => (name === 'all' ? !r.split : r.split === name));
    if (members.length > 0) console.log(formatDecisionSummary(name, decisionSummary(members)));
  }
  const heldOut = [...results].filter(([, rs]) => rs.some((r) => r.split === 'held-out'));
  if (heldOut.length > 0 && systems.length > 1) {
    console.log('\nsystems, held-out split:\n');
    console.log(
      formatMetricsTable(
        heldOut.map(([name, rs]) => [name, computeMetrics(rs.filter((r) => r.split === 'held-out'))]),
        HEADLINE_COLUMNS,
      ),
    );
  }
  console.log('\nsystems, all cases:\n');
  console.log(
    formatMetricsTable(
      [...metrics].map(([name, m]) => [name, m]),
      HEADLINE_COLUMNS,
    ),
  );
  console.log('');
  console.log(formatMetricsTable([...metrics]));
  console.log(`\nper tag (${systems[0]!.name}):\n`);
  console.log(formatMetricsTable(Object.entries(perTag), HEADLINE_COLUMNS, 'tag'));

  mkdirSync(reportDir, { recursive: true });
  const stamp = reportStamp();
  const report: EvalReport = {
    createdAt: new Date().toISOString(),
    questions: source,
    index: runtime.index.manifest,
    systems: systems.map((s) => ({ name: s.name, description: s.description, metrics: metrics.get(s.name) })),
    perTag,
    stale,
    comparison,
    verdict,
    ...(explained ? { explained } : {}),
    cases: main,
    ...reportDetails(cases, main, corpus, stale),
  };
  const jsonPath = join(reportDir, `${stamp}.json`);
  writeFileSync(jsonPath, JSON.stringify(report, null, 2));
  const htmlPath = join(reportDir, `${stamp}.html`);
  writeFileSync(htmlPath, renderHtmlReport(report, existing && matches ? existing : undefined));
  console.log(`\nreport: ${jsonPath}\n        ${htmlPath}`);

  if (values.accept) {
    return acceptUpdate({
      cases,
      results: main,
      files: files.map((f) => ({ ...f, text: readFileSync(f.path, 'utf8') })),
      baseline: existing && matches ? existing : undefined,
      baselinePath,
      corpus,
      answerer: full.answerer,
      judge,
      record: (rs) => toBaseline(computeMetrics(rs), rs, existing && matches ? existing : undefined, { questions: source, mode, groups: gatedGroups(rs), corpus: snapshotOf(rs) }),
      documents: explained?.documents ?? { added: [], edited: [], removed: [] },
      paths,
      source,
      ...(values.because !== undefined ? { because: values.because.trim() } : {}),
    });
  }
  if (values['update-baseline']) {
    if (stale.length > 0) {
      console.error(`eval: no baseline recorded: ${stale.length} stale case(s) would be recorded as failures (${stale.map((s) => s.id).join(', ')}); fix their anchors or remove them first`);
      return 1;
    }
    writeBaseline(baselinePath, toBaseline(computeMetrics(main), main, undefined, { questions: source, mode, groups: gatedGroups(main), corpus: snapshotOf(main) }));
    return 0;
  }
  if (!verdict.pass) {
    console.error(`eval: FAIL (${verdict.reasons.join('; ')}); fix the regression, or accept a document update with \`npm run eval -- --accept\``);
    return 1;
  }
  if (verdict.status === 'NOT GATED') console.error(`eval: NOT GATED (${verdict.reasons.join('; ')})`);
  return 0;
}

/** A report's file name stem: the time it was written, safe in a file name. */
const reportStamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/**
 * `--target URL`: the suite against a running service over HTTP (the Node service or the Worker
 * under `wrangler dev`), scored against the documents in SEEDS_DIR, gated by a baseline recorded
 * for that target's mode (`--baseline evals/baseline.worker.json` in CI). Writes a JSON report
 * (metrics and every case's result, `<time>-target.json`) to the report folder, `--report-dir` or
 * evals/reports/.
 */
async function evalTarget(
  target: string,
  apiKey: string | undefined,
  cases: Array<EvalCase & Partial<Pick<SuiteCase, 'set' | 'split'>>>,
  source: string,
  split: string,
  baselinePath: string,
  update: boolean,
  seedsDir: string,
  reading: ReadCorpusOptions,
  reportDir: string,
  reference?: Corpus,
): Promise<number> {
  const read = await readCorpus(seedsDir, reading);
  const corpus = new Corpus({ documents: read.documents, passages: read.passages });
  const answerer = new HttpAnswerer({ baseUrl: target, ...(apiKey ? { apiKey } : {}) });
  const results: CaseResult[] = [];
  for (const [i, c] of cases.entries()) {
    results.push(await runCase(c, answerer, corpus, reference ? { reference } : {}));
    if ((i + 1) % 50 === 0 || i + 1 === cases.length) console.error(`${target}: ${i + 1}/${cases.length}`);
  }
  const mode = `http:${results[0]?.mode ?? 'extractive'}`;
  const groups = metricsPerSplit(results);
  console.log(`\nPolicyDesk eval: ${cases.length} cases from ${source}${split === 'all' ? '' : ` (${split} split)`} against ${target}\n`);
  if (reference) console.log(`${toleratedLine(results, 'the --gold-corpus')}\n`);
  console.log(formatMetricsTable(Object.entries(groups), HEADLINE_COLUMNS, 'split/set'));
  console.log(`\nby what the question asks (intent: the case's own field, else as the question reads; correct-hi: correct with high confidence; list-cov: share of a list question's points cited):\n`);
  console.log(formatMetricsTable(Object.entries(metricsPerIntent(results)), HEADLINE_COLUMNS, 'split/intent'));
  for (const name of ['held-out', 'dev', 'all'] as const) {
    const members = results.filter((r) => (name === 'all' ? !r.split : r.split === name));
    if (members.length > 0) console.log(formatDecisionSummary(name, decisionSummary(members)));
  }
  // The run's JSON report, as the in-process run writes one: its metrics and every case's result.
  mkdirSync(reportDir, { recursive: true });
  const jsonPath = join(reportDir, `${reportStamp()}-target.json`);
  writeFileSync(jsonPath, JSON.stringify({ createdAt: new Date().toISOString(), questions: source, target, mode, metrics: groups, perIntent: metricsPerIntent(results), cases: results }, null, 2));
  console.log(`\nreport: ${jsonPath}`);
  const run = { questions: source, mode: 'target', groups: Object.fromEntries(Object.entries(groups).filter(([name]) => GATED_GROUPS.includes(name))) };
  const existing = existsSync(baselinePath) ? baselineSchema.parse(JSON.parse(readFileSync(baselinePath, 'utf8'))) : undefined;
  if (update) {
    writeBaseline(baselinePath, toBaseline(computeMetrics(results), results, existing, run));
    return 0;
  }
  if (existing?.mode !== 'target' || (existing.questions ?? '') !== source) {
    console.log(`\nno baseline for a target run at ${baselinePath} (${mode}): reported, not gated; record one with --update-baseline`);
    return 0;
  }
  const comparison = compareWithBaseline(existing, run.groups, results);
  console.log(`\nagainst ${baselinePath} (recorded ${existing.recordedAt}): ${comparison.worse.length} cases worse, ${comparison.better.length} better`);
  for (const c of comparison.worse) console.log(`  worse  ${c.id}: ${c.before} -> ${c.after}  ${c.question}`);
  for (const r of comparison.regressions) console.log(`  REGRESSION ${r.group} ${r.metric}: ${r.baseline} -> ${r.now} (tolerance ${r.tolerance})`);
  if (comparison.regressions.length > 0) {
    console.error(`eval: ${comparison.regressions.length} metric(s) of ${target} dropped beyond tolerance`);
    return 1;
  }
  return 0;
}

/** The documents a scanned corpus was printed from, read as ingest reads text files. */
async function referenceCorpus(dir: string): Promise<Corpus> {
  const read = await readCorpus(dir);
  if (read.documents.length === 0) throw new ConfigError(`--gold-corpus ${dir}: no documents could be read there`);
  return new Corpus({ documents: read.documents, passages: read.passages });
}

/** How many cases the reference text kept from going stale. */
function toleratedLine(results: readonly CaseResult[], dir: string): string {
  const tolerated = results.filter((r) => r.tolerated?.length);
  return `gold anchors not in the corpus as written, located through ${dir} (the same numbered point, its text within ${MAX_POINT_DRIFT * 100} % of the reference's): ${tolerated.reduce((n, r) => n + r.tolerated!.length, 0)} in ${tolerated.length} case(s)`;
}

function writeBaseline(path: string, baseline: Baseline): void {
  writeFileSync(path, formatBaseline(baseline));
  console.log(`baseline recorded in ${path}`);
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`eval: ${error.message}`);
    if (process.env.DEBUG_EVAL) console.error(error.stack);
    process.exit(2);
  },
);
