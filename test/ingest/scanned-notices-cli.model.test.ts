import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNpm, type NpmRun } from '../support/run-npm.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CORPUS_DIR, TEST_INDEX_DIR } from '../support/corpus-dirs.js';
import { layoutLines } from './support/render-document.js';
import { mixedPdf, scanPages } from './support/render-scan.js';

/**
 * `npm run ingest` and `npm run ask` on scans, with the real OCR models: a notice whose first page
 * has a text layer and whose second is a scan (a mixed PDF), and the first page of another notice
 * as a .png. A second ingest reads both from the text cache; with OCR=0 the image is refused.
 */
const ROOT = join(import.meta.dirname, '../..');
const FIXTURE = readFileSync(join(ROOT, 'test/fixtures/2024-fixture-district-clinic-plan.txt'), 'utf8');
const PUTUO = readFileSync(join(CORPUS_DIR, '2025-putuo-medical-administration-priorities.txt'), 'utf8');

let dir: string;
let env: Record<string, string>;

type Run = NpmRun;

function npm(args: string[], extra: Record<string, string> = {}): Promise<Run> {
  return runNpm(args, { ...env, ...extra });
}

const pointText = (source: string, n: number) =>
  layoutLines(source)
    .find((l) => l.startsWith(`${n}. `))!
    .replace(/^\d+\.\s*/, '');

let first: Run;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policydesk-scanned-cli-'));
  const seedsDir = join(dir, 'seeds');
  mkdirSync(seedsDir);
  if (existsSync(join(TEST_INDEX_DIR, 'CURRENT'))) cpSync(TEST_INDEX_DIR, join(dir, 'index'), { recursive: true });
  env = { SEEDS_DIR: seedsDir, INDEX_DIR: join(dir, 'index'), MODEL_DIR: join(ROOT, 'models') };

  // Mixed: the cover notice and section 一 typed, section 二 (points 3 and 4) scanned.
  const lines = layoutLines(FIXTURE);
  const split = lines.findIndex((l) => l.startsWith('二、'));
  writeFileSync(join(seedsDir, '2024-fixture-district-clinic-plan.pdf'), await mixedPdf(lines.slice(0, split), scanPages(lines.slice(split), { dpi: 150, rotate: -0.3, noise: 0.002 })));
  // A .png: page 1 of a red-header notice, scanned at 200 dpi.
  writeFileSync(join(seedsDir, '2025-putuo-medical-administration-priorities.png'), scanPages(layoutLines(PUTUO), { dpi: 200, rotate: 0.4, noise: 0.002 })[0]!);
  first = await npm(['ingest']);
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scanned notices through npm run ingest and npm run ask', () => {
  test('both files are indexed; the report lists the pages OCR read, with confidence; progress went to stderr as plain lines', () => {
    expect(first.status, first.stderr + first.stdout).toBe(0);
    expect(first.stdout.split('\n')[0]).toMatch(/^ingest: 2 documents, /);
    expect(first.stdout).toMatch(/◧ 2024-fixture-district-clinic-plan\.pdf: 1 page\(s\) OCR'd, \d+ lines, mean confidence 0\.9\d\d, \d+ line\(s\) below 0\.9/);
    expect(first.stdout).toMatch(/◧ 2025-putuo-medical-administration-priorities\.png: 1 page\(s\) OCR'd/);
    expect(first.stderr).toMatch(/^ocr 2024-fixture-district-clinic-plan\.pdf: 1\/1$/m);
    expect(first.stderr).not.toContain('\x1b[K');
  });

  test('points on the scanned page of the mixed PDF, and of the .png, are cited with the printed text', async () => {
    const batch = join(dir, 'questions.jsonl');
    const questions = ['示卫健发〔2024〕7号第1条', '示卫健发〔2024〕7号第3条', '示卫健发〔2024〕7号第4条', '普卫健医〔2025〕3号第1条'];
    writeFileSync(batch, questions.map((question, id) => JSON.stringify({ id, question })).join('\n'));
    const run = await npm(['ask', '--', '--json', '--batch', batch]);
    expect(run.status, run.stderr).toBe(0);
    const answers: Array<{ citations: Array<{ docNumber: string; issuer: string; date: string; text: string }> }> = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers.map((a) => a.citations[0]?.docNumber)).toEqual(['示卫健发〔2024〕7号', '示卫健发〔2024〕7号', '示卫健发〔2024〕7号', '普卫健医〔2025〕3号']);
    expect(answers[0]!.citations[0]!.text).toBe(pointText(FIXTURE, 1));
    expect(answers[1]!.citations[0]!.text).toBe(pointText(FIXTURE, 3));
    expect(answers[2]!.citations[0]!.text).toBe(pointText(FIXTURE, 4));
    expect(answers[3]!.citations[0]).toMatchObject({ issuer: '上海市普陀区卫生健康委员会', date: '2025-04-18' });
    // Page 1 of the .png ends inside point 1 or 2: what it printed of point 1 is cited.
    expect(answers[3]!.citations[0]!.text.slice(0, 40)).toBe(pointText(PUTUO, 1).slice(0, 40));
  });

  test('a second ingest reads nothing again: both files come from the text cache', async () => {
    const again = await npm(['ingest']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).not.toMatch(/^ocr /m);
    expect(again.stdout).toMatch(/^ingest: 2 documents, \d+ passages \(0 embedded, \d+ reused\)/);
    expect(again.stdout).toMatch(/◧ 2025-putuo-medical-administration-priorities\.png: 1 page\(s\) OCR'd/);
  });

  test('with OCR=0 the image is refused with the setting named, and the version indexed before is still served', async () => {
    const off = await npm(['ingest'], { OCR: '0' });
    expect(off.status, off.stderr).toBe(3);
    expect(off.stdout).toMatch(/✗ 2025-putuo-medical-administration-priorities\.png: an image is read by OCR, which is off\. OCR is off \(OCR=0\): turn it on to read scans.*still served/);
  });
});
