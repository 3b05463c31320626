/**
 * `npm run bench:scale`: the cost of a growing corpus. For 1×, 10× and 100× the seeds' passages
 * (synthetic documents from the seeds' structure, see bench/scale/synthetic-corpus.ts) it measures,
 * each scale in fresh processes: full ingest (time, passages/s, texts embedded), re-ingest after
 * one point of one document changed, index size on disk, index load time, warm retrieval p50/p95
 * over the eval questions, and peak RSS of the ingest and of the serving process.
 *
 *   npm run bench:scale                       # 1,10,100; the real model up to 10×, fake passage vectors at 100×
 *   npm run bench:scale -- --scales 1,10 --real-up-to 10
 *
 * With fake passage vectors (a scale above --real-up-to), ingest time leaves out embedding and
 * the row shows the embedding time projected from the rate measured with the real model;
 * questions are still embedded by the real model. Prints figures and targets; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPipeline } from '../src/answer/create-pipeline.js';
import { parseConfig } from '../src/core/config.js';
import { FakeEmbedder } from '../src/embeddings/fake-embedder.js';
import { TransformersEmbedder } from '../src/embeddings/transformers-embedder.node.js';
import { percentile } from '../src/eval/metrics.js';
import { buildIndex, currentBuildDir, loadIndex } from '../src/ingest/build-index.node.js';
import { editOnePoint, syntheticCorpus } from './scale/synthetic-corpus.js';

const config = parseConfig(process.env);
const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10,100' },
    'real-up-to': { type: 'string', default: '10' },
    phase: { type: 'string' },
    dir: { type: 'string' },
    embedder: { type: 'string', default: 'real' },
  },
});

/** Passage vectors without the model: same dimensions, deterministic. */
class ScaleFakeEmbedder extends FakeEmbedder {
  readonly modelHash = 'fake-for-scale-bench';
  constructor() {
    super(512);
  }
}

const loadEmbedder = async (kind: string) => (kind === 'fake' ? new ScaleFakeEmbedder() : await TransformersEmbedder.load({ modelDir: config.MODEL_DIR }));
const rssMb = () => process.resourceUsage().maxRSS / 1024;
/** Bytes of a file, or of everything under a folder. */
const diskBytes = (path: string): number => (statSync(path).isDirectory() ? readdirSync(path).reduce((sum, name) => sum + diskBytes(join(path, name)), 0) : statSync(path).size);

/** Child process: full ingest, then the re-ingest of one edited document. */
async function ingestPhase(dir: string, kind: string) {
  const embedder = await loadEmbedder(kind);
  const seedsDir = join(dir, 'seeds');
  const indexDir = join(dir, 'index');
  let t = performance.now();
  const full = await buildIndex({ seedsDir, indexDir, embedder });
  const fullMs = performance.now() - t;
  // The first document (by name) with a numbered point: a seed at 1×, a variant above.
  const edited = readdirSync(seedsDir)
    .sort()
    .map((f) => ({ f, text: readFileSync(join(seedsDir, f), 'utf8') }))
    .find(({ text }) => /^\s*\d{1,2}[.．、]\S/m.test(text))!;
  writeFileSync(join(seedsDir, edited.f), editOnePoint(edited.text));
  t = performance.now();
  // Where the time goes: reading, parsing and embedding what changed, then writing (HNSW builds, JSON files).
  let writeAt: number | undefined;
  const again = await buildIndex({ seedsDir, indexDir, embedder, onProgress: (p) => void (p.phase === 'write' && (writeAt ??= performance.now())) });
  const oneDocMs = performance.now() - t;
  const oneDocPhases = { readParseEmbedMs: (writeAt ?? t + oneDocMs) - t, writeMs: t + oneDocMs - (writeAt ?? t + oneDocMs) };
  const build = currentBuildDir(indexDir)!;
  return {
    passages: full.manifest.passageCount,
    sentences: full.manifest.sentenceCount ?? 0,
    documents: full.manifest.documents.length,
    embedded: full.embedded,
    fullMs,
    oneDocMs,
    oneDocEmbedded: again.embedded,
    oneDocPhases,
    indexBytes: diskBytes(build),
    files: Object.fromEntries(readdirSync(build).map((f) => [f, diskBytes(join(build, f))])),
    rssMb: rssMb(),
  };
}

