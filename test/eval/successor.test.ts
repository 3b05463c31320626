import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPipeline } from '../../src/answer/create-pipeline.js';
import { Corpus } from '../../src/core/corpus.js';
import { compareWithBaseline, toBaseline } from '../../src/eval/compare-baseline.js';
import { parseEvalCases, type EvalCase } from '../../src/eval/eval-case.js';
import { explainChanges, goldSnapshot } from '../../src/eval/explain-changes.js';
import { computeMetrics } from '../../src/eval/metrics.js';
import { runCase, type CaseResult } from '../../src/eval/run-eval.js';
import { readCorpusData } from '../../src/ingest/read-corpus.node.js';
import { supersedes } from '../../src/ingest/relate-documents.js';
import { CORPUS_DIR } from '../support/corpus-dirs.js';

/**
 * "Answered from a newer document" is expected only when that document replaces the gold one:
 * tested on a real pair of made-up notices (test/fixtures/successor): the next year's notice of the
 * same office, and the same text issued that year by a district.
 */
const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/successor');
const OLD = '沪卫医〔2023〕32号';
const NEXT_YEAR = '2024-shanghai-medical-administration-priorities';
const DISTRICT = '2024-jingan-medical-administration-priorities';

const cases: EvalCase[] = parseEvalCases(readFileSync(join(ROOT, 'evals/cases.jsonl'), 'utf8'), 'evals/cases.jsonl').filter(
  (c) => c.kind !== 'follow-up' && c.gold.length > 0 && c.gold.every((g) => g.doc === OLD),
);
const dirs: string[] = [];

/** The corpus ingest would read from the test corpus plus the given fixture files. */
async function corpusWith(...extra: string[]): Promise<Corpus> {
  const dir = mkdtempSync(join(tmpdir(), 'policydesk-successor-'));
  dirs.push(dir);
  for (const f of readdirSync(CORPUS_DIR)) copyFileSync(join(CORPUS_DIR, f), join(dir, f));
  for (const f of extra) copyFileSync(join(FIXTURES, `${f}.txt`), join(dir, `${f}.txt`));
  const { data, problems } = await readCorpusData(dir);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return new Corpus(data);
}

/**
 * Each case answered by the pipeline over `answering` (by default the corpus itself) and scored
 * against `corpus`. The added notices repeat the 2023 text, so on equal scores the older one keeps
 * winning; answering from a corpus without the 2023 notice is how a retriever that now prefers the
 * added notice answers, while the gold still resolves in the 2023 notice.
 */
async function run(corpus: Corpus, answering: Corpus = corpus): Promise<CaseResult[]> {
  const pipeline = createPipeline({ corpus: answering });
  const out: CaseResult[] = [];
  for (const c of cases) out.push(await runCase(c, pipeline.answerer, corpus));
  return out;
}

let before: Corpus;
let baselineResults: CaseResult[];
beforeAll(async () => {
  before = await corpusWith();
  baselineResults = await run(before);
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The verdicts on the cases that got worse once `added` joined the corpus, with where each is answered from now. */
async function verdictsWith(added: string) {
  const after = await corpusWith(added);
  const withoutOld = new Corpus({
    documents: [...after.documents.values()].filter((d) => d.docNumber !== OLD),
    passages: after.passages.filter((p) => !p.docId.startsWith('2023-shanghai-medical-administration')),
  });
  const baseline = toBaseline(computeMetrics(baselineResults), baselineResults, undefined, {
    questions: 'evals/cases.jsonl',
    groups: { all: computeMetrics(baselineResults) },
    corpus: { corpusHash: 'before', documents: [...before.documents.values()].map((d) => ({ docNumber: d.docNumber, title: d.title, date: d.date })), gold: goldSnapshot(baselineResults, before) },
  });
  const now = await run(after, withoutOld);
  const comparison = compareWithBaseline(baseline, { all: computeMetrics(now) }, now);
  const report = explainChanges(baseline, comparison.worse, now, cases, after, 'after');
  const from = (id: string) => after.passage(now.find((r) => r.id === id)!.citedIds[0] ?? '')?.docId;
  return { report, answeredFrom: report.cases.map((c) => ({ id: c.id, verdict: c.verdict, reason: c.reason, doc: from(c.id) })), after };
}

describe('newer document only for a real successor', () => {
  test('supersedes: the next-year notice of the same office replaces the 2023 one; the district notice of that year does not', async () => {
    const corpus = await corpusWith(NEXT_YEAR, DISTRICT);
    const old = corpus.document('2023-shanghai-medical-administration-priorities');
    const next = corpus.document(NEXT_YEAR);
    const district = corpus.document(DISTRICT);
    expect([next.docNumber, next.issuer, next.date]).toEqual(['沪卫医〔2024〕15号', old.issuer, '2024-03-28']);
    expect(district.date > old.date).toBe(true);
    expect(supersedes(next, old)).toBe(true);
    expect(supersedes(district, old)).toBe(false);
    expect(supersedes(old, next)).toBe(false);
    // Nor does a district notice replace the other district's, or the city's any other kind of document.
    expect(supersedes(district, corpus.document('2025-putuo-medical-administration-priorities'))).toBe(false);
    expect(supersedes(next, corpus.document('2023-shanghai-health-work-priorities'))).toBe(false);
  });

  test('cases now answered from the next-year notice are "newer document"; none is called a regression for it', async () => {
    const { answeredFrom } = await verdictsWith(NEXT_YEAR);
    const fromNext = answeredFrom.filter((c) => c.doc === NEXT_YEAR);
    expect(fromNext.length).toBeGreaterThan(0);
    for (const c of fromNext) expect(c, c.id).toMatchObject({ verdict: 'newer-document', reason: expect.stringContaining('which replaces 沪卫医〔2023〕32号') });
  });

  test('cases now answered from the district notice of the same text are regressions, saying it is another issuer', async () => {
    const { answeredFrom } = await verdictsWith(DISTRICT);
    const fromDistrict = answeredFrom.filter((c) => c.doc === DISTRICT);
    expect(fromDistrict.length).toBeGreaterThan(0);
    for (const c of fromDistrict) expect(c, c.id).toMatchObject({ verdict: 'regression', reason: expect.stringMatching(/静卫健医〔2024〕6号.*does not replace the gold document: another issuer/) });
    expect(answeredFrom.filter((c) => c.verdict === 'newer-document')).toEqual([]);
  });
});
