import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_QUESTION } from './support/app-harness.js';
import { heldRequest } from './support/held-request.js';
import { alive, childPids } from '../support/processes.js';

const ROOT = join(import.meta.dirname, '../..');
let child: ChildProcess;
let url: string;
let dataDir: string;
let stdout = '';
let exited: Promise<number | null>;

/** `npm start` as it runs in production: the real model and index, JSON logs on stdout, the demo URL on stderr. */
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'policydesk-serve-'));
  child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, API_KEYS: '', LOG_QUESTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  url = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /Demo page: (http:\/\/\S+?)\/\s/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
});

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start (src/cli/serve.ts) with the real model', () => {
  it('is ready with the model and index loaded and checked, and serves the demo page', async () => {
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect((await ready.json()).checks).toMatchObject({
      model: 'BAAI/bge-small-zh-v1.5',
      manifest: 'checked',
      feedback: { ok: true },
      // Questions are embedded in child processes, one per core by default (at most 4).
      embedProcesses: Math.min(availableParallelism(), 4),
    });
    const page = await fetch(`${url}/`);
    expect(await page.text()).toContain('src="/widget.js"');
  });

  it('answers with the real hybrid retrieval and stores feedback under DATA_DIR', async () => {
    const answer = await (await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: CORPUS_QUESTION }) })).json();
    expect(answer.citations[0].quote).toContain('30-50万人口');
    const res = await fetch(`${url}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ question: CORPUS_QUESTION, answerId: answer.answerId, rating: 'up' }),
    });
    expect(res.status).toBe(201);
    const stored = (await readFile(join(dataDir, 'feedback.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(stored).toMatchObject([{ answerId: answer.answerId, rating: 'up', question: CORPUS_QUESTION }]);
  });

  it('on SIGTERM finishes the in-flight request, then exits 0', async () => {
    // (tsx also runs an esbuild child; only the embedding processes count here.)
    const embedders = childPids(child.pid!).filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('embedder-process'));
    expect(embedders).toHaveLength(Math.min(availableParallelism(), 4));
    const held = heldRequest(url, JSON.stringify({ question: CORPUS_QUESTION }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGTERM');
    await expect.poll(() => stdout).toContain('"msg":"shutting down"');
    held.finish();
    const res = await held.response;
    expect(res.status).toBe(200);
    expect(await exited).toBe(0);
    await expect.poll(() => embedders.filter(alive)).toEqual([]);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ msg: 'stopped' });
    expect(lines.filter((l) => l.msg === 'request').every((l) => typeof l.latencyMs === 'number' && !('question' in l))).toBe(true);
  });
});
