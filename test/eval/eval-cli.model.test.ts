import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CORPUS_DIR } from '../support/corpus-dirs.js';
import { startServe } from '../support/start-serve.js';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);

/** Runs `npm run eval` (the real model and index) and returns its exit code and output. */
async function evalCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/eval.ts', ...args], { cwd: ROOT, maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policydesk-eval-cli-'));
  writeFileSync(
    join(dir, 'private.jsonl'),
    [
      {
        id: 'p-icu',
        question: '市级定点医院的重症床位要占总床位多少？',
        kind: 'number',
        gold: [{ doc: '沪卫医〔2023〕32号', anchor: '重症床位和可转换重症床位要达到总床位数的 20%' }],
        facts: ['20%'],
        owner: '医政处',
      },
      // The answer cannot hold this fact: fact recall stays below 1 whatever the tuning.
      {
        id: 'p-impossible',
        question: '重症床位的比例是多少？',
        kind: 'number',
        gold: [{ doc: '沪卫医〔2023〕32号', anchor: '重症床位和可转换重症床位要达到总床位数的 20%' }],
        facts: ['九十九张床'],
        ticket: 7,
      },
      { id: 'p-ooc', question: '北京市2023年医政医管工作要点的重点任务有哪些？', kind: 'out-of-corpus', abstain: true },
    ]
      .map((c) => JSON.stringify(c))
      .join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run eval (real model and index)', () => {
  test('--questions runs a private set, keeping its extra fields in the JSON and HTML report', async () => {
    const out = join(dir, 'reports');
    const result = await evalCli(['--questions', join(dir, 'private.jsonl'), '--no-baselines', '--baseline', join(dir, 'none.json'), '--report-dir', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('3 cases from');
    // No baseline for these questions: NOT GATED, never PASS, and the failing cases listed before any table.
    const lines = result.stdout.split('\n');
    expect(lines[3]).toBe('NOT GATED');
    expect(result.stdout).not.toMatch(/^PASS/m);
    const failing = lines.findIndex((l) => l.startsWith('failing cases: '));
    expect(failing).toBeGreaterThan(3);
    expect(failing).toBeLessThan(lines.findIndex((l) => l.includes('hit@1')));
    expect(lines.slice(failing + 1).find((l) => l.startsWith('  p-impossible: '))).toContain('facts missing: 九十九张床');
    const json = readdirSync(out).find((f) => f.endsWith('.json'))!;
    const report = JSON.parse(readFileSync(join(out, json), 'utf8')) as { cases: Array<{ id: string; extra: unknown }> };
    expect(report.cases.map((c) => [c.id, c.extra])).toEqual([
      ['p-icu', { owner: '医政处' }],
      ['p-impossible', { ticket: 7 }],
      ['p-ooc', {}],
    ]);
    const html = readFileSync(join(out, json.replace(/\.json$/, '.html')), 'utf8');
    expect(html).toContain('facts missing: 九十九张床');
  });

  test('a metric below the baseline beyond its tolerance fails the run, naming the metric', async () => {
    const baseline = join(dir, 'baseline.json');
    const questions = join(dir, 'private.jsonl');
    const recorded = { recordedAt: 'test', questions, mode: 'hybrid', metrics: {}, groups: { all: { factRecall: 1, hit1: 1 } }, tolerances: { factRecall: 0.1 }, defaultTolerance: 0, cases: {} };
    writeFileSync(baseline, JSON.stringify(recorded));
    const result = await evalCli(['--questions', questions, '--no-baselines', '--baseline', baseline, '--report-dir', join(dir, 'r2')]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').slice(3, 5)).toEqual(['FAIL', '  - all factRecall: 1 -> 0.5 (tolerance 0.1)']);
    expect(result.stdout).not.toMatch(/all hit1:/);
    expect(result.stderr).toContain('--accept');
  });

  test('--accept refuses a metric drop on unchanged documents and names --because; with a reason it records it in the change log', async () => {
    const evals = join(dir, 'because-evals');
    const questions = join(dir, 'because.jsonl');
    writeFileSync(questions, readFileSync(join(dir, 'private.jsonl')));
    // A baseline that says fact recall was 1: this run's 0.5 is a drop beyond the tolerance, with the documents unchanged.
    const baselinePath = join(dir, 'because.baseline.json');
    const answered = { rank: 1, abstained: false, factRecall: 1, answeredCorrectly: true };
    const recorded = {
      recordedAt: 'test',
      questions,
      mode: 'hybrid',
      metrics: {},
      groups: { all: { factRecall: 1 } },
      tolerances: {},
      defaultTolerance: 0.02,
      cases: { 'p-icu': answered, 'p-impossible': answered, 'p-ooc': { rank: null, abstained: true, factRecall: null } },
    };
    writeFileSync(baselinePath, JSON.stringify(recorded));
    const args = ['--questions', questions, '--no-baselines', '--evals-dir', evals, '--report-dir', join(dir, 'r5')];

    const refused = await evalCli([...args, '--accept']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('ACCEPT REFUSED');
    expect(refused.stderr).toContain('--accept --because');
    expect(JSON.parse(readFileSync(baselinePath, 'utf8'))).toEqual(recorded);

    expect((await evalCli([...args, '--because', 'a reason'])).stderr).toContain('use it with --accept');
    expect((await evalCli([...args, '--accept', '--because', ' '])).stderr).toContain('--because needs a reason');

    const accepted = await evalCli([...args, '--accept', '--because', 'figure questions the documents do not answer are no longer answered with confidence']);
    expect(accepted.code, accepted.stdout + accepted.stderr).toBe(0);
    const log = readFileSync(join(evals, 'CHANGELOG.md'), 'utf8');
    expect(log).toContain('Recorded with regressions of the gated metrics, because: figure questions the documents do not answer are no longer answered with confidence');
    expect(log).toContain('- all factRecall: 1 -> 0.5 (tolerance 0.02)');
    expect(JSON.parse(readFileSync(baselinePath, 'utf8')).groups.all.factRecall).toBe(0.5);
  });

  test('--questions FILE --update-baseline records FILE.baseline.json beside it and leaves evals/baseline.json byte for byte', async () => {
    const suiteBaseline = readFileSync(join(ROOT, 'evals/baseline.json'));
    const questions = join(dir, 'private.jsonl');
    const result = await evalCli(['--questions', questions, '--no-baselines', '--update-baseline', '--report-dir', join(dir, 'r4')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`baseline recorded in ${join(dir, 'private.baseline.json')}`);
    expect(JSON.parse(readFileSync(join(dir, 'private.baseline.json'), 'utf8'))).toMatchObject({ questions, mode: 'hybrid' });
    expect(readFileSync(join(ROOT, 'evals/baseline.json')).equals(suiteBaseline)).toBe(true);
    // Recorded once: a second --update-baseline refuses and names --accept, still touching nothing.
    const again = await evalCli(['--questions', questions, '--no-baselines', '--update-baseline', '--report-dir', join(dir, 'r4')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`npm run eval -- --accept --questions ${questions}`);
    expect(readFileSync(join(ROOT, 'evals/baseline.json')).equals(suiteBaseline)).toBe(true);
  });

  test('a baseline recorded for other questions is reported against, not gated', async () => {
    const baseline = join(dir, 'suite-baseline.json');
    writeFileSync(baseline, JSON.stringify({ recordedAt: 'test', questions: 'evals/suite.json', metrics: {}, groups: { all: { factRecall: 1 } }, cases: {} }));
    const result = await evalCli(['--questions', join(dir, 'private.jsonl'), '--no-baselines', '--baseline', baseline, '--report-dir', join(dir, 'r3')]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[3]).toBe('NOT GATED');
    expect(result.stdout).toContain(`${baseline} was recorded for evals/suite.json (hybrid), not for ${join(dir, 'private.jsonl')} (hybrid)`);
    expect(result.stdout).not.toMatch(/factRecall: 1 ->/);
  });

  test('--gold-corpus locates an anchor the corpus does not hold as written through the text it was printed from, by the same numbered point', async () => {
    // The test index stands for the scan and `printed` for the text it was printed from: the case's anchor is the printed
    // text's (评估能カ机制), which the index holds one character otherwise (评估能力机制), as when OCR misreads one.
    const printed = join(dir, 'printed');
    mkdirSync(printed);
    const file = '2025-putuo-medical-administration-priorities.txt';
    writeFileSync(join(printed, file), readFileSync(join(CORPUS_DIR, file), 'utf8').replace('评估能力机制', '评估能カ机制'));
    const questions = join(dir, 'scanned.jsonl');
    const anchor = '建立健全临床特色专科专病评估能カ机制';
    writeFileSync(questions, JSON.stringify({ id: 's-1', question: '普陀区怎么推进临床特色专科专病建设？', kind: 'paraphrase', gold: [{ doc: '普卫健医〔2025〕3号', anchor }] }));
    const args = ['--questions', questions, '--no-baselines', '--baseline', join(dir, 'none.json')];

    const strict = await evalCli([...args, '--report-dir', join(dir, 'r6')]);
    expect(strict.stdout).toContain('stale cases (gold anchor no longer found; they count as failures until accepted or fixed): 1');
    const tolerant = await evalCli([...args, '--gold-corpus', printed, '--report-dir', join(dir, 'r7')]);
    expect(tolerant.code, tolerant.stderr).toBe(0);
    expect(tolerant.stdout).not.toContain('stale cases');
    expect(tolerant.stdout).toContain(`located through ${printed} (the same numbered point, its text within 10 % of the reference's): 1 in 1 case(s)`);
    const report = JSON.parse(readFileSync(join(dir, 'r7', readdirSync(join(dir, 'r7')).find((f) => f.endsWith('.json'))!), 'utf8')) as {
      cases: Array<{ goldPointIds: string[]; tolerated: string[] }>;
    };
    expect(report.cases[0]).toMatchObject({ goldPointIds: ['2025-putuo-medical-administration-priorities#1.3'], tolerated: [anchor] });

    const refused = await evalCli([...args, '--gold-corpus', printed, '--update-baseline']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--gold-corpus measures a scanned corpus');
  });
  test('--target runs the questions against a running service (npm start) and writes its JSON report', async () => {
    const dataDir = join(dir, 'serve-data');
    mkdirSync(dataDir);
    const serve = await startServe({ DATA_DIR: dataDir, EMBED_PROCESSES: '0' });
    try {
      const out = join(dir, 'target-reports');
      const result = await evalCli(['--target', serve.url, '--questions', join(dir, 'private.jsonl'), '--baseline', join(dir, 'none-target.json'), '--report-dir', out]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`against ${serve.url}`);
      const file = readdirSync(out).find((f) => f.endsWith('-target.json'));
      expect(result.stdout).toContain(`report: ${join(out, file!)}`);
      const report = JSON.parse(readFileSync(join(out, file!), 'utf8')) as { target: string; cases: Array<{ id: string; answeredCorrectly: boolean; expectAbstain: boolean }> };
      expect(report.target).toBe(serve.url);
      expect(report.cases.map((c) => c.id).sort()).toEqual(['p-icu', 'p-impossible', 'p-ooc']);
      expect(report.cases.find((c) => c.id === 'p-icu')!.answeredCorrectly).toBe(true);
    } finally {
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
  });
});
