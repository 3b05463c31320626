import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

export interface ServeProcess {
  child: ChildProcess;
  /** Set once the demo URL is printed (`ready`). */
  url: string;
  /** Every JSON log line so far. */
  logs: Array<Record<string, unknown>>;
  stderr(): string;
  /** Resolves with the first log line matching, waiting for it. */
  log(match: (entry: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/**
 * `src/cli/serve.ts` as `npm start` runs it (`node --import tsx`), on an ephemeral port, with
 * `env` added to this process's environment. `ready: false` returns as soon as it started, for
 * tests of what is logged before the model loads.
 */
export async function startServe(env: Record<string, string | undefined>, options: { ready?: boolean; command?: string[]; detached?: boolean } = {}): Promise<ServeProcess> {
  const child = spawn(options.command?.[0] ?? process.execPath, options.command?.slice(1) ?? ['--import', 'tsx', 'src/cli/serve.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', API_KEYS: '', LOG_QUESTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, as a terminal would start it: the group is what Ctrl-C signals.
    detached: options.detached ?? false,
  });
  const logs: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const lines = stdout.split('\n');
    stdout = lines.pop()!;
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line));
      } catch {
        logs.push({ msg: line, unparsed: true });
      }
    }
    waiters.splice(0).forEach((w) => w());
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running: ServeProcess = {
    child,
    url: '',
    logs,
    stderr: () => stderr,
    exited,
    async log(match) {
      for (;;) {
        const found = logs.find(match);
        if (found) return found;
        if (child.exitCode !== null) throw new Error(`serve exited (${child.exitCode}) without the expected log line: ${stderr}\n${JSON.stringify(logs)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          child.once('exit', () => resolve());
        });
      }
    },
  };
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /Demo page: (http:\/\/\S+?)\/\s/.exec(stderr);
      if (match) {
        running.url = match[1]!;
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  if (options.ready !== false) await ready;
  else ready.catch(() => undefined);
  return running;
}
