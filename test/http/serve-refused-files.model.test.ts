import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CORPUS_DIR, TEST_INDEX_DIR } from '../support/corpus-dirs.js';
import { startServe, type ServeProcess } from '../support/start-serve.js';

/** A PDF pdf.js cannot read: it starts like one, but its objects and cross-reference table are broken. */
const BROKEN_PDF = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ngarbage\n';
const ROOT = join(import.meta.dirname, '../..');

let dir: string;
let env: Record<string, string>;
let ingest: { status: number | null; stdout: string; stderr: string };
let serve: ServeProcess | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policydesk-refused-'));
  const seeds = join(dir, 'seeds');
  mkdirSync(seeds);
  for (const f of readdirSync(CORPUS_DIR)) copyFileSync(join(CORPUS_DIR, f), join(seeds, f));
  writeFileSync(join(seeds, 'broken-notice.pdf'), BROKEN_PDF);
  // The test index lends its vectors: only what changed is embedded.
  if (existsSync(join(TEST_INDEX_DIR, 'CURRENT'))) cpSync(TEST_INDEX_DIR, join(dir, 'index'), { recursive: true });
  env = { SEEDS_DIR: seeds, INDEX_DIR: join(dir, 'index'), MODEL_DIR: join(ROOT, 'models') };
  const run = spawnSync('npm', ['run', '--silent', 'ingest'], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  ingest = { status: run.status, stdout: run.stdout, stderr: run.stderr };
}, 300_000);
afterAll(() => {
  serve?.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('a refused file left in SEEDS_DIR', () => {
  test('ingest names it once, with the reason, and pdf.js prints no warning of its own', () => {
    expect(ingest.status, ingest.stderr).toBe(3);
    const output = `${ingest.stdout}\n${ingest.stderr}`;
    expect(output).not.toContain('Indexing all PDF objects');
    expect(output).not.toMatch(/^Warning:/m);
    expect(ingest.stdout.split('\n').filter((l) => l.startsWith('  ✗ broken-notice.pdf'))).toEqual([expect.stringContaining('the PDF could not be read')]);
  });

  test('npm start with the index current logs that the file is not served, and no pdf.js warning', async () => {
    serve = await startServe({ ...env, EMBED_PROCESSES: '1' });
    const line = await serve.log((l) => typeof l.msg === 'string' && l.msg.includes('not served'));
    expect(line.msg).toMatch(/^index: 1 file\(s\) in .*seeds are not served \(refused or superseded at the last ingest\): broken-notice\.pdf; `npm run ingest` says why/);
    // The index was current: nothing was ingested again.
    expect(serve.logs.some((l) => String(l.msg).includes('ingesting'))).toBe(false);
    expect(serve.stderr()).not.toContain('Indexing all PDF objects');
  });
});
