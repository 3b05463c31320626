/**
 * `npm run bench`: ingest time, cold start (model + index load, in a fresh process), warm
 * retrieval and answer latency over the eval questions, and peak RSS, against the targets of
 * the retrieval issue. Prints percentiles and ratios; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/core/config.js';
import { TransformersEmbedder } from '../src/embeddings/transformers-embedder.node.js';
import { loadSuite, suiteSchema } from '../src/eval/load-suite.js';
import { percentile } from '../src/eval/metrics.js';
import { loadRuntime } from '../src/cli/load-runtime.node.js';
import { buildIndex } from '../src/ingest/build-index.node.js';

const config = parseConfig(process.env);
const runtimeOptions = { modelDir: config.MODEL_DIR, indexDir: config.INDEX_DIR, seedsDir: config.SEEDS_DIR };

if (process.argv[2] === '--cold-start') {
  const started = performance.now();
  const runtime = await loadRuntime({ ...runtimeOptions, autoIngest: false });
  await runtime.retriever.retrieve('区域性医疗中心按多少人口配置一家？');
  console.log(JSON.stringify({ coldStartMs: performance.now() - started, loadMs: runtime.loadMs }));
  process.exit(0);
}

const row = (name: string, value: number, target: number, unit = 'ms') =>
  console.log(
    `${name.padEnd(34)} ${value.toFixed(1).padStart(9)} ${unit.padEnd(3)} target ≤ ${String(target).padStart(6)} ${unit.padEnd(3)} ratio ${(value / target).toFixed(2)} ${value <= target ? 'ok' : 'MISSED'}`,
  );

// 1. Full ingest into a fresh folder: every passage embedded.
const scratch = mkdtempSync(join(tmpdir(), 'policydesk-bench-'));
const embedder = await TransformersEmbedder.load({ modelDir: config.MODEL_DIR });
let started = performance.now();
const built = await buildIndex({ seedsDir: config.SEEDS_DIR, indexDir: scratch, embedder });
const ingestMs = performance.now() - started;
started = performance.now();
await buildIndex({ seedsDir: config.SEEDS_DIR, indexDir: scratch, embedder });
const reingestMs = performance.now() - started;
rmSync(scratch, { recursive: true, force: true });

// 2. Cold start in a fresh process (median of 3).
const colds = [0, 1, 2].map(() => {
  const t = performance.now();
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/retrieval.bench.ts', '--cold-start'], { encoding: 'utf8' });
  return { ...(JSON.parse(out.trim().split('\n').at(-1)!) as { coldStartMs: number; loadMs: number }), processMs: performance.now() - t };
});
const cold = percentile(
  colds.map((c) => c.coldStartMs),
  50,
);
const coldProcess = percentile(
  colds.map((c) => c.processMs),
  50,
);

// 3. Warm latency over the eval questions, repeated to at least 200.
const runtime = await loadRuntime(runtimeOptions);
// Every question of the eval suite (ordinary, colloquial and hard-paraphrase sets).
const questions = loadSuite(suiteSchema.parse(JSON.parse(readFileSync('evals/suite.json', 'utf8'))), (p) => readFileSync(p, 'utf8')).map((c) => c.question);
const sample = Array.from({ length: Math.max(200, questions.length * 2) }, (_, i) => questions[i % questions.length]!);
for (const q of sample.slice(0, 20)) await runtime.answerer.answer(q); // warm-up
const retrieval: number[] = [];
const answer: number[] = [];
for (const q of sample) {
  let t = performance.now();
  await runtime.retriever.retrieve(q, { k: 6 });
  retrieval.push(performance.now() - t);
  t = performance.now();
  await runtime.answerer.answer(q);
  answer.push(performance.now() - t);
}
const composition = answer.map((a, i) => Math.max(0, a - retrieval[i]!));
const rssMb = process.resourceUsage().maxRSS / 1024;

console.log(`PolicyDesk retrieval bench — ${built.manifest.passageCount} passages, ${sample.length} questions, node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
row('full ingest (embed all passages)', ingestMs / 1000, 20, 's');
console.log(`${'re-ingest, nothing changed'.padEnd(34)} ${(reingestMs / 1000).toFixed(1).padStart(9)} s`);
row('cold start (model + index + 1 ask)', cold / 1000, 3, 's');
row('  whole process (node + tsx + above)', coldProcess / 1000, 3, 's');
row('retrieval p50', percentile(retrieval, 50), 15);
row('retrieval p95', percentile(retrieval, 95), 40);
console.log(`${'answer (retrieval + composition) p50'.padEnd(34)} ${percentile(answer, 50).toFixed(1).padStart(9)} ms, p95 ${percentile(answer, 95).toFixed(1)} ms`);
console.log(`${'composition added p50 / p95'.padEnd(34)} ${percentile(composition, 50).toFixed(2).padStart(9)} ms / ${percentile(composition, 95).toFixed(2)} ms`);
console.log(`${'peak RSS'.padEnd(34)} ${rssMb.toFixed(0).padStart(9)} MB`);
