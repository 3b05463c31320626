import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPipeline, type Pipeline } from '../../src/answer/create-pipeline.js';
import { reportBuild } from '../../src/cli/report-build.js';
import { FakeEmbedder } from '../../src/embeddings/fake-embedder.js';
import { parseEvalCases, type EvalCase } from '../../src/eval/eval-case.js';
import { sentenceUnits } from '../../src/ingest/sentence-units.js';
import { compareWithBaseline, toBaseline } from '../../src/eval/compare-baseline.js';
import { explainChanges, goldSnapshot } from '../../src/eval/explain-changes.js';
import { gateVerdict } from '../../src/eval/gate-verdict.js';
import { computeMetrics } from '../../src/eval/metrics.js';
import { nearestPassage } from '../../src/eval/nearest-passage.js';
import { runCase, type CaseResult } from '../../src/eval/run-eval.js';
import { buildIndex, loadIndex, type BuildResult, type LoadedIndex } from '../../src/ingest/build-index.node.js';
import { CORPUS_DIR } from '../support/corpus-dirs.js';

const ROOT = join(import.meta.dirname, '../..');
/** A small, made-up notice in the seeds' shape (文号, 现将《…》印发, date line, title line, 一、 and 1. points). */
const FIXTURE = join(ROOT, 'test/fixtures/2024-fixture-district-clinic-plan.txt');
const ADDED = '2024-fixture-district-clinic-plan';
const REMOVED = '2023-changning-medical-work-plan';
const REMOVED_NUMBER = '长卫健发〔2023〕20号';
const EDITED_DOC = '2025-putuo-medical-administration-priorities';
const EDITED = `${EDITED_DOC}#3.11`;
/** The suite's case whose anchor (开展“免陪照护服务”试点) sits in the edited point. */
const EDITED_CASE = 'pt25-no-escort-care';

/** Fake embeddings with the model hash the index manifest records. */
class HashedFakeEmbedder extends FakeEmbedder {
  readonly modelHash = 'fake-hash';
}

const embedder = new HashedFakeEmbedder();
const expected = { modelId: embedder.modelId, modelSha256: embedder.modelHash, dimensions: embedder.dimensions };
const cases: EvalCase[] = parseEvalCases(readFileSync(join(ROOT, 'evals/cases.jsonl'), 'utf8'), 'evals/cases.jsonl');
const aboutRemoved = cases.filter((c) => c.gold.some((g) => g.doc === REMOVED_NUMBER));
const isRemovedCitation = (id: string) => id.startsWith(`${REMOVED}#`);

let dir: string;
let before: Pipeline;
let after: Pipeline;
let update: BuildResult;
let afterIndex: LoadedIndex;
let beforeIndex: LoadedIndex;
let fixtureTexts: number;
let fixturePassages: number;

