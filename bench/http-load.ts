/**
 * `npm run bench:http`: load test of `POST /api/ask` on loopback.
 *
 * Starts `src/cli/serve.ts` (the real model and index) in a child process on 127.0.0.1 and
 * drives it with autocannon from this process at each concurrency for `--duration` seconds,
 * rotating through the real questions of evals/cases.jsonl. Prints requests/s, p50/p95/p99
 * latency, errors, and the server's RSS before and after the run (and their ratio).
 *
 * Flags: --duration 30  --connections 1,8,32  --warmup 5  --server real|seed
 *        --embed-processes N (default: the server's own, one per core up to 4; 0 embeds in-process)
 *        --cache (turn the server's question-vector cache on)
 *        --cpu-prof DIR (the server writes a V8 CPU profile of its main thread into DIR on exit)
 *        --question-log-pairs N (what the question log costs: N pairs of servers, log off
 *          (QUESTION_LOG_DAYS=0) then on (90), each measured alike at every concurrency; prints
 *          each run with the load average, and the median of the on-minus-off differences)
 * (`seed` runs bench/http-seed-server.ts: the same HTTP stack with fake embeddings, no model).
 * By default the cache is off, so every request runs the model, as a question nobody asked
 * before would; with --cache the 152 questions repeat and nearly all skip the model.
 * The server runs with RATE_LIMIT_PER_MINUTE raised: one load generator is one client, and the
 * limiter would otherwise answer almost everything with 429. RSS is the server's and its
 * embedding processes' together.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { childPids } from '../test/support/processes.js';

type Instance = NodeJS.EventEmitter & { stop(): void };
type Result = { requests: { total: number }; duration: number; errors: number; timeouts: number; non2xx: number; statusCodeStats: Record<string, { count: number }> };
type Autocannon = (opts: Record<string, unknown>, cb: (err: Error | null, result: Result) => void) => Instance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '1,8,32' },
    warmup: { type: 'string', default: '5' },
    server: { type: 'string', default: 'real' },
    'embed-processes': { type: 'string' },
    cache: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    'question-log-pairs': { type: 'string' },
  },
});
const duration = Number(values.duration);
const levels = values.connections.split(',').map(Number);
const warmup = Number(values.warmup);
const entries: Record<string, string> = { real: 'src/cli/serve.ts', seed: 'bench/http-seed-server.ts' };
if (!entries[values.server]) throw new Error(`--server must be real or seed, got ${values.server}`);
const entry = entries[values.server]!;

const questions = readFileSync(join(ROOT, 'evals/cases.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { question: string }).question);
const bodies = questions.map((question) => JSON.stringify({ question }));

/** Resident memory of a process and of each of its descendants, in MiB. */
function rssTree(pid: number): number[] {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return [Number(kb ?? 0) / 1024, ...childPids(pid).flatMap(rssTree)];
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const parts = (tree: number[]) => tree.map((m) => m.toFixed(0)).join(' + ');

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function startServer(dataDir: string, extraEnv: Record<string, string> = {}): Promise<{ url: string; pid: number; stop(): Promise<number | null> }> {
  const log = openSync(join(dataDir, 'server.log'), 'a');
  const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      RATE_LIMIT_PER_MINUTE: '100000000',
      LOG_QUESTIONS: '',
      API_KEYS: '',
      QUERY_CACHE_SIZE: values.cache ? '1000' : '0',
      ...(values['embed-processes'] !== undefined ? { EMBED_PROCESSES: values['embed-processes'] } : {}),
      ...extraEnv,
    },
    stdio: ['ignore', log, 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /Demo page: (http:\/\/\S+?)\/\s/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

interface Run {
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  statusCodes: Record<string, number>;
}

function load(url: string, connections: number, seconds: number): Promise<Run> {
  let next = 0;
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/api/ask`,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req: Record<string, unknown>) => ({ ...req, body: bodies[next++ % bodies.length] }),
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        latencies.sort((a, b) => a - b);
        const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
        resolve({
          connections,
          rps: latencies.length / result.duration,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          requests: latencies.length,
          errors: result.errors + result.timeouts + result.non2xx,
          statusCodes,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  });
}

async function main(): Promise<void> {
  if (values['question-log-pairs'] !== undefined) return questionLogPairs(Number(values['question-log-pairs']));
  const dataDir = mkdtempSync(join(tmpdir(), 'policydesk-bench-'));
  const server = await startServer(dataDir);
  try {
    const rssReady = sum(rssTree(server.pid));
    const readyz = (await (await fetch(`${server.url}/readyz`)).json()) as { checks: { embedProcesses?: unknown } };
    console.log(`server ${entry} at ${server.url} (pid ${server.pid}), ${bodies.length} questions from evals/cases.jsonl, RSS at ready ${rssReady.toFixed(1)} MiB`);
    console.log(
      `embedding: ${typeof readyz.checks.embedProcesses === 'number' ? `${readyz.checks.embedProcesses} child processes` : (readyz.checks.embedProcesses ?? 'fake embeddings')}; question-vector cache ${values.cache ? 'on (repeated questions skip the model)' : 'off (every request runs the model)'}`,
    );
    if (warmup > 0) await load(server.url, 8, warmup);
    const treeBefore = rssTree(server.pid);
    const rssBefore = sum(treeBefore);
    console.log(`after ${warmup} s warm-up at c=8: RSS ${rssBefore.toFixed(1)} MiB (${parts(treeBefore)})\n`);
    console.log('conc  req/s    p50 ms  p95 ms  p99 ms  requests  errors  status codes');
    const runs: Run[] = [];
    for (const c of levels) {
      const run = await load(server.url, c, duration);
      runs.push(run);
      console.log(
        `${String(c).padStart(4)}  ${run.rps.toFixed(1).padStart(6)}  ${run.p50.toFixed(1).padStart(6)}  ${run.p95.toFixed(1).padStart(6)}  ${run.p99.toFixed(1).padStart(6)}  ${String(run.requests).padStart(8)}  ${String(run.errors).padStart(6)}  ${JSON.stringify(run.statusCodes)}`,
      );
    }
    const treeAfter = rssTree(server.pid);
    const rssAfter = sum(treeAfter);
    console.log(`\nRSS by process after the run: ${parts(treeAfter)} MiB`);
    console.log(`\nRSS before ${rssBefore.toFixed(1)} MiB, after ${rssAfter.toFixed(1)} MiB, after/before ${(rssAfter / rssBefore).toFixed(3)} (at ready ${rssReady.toFixed(1)} MiB)`);
    const c8 = runs.find((r) => r.connections === 8);
    if (c8) {
      const checks = [
        [`>= 150 req/s at c=8`, c8.rps >= 150, c8.rps.toFixed(1)],
        [`p95 <= 60 ms at c=8`, c8.p95 <= 60, c8.p95.toFixed(1)],
        [`0 errors`, runs.every((r) => r.errors === 0), runs.map((r) => r.errors).join('/')],
        [`RSS growth <= 10%`, rssAfter / rssBefore <= 1.1, `${((rssAfter / rssBefore - 1) * 100).toFixed(1)}%`],
      ] as const;
      console.log('\ntargets:');
      for (const [name, ok, got] of checks) console.log(`  ${ok ? 'met    ' : 'MISSED '} ${name} (got ${got})`);
    }
  } finally {
    const code = await server.stop();
    console.log(`server stopped on SIGTERM with exit code ${code}`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `--question-log-pairs N`: servers with the question log off and on, alternating, measured alike. */
async function questionLogPairs(pairs: number): Promise<void> {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const rows: Array<{ pair: number; log: 'off' | 'on'; load: string; run: Run }> = [];
  console.log(`question log off (QUESTION_LOG_DAYS=0) and on (90), ${pairs} alternating pairs, ${duration} s per concurrency, cache ${values.cache ? 'on' : 'off'}\n`);
  console.log('pair  log  load (1/5/15 min)   conc   req/s  p50 ms  p95 ms  p99 ms  errors');
  for (let pair = 1; pair <= pairs; pair++) {
    for (const log of ['off', 'on'] as const) {
      const dataDir = mkdtempSync(join(tmpdir(), 'policydesk-bench-'));
      const server = await startServer(dataDir, { QUESTION_LOG_DAYS: log === 'on' ? '90' : '0' });
      try {
        if (warmup > 0) await load(server.url, 8, warmup);
        for (const c of levels) {
          const load1 = loadavg()
            .map((l) => l.toFixed(2))
            .join(' ');
          const run = await load(server.url, c, duration);
          rows.push({ pair, log, load: load1, run });
          console.log(
            `${String(pair).padStart(4)}  ${log.padEnd(3)}  ${load1.padEnd(18)}  ${String(c).padStart(4)}  ${run.rps.toFixed(1).padStart(6)}  ${run.p50.toFixed(2).padStart(6)}  ${run.p95.toFixed(2).padStart(6)}  ${run.p99.toFixed(2).padStart(6)}  ${String(run.errors).padStart(6)}`,
          );
        }
      } finally {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }
  console.log('\nmedian of the pairs (on minus off), target: the log adds <= 1 ms p95');
  for (const c of levels) {
    const diffs = (key: 'p50' | 'p95') =>
      Array.from({ length: pairs }, (_, i) => {
        const at = (log: 'off' | 'on') => rows.find((r) => r.pair === i + 1 && r.log === log && r.run.connections === c)!.run[key];
        return at('on') - at('off');
      });
    const p95 = median(diffs('p95'));
    console.log(`  c=${c}: p50 ${median(diffs('p50')).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms  ${p95 <= 1 ? 'met' : 'MISSED'}`);
  }
}

main().catch((error: Error) => {
  console.error(`bench: ${error.stack ?? error.message}`);
  process.exit(1);
});
