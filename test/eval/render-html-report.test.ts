import { beforeAll, describe, expect, test } from 'vitest';
import type { Pipeline } from '../../src/answer/create-pipeline.js';
import { toBaseline, type Baseline } from '../../src/eval/compare-baseline.js';
import { parseEvalCases, type EvalCase } from '../../src/eval/eval-case.js';
import { computeMetrics } from '../../src/eval/metrics.js';
import { nearestPassage } from '../../src/eval/nearest-passage.js';
import { metricsPerTag } from '../../src/eval/per-tag.js';
import { failureReasons, renderHtmlReport, reportDetails, type EvalReport } from '../../src/eval/render-html-report.js';
import { runCase, type CaseResult } from '../../src/eval/run-eval.js';
import { seedPipeline } from '../support/seed-pipeline.js';

const HOSTILE = '<script>alert(1)</script>';
const CASES = [
  {
    id: 'icu-ratio',
    question: '市级定点医院和区域性医疗中心，重症床位连同能转换成重症的床位，一共要占到总床位的多少？',
    kind: 'number',
    tags: ['doc:沪卫医〔2023〕32号'],
    gold: [{ doc: '沪卫医〔2023〕32号', anchor: '重症床位和可转换重症床位要达到总床位数的 20%' }],
    facts: ['20%'],
  },
  // Answerable, but the fact asked for is nowhere in the corpus: this case fails on facts.
  {
    id: 'hostile',
    question: `重症床位要占总床位的多少？${HOSTILE}`,
    kind: 'number',
    tags: ['doc:沪卫医〔2023〕32号', '<b>tag</b>'],
    gold: [{ doc: '沪卫医〔2023〕32号', anchor: '重症床位和可转换重症床位要达到总床位数的 20%' }],
    facts: ['九十九张床'],
    reviewer: '"><img src=x onerror=alert(2)>',
  },
  { id: 'ooc-beijing', question: '北京市2023年医政医管工作要点的重点任务有哪些？', kind: 'out-of-corpus', tags: ['out-of-corpus'], abstain: true },
  // The anchor was "edited away": the case is stale and shows its nearest passage.
  { id: 'stale-anchor', question: '重症床位的比例是多少？', kind: 'number', tags: [], gold: [{ doc: '沪卫医〔2023〕32号', anchor: '重症床位和可转换重症床位要达到总床位数的 35%' }], facts: ['35%'] },
];

let pipeline: Pipeline;
let cases: EvalCase[];
let results: CaseResult[];

beforeAll(async () => {
  pipeline = await seedPipeline();
  cases = parseEvalCases(CASES.map((c) => JSON.stringify(c)).join('\n'), 'inline.jsonl');
  results = [];
  for (const c of cases) results.push(await runCase(c, pipeline.answerer, pipeline.corpus));
});

function report(overrides: Partial<EvalReport> = {}): EvalReport {
  const stale = results.filter((r) => r.stale.length > 0).map((r) => ({ id: r.id, question: r.question, missingAnchors: r.stale, nearest: r.stale.map((a) => nearestPassage(a, pipeline.corpus)) }));
  const metrics = computeMetrics(results);
  const worse = computeMetrics(results.map((r) => ({ ...r, rank: r.expectAbstain ? null : 3 })));
  return {
    createdAt: '2024-01-01T00:00:00.000Z',
    questions: 'inline.jsonl',
    systems: [
      { name: 'full (hybrid)', description: 'numbered-point chunks', metrics },
      { name: 'char-500/50 dense', description: 'fixed chunks', metrics: worse },
    ],
    perTag: metricsPerTag(results),
    stale,
    cases: results,
    ...reportDetails(cases, results, pipeline.corpus, stale),
    ...overrides,
  };
}

