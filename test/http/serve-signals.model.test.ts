import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../support/start-serve.js';
import { groupPids } from '../support/processes.js';
import { CORPUS_QUESTION } from './support/app-harness.js';
import { heldRequest } from './support/held-request.js';

let dataDir: string;
let serve: ServeProcess | undefined;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'policydesk-signals-'));
  return () => rm(dataDir, { recursive: true, force: true });
});
afterEach(() => {
  // Whatever a failed test left behind: its whole group.
  if (serve?.child.pid) for (const pid of groupPids(serve.child.pid)) process.kill(pid, 'SIGKILL');
  serve = undefined;
});

/** `npm start` as a terminal runs it: its own process group (the one Ctrl-C signals), two embedding processes. */
const npmStart = () =>
  startServe({ DATA_DIR: dataDir, EMBED_PROCESSES: '2', RATE_LIMIT_PER_MINUTE: '1000', npm_config_update_notifier: 'false' }, { command: ['npm', 'start', '--silent'], detached: true });

const embedders = (pgid: number) => groupPids(pgid).filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('embedder-process'));

describe('npm start and signals (real processes)', () => {
  it('Ctrl-C (SIGINT to the process group): requests in flight are answered, nothing is replaced, nothing is left running', async () => {
    serve = await npmStart();
    const pgid = serve.child.pid!;
    expect(embedders(pgid)).toHaveLength(2);
    const held = Array.from({ length: 8 }, () => heldRequest(serve!.url, JSON.stringify({ question: CORPUS_QUESTION })));
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(-pgid, 'SIGINT');
    await serve.log((l) => l.msg === 'shutting down');
    for (const h of held) h.finish();
    const responses = await Promise.all(held.map((h) => h.response));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    await serve.exited;
    await expect.poll(() => groupPids(pgid), { timeout: 15_000 }).toEqual([]);
    expect(serve.logs.filter((l) => l.msg === 'embedding process exited; replacing it')).toEqual([]);
    expect(serve.logs.at(-1)).toMatchObject({ msg: 'stopped' });
  });

  it('SIGTERM to npm alone (a supervisor stopping it) stops the server and its children: no orphans', async () => {
    serve = await npmStart();
    const pgid = serve.child.pid!;
    // A crashed embedding process is an error in the log, as a structured entry (not an info line holding JSON).
    const [victim] = embedders(pgid);
    process.kill(victim!, 'SIGKILL');
    expect(await serve.log((l) => l.msg === 'embedding process exited; replacing it')).toMatchObject({ level: 'error', pid: victim, signal: 'SIGKILL' });
    await expect.poll(() => embedders(pgid).length, { timeout: 30_000 }).toBe(2);
    const held = heldRequest(serve.url, JSON.stringify({ question: CORPUS_QUESTION }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    serve.child.kill('SIGTERM');
    expect(await serve.log((l) => l.msg === 'shutting down')).toMatchObject({ signal: 'SIGTERM' });
    held.finish();
    expect((await held.response).status).toBe(200);
    await expect.poll(() => groupPids(pgid), { timeout: 15_000 }).toEqual([]);
    expect(serve.logs.at(-1)).toMatchObject({ msg: 'stopped' });
  });
});
