/**
 * `npx tsx bench/worker-latency.ts [--requests 300] [--concurrency 8] [--cold 5] [--cold-only]`: the Worker in
 * workerd (`wrangler dev --local`, lexical path), measured over HTTP on 127.0.0.1:
 * 1. the eval cases answered through the Worker's /api/ask (hit@k etc.), next to the same
 *    bundle answered in-process on Node, which must agree;
 * 2. /api/ask latency p50/p95/p99, sequential and concurrent, and the ratio to the same Worker
 *    code called in-process on Node (what wrangler's proxy and workerd add);
 * 3. a new isolate's first request: in fresh Node processes, the CPU time (process.cpuUsage) of
 *    loading the bundle, assembling the deps and the first answer, next to the full bundle check
 *    that now runs at build time; and in workerd, `--cold` fresh `wrangler dev` isolates, the
 *    first /api/ask against the warm ones (on an idle loopback, wall time is CPU time).
 * Prints figures and ratios; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Answer, AnswerOptions, Answerer } from '../src/answer/types.js';
import { parseEvalCases } from '../src/eval/eval-case.js';
import { formatMetricsTable } from '../src/eval/format-table.js';
import { computeMetrics, percentile } from '../src/eval/metrics.js';
import { runCase, type CaseResult } from '../src/eval/run-eval.js';
import { Corpus } from '../src/core/corpus.js';
import { createWorker } from '../src/worker/create-worker.js';
import { createWorkerDeps } from '../src/worker/create-worker-deps.js';
import { parseWorkerData, validateWorkerData } from '../src/worker/worker-data.js';
import { startWorker } from '../test/worker/support/start-worker.js';
import { profileWorkerd, type CpuProfileSummary } from './workerd-cpu-profile.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '8' },
    cold: { type: 'string', default: '5' },
    'cold-child': { type: 'boolean', default: false },
    'cold-only': { type: 'boolean', default: false },
  },
});
const REQUESTS = Math.max(200, Number(values.requests));
const CONCURRENCY = Math.max(1, Number(values.concurrency));
const COLD_RUNS = Math.max(1, Number(values.cold));
const ROOT = join(import.meta.dirname, '..');
const silent = { info: () => {}, error: () => {} };
const QUESTION = '区域性医疗中心按多少人口配置一家？';
const OTHER_QUESTION = '发热门诊要储备多少医务人员？';
const bundleText = async () => ((await import(pathToFileURL(join(ROOT, 'dist/worker/worker-data.js')).href)) as { default: string }).default;

/** CPU milliseconds (user + system) that `fn` took in this process. */
async function cpuMs(fn: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

if (values['cold-child']) {
  // One new "isolate": a fresh process that has loaded the code but touched no data yet.
  const text = await bundleText();
  let data!: ReturnType<typeof parseWorkerData>;
  const parse = await cpuMs(() => (data = parseWorkerData(text)));
  const fullCheck = await cpuMs(() => validateWorkerData(JSON.parse(text)));
  let deps!: Awaited<ReturnType<typeof createWorkerDeps>>;
  const assemble = await cpuMs(async () => (deps = await createWorkerDeps({ data, env: {}, logger: silent })));
  const firstAnswer = await cpuMs(() => deps.answerer.answer(QUESTION));
  const secondAnswer = await cpuMs(() => deps.answerer.answer(OTHER_QUESTION));
  console.log(JSON.stringify({ parse, fullCheck, assemble, firstAnswer, secondAnswer }));
  process.exit(0);
}

/** 1 and 2: the eval over HTTP and the latency of warm requests. */
async function evalAndLatency(): Promise<void> {
  const worker = await startWorker({ vars: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  try {
    const dataText = await bundleText();
    const data = parseWorkerData(dataText);
    const corpus = new Corpus(data.corpus);
    const cases = parseEvalCases(readFileSync(join(ROOT, 'evals/cases.jsonl'), 'utf8'), 'evals/cases.jsonl');

    // 1. Eval through the Worker over HTTP, and the same bundle in-process on Node.
    const overHttp: Answerer = {
      async answer(question: string, options: AnswerOptions = {}): Promise<Answer> {
        const history = options.history?.map((t) => ({
          question: t.question,
          ...(t.answer ? { answer: t.answer } : {}),
          ...(t.citations ? { citations: t.citations.map((c) => ({ id: c.id })) } : {}),
        }));
        const res = await fetch(`${worker.url}/api/ask`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ question, ...(history?.length ? { history } : {}) }),
        });
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
    console.log(
      formatMetricsTable([
        ['worker (workerd, HTTP)', computeMetrics(httpResults)],
        ['same bundle (Node, in-process)', computeMetrics(nodeResults)],
      ]),
    );
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
      const res = await inProcessWorker.fetch(new Request('http://localhost/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(i) }), {
        RATE_LIMIT_PER_MINUTE: '1000000',
      });
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
}

if (!values['cold-only']) await evalAndLatency();

// 3. A new isolate's first request.
const children = Array.from({ length: COLD_RUNS * 2 }, () => {
  const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--cold-child'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`cold child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<'parse' | 'fullCheck' | 'assemble' | 'firstAnswer' | 'secondAnswer', number>;
});
const p50 = (key: keyof (typeof children)[number]) =>
  percentile(
    children.map((c) => c[key]),
    50,
  );
const bytes = (await bundleText()).length;
console.log(`\nnew isolate, CPU ms (process.cpuUsage, p50 of ${children.length} fresh Node processes; bundle ${(bytes / 1024).toFixed(0)} KiB of JSON):`);
console.log(
  `  data load per isolate: parse + envelope check ${p50('parse').toFixed(1)}, assemble deps ${p50('assemble').toFixed(1)}, total ${(p50('parse') + p50('assemble')).toFixed(1)} ms (target <= 25)`,
);
console.log(`  full bundle check, now at build time only (validateWorkerData): ${p50('fullCheck').toFixed(1)} ms`);
console.log(`  first answer ${p50('firstAnswer').toFixed(1)} ms, second (another question) ${p50('secondAnswer').toFixed(1)} ms: the difference is JIT and lazy set-up in retrieval`);

const load: number[] = [];
const ready: number[] = [];
const firstAsk: number[] = [];
const warm: number[] = [];
const profiles: Array<{ load: CpuProfileSummary; firstAsk: CpuProfileSummary; warmAsk: CpuProfileSummary }> = [];
// What the first /readyz spends its CPU in (unminified, so the profile names our functions).
const WITHIN = ['parseWorkerData', 'createWorkerDeps', 'createApp'];
for (let i = 0; i < COLD_RUNS * 2; i++) {
  const fresh = await startWorker({ migrate: false, ...(i % 2 ? { args: ['--minify=false'] } : {}) });
  try {
    const timed = async (init: RequestInit & { path: string }) => {
      const t = performance.now();
      const res = await fetch(`${fresh.url}${init.path}`, init);
      if (res.status !== 200) throw new Error(`${init.path}: status ${res.status}`);
      await res.arrayBuffer();
      return performance.now() - t;
    };
    const ask = (question: string) => timed({ path: '/api/ask', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
    // /healthz (answered by startWorker) neither loads nor assembles: the first /readyz does both.
    // Odd runs are timed, even runs profiled (the profiler slows what it watches).
    if (i % 2 === 0) {
      load.push(await timed({ path: '/readyz' }));
      ready.push(await timed({ path: '/readyz' }));
      firstAsk.push(await ask(QUESTION));
      for (let j = 0; j < 6; j++) warm.push(await ask(j % 2 ? QUESTION : OTHER_QUESTION));
    } else {
      const profile = (action: () => Promise<unknown>) => profileWorkerd(fresh.inspectorUrl, async () => void (await action()));
      const load = await profileWorkerd(fresh.inspectorUrl, async () => void (await timed({ path: '/readyz' })), WITHIN);
      profiles.push({ load, firstAsk: await profile(() => ask(QUESTION)), warmAsk: await profile(() => ask(OTHER_QUESTION)) });
    }
  } finally {
    await fresh.stop();
  }
}
const med = (xs: number[]) => percentile(xs, 50);
console.log(`\nworkerd, ${COLD_RUNS} fresh wrangler dev isolates (wall ms over loopback, p50; on an idle machine wall is CPU here):`);
console.log(`  first /readyz (parse the bundle, assemble the app) ${med(load).toFixed(1)} ms, second /readyz ${med(ready).toFixed(1)} ms: data load ≈ ${(med(load) - med(ready)).toFixed(1)} ms`);
console.log(
  `  first /api/ask after that ${med(firstAsk).toFixed(1)} ms, later ones ${med(warm).toFixed(1)} ms: first-answer extra ≈ ${(med(firstAsk) - med(warm)).toFixed(1)} ms (code compiled and optimised on first use)`,
);
if (profiles.length > 0) {
  const cpu = (key: 'load' | 'firstAsk' | 'warmAsk') => med(profiles.map((p) => p[key].cpuMs));
  const inside = WITHIN.map((fn) => `${fn} ${med(profiles.map((p) => p.load.within[fn]!)).toFixed(1)}`).join(', ');
  console.log(`  CPU in the isolate (DevTools profile, unminified, p50 of ${profiles.length}):`);
  console.log(`    first /readyz ${cpu('load').toFixed(1)} ms, of which ${inside} ms (data load = parseWorkerData + createWorkerDeps; target <= 25)`);
  console.log(`    first /api/ask ${cpu('firstAsk').toFixed(1)} ms, a later /api/ask ${cpu('warmAsk').toFixed(1)} ms`);
}
