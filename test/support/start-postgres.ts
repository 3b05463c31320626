import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childPids } from './processes.js';

export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, trust authentication. */
  url: string;
  /** A fresh database on this server, for one test. */
  createDatabase(name: string): string;
  /** Stops the server but keeps its data (an outage); `startServer` brings it back on the same port. */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  /** SIGSTOP to the server and every backend: connections stay open but nothing answers (a hung database). */
  pause(): void;
  /** SIGCONT to the same processes. */
  resume(): void;
  stop(): Promise<void>;
}

/** Where Debian's `postgresql` package puts initdb and pg_ctl (the newest version), or undefined when absent. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const which = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const dir = which.status === 0 ? which.stdout.trim() : '';
  return dir && existsSync(join(dir, 'initdb')) ? dir : undefined;
}

/** Why PostgreSQL tests are skipped here, or undefined when they can run. */
export const POSTGRES_MISSING = postgresBinDir() ? undefined : 'PostgreSQL tests skipped: no initdb found (apt-get install postgresql; .ci/run does)';

/**
 * A throwaway PostgreSQL server in a temp folder on a free 127.0.0.1 port: initdb, then pg_ctl
 * start. PostgreSQL refuses to run as root, so under root (CI) the server runs as the
 * `postgres` user that Debian's package creates.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(POSTGRES_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'policydesk-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(dir, 0o777);
  }
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const start = () => run('pg_ctl', ['-D', data, '-w', '-l', join(dir, 'server.log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  start();
  const base = `postgres://postgres@127.0.0.1:${port}`;
  let paused: number[] = [];
  return {
    url: `${base}/postgres`,
    createDatabase(name) {
      execFileSync(join(bin, 'psql'), ['-q', '-d', `${base}/postgres`, '-c', `CREATE DATABASE ${name}`], { stdio: ['ignore', 'pipe', 'pipe'] });
      return `${base}/${name}`;
    },
    async stopServer() {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    async startServer() {
      start();
    },
    pause() {
      paused = serverPids(data);
      for (const pid of paused) process.kill(pid, 'SIGSTOP');
    },
    resume() {
      for (const pid of paused) process.kill(pid, 'SIGCONT');
      paused = [];
    },
    async stop() {
      for (const pid of paused.splice(0)) process.kill(pid, 'SIGCONT');
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already stopped.
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The postmaster (first line of postmaster.pid) and its children, the backends. */
function serverPids(data: string): number[] {
  const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return [postmaster, ...childPids(postmaster)];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
