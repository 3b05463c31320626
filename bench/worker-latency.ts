/**
 * `npx tsx bench/worker-latency.ts [--requests 300] [--concurrency 8]`: the Worker in workerd
 * (`wrangler dev --local`, lexical path), measured over HTTP on 127.0.0.1:
 * 1. the eval cases answered through the Worker's /api/ask (hit@k etc.), next to the same
 *    bundle answered in-process on Node, which must agree;
 * 2. /api/ask latency p50/p95/p99, sequential and concurrent, and the ratio to the same Worker
 *    code called in-process on Node (what wrangler's proxy and workerd add).
 * Prints figures and ratios; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Answer, AnswerOptions, Answerer } from '../src/answer/types.js';
import { parseEvalCases } from '../src/eval/eval-case.js';
import { formatMetricsTable } from '../src/eval/format-table.js';
import { computeMetrics, percentile } from '../src/eval/metrics.js';
import { runCase, type CaseResult } from '../src/eval/run-eval.js';
import { Corpus } from '../src/retrieval/corpus.js';
import { createWorker } from '../src/worker/create-worker.js';
import { createWorkerDeps } from '../src/worker/create-worker-deps.js';
import { parseWorkerData } from '../src/worker/worker-data.js';
import { startWorker } from '../test/worker/support/start-worker.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '300' }, concurrency: { type: 'string', default: '8' } } });
const REQUESTS = Math.max(200, Number(values.requests));
const CONCURRENCY = Math.max(1, Number(values.concurrency));
const ROOT = join(import.meta.dirname, '..');
const silent = { info: () => {}, error: () => {} };

const worker = await startWorker({ vars: { RATE_LIMIT_PER_MINUTE: '1000000' } });
try {
  const dataText = ((await import(pathToFileURL(join(ROOT, 'dist/worker/worker-data.js')).href)) as { default: string }).default;
  const data = parseWorkerData(dataText);
  const corpus = new Corpus(data.corpus);
  const cases = parseEvalCases(readFileSync(join(ROOT, 'evals/cases.jsonl'), 'utf8'), 'evals/cases.jsonl');

  // 1. Eval through the Worker over HTTP, and the same bundle in-process on Node.
  const overHttp: Answerer = {
    async answer(question: string, options: AnswerOptions = {}): Promise<Answer> {
      const history = options.history?.map((t) => ({ question: t.question, ...(t.answer ? { answer: t.answer } : {}), ...(t.citations ? { citations: t.citations.map((c) => ({ id: c.id })) } : {}) }));
      const res = await fetch(`${worker.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question, ...(history?.length ? { history } : {}) }) });
      if (!res.ok) throw new Error(`/api/ask answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as Answer;
    },
    stream: () => {
      throw new Error('not used');
    },
  };
  const inProcess = (await createWorkerDeps({ data, env: {}, logger: silent })).answerer;
  const httpResults: CaseResult[] = [];
  const nodeResults: CaseResult[] = [];
  for (const c of cases) {
    httpResults.push(await runCase(c, overHttp, corpus));
    nodeResults.push(await runCase(c, inProcess, corpus));
  }
  const disagree = httpResults.filter((r, i) => r.answer !== nodeResults[i]!.answer || r.rank !== nodeResults[i]!.rank).map((r) => r.id);
  console.log(`eval: ${cases.length} cases from evals/cases.jsonl, lexical path (no AI/VECTORIZE bindings)\n`);
  console.log(formatMetricsTable([['worker (workerd, HTTP)', computeMetrics(httpResults)], ['same bundle (Node, in-process)', computeMetrics(nodeResults)]]));
  console.log(`\nanswers that differ between workerd and Node: ${disagree.length}${disagree.length ? ` (${disagree.join(', ')})` : ''}\n`);

  // 2. Latency of /api/ask: single questions (no history), cycled.
  const questions = cases.filter((c) => !c.history?.length).map((c) => c.question);
  const body = (i: number) => JSON.stringify({ question: questions[i % questions.length] });
  const inProcessWorker = createWorker({ dataText: () => dataText, logger: silent });
  const callHttp = async (i: number) => {
    const res = await fetch(`${worker.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(i) });
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    await res.arrayBuffer();
  };
  const callInProcess = async (i: number) => {
    const res = await inProcessWorker.fetch(new Request('http://localhost/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(i) }), { RATE_LIMIT_PER_MINUTE: '1000000' });
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    await res.arrayBuffer();
  };

  const measure = async (call: (i: number) => Promise<void>, n: number, concurrency: number) => {
    for (let i = 0; i < 20; i++) await call(i); // warm-up: first-request assembly, JIT
    const times: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < n; i = next++) {
          const t = performance.now();
          await call(i);
          times.push(performance.now() - t);
        }
      }),
    );
    const wall = performance.now() - started;
    return { n, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), mean: times.reduce((a, b) => a + b, 0) / times.length, rps: (n / wall) * 1000 };
  };
  const fmt = (name: string, r: Awaited<ReturnType<typeof measure>>) =>
    `${name.padEnd(40)} n=${String(r.n).padStart(4)}  p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  mean ${r.mean.toFixed(1).padStart(6)} ms  ${r.rps.toFixed(0).padStart(5)} req/s`;

  const httpSeq = await measure(callHttp, REQUESTS, 1);
  const nodeSeq = await measure(callInProcess, REQUESTS, 1);
  const httpPar = await measure(callHttp, REQUESTS, CONCURRENCY);
  console.log(`latency of POST /api/ask, lexical path, ${questions.length} distinct questions cycled:`);
  console.log(fmt('workerd via wrangler dev, sequential', httpSeq));
  console.log(fmt(`workerd via wrangler dev, ${CONCURRENCY} concurrent`, httpPar));
  console.log(fmt('same Worker code in-process (Node)', nodeSeq));
  console.log(`ratio workerd-over-HTTP / in-process: p50 ${(httpSeq.p50 / nodeSeq.p50).toFixed(2)}x, p95 ${(httpSeq.p95 / nodeSeq.p95).toFixed(2)}x`);
} finally {
  await worker.stop();
}
