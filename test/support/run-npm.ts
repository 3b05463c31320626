import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** How an `npm run` ended: its exit status and everything it wrote. */
export interface NpmRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run --silent …` in the repository root with `env` over this process's environment, as a user would from a shell. */
export function runNpm(args: readonly string[], env: Record<string, string> = {}): Promise<NpmRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