/** The service's pipeline over what is in the index folder now: loaded corpus and HNSW vectors. */
function servicePipeline(loaded: LoadedIndex): Pipeline {
  return createPipeline({ corpus: loaded.corpus, embedder, vectors: loaded.vectors });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policydesk-update-'));
  const seeds = join(dir, 'seeds');
  const indexDir = join(dir, 'index');
  mkdirSync(seeds);
  for (const f of readdirSync(CORPUS_DIR)) copyFileSync(join(CORPUS_DIR, f), join(seeds, f));
  await buildIndex({ seedsDir: seeds, indexDir, embedder });
  beforeIndex = await loadIndex(indexDir, expected);
  before = servicePipeline(beforeIndex);

  // The update: a new document, one point edited, one document withdrawn.
  copyFileSync(FIXTURE, join(seeds, `${ADDED}.txt`));
  const edited = join(seeds, `${EDITED_DOC}.txt`);
  const text = readFileSync(edited, 'utf8');
  expect(text).toContain('开展“免陪照护服务”试点');
  writeFileSync(edited, text.replace('开展“免陪照护服务”试点', '全面推广“免陪照护服务”试点'));
  unlinkSync(join(seeds, `${REMOVED}.txt`));
  update = await buildIndex({ seedsDir: seeds, indexDir, embedder });
  afterIndex = await loadIndex(indexDir, expected);
  after = servicePipeline(afterIndex);
  fixturePassages = after.corpus.passages.filter((p) => p.docId === ADDED).length;
  fixtureTexts = new Set(after.corpus.passages.filter((p) => p.docId === ADDED).flatMap((p) => sentenceUnits(p).map((u) => u.text))).size;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a corpus update: add a document, edit a point, remove a document', () => {
  test('the change report names the added, removed and changed documents and the edited passage with its diff', () => {
    expect(update.changes).toMatchObject({ added: [ADDED], removed: [REMOVED], changed: [{ docId: EDITED_DOC, added: [], removed: [] }] });
    expect(update.changes.unchanged).toHaveLength(3);
    expect(update.changes.changed[0]!.edited).toEqual([{ id: EDITED, label: '第三部分第11条', diff: expect.stringContaining('[-开展-]{+全面推广+}“免陪照护') }]);
    // Only what is new is embedded: the new document's passages and sentences, the edited point and its edited sentence.
    expect(fixturePassages).toBeGreaterThanOrEqual(5);
    expect(update.embedded).toBe(fixturePassages + fixtureTexts + 2);

    const lines = reportBuild(update).split('\n');
    expect(lines[0]).toMatch(/^ingest: 5 documents, \d+ passages \(\d+ embedded, \d+ reused\); added 1, removed 1, changed 1, unchanged 3$/);
    expect(lines.slice(1)).toEqual([
      `  + document 示卫健发〔2024〕7号《2024年示例区社区诊疗工作计划》 (${ADDED})`,
      `  - document ${REMOVED_NUMBER}《2023年长宁区医疗工作计划》 (${REMOVED})`,
      `  ~ document ${EDITED_DOC} 《2025年普陀区医政医管工作要点》`,
      expect.stringMatching(new RegExp(`^      ~ ${EDITED} 第三部分第11条: .*\\[-开展-\\]\\{\\+全面推广\\+\\}`)),
      '  (in the diffs, [-text-] is text removed and {+text+} text added)',
    ]);
  });

  test('cases whose gold passage was edited or removed are flagged stale, with the nearest passage now; the others are not', async () => {
    const results: CaseResult[] = [];
    for (const c of cases) results.push(await runCase(c, after.answerer, after.corpus));
    const stale = results
      .filter((r) => r.stale.length > 0)
      .map((r) => r.id)
      .sort();
    expect(aboutRemoved.length).toBeGreaterThan(10);
    expect(stale).toEqual([...aboutRemoved.map((c) => c.id), EDITED_CASE].sort());
    // Stale cases count as failures until fixed: a removed document does not raise the figures.
    const m = computeMetrics(results);
    expect(m.cases).toBe(cases.length);
    expect(results.filter((r) => stale.includes(r.id) && r.answeredCorrectly)).toEqual([]);
    expect(m.answeredCorrectly).toBeLessThanOrEqual((m.answerable - stale.length) / m.answerable);

    // Before the update none of them was stale: the flags come from the update.
    for (const c of cases.filter((x) => stale.includes(x.id))) expect((await runCase(c, before.answerer, before.corpus)).stale).toEqual([]);

    const edited = results.find((r) => r.id === EDITED_CASE)!;
    expect(edited.stale).toEqual(['开展“免陪照护服务”试点']);
    const near = nearestPassage(edited.stale[0]!, after.corpus);
    expect(near.id).toBe(EDITED);
    expect(near.overlap).toBeGreaterThan(0.5);
    for (const r of results.filter((x) => aboutRemoved.some((c) => c.id === x.id))) {
      for (const anchor of r.stale) expect(isRemovedCitation(nearestPassage(anchor, after.corpus).id)).toBe(false);
    }
  });

  test('questions about the removed document no longer cite it; before the update they did', async () => {
    const questions = aboutRemoved.filter((c) => c.kind !== 'follow-up').map((c) => c.question);
    // Fake embeddings sit below the real model's abstention threshold, so the lexical pipeline (which answers) is checked too.
    const citing = async (p: Pipeline) => {
      let n = 0;
      for (const q of questions) {
        const answer = await p.answerer.answer(q, { history: [] });
        if ([...answer.citations.map((c) => c.id), ...answer.retrievedIds].some(isRemovedCitation)) n++;
      }
      return n;
    };
    const lexical = (p: Pipeline) => createPipeline({ corpus: p.corpus });
    expect(await citing(before)).toBeGreaterThan(questions.length / 2);
    expect(await citing(lexical(before))).toBeGreaterThan(questions.length / 2);
    expect(await citing(after)).toBe(0);
    expect(await citing(lexical(after))).toBe(0);
    // Nor does the loaded vector index still hold its passages: every vector it has belongs to a passage of the corpus.
    const all = await afterIndex.vectors.search(await embedder.embedQuery(questions[0]!), afterIndex.vectors.size);
    expect(all).toHaveLength(after.corpus.passages.length);
    expect(all.filter((h) => isRemovedCitation(h.id) || !after.corpus.passage(h.id))).toEqual([]);
  });

  test('the added document is answered from, with its 文号', async () => {
    for (const p of [after, createPipeline({ corpus: after.corpus })]) {
      const answer = await p.answerer.answer('示例区家庭病床全年新建多少张？', { history: [] });
      expect(answer.abstained).toBe(false);
      expect(answer.citations[0]).toMatchObject({ id: `${ADDED}#1.2`, docNumber: '示卫健发〔2024〕7号' });
      expect(answer.answer).toContain('三百张');
    }
  });
});

