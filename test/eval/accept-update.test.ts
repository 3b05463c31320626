import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPipeline } from '../../src/answer/create-pipeline.js';
import { Corpus } from '../../src/core/corpus.js';
import { applyAccept, planAccept, type AcceptPlan } from '../../src/eval/accept-update.js';
import { changelogEntry, prependEntry } from '../../src/eval/changelog-entry.js';
import { toBaseline, type Baseline } from '../../src/eval/compare-baseline.js';
import { parseEvalCases } from '../../src/eval/eval-case.js';
import { goldSnapshot } from '../../src/eval/explain-changes.js';
import { computeMetrics } from '../../src/eval/metrics.js';
import { loose } from '../../src/eval/resolve-gold.js';
import { runCase, type CaseResult } from '../../src/eval/run-eval.js';
import { readCorpusData } from '../../src/ingest/read-corpus.node.js';
import { CORPUS_DIR } from '../support/corpus-dirs.js';

const ROOT = join(import.meta.dirname, '../..');
const TEXT = readFileSync(join(ROOT, 'evals/cases.jsonl'), 'utf8');
const cases = parseEvalCases(TEXT, 'evals/cases.jsonl');
const REMOVED_NUMBER = '长卫健发〔2023〕20号';

let dir: string;
let plan: AcceptPlan;
let after: Corpus;

