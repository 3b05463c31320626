import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { listSourceFiles, readCorpus } from '../../src/ingest/read-corpus.node.js';

const FIXTURE = readFileSync(join(import.meta.dirname, '../fixtures/2024-fixture-district-clinic-plan.txt'), 'utf8');

let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'policydesk-read-corpus-')), 'seeds');
  mkdirSync(dir);
});
afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

describe('readCorpus', () => {
  test('a damaged UTF-8 copy is ingested with a warning that says how many bytes were lost', async () => {
    const [first, ...rest] = FIXTURE.split('\n');
    writeFileSync(join(dir, 'plan.txt'), new Uint8Array([...Buffer.from(`${first}\n`), 0xff, ...Buffer.from(rest.join('\n'))]));
    const corpus = await readCorpus(dir);
    expect(corpus.documents.map((d) => d.docNumber)).toEqual(['示卫健发〔2024〕7号']);
    expect(corpus.problems).toEqual([expect.objectContaining({ fileName: 'plan.txt', severity: 'warning', reason: expect.stringMatching(/^1 byte\(s\) are not valid UTF-8/) })]);
  });

  test('editor lock files are skipped; other files are listed as not read; extension case is ignored', async () => {
    writeFileSync(join(dir, 'PLAN.TXT'), FIXTURE);
    writeFileSync(join(dir, '~$plan.docx'), 'lock');
    writeFileSync(join(dir, '.plan.txt.swp'), 'swap');
    writeFileSync(join(dir, 'notes.xlsx'), 'x');
    mkdirSync(join(dir, 'old'));
    expect(listSourceFiles(dir)).toMatchObject({ files: [{ fileName: 'PLAN.TXT' }], other: ['notes.xlsx'] });
    const corpus = await readCorpus(dir);
    expect(corpus.documents).toHaveLength(1);
    expect(corpus.problems).toEqual([expect.objectContaining({ fileName: 'notes.xlsx', severity: 'warning' })]);
  });
});
