import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { buildWorkerDataModule } from '../../../src/worker/build/build-worker-data.node.js';

const ROOT = join(import.meta.dirname, '../../..');

export interface RunningWorker {
  url: string;
  /** Everything wrangler and the Worker printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
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

/**
 * Builds the Worker data bundle (what `npm run build:worker` does) and starts the Worker in
 * workerd with `wrangler dev --local`: offline, no account, no update check, no metrics.
 * Resolves once `/healthz` answers; rejects with wrangler's output if it never does.
 */
export async function startWorker(options: { vars?: Record<string, string>; timeoutMs?: number } = {}): Promise<RunningWorker> {
  await buildWorkerDataModule({ indexDir: join(ROOT, 'index'), seedsDir: join(ROOT, 'seeds'), promptsDir: join(ROOT, 'prompts'), outFile: join(ROOT, 'dist/worker/worker-data.js') });
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const vars = Object.entries({ API_KEYS: '', ...options.vars }).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'dev', '--local', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort), '--show-interactive-dev-session=false', ...vars],
    {
      cwd: ROOT,
      // Its own process group, so stop() ends wrangler and the workerd it started, and nothing else.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', NO_COLOR: '1' },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid!, 'SIGTERM');
    const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not answer /healthz within ${options.timeoutMs ?? 120_000} ms:\n${output}`);
}