describe('the eval gate after a corpus update', () => {
  test('tells the document changes from regressions: removed document, edited gold point with its diff, uncovered new document; stale cases fail the gate', async () => {
    const run = async (p: Pipeline) => {
      const rs: CaseResult[] = [];
      for (const c of cases) rs.push(await runCase(c, p.answerer, p.corpus));
      return rs;
    };
    const snapshot = (index: LoadedIndex, rs: CaseResult[]) => ({
      corpusHash: index.manifest.corpusHash,
      documents: [...index.corpus.documents.values()].map((d) => ({ docNumber: d.docNumber, title: d.title, date: d.date })),
      gold: goldSnapshot(rs, index.corpus),
    });
    const then = await run(before);
    const baseline = toBaseline(computeMetrics(then), then, undefined, { questions: 'evals/cases.jsonl', mode: 'hybrid', groups: { all: computeMetrics(then) }, corpus: snapshot(beforeIndex, then) });
    const now = await run(after);
    const comparison = compareWithBaseline(baseline, { all: computeMetrics(now) }, now);
    const report = explainChanges(baseline, comparison.worse, now, cases, after.corpus, afterIndex.manifest.corpusHash);

    expect(report.corpusChanged).toBe(true);
    const verdict = (id: string) => report.cases.find((c) => c.id === id);
    for (const c of aboutRemoved) expect(verdict(c.id)).toMatchObject({ verdict: 'document-removed', reason: expect.stringContaining(REMOVED_NUMBER) });
    expect(verdict(EDITED_CASE)).toMatchObject({ verdict: 'gold-edited', reason: expect.stringContaining('[-开展-]{+全面推广+}') });
    expect(report.uncovered).toEqual([expect.objectContaining({ docNumber: after.corpus.document(ADDED).docNumber })]);

    const stale = now.filter((r) => r.stale.length > 0).length;
    const failing = new Set(now.filter((r) => !r.expectAbstain && !r.answeredCorrectly).map((r) => r.id));
    const gate = gateVerdict(comparison, report, stale, failing);
    expect(gate.pass).toBe(false);
    expect(gate.reasons.join('\n')).toMatch(/the documents changed since the baseline: 1 case\(s\) with an edited gold point, \d+ with a removed document/);
    expect(gate.reasons.join('\n')).toContain(`${stale} stale case(s)`);
    expect(gate.reasons.join('\n')).toContain(`0 cases cover ${after.corpus.document(ADDED).docNumber}`);
    // Every case worse on an unchanged gold point, and only those, is a regression and a new failure.
    for (const c of report.cases.filter((x) => x.verdict === 'regression')) expect(then.find((r) => r.id === c.id)!.stale).toEqual([]);
  });

  test('the same documents: the metrics gate as before, and nothing is put down to the corpus', async () => {
    const rs: CaseResult[] = [];
    for (const c of cases.slice(0, 20)) rs.push(await runCase(c, after.answerer, after.corpus));
    const baseline = toBaseline(computeMetrics(rs), rs, undefined, { corpus: { corpusHash: afterIndex.manifest.corpusHash } });
    const report = explainChanges(baseline, [], rs, cases.slice(0, 20), after.corpus, afterIndex.manifest.corpusHash);
    expect(report.corpusChanged).toBe(false);
    expect(gateVerdict(compareWithBaseline(baseline, {}, rs), report, 0, new Set()).pass).toBe(true);
  });
});
