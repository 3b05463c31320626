import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { computeMetrics } from '../../src/eval/metrics.js';
import { metricsPerTag } from '../../src/eval/per-tag.js';
import { renderHtmlReport, reportDetails, type EvalReport } from '../../src/eval/render-html-report.js';
import { parseEvalCases } from '../../src/eval/eval-case.js';
import { runCase, type CaseResult } from '../../src/eval/run-eval.js';
import { seedPipeline } from '../support/seed-pipeline.js';
import { useChromium } from '../widget/support/browser.js';

/** The systems `npm run eval` compares, with their names and descriptions as the CLI writes them (the widest the table gets). */
const SYSTEMS = [
  ['full (hybrid)', 'numbered-point chunks, hybrid retrieval, extractive answers'],
  ['full + reranker', 'as full, the first points reordered by bge-reranker-v2-m3 at http://127.0.0.1:8080'],
  ['dense-only', 'numbered-point chunks, dense retrieval only'],
  ['lexical-only', 'numbered-point chunks, lexical retrieval only'],
  ['char-500/50 hybrid', 'LangChain RecursiveCharacterTextSplitter 500/50 chunks, same embedder, hybrid retrieval (only the chunking differs from full)'],
  ['char-500/50 dense', 'LangChain RecursiveCharacterTextSplitter 500/50 chunks, same embedder, dense retrieval only'],
];
const OUT = join(import.meta.dirname, '../../test-output/eval');

let html: string;
beforeAll(async () => {
  const pipeline = await seedPipeline();
  const cases = parseEvalCases(
    [
      {
        id: 'icu',
        question: '市级定点医院的重症床位要占总床位多少？',
        kind: 'number',
        tags: ['doc:沪卫医〔2023〕32号'],
        gold: [{ doc: '沪卫医〔2023〕32号', anchor: '重症床位和可转换重症床位要达到总床位数的 20%' }],
        facts: ['20%'],
      },
      { id: 'ooc', question: '北京市2023年医政医管工作要点的重点任务有哪些？', kind: 'out-of-corpus', tags: ['out-of-corpus'], abstain: true },
    ]
      .map((c) => JSON.stringify(c))
      .join('\n'),
    'inline.jsonl',
  );
  const results: CaseResult[] = [];
  for (const c of cases) results.push(await runCase(c, pipeline.answerer, pipeline.corpus));
  // Every system different from the full one (each cell then shows how far full is ahead), latencies in the thousands of ms: the widest cells the table shows.
  const base = computeMetrics(results);
  const metricsOf = (i: number) => ({
    ...base,
    hit1: 0.912 - i * 0.123,
    hit3: 0.934 - i * 0.111,
    hit5: 0.956 - i * 0.101,
    mrr: 0.923 - i * 0.117,
    citationPrecision: 0.876 - i * 0.099,
    factRecall: 0.845 - i * 0.089,
    verifiedQuoteRate: 0.999 - i * 0.077,
    abstentionPrecision: 0.812 - i * 0.066,
    abstentionRecall: 0.788 - i * 0.055,
    p50Ms: 123.456 + i * 1234.567,
    p95Ms: 456.789 + i * 12345.678,
  });
  const report: EvalReport = {
    createdAt: '2026-12-05T08:00:00.000Z',
    questions: 'evals/suite.json',
    systems: SYSTEMS.map(([name, description], i) => ({ name: name!, description: description!, metrics: metricsOf(i) })),
    perTag: metricsPerTag(results),
    stale: [],
    verdict: { status: 'PASS', pass: true, reasons: [], newFailures: [] },
    cases: results,
    ...reportDetails(cases, results, pipeline.corpus, []),
  };
  html = renderHtmlReport(report);
});

describe('the eval report at 1280 px', () => {
  const chromium = useChromium();

  test('every table fits the window: no column cut, no sideways scrolling', async () => {
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, 'report-layout.html');
    writeFileSync(file, html);
    const page = await chromium.newPage({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(file).href);
    const layout = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      tables: [...document.querySelectorAll('table')].map((t) => ({
        cls: t.className,
        right: Math.ceil(t.getBoundingClientRect().right),
        scroll: t.parentElement!.scrollWidth - t.parentElement!.clientWidth,
      })),
    }));
    await page.screenshot({ path: join(OUT, 'report-1280.png') });
    expect(layout.page).toBeLessThanOrEqual(1280);
    expect(layout.tables.length).toBeGreaterThan(0);
    for (const t of layout.tables) {
      expect(t.right, t.cls).toBeLessThanOrEqual(1280);
      expect(t.scroll, t.cls).toBeLessThanOrEqual(0);
    }
  });
});
