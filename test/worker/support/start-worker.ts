import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_DIR, TEST_INDEX_DIR } from '../../support/corpus-dirs.js';

export const ROOT = join(import.meta.dirname, '../../..');
const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
// The Worker's [build] step bundles the frozen test corpus (and its index when built), never today's seeds/.
const WRANGLER_ENV = { ...process.env, SEEDS_DIR: CORPUS_DIR, INDEX_DIR: TEST_INDEX_DIR, CI: '1', WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', NO_COLOR: '1' };

export interface RunningWorker {
  url: string;
  /** Where wrangler keeps this Worker's local D1 database; pass it to a restart to keep the data. */
  persistTo: string;
  /** wrangler's DevTools inspector for the Worker (`/json` lists its targets), for CPU profiles. */
  inspectorUrl: string;
  /** Everything wrangler and the Worker printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartWorkerOptions {
  vars?: Record<string, string>;
  timeoutMs?: number;
  /** Local state (D1) folder; a fresh temporary one when absent. */
  persistTo?: string;
  /** wrangler config files, the served Worker's first (default: the project's wrangler.toml). */
  configs?: string[];
  /** Apply migrations/ to the local FEEDBACK_DB first (default true; the project's config binds it). */
  migrate?: boolean;
  /** More `wrangler dev` flags (e.g. `--minify=false` for readable CPU profiles). */
  args?: string[];
}

/** A port the OS just handed out, so parallel runs do not collide. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Runs a wrangler command to completion in the project root; throws with its output if it fails. */
export function runWrangler(args: string[]): string {
  const run = spawnSync(process.execPath, [WRANGLER, ...args], { cwd: ROOT, encoding: 'utf8', env: WRANGLER_ENV });
  if (run.status !== 0) throw new Error(`wrangler ${args.join(' ')} exited with ${run.status}:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

/**
 * Starts the Worker in workerd with `wrangler dev --local`: offline, no account, no update
 * check, no metrics. wrangler runs the `[build]` command (`npm run build:worker`) first, as it
 * does for `wrangler deploy`. Resolves once `/healthz` answers; rejects with wrangler's output
 * if it never does.
 */
export async function startWorker(options: StartWorkerOptions = {}): Promise<RunningWorker> {
  const persistTo = options.persistTo ?? mkdtempSync(join(tmpdir(), 'policydesk-wrangler-'));
  if (options.migrate ?? true) runWrangler(['d1', 'migrations', 'apply', 'FEEDBACK_DB', '--local', '--persist-to', persistTo]);
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const vars = Object.entries({ API_KEYS: '', ...options.vars }).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  const configs = (options.configs ?? []).flatMap((c) => ['--config', c]);
  const child = spawn(
    process.execPath,
    [
      WRANGLER,
      'dev',
      ...configs,
      '--local',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      '--persist-to',
      persistTo,
      '--show-interactive-dev-session=false',
      ...vars,
      ...(options.args ?? []),
    ],
    {
      cwd: ROOT,
      // Its own process group, so stop() ends wrangler and the workerd it started, and nothing else.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: WRANGLER_ENV,
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid!, 'SIGTERM');
      const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    // A workerd that outlived wrangler would hold its port and memory: end what is left of the group.
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group is gone
    }
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, persistTo, inspectorUrl: `http://127.0.0.1:${inspectorPort}`, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not answer /healthz within ${options.timeoutMs ?? 120_000} ms:\n${output}`);
}