async function corpusOf(seeds: string): Promise<Corpus> {
  return new Corpus((await readCorpusData(seeds)).data);
}
async function run(corpus: Corpus): Promise<CaseResult[]> {
  const p = createPipeline({ corpus });
  const out: CaseResult[] = [];
  for (const c of cases) out.push(await runCase(c, p.answerer, corpus));
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policydesk-accept-plan-'));
  for (const f of readdirSync(CORPUS_DIR)) copyFileSync(join(CORPUS_DIR, f), join(dir, f));
  const before = await corpusOf(dir);
  const then = await run(before);
  const baseline: Baseline = toBaseline(computeMetrics(then), then, undefined, {
    corpus: { corpusHash: 'before', documents: [...before.documents.values()].map((d) => ({ docNumber: d.docNumber, title: d.title, date: d.date })), gold: goldSnapshot(then, before) },
  });
  // The update: a point edited keeping its fact, a figure edited, a document removed.
  const putuo = join(dir, '2025-putuo-medical-administration-priorities.txt');
  writeFileSync(putuo, readFileSync(putuo, 'utf8').replace('开展“免陪照护服务”试点', '全面推广“免陪照护服务”试点'));
  const city = join(dir, '2023-shanghai-medical-administration-priorities.txt');
  writeFileSync(city, readFileSync(city, 'utf8').replace('总床位数的 20%', '总床位数的 25%'));
  unlinkSync(join(dir, '2023-changning-medical-work-plan.txt'));
  after = await corpusOf(dir);
  plan = planAccept({ cases, results: await run(after), baseline, corpus: after, set: () => 'ordinary' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('planAccept', () => {
  test('retires exactly the cases whose gold document was removed, naming the document', () => {
    const expected = cases.filter((c) => c.gold.some((g) => g.doc === REMOVED_NUMBER)).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(10);
    expect(plan.retired.map((r) => r.id).sort()).toEqual(expected.sort());
    for (const r of plan.retired) expect(r.documents).toContainEqual({ docNumber: REMOVED_NUMBER, title: '2023年长宁区医疗工作计划' });
  });

  test('re-anchors a case whose facts are still in the edited point, on a span of the new text only that point holds', () => {
    const r = plan.reanchored.find((x) => x.id === 'pt25-no-escort-care')!;
    expect(r.changes).toEqual([expect.objectContaining({ from: '开展“免陪照护服务”试点', passageId: '2025-putuo-medical-administration-priorities#3.11', label: '第三部分第11条' })]);
    const anchor = loose(r.updated.gold[0]!.anchor);
    const holders = after.passages.filter((p) => loose(p.text).includes(anchor));
    expect(new Set(holders.map((p) => p.pointId))).toEqual(new Set(['2025-putuo-medical-administration-priorities#3.11']));
    expect(r.updated.facts).toEqual(['免陪照护服务']);
  });

  test('lists for review, old and new text side by side, a case whose fact the edit removed; never re-anchors it', () => {
    const icu = plan.review.find((x) => x.id === 'yz23-icu-bed-ratio')!;
    expect(icu.why).toBe('its facts 「20%」 are not in the new text');
    expect(icu.before).toMatch(/^第一部分第5条: .*总床位数的20%/);
    expect(icu.after).toMatch(/^第一部分第5条: .*总床位数的25%/);
    expect(plan.reanchored.map((x) => x.id)).not.toContain('yz23-icu-bed-ratio');
    // Cases untouched by the update are in no list.
    const touched = new Set([...plan.retired, ...plan.reanchored, ...plan.review].map((x) => x.id));
    expect(touched.has('yz23-icu-capacity-24h')).toBe(false);
  });
});

describe('applyAccept', () => {
  test('drops retired lines into retired/<set> with when and why, rewrites re-anchored ones, keeps every other line byte for byte', () => {
    const out = applyAccept([{ set: 'ordinary', path: 'evals/cases.jsonl', text: TEXT }], plan, '2026-12-05');
    const lines = out.files[0]!.text.split('\n');
    const kept = TEXT.split('\n').filter((l) => !plan.retired.some((r) => l.includes(`"id":"${r.id}"`)));
    expect(lines).toHaveLength(kept.length);
    lines.forEach((l, i) => {
      if (l.includes('"id":"pt25-no-escort-care"')) expect(JSON.parse(l).gold[0].anchor).toBe(plan.reanchored.find((r) => r.id === 'pt25-no-escort-care')!.updated.gold[0]!.anchor);
      else expect(l).toBe(kept[i]);
    });
    expect(out.retired).toHaveLength(1);
    const retired = parseEvalCases(out.retired[0]!.lines.join('\n'), 'retired/ordinary.jsonl');
    expect(retired.map((c) => c.id).sort()).toEqual(plan.retired.map((r) => r.id).sort());
    expect(retired[0]!.retired).toEqual({ on: '2026-12-05', reason: 'document removed from the corpus', documents: [{ docNumber: REMOVED_NUMBER, title: '2023年长宁区医疗工作计划' }] });
  });
});

describe('the change log', () => {
  test('an entry names the documents, the cases and the metrics before and after; entries go newest first below the title', () => {
    const entry = (date: string) =>
      changelogEntry({
        date,
        questions: 'evals/suite.json',
        documents: {
          added: [{ docNumber: '沪卫医〔2024〕15号', title: '2024年上海市医政医管工作要点', date: '2024-03-28' }],
          edited: [],
          removed: [{ docNumber: REMOVED_NUMBER, title: '2023年长宁区医疗工作计划', date: '2023-03-08' }],
        },
        plan,
        accepted: [],
        added: [],
        before: { 'held-out': { answeredCorrectly: 0.872 } },
        after: { 'held-out': { answeredCorrectly: 0.9 } },
        retiredDir: 'evals/retired',
      });
    const first = entry('2026-12-05');
    expect(first).toContain('## 2026-12-05: accepted update of evals/suite.json');
    expect(first).toContain('Documents added: 沪卫医〔2024〕15号《2024年上海市医政医管工作要点》(2024-03-28).');
    expect(first).toContain(`Documents removed: ${REMOVED_NUMBER}《2023年长宁区医疗工作计划》(2023-03-08).`);
    expect(first).toContain(`Cases retired to \`evals/retired/\` (their document was removed): ${plan.retired.length}`);
    expect(first).toMatch(/- `pt25-no-escort-care` \(ordinary\), 普卫健医〔2025〕3号第三部分第11条: 「开展“免陪照护服务”试点」 -> 「.+」/);
    expect(first).toContain('| held-out | 0.872 -> 0.9 | – -> – |');
    const log = prependEntry(prependEntry(undefined, first), entry('2026-12-24'));
    expect(log.startsWith('# Eval change log\n')).toBe(true);
    expect(log.indexOf('## 2026-12-24')).toBeLessThan(log.indexOf('## 2026-12-05'));
    expect(log.match(/^## /gm)).toHaveLength(2);
  });
});
