import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNpm, type NpmRun } from '../support/run-npm.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseEvalCases } from '../../src/eval/eval-case.js';
import { suiteSchema } from '../../src/eval/load-suite.js';
import { docxFile, layoutLines, paragraphs, pdfkitPdf } from '../ingest/support/render-document.js';
import { CORPUS_DIR, TEST_INDEX_DIR } from '../support/corpus-dirs.js';

/**
 * A corpus update accepted as a policy officer would, through the real commands (`npm run ingest`,
 * `npm run eval`), on a copy of the test corpus and of the eval suite (`--evals-dir`), never the
 * repository's own evals/: add a PDF and a Word notice, edit a point, remove a document; the eval
 * fails with its reasons; `--accept` retires and re-anchors; the next eval passes; a regression
 * after that fails.
 */
const ROOT = join(import.meta.dirname, '../..');
const FIXTURE = readFileSync(join(ROOT, 'test/fixtures/2024-fixture-district-clinic-plan.txt'), 'utf8');
const REMOVED = '2023-changning-medical-work-plan';
const REMOVED_NUMBER = '长卫健发〔2023〕20号';
const EDITED = '2025-putuo-medical-administration-priorities';
/** The case whose anchor (开展“免陪照护服务”试点) is in the edited point; its fact (免陪照护服务) stays. */
const EDITED_CASE = 'pt25-no-escort-care';

type Run = NpmRun;

let dir: string;
let evals: string;
let seeds: string;
let env: Record<string, string>;

function npm(args: string[]): Promise<Run> {
  return runNpm(args, env);
}
const evalRun = (...args: string[]) => npm(['eval', '--', '--evals-dir', evals, '--no-baselines', ...args]);
const suiteFiles = () => suiteSchema.parse(JSON.parse(readFileSync(join(evals, 'suite.json'), 'utf8'))).sets.map((s) => join(dir, s.path));
const allCases = () => suiteFiles().flatMap((f) => parseEvalCases(readFileSync(f, 'utf8'), f));

