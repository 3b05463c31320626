import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from '../answer-llm/fake-openai-server.js';
import { startServe, type ServeProcess } from '../support/start-serve.js';
import { CORPUS_QUESTION } from './support/app-harness.js';

let dataDir: string;
let serve: ServeProcess | undefined;
let llm: FakeOpenAi | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'policydesk-serve-outages-'));
  return () => rm(dataDir, { recursive: true, force: true });
});
afterEach(async () => {
  if (serve && serve.child.exitCode === null) serve.child.kill('SIGKILL');
  serve = undefined;
  await llm?.close();
  llm = undefined;
});

const fatalLines = (s: ServeProcess) => s.logs.filter((l) => l.level === 'fatal');

describe('npm start when what it depends on is slow or wrong', () => {
  it('SIGTERM while a slow LLM holds every answer (12 s, longer than the old 10 s grace, within LLM_TIMEOUT_MS): every request is answered, the count in flight is logged, exit 0', async () => {
    llm = await startFakeOpenAi();
    // Text the documents do not support: each answer falls back to the extractive one, which is logged.
    llm.script(() => ({ kind: 'slow', delayMs: 12_000, content: '每个区县都必须在明年建成三家太空医院。[1]' }));
    serve = await startServe({ DATA_DIR: dataDir, EMBED_PROCESSES: '0', LLM_BASE_URL: llm.baseURL, LLM_MODEL: 'fake-model', LLM_TIMEOUT_MS: '20000' });
    const asks = Array.from({ length: 6 }, () =>
      fetch(`${serve!.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: CORPUS_QUESTION }) }).then(
        (res) => res.status,
        (error: Error) => `cut: ${error.message}`,
      ),
    );
    await expect.poll(() => llm!.requests.length, { timeout: 30_000 }).toBe(6);
    serve.child.kill('SIGTERM');
    expect(await Promise.all(asks)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await serve.exited).toBe(0);
    expect(serve.logs.find((l) => l.msg === 'shutting down')).toMatchObject({ signal: 'SIGTERM', inFlight: 6, graceMs: 25_000 });
    expect(serve.logs.some((l) => String(l.msg).startsWith('shutdown:') && l.level === 'error')).toBe(false);
    // The LLM composer's fallbacks are entries at their own level, not JSON text inside an info line.
    expect(serve.logs.filter((l) => String(l.msg).startsWith('{'))).toEqual([]);
    const fallbacks = serve.logs.filter((l) => String(l.msg).startsWith('llm answer'));
    expect(fallbacks).toHaveLength(6);
    for (const line of fallbacks) expect(['warn', 'error']).toContain(line.level);
  }, 120_000);

  it('an unreachable DATABASE_URL fails the start before the model loads, as one JSON line at fatal', async () => {
    // A model folder that does not exist: the start must fail on the database, which now comes first.
    serve = await startServe({ DATA_DIR: dataDir, EMBED_PROCESSES: '0', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', MODEL_DIR: join(dataDir, 'no-model') }, { ready: false });
    expect(await serve.exited).toBe(1);
    expect(fatalLines(serve)).toEqual([expect.objectContaining({ msg: 'serve could not start', error: expect.stringContaining('DATABASE_URL: cannot prepare the database') })]);
    expect(serve.stderr()).toContain('serve: DATABASE_URL: cannot prepare the database');
  });

  it('an invalid setting fails the start as one JSON line at fatal naming the variable', async () => {
    serve = await startServe({ DATA_DIR: dataDir, DATABASE_TIMEOUT_MS: 'soon' }, { ready: false });
    expect(await serve.exited).toBe(1);
    expect(fatalLines(serve)).toEqual([expect.objectContaining({ msg: 'serve could not start', error: expect.stringContaining('DATABASE_TIMEOUT_MS') })]);
  });
});