describe('renderHtmlReport', () => {
  test('the first screen says PASS or FAIL, why, and the new failures, before any table', () => {
    const html = renderHtmlReport(
      report({
        verdict: {
          status: 'FAIL',
          pass: false,
          reasons: ['held-out answeredCorrectly: 0.9 -> 0.8 (tolerance 0.02)', '2 stale case(s): fix or re-anchor them (they count as failures)'],
          newFailures: ['case-a', 'case-b'],
        },
      }),
    );
    const verdictAt = html.indexOf('<section class="verdict fail"><h2>FAIL</h2>');
    expect(verdictAt).toBeGreaterThan(0);
    expect(verdictAt).toBeLessThan(html.indexOf('<table'));
    expect(html.slice(verdictAt, html.indexOf('</section>'))).toMatch(/answeredCorrectly: 0\.9 -&#62; 0\.8.*2 stale case.*<code>case-a<\/code> <code>case-b<\/code>/s);
    expect(renderHtmlReport(report({ verdict: { status: 'PASS', pass: true, reasons: [], newFailures: [] } }))).toContain('<section class="verdict pass"><h2>PASS</h2>');
    // A run without a baseline for its questions is not gated, and says so rather than PASS.
    const ungated = renderHtmlReport(report({ verdict: { status: 'NOT GATED', pass: true, reasons: ['no baseline recorded for these questions and mode: reported, not gated'], newFailures: [] } }));
    expect(ungated).toContain('<section class="verdict ungated"><h2>NOT GATED</h2>');
    expect(ungated).not.toContain('<h2>PASS</h2>');
    // Wide tables scroll inside the page instead of widening it past a laptop screen.
    expect(html).toContain('body{max-width:1200px');
    expect(html).toMatch(/<div class="wide"><table class="metrics">/);
  });

  test('escapes every value from cases: no markup from a question, tag or extra field reaches the page', () => {
    const html = renderHtmlReport(report());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('<b>tag</b>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('&#34;&#62;&#60;img src=x onerror=alert(2)&#62;');
  });

  test('is self-contained UTF-8 with the Chinese text as characters', () => {
    const html = renderHtmlReport(report());
    expect(html).toMatch(/^<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">/);
    const tags = [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)];
    const names = new Set(tags.map((m) => m[1]!.toLowerCase()));
    for (const forbidden of ['script', 'link', 'img', 'iframe', 'object', 'embed', 'image', 'use']) expect(names).not.toContain(forbidden);
    expect(tags.filter((m) => /\s(src|href|xlink:href)=/i.test(m[2]!))).toEqual([]);
    expect(html).not.toMatch(/url\(|@import/i);
    // The only URL is the SVG namespace, which is a name, not a fetch.
    expect(html.match(/https?:\/\/[^"]+/g)).toEqual(['http://www.w3.org/2000/svg']);
    expect(html).toContain('重症床位要占总床位的多少？');
  });

  test('lists each failing case with question, expected anchor and facts, the answer and the cited passages', () => {
    const hostile = results.find((r) => r.id === 'hostile')!;
    expect(failureReasons(hostile, cases[1])).toEqual(expect.arrayContaining(['facts missing: 九十九张床']));
    const html = renderHtmlReport(report());
    const section = html.slice(html.indexOf('<h2>Failing cases'));
    expect(section).toContain('<code>hostile</code>');
    expect(section).toContain('<mark>重症床位和可转换重症床位要达到总床位数的 20%</mark>');
    expect(section).toContain('facts missing: 九十九张床');
    expect(hostile.citedIds.length).toBeGreaterThan(0);
    const cited = pipeline.corpus.passage(hostile.citedIds[0]!)!;
    expect(section).toContain(cited.text.slice(0, 40));
    expect(section).toContain('extra fields:');
    // A case that passed is not listed as failing.
    expect(failureReasons(results.find((r) => r.id === 'ooc-beijing')!)).toEqual([]);
    expect(section).not.toContain('<code>ooc-beijing</code>');
  });

  test('shows stale cases apart, with the nearest passage now', () => {
    const html = renderHtmlReport(report());
    const section = html.slice(html.indexOf('<h2>Stale cases'), html.indexOf('<h2>Failing cases'));
    expect(section).toContain('Stale cases (1)');
    expect(section).toContain('<code>stale-anchor</code>');
    const near = nearestPassage('重症床位和可转换重症床位要达到总床位数的 35%', pipeline.corpus);
    expect(section).toContain(pipeline.corpus.passage(near.id)!.text.slice(0, 30));
    expect(html.slice(html.indexOf('<h2>Failing cases'))).not.toContain('stale-anchor');
  });

  test('shows how far ahead the full pipeline is of each baseline', () => {
    const html = renderHtmlReport(report());
    const full = report().systems[0]!.metrics!;
    const gap = Math.round((full.hit1 - 0) * 1000) / 1000;
    expect(full.hit1).toBeGreaterThan(0);
    expect(html).toContain(`<small class="ahead">full +${gap === 1 ? '1' : gap.toFixed(3)}</small>`);
  });

  test('charts per-tag metrics against the baseline recomputed from its recorded cases; none without a baseline', () => {
    const old: Baseline = toBaseline(
      computeMetrics(results),
      results.map((r) => (r.id === 'icu-ratio' ? { ...r, rank: 4 } : r)),
    );
    const withBaseline = renderHtmlReport(report(), old);
    // icu-ratio at rank 4 and hostile at its real rank: hit@1 of the document's tag was 0.5 at most then.
    const hostileHit = results.find((r) => r.id === 'hostile')!.rank === 1 ? 1 : 0;
    expect(withBaseline).toContain(`doc:沪卫医〔2023〕32号 (2) hit@1 baseline: ${hostileHit === 1 ? '0.500' : '0'}`);
    expect(withBaseline).toContain(`kind:out-of-corpus (1) abstention R baseline: 1`);
    const without = renderHtmlReport(report());
    expect(without).not.toContain('baseline: ');
    expect(without).toContain('baseline (none given)');
    expect(without).toContain('doc:沪卫医〔2023〕32号 (2) hit@1: ');
  });
});