let removedCases: string[];
/** Cases anchored in the text the edit changes. */
let editedCases: string[];
let repoBaseline: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policydesk-accept-'));
  seeds = join(dir, 'seeds');
  evals = join(dir, 'evals');
  mkdirSync(seeds);
  mkdirSync(evals);
  for (const f of readdirSync(CORPUS_DIR)) copyFileSync(join(CORPUS_DIR, f), join(seeds, f));
  // One set of the committed suite (the ordinary cases, as suite.json splits them), so that a set
  // added to the repository's suite later does not change what this test's update does; paths are
  // relative to the folder above evals/.
  const committed = suiteSchema.parse(JSON.parse(readFileSync(join(ROOT, 'evals/suite.json'), 'utf8')));
  writeFileSync(join(evals, 'suite.json'), JSON.stringify({ sets: committed.sets.filter((s) => s.name === 'ordinary') }, null, 2));
  for (const f of suiteFiles()) copyFileSync(join(ROOT, 'evals', f.slice(evals.length + 1)), f);
  if (existsSync(join(TEST_INDEX_DIR, 'CURRENT'))) cpSync(TEST_INDEX_DIR, join(dir, 'index'), { recursive: true });
  env = { SEEDS_DIR: seeds, INDEX_DIR: join(dir, 'index'), MODEL_DIR: join(ROOT, 'models') };
  removedCases = allCases()
    .filter((c) => c.gold.some((g) => g.doc === REMOVED_NUMBER))
    .map((c) => c.id);
  editedCases = allCases()
    .filter((c) => c.gold.some((g) => g.anchor.replace(/\s/g, '').includes('开展“免陪照护服务”试点')))
    .map((c) => c.id);
  repoBaseline = readFileSync(join(ROOT, 'evals/baseline.json'), 'utf8');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('accepting a corpus update through the real CLI', () => {
  test('the first baseline is recorded; --update-baseline then refuses and names --accept', async () => {
    const first = await evalRun('--update-baseline');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`baseline recorded in ${join(evals, 'baseline.json')}`);
    const again = await evalRun('--update-baseline');
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/--update-baseline records a first baseline only\. Run `npm run eval -- --accept`/);
    const plain = await evalRun();
    expect(plain.status, plain.stdout).toBe(0);
    expect(plain.stdout.split('\n').slice(0, 4).join('\n')).toMatch(/PolicyDesk eval: \d+ cases from evals\/suite\.json, against .*baseline\.json.*\n\nPASS/);
  }, 600_000);

  test('--questions FILE --update-baseline writes FILE.baseline.json and leaves the suite baseline byte for byte', async () => {
    const suiteBaseline = readFileSync(join(evals, 'baseline.json'), 'utf8');
    const team = join(dir, 'team.jsonl');
    writeFileSync(team, `${readFileSync(join(evals, 'cases.jsonl'), 'utf8').split('\n').slice(0, 4).join('\n')}\n`);
    const run = await evalRun('--questions', team, '--update-baseline');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`baseline recorded in ${join(dir, 'team.baseline.json')}`);
    expect(JSON.parse(readFileSync(join(dir, 'team.baseline.json'), 'utf8')).questions).toBe(team);
    expect(readFileSync(join(evals, 'baseline.json'), 'utf8')).toBe(suiteBaseline);
    // Nor does it touch the repository's: the suite stays gated by its own baseline.
    expect(readFileSync(join(ROOT, 'evals/baseline.json'), 'utf8')).toBe(repoBaseline);
    // Run without --update-baseline, the file is now gated by its own baseline.
    const gated = await evalRun('--questions', team);
    expect(gated.stdout).toMatch(/against .*team\.baseline\.json/);
    expect(gated.stdout.split('\n')[3]).toBe('PASS');
  }, 600_000);

  let failing: Run;
  test('the update (a PDF and a Word notice added, a point edited, a document removed): eval fails, verdict and reasons first', async () => {
    writeFileSync(join(seeds, '2024-fixture-district-clinic-plan.pdf'), await pdfkitPdf(layoutLines(FIXTURE), '示例区卫生健康委员会'));
    const nursing = FIXTURE.replace('示卫健发〔2024〕7号', '示卫健发〔2024〕8号').replaceAll('社区诊疗', '护理');
    writeFileSync(join(seeds, '2024-fixture-district-nursing-plan.docx'), await docxFile(paragraphs(layoutLines(nursing)), '示例区卫生健康委员会文件'));
    const edited = join(seeds, `${EDITED}.txt`);
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('开展“免陪照护服务”试点', '全面推广“免陪照护服务”试点'));
    unlinkSync(join(seeds, `${REMOVED}.txt`));
    const ingest = await npm(['ingest']);
    expect(ingest.status, ingest.stderr).toBe(0);
    expect(ingest.stdout).toContain(`- document ${REMOVED_NUMBER}《2023年长宁区医疗工作计划》`);
    expect(ingest.stdout).toContain('+ document 示卫健发〔2024〕7号《2024年示例区社区诊疗工作计划》');
    expect(ingest.stdout).toContain('+ document 示卫健发〔2024〕8号《2024年示例区护理工作计划》');

    failing = await evalRun();
    writeFileSync(join(dir, 'failing-update.txt'), failing.stdout);
    expect(failing.status, failing.stdout).toBe(1);
    const lines = failing.stdout.split('\n');
    expect(lines[3]).toBe('FAIL');
    const head = lines.slice(
      0,
      lines.findIndex((l) => l.startsWith('full (hybrid), by split')),
    );
    const text = head.join('\n');
    expect(editedCases).toContain(EDITED_CASE);
    expect(text).toContain(`the documents changed since the baseline: ${editedCases.length} case(s) with an edited gold point, ${removedCases.length} with a removed document`);
    expect(text).toContain(`${removedCases.length + editedCases.length} stale case(s)`);
    expect(text).toMatch(
      /documents changed since the baseline:\n {2}\+ 示卫健发〔2024〕7号《2024年示例区社区诊疗工作计划》 \(2024-03-15\)\n {2}\+ 示卫健发〔2024〕8号《2024年示例区护理工作计划》 \(2024-03-15\)\n {2}~ 普卫健医〔2025〕3号《2025年普陀区医政医管工作要点》 \(2025-04-18\)\n {2}- 长卫健发〔2023〕20号《2023年长宁区医疗工作计划》 \(2023-03-08\)/,
    );
    expect(text).toMatch(new RegExp(`${EDITED_CASE}: \\[gold-edited\\] gold point 普卫健医〔2025〕3号第三部分第11条 edited: .*\\[-开展-\\]\\{\\+全面推广\\+\\}`));
    expect(text).toContain('(in the diffs, [-text-] is text removed and {+text+} text added)');
    // Verdict, documents and cases come before any table.
    expect(head.some((l) => l.includes('hit@1'))).toBe(false);
  }, 600_000);

  test("--accept retires the removed document's cases, re-anchors the edited one, records the baseline and the change log", async () => {
    const before = allCases().map((c) => c.id);
    const accept = await evalRun('--accept');
    expect(accept.status, `${accept.stdout}\n${accept.stderr}`).toBe(0);
    expect(accept.stdout).toContain(`accept: ${removedCases.length} case(s) to retire (document removed), ${editedCases.length} to re-anchor`);
    expect(accept.stdout).toContain('ACCEPTED');

    // Retired, not deleted: moved to evals/retired/<set>.jsonl with the document's 文号 and the date.
    const now = allCases();
    expect(now.map((c) => c.id).sort()).toEqual(before.filter((id) => !removedCases.includes(id)).sort());
    const retired = readdirSync(join(evals, 'retired')).flatMap((f) => parseEvalCases(readFileSync(join(evals, 'retired', f), 'utf8'), f));
    expect(retired.map((c) => c.id).sort()).toEqual([...removedCases].sort());
    const today = new Date().toISOString().slice(0, 10);
    for (const c of retired) expect(c.retired).toEqual({ on: today, reason: 'document removed from the corpus', documents: [{ docNumber: REMOVED_NUMBER, title: '2023年长宁区医疗工作计划' }] });

    // Re-anchored on the edited text, its facts unchanged.
    const edited = now.find((c) => c.id === EDITED_CASE)!;
    expect(edited.gold[0]!.anchor).not.toBe('开展“免陪照护服务”试点');
    expect(readFileSync(join(seeds, `${EDITED}.txt`), 'utf8').replace(/\s/g, '')).toContain(edited.gold[0]!.anchor.replace(/\s/g, ''));
    expect(edited.facts).toEqual(['免陪照护服务']);

    const log = readFileSync(join(evals, 'CHANGELOG.md'), 'utf8');
    expect(log).toContain(`## ${today}: accepted update of evals/suite.json`);
    expect(log).toContain('Documents added: 示卫健发〔2024〕7号《2024年示例区社区诊疗工作计划》');
    expect(log).toContain(`Documents removed: ${REMOVED_NUMBER}《2023年长宁区医疗工作计划》`);
    expect(log).toContain('Documents edited: 普卫健医〔2025〕3号《2025年普陀区医政医管工作要点》');
    expect(log).toContain(`Cases retired to \`${join(evals, 'retired')}/\` (their document was removed): ${removedCases.length}`);
    expect(log).toMatch(new RegExp(`- \`${EDITED_CASE}\` \\(ordinary\\), 普卫健医〔2025〕3号第三部分第11条: 「开展“免陪照护服务”试点」 -> 「.+」`));
    expect(log).toMatch(/\| held-out \| [\d.]+ -> [\d.]+ \|/);
  }, 600_000);

  test('the next eval passes; a regression after that fails, naming the cases', async () => {
    const next = await evalRun();
    expect(next.status, next.stdout).toBe(0);
    expect(next.stdout.split('\n')[3]).toBe('PASS');

    // A regression: the city's notice copied by a district (another issuer) now answers questions the city's notice answered.
    copyFileSync(join(ROOT, 'test/fixtures/successor/2024-jingan-medical-administration-priorities.txt'), join(seeds, '2024-jingan-medical-administration-priorities.txt'));
    expect((await npm(['ingest'])).status).toBe(0);
    const regressed = await evalRun();
    expect(regressed.status, regressed.stdout).toBe(1);
    expect(regressed.stdout.split('\n')[3]).toBe('FAIL');
    expect(regressed.stdout).toMatch(/case\(s\) now failing, not explained by the document changes: regressions \(.+\)/);
    expect(regressed.stdout).toMatch(/\[regression\]: .*\n.*\n\s+why: now answered from 静卫健医〔2024〕6号《2024年静安区医政医管工作要点》.*does not replace the gold document: another issuer/);
    // And --accept refuses it, naming the cases, writing nothing.
    const baseline = readFileSync(join(evals, 'baseline.json'), 'utf8');
    const refused = await evalRun('--accept');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('ACCEPT REFUSED: nothing was written.');
    expect(refused.stdout).toMatch(/ {2}regression \S+: .*another issuer/);
    expect(readFileSync(join(evals, 'baseline.json'), 'utf8')).toBe(baseline);
  }, 600_000);
});
