import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ModelUnavailableError } from '../../src/core/errors.js';
import { ProcessPoolEmbedder, type PoolEvent } from '../../src/embeddings/process-pool.node.js';
import { TransformersEmbedder } from '../../src/embeddings/transformers-embedder.node.js';
import { alive } from '../support/processes.js';

const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const questions = ['区域性医疗中心按多少人口配置一家？', '发热门诊有什么要求', '长宁区2023年护理工作重点', '重症床位占比要达到多少'];
const documents = Array.from({ length: 20 }, (_, i) => `第${i + 1}条 推进本市区域性医疗中心服务能力标准化建设，实现每30-50万人口配置一家区域性医疗中心。`.slice(0, 20 + i));

let local: TransformersEmbedder;
let pool: ProcessPoolEmbedder;
const events: PoolEvent[] = [];
beforeAll(async () => {
  local = await TransformersEmbedder.load({ modelDir: 'models', threads: 1 });
  pool = await ProcessPoolEmbedder.start({ modelDir: 'models', processes: 2, onEvent: (event) => events.push(event) });
});
afterAll(async () => {
  await pool?.close();
});

describe('ProcessPoolEmbedder (real model in child processes)', () => {
  test('reports the same model as the in-process embedder', () => {
    expect(pool.size).toBe(2);
    expect([pool.modelId, pool.dimensions, pool.modelHash]).toEqual([local.modelId, local.dimensions, local.modelHash]);
  });

  test('questions, asked concurrently, get the in-process vectors', async () => {
    const pooled = await Promise.all(questions.map((q) => pool.embedQuery(q)));
    for (const [i, q] of questions.entries()) {
      expect(pooled[i]).toHaveLength(512);
      expect(cos(pooled[i]!, await local.embedQuery(q))).toBeGreaterThan(0.99999);
    }
  });

  test('documents are embedded in the same batches as in-process, in order', async () => {
    const pooled = await pool.embedDocuments(documents);
    const inProcess = await local.embedDocuments(documents);
    expect(pooled).toHaveLength(documents.length);
    for (const [i, v] of pooled.entries()) expect(cos(v, inProcess[i]!)).toBeGreaterThan(0.99999);
    expect(await pool.embedDocuments([])).toEqual([]);
  });

  test('a child that dies fails its request with a retryable error and is replaced', async () => {
    const [victim] = pool.pids;
    // Stopped first, so it cannot answer before it dies (a quick child otherwise could).
    process.kill(victim!, 'SIGSTOP');
    const pending = pool.embedQuery('护理服务'); // goes to the first, idle child
    process.kill(victim!, 'SIGKILL');
    await expect(pending).rejects.toThrow(ModelUnavailableError);
    await expect.poll(() => pool.size === 2 && !pool.pids.includes(victim!), { timeout: 30_000 }).toBe(true);
    expect(events).toContainEqual({ type: 'exit', pid: victim, code: null, signal: 'SIGKILL' });
    expect(cos(await pool.embedQuery('护理服务'), await local.embedQuery('护理服务'))).toBeGreaterThan(0.99999);
  });

  test('when a replacement cannot start, the pool says so, keeps serving with the rest, and tries again', async () => {
    const modelDir = mkdtempSync(join(tmpdir(), 'policydesk-pool-'));
    cpSync('models', modelDir, { recursive: true });
    const seen: PoolEvent[] = [];
    const small = await ProcessPoolEmbedder.start({ modelDir, processes: 2, onEvent: (e) => seen.push(e) });
    try {
      rmSync(modelDir, { recursive: true, force: true }); // the loaded children keep working; a new one cannot load
      const [victim, survivor] = small.pids;
      process.kill(victim!, 'SIGKILL');
      await expect.poll(() => seen.filter((e) => e.type === 'restart-failed').length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
      const failures = seen.filter((e) => e.type === 'restart-failed');
      expect(failures[0]!.error).toMatch(/npm run fetch-model|MODEL_DIR/);
      expect(failures.slice(0, 2).map((e) => e.retryInMs)).toEqual([1000, 2000]);
      expect(small.pids).toEqual([survivor]);
      expect(cos(await small.embedQuery('护理服务'), await local.embedQuery('护理服务'))).toBeGreaterThan(0.99999);
    } finally {
      await small.close();
      rmSync(modelDir, { recursive: true, force: true });
    }
  });

  test('a model folder that is not there fails at start, and leaves no process behind', async () => {
    await expect(ProcessPoolEmbedder.start({ modelDir: '/nonexistent', processes: 1 })).rejects.toThrow(/npm run fetch-model|MODEL_DIR/);
    await expect(ProcessPoolEmbedder.start({ modelDir: 'models', processes: 0 })).rejects.toThrow(RangeError);
  });

  test('children exit when their parent is killed outright', async () => {
    const parent = spawn(process.execPath, ['--import', 'tsx', 'test/support/start-pool.ts', 'models'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pids = await new Promise<number[]>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(JSON.parse(d.toString()) as number[])));
    expect(pids).toHaveLength(2);
    expect(pids.every(alive)).toBe(true);
    parent.kill('SIGKILL');
    await expect.poll(() => pids.filter(alive), { timeout: 30_000 }).toEqual([]);
  });

  test('a stopped child fails its request after requestTimeoutMs, is out of service at once, and is replaced', async () => {
    const seen: PoolEvent[] = [];
    const one = await ProcessPoolEmbedder.start({ modelDir: 'models', processes: 1, requestTimeoutMs: 1_500, onEvent: (e) => seen.push(e) });
    try {
      const [stuck] = one.pids;
      process.kill(stuck!, 'SIGSTOP');
      await expect(one.embedQuery('护理服务')).rejects.toThrow(/did not answer within 1500 ms/);
      // Nobody serves until the replacement is up: /readyz reports 0 processes, not ready.
      expect(one.size).toBe(0);
      expect(seen).toContainEqual({ type: 'timeout', pid: stuck, timeoutMs: 1_500 });
      await expect.poll(() => alive(stuck!), { timeout: 10_000 }).toBe(false);
      await expect.poll(() => one.size, { timeout: 30_000 }).toBe(1);
      expect(cos(await one.embedQuery('护理服务'), await local.embedQuery('护理服务'))).toBeGreaterThan(0.99999);
    } finally {
      await one.close();
    }
  });

  test('children ignore SIGINT and SIGTERM (sent to the whole process group) and keep answering; close() still stops them', async () => {
    const other = await ProcessPoolEmbedder.start({ modelDir: 'models', processes: 1 });
    const pids = other.pids;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.kill(pids[0]!, signal);
    expect(cos(await other.embedQuery('护理服务'), await local.embedQuery('护理服务'))).toBeGreaterThan(0.99999);
    expect(other.pids).toEqual(pids);
    await other.close();
    expect(pids.some(alive)).toBe(false);
  });

  test('after stopReplacing() (shutting down) a child that exits is not replaced; the others keep serving', async () => {
    const seen: PoolEvent[] = [];
    const two = await ProcessPoolEmbedder.start({ modelDir: 'models', processes: 2, onEvent: (e) => seen.push(e) });
    try {
      const [victim, survivor] = two.pids;
      two.stopReplacing();
      process.kill(victim!, 'SIGKILL');
      await expect.poll(() => two.pids).toEqual([survivor]);
      expect(cos(await two.embedQuery('护理服务'), await local.embedQuery('护理服务'))).toBeGreaterThan(0.99999);
      // Long enough for a replacement (1 s delay, then the model load) had one been started.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(two.pids).toEqual([survivor]);
      expect(seen.filter((e) => e.type === 'restart-failed')).toEqual([]);
    } finally {
      await two.close();
    }
  });

  test('close() kills a child that does not leave (stopped)', async () => {
    const other = await ProcessPoolEmbedder.start({ modelDir: 'models', processes: 1 });
    const pids = other.pids;
    process.kill(pids[0]!, 'SIGSTOP');
    await other.close();
    expect(pids.some(alive)).toBe(false);
  });

  test('close() stops the children; later requests fail clearly', async () => {
    const other = await ProcessPoolEmbedder.start({ modelDir: 'models', processes: 1 });
    const pids = other.pids;
    await other.close();
    expect(pids.some(alive)).toBe(false);
    expect(other.size).toBe(0);
    await expect(other.embedQuery('x')).rejects.toThrow(ModelUnavailableError);
  });
});
