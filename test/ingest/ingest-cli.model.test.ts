import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNpm, type NpmRun } from '../support/run-npm.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { docxFile, gb18030, governmentPage, layoutLines, noticeTitle, paragraphs, pdfkitPdf } from './support/render-document.js';
import { CORPUS_DIR, TEST_INDEX_DIR } from '../support/corpus-dirs.js';

/**
 * `npm run ingest` and `npm run ask` as a policy officer runs them, on a seeds folder holding the
 * five documents in five formats, a revision, a duplicated 文号 and files that cannot be read.
 */
const ROOT = join(import.meta.dirname, '../..');
const FIXTURE = readFileSync(join(ROOT, 'test/fixtures/2024-fixture-district-clinic-plan.txt'), 'utf8');
const seed = (name: string) => readFileSync(join(CORPUS_DIR, name), 'utf8');

let dir: string;
let seedsDir: string;
let env: Record<string, string>;

type Run = NpmRun;

function npm(args: string[]): Promise<Run> {
  return runNpm(args, env);
}

/** Answers to direct citations (`文号第N条`), which the pipeline looks up without ranking. */
async function ask(questions: string[]): Promise<Array<{ answer: string; citations: Array<{ docNumber: string; title: string; text: string }> }>> {
  const batch = join(dir, 'questions.jsonl');
  writeFileSync(batch, questions.map((question, id) => JSON.stringify({ id, question })).join('\n'));
  const run = await npm(['ask', '--', '--json', '--batch', batch]);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

let first: Run;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policydesk-ingest-cli-'));
  seedsDir = join(dir, 'seeds');
  mkdirSync(seedsDir);
  // The repository's index, when built, only lends its vectors: unchanged passage text is not embedded again.
  if (existsSync(join(TEST_INDEX_DIR, 'CURRENT'))) cpSync(TEST_INDEX_DIR, join(dir, 'index'), { recursive: true });
  env = { SEEDS_DIR: seedsDir, INDEX_DIR: join(dir, 'index'), MODEL_DIR: join(ROOT, 'models') };

  const health = layoutLines(seed('2023-shanghai-health-work-priorities.txt'));
  const putuo = layoutLines(seed('2025-putuo-medical-administration-priorities.txt'));
  writeFileSync(join(seedsDir, '2021-shanghai-public-hospital-high-quality-development-plan.txt'), seed('2021-shanghai-public-hospital-high-quality-development-plan.txt'));
  writeFileSync(join(seedsDir, '2023-changning-medical-work-plan.TXT'), gb18030(seed('2023-changning-medical-work-plan.txt')));
  writeFileSync(join(seedsDir, '2023-shanghai-health-work-priorities.docx'), await docxFile(paragraphs(health), '上海市卫生健康委员会文件'));
  writeFileSync(
    join(seedsDir, '2023-shanghai-medical-administration-priorities.pdf'),
    await pdfkitPdf(layoutLines(seed('2023-shanghai-medical-administration-priorities.txt')), '上海市卫生健康委员会'),
  );
  writeFileSync(
    join(seedsDir, '2025-putuo-medical-administration-priorities.html'),
    governmentPage(paragraphs(putuo), { pageTitle: noticeTitle(putuo), date: '2025-04-18', source: '上海市普陀区卫生健康委员会' }),
  );

  // A revision (later date, 修订 in the title) and the version it revises, under one 文号.
  writeFileSync(join(seedsDir, '2024-clinic-plan.txt'), FIXTURE);
  const revisedTitle = '2024年示例区社区诊疗工作计划（修订）';
  writeFileSync(
    join(seedsDir, '2024-clinic-plan-revised.txt'),
    FIXTURE.replaceAll('2024年示例区社区诊疗工作计划', revisedTitle)
      .replace('2024 年示例区社区诊疗工作计划', revisedTitle)
      .replace('2024年3月15日\n', '2024年6月20日\n')
      .replace('晚上八点', '晚上九点'),
  );
  // Two different documents claiming one 文号: which is right cannot be guessed.
  const other = FIXTURE.replace('示卫健发〔2024〕7号', '示卫健发〔2024〕8号');
  writeFileSync(join(seedsDir, '2024-nursing-plan.txt'), other.replaceAll('社区诊疗', '护理'));
  writeFileSync(join(seedsDir, '2024-pharmacy-plan.txt'), other.replaceAll('社区诊疗', '药事'));
  // Files that cannot be ingested.
  writeFileSync(join(seedsDir, 'empty.txt'), '');
  writeFileSync(
    join(seedsDir, 'scan-of-notice.txt'),
    Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256),
  );
  writeFileSync(join(seedsDir, 'meeting-minutes.txt'), '会议纪要\n\n一、会议议定事项\n\n1.请各单位按时报送材料。');
  writeFileSync(join(seedsDir, 'old-notice.doc'), Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]));

  first = await npm(['ingest']);
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run ingest: one bad file never blocks the rest', () => {
  test('exits 3, names each refused file with the reason and what to do', () => {
    expect(first.status, first.stderr).toBe(3);
    const out = first.stdout;
    expect(out.split('\n')[0]).toMatch(/^ingest: 6 documents, .*; 5 file\(s\) REFUSED: /);
    const line = (file: string) => out.split('\n').find((l) => l.includes(`${file}:`)) ?? '';
    expect(line('empty.txt')).toMatch(/✗ empty\.txt: the file is empty\. .+/);
    expect(line('scan-of-notice.txt')).toMatch(/✗ .*not text in UTF-8 or GB18030.*\. Save the document as plain text/);
    expect(line('meeting-minutes.txt')).toMatch(/✗ .*no document number \(文号\).*\. Check that this is a policy document/);
    expect(line('2024-nursing-plan.txt')).toMatch(/✗ .*2024-pharmacy-plan\.txt .*same 文号 示卫健发〔2024〕8号; both refused\. .*修订/);
    expect(line('2024-pharmacy-plan.txt')).toMatch(/✗ .*2024-nursing-plan\.txt .*both refused/);
    expect(line('2024-clinic-plan.txt')).toMatch(/! .*superseded: 2024-clinic-plan-revised\.txt .*only the revision is served\. Remove 2024-clinic-plan\.txt/);
    expect(line('old-notice.doc')).toMatch(/! .*not read.*Save it as \.docx/);
    expect(first.stderr).toMatch(/5 file\(s\) refused; the other documents are indexed and served \(exit 3\)/);
  });

  test('the documents read from .TXT (GB18030), .docx, .pdf and .html, and the revision, are indexed and answer', async () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'index', readFileSync(join(dir, 'index/CURRENT'), 'utf8').trim(), 'manifest.json'), 'utf8'));
    expect(manifest.documents.map((d: { sourceFile: string }) => d.sourceFile).sort()).toEqual([
      '2021-shanghai-public-hospital-high-quality-development-plan.txt',
      '2023-changning-medical-work-plan.TXT',
      '2023-shanghai-health-work-priorities.docx',
      '2023-shanghai-medical-administration-priorities.pdf',
      '2024-clinic-plan-revised.txt',
      '2025-putuo-medical-administration-priorities.html',
    ]);
    const answers = await ask(['长卫健发〔2023〕20号第1条', '沪卫发〔2023〕2号第8条', '沪卫医〔2023〕32号第5条', '普卫健医〔2025〕3号第1条', '示卫健发〔2024〕7号第1条']);
    expect(answers.map((a) => a.citations[0]?.docNumber)).toEqual(['长卫健发〔2023〕20号', '沪卫发〔2023〕2号', '沪卫医〔2023〕32号', '普卫健医〔2025〕3号', '示卫健发〔2024〕7号']);
    expect(answers[4]!.citations[0]!.title).toContain('修订');
    expect(answers[4]!.citations[0]!.text).toContain('晚上九点');
  });

  test('a good file replaced by a broken one: reported, and the version indexed before is still served', async () => {
    writeFileSync(
      join(seedsDir, '2023-shanghai-health-work-priorities.docx'),
      Uint8Array.from({ length: 512 }, (_, i) => (i * 31) % 256),
    );
    const run = await npm(['ingest']);
    expect(run.status, run.stderr).toBe(3);
    expect(run.stdout).toMatch(
      /✗ 2023-shanghai-health-work-priorities\.docx: it is not a Word \.docx file\. .*Until then the version indexed before \(沪卫发〔2023〕2号, 2023-02-21\) is still served\./,
    );
    const [answer] = await ask(['沪卫发〔2023〕2号第8条']);
    expect(answer!.citations[0]!.docNumber).toBe('沪卫发〔2023〕2号');
  });

  test('with every file fixed or removed, ingest exits 0', async () => {
    for (const f of ['empty.txt', 'scan-of-notice.txt', 'meeting-minutes.txt', '2024-nursing-plan.txt', '2024-clinic-plan.txt']) rmSync(join(seedsDir, f));
    writeFileSync(join(seedsDir, '2023-shanghai-health-work-priorities.docx'), await docxFile(paragraphs(layoutLines(seed('2023-shanghai-health-work-priorities.txt'))), '上海市卫生健康委员会文件'));
    const run = await npm(['ingest']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/REFUSED|✗/);
    expect(run.stdout).toMatch(/ingest: 7 documents/);
  });
});