/** Child process: load the index as the service does and time retrieval over the eval questions. */
async function servePhase(dir: string, kind: string) {
  const started = performance.now();
  const model = await TransformersEmbedder.load({ modelDir: config.MODEL_DIR });
  const built = kind === 'fake' ? new ScaleFakeEmbedder() : model;
  const index = await loadIndex(join(dir, 'index'), { modelId: built.modelId, modelSha256: built.modelHash, dimensions: built.dimensions });
  const pipeline = createPipeline({ corpus: index.corpus, embedder: model, vectors: index.vectors, sentenceVectors: index.sentenceVectors });
  const loadMs = performance.now() - started;
  const questions = readFileSync('evals/cases.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { question: string }).question);
  const sample = Array.from({ length: Math.max(200, questions.length * 2) }, (_, i) => questions[i % questions.length]!);
  for (const q of sample.slice(0, 20)) await pipeline.retriever.retrieve(q, { k: 6 });
  const retrieval: number[] = [];
  const answer: number[] = [];
  for (const q of sample) {
    let t = performance.now();
    await pipeline.retriever.retrieve(q, { k: 6 });
    retrieval.push(performance.now() - t);
    t = performance.now();
    await pipeline.answerer.answer(q);
    answer.push(performance.now() - t);
  }
  return { loadMs, questions: sample.length, p50: percentile(retrieval, 50), p95: percentile(retrieval, 95), answerP95: percentile(answer, 95), rssMb: rssMb() };
}

if (values.phase) {
  const result = values.phase === 'ingest' ? await ingestPhase(values.dir!, values.embedder) : await servePhase(values.dir!, values.embedder);
  console.log(JSON.stringify(result));
  process.exit(0);
}

const child = (phase: string, dir: string, embedder: string) => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/scale.bench.ts', '--phase', phase, '--dir', dir, '--embedder', embedder], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!);
};

const seeds = readdirSync(config.SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((fileName) => ({ fileName, raw: readFileSync(join(config.SEEDS_DIR, fileName), 'utf8') }));
const realUpTo = Number(values['real-up-to']);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
let embedMsPerText: number | undefined;
const rows: string[] = [];

console.log(`PolicyDesk scale bench — node ${process.version}, ${(await import('node:os')).cpus().length} cores; ${seeds.length} seed documents\n`);
for (const scale of values.scales.split(',').map(Number)) {
  const dir = mkdtempSync(join(tmpdir(), `policydesk-scale-${scale}x-`));
  mkdirSync(join(dir, 'seeds'));
  for (const f of syntheticCorpus(seeds, scale)) writeFileSync(join(dir, 'seeds', f.fileName), f.text);
  const kind = scale <= realUpTo ? 'real' : 'fake';
  const ingest = child('ingest', dir, kind);
  const serve = child('serve', dir, kind);
  rmSync(dir, { recursive: true, force: true });

  if (kind === 'real' && ingest.embedded > 0) embedMsPerText = ingest.fullMs / ingest.embedded;
  const projected = kind === 'fake' && embedMsPerText ? ingest.embedded * embedMsPerText : 0;
  const fullS = (ingest.fullMs + projected) / 1000;
  const oneDocS = (ingest.oneDocMs + (kind === 'fake' && embedMsPerText ? ingest.oneDocEmbedded * embedMsPerText : 0)) / 1000;
  const line = [
    `${`${scale}×`.padEnd(5)}${ingest.documents} docs, ${ingest.passages} passages, ${ingest.sentences} sentences, ${ingest.embedded} texts embedded (${kind} vectors)`,
    `  full ingest        ${fullS.toFixed(1)} s${projected ? ` (${(ingest.fullMs / 1000).toFixed(1)} s measured + ${(projected / 1000).toFixed(1)} s embedding projected at ${embedMsPerText!.toFixed(1)} ms/text)` : ''}, ${(ingest.passages / fullS).toFixed(1)} passages/s, ${(ingest.embedded / fullS).toFixed(1)} texts embedded/s`,
    `  one-doc re-ingest  ${oneDocS.toFixed(2)} s (${ingest.oneDocEmbedded} texts embedded; read, parse and embed ${(ingest.oneDocPhases.readParseEmbedMs / 1000).toFixed(2)} s, write incl. HNSW ${(ingest.oneDocPhases.writeMs / 1000).toFixed(2)} s)   target at 100×: ≤ 5 s`,
    `  index on disk      ${mb(ingest.indexBytes)}  (${Object.entries(ingest.files as Record<string, number>)
      .map(([f, b]) => `${f} ${mb(b)}`)
      .join(', ')})`,
    `  load (model+index) ${(serve.loadMs / 1000).toFixed(2)} s`,
    `  retrieval          p50 ${serve.p50.toFixed(1)} ms, p95 ${serve.p95.toFixed(1)} ms over ${serve.questions} questions (answer p95 ${serve.answerP95.toFixed(1)} ms)   target at 100×: p95 ≤ 40 ms`,
    `  peak RSS           ingest ${ingest.rssMb.toFixed(0)} MB, serving ${serve.rssMb.toFixed(0)} MB   target at 100×: ≤ 1536 MB`,
  ].join('\n');
  console.log(`${line}\n`);
  rows.push(line);
}
