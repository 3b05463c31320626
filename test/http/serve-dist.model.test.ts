import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServe, type ServeProcess } from '../support/start-serve.js';

/**
 * Production runs compiled JavaScript: `npm run build` (tsc -p tsconfig.build.json) and a plain
 * `node dist/node/cli/serve.js`, with no tsx, that gets the signals itself. Built here into a
 * folder of its own inside the project, so that node_modules resolve as they do for dist/.
 */
const ROOT = join(import.meta.dirname, '../..');
const OUT = join(ROOT, 'test-output', 'dist-test');
let serve: ServeProcess | undefined;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'policydesk-dist-'));
  rmSync(OUT, { recursive: true, force: true });
  await promisify(execFile)('npm', ['run', '--silent', 'build', '--', '--outDir', OUT], { cwd: ROOT });
}, 180_000);
afterAll(async () => {
  if (serve && serve.child.exitCode === null) serve.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the compiled service', () => {
  test('node dist/…/serve.js answers with the real model in embedding processes, and exits 0 on SIGTERM', async () => {
    serve = await startServe({ DATA_DIR: dataDir, EMBED_PROCESSES: '1' }, { command: [process.execPath, join(OUT, 'cli/serve.js')] });
    const res = await fetch(`${serve.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '区域性医疗中心按多少人口配置一家？' }) });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { abstained: boolean; citations: Array<{ docNumber: string }> };
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]!.docNumber).toBe('沪卫发〔2023〕2号');
    expect(await (await fetch(`${serve.url}/readyz`)).json()).toMatchObject({ ready: true });
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
  }, 120_000);
});
