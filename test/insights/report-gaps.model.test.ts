import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvalCases } from '../../src/eval/eval-case.js';
import { adjustedRandIndex } from '../../src/insights/adjusted-rand-index.js';
import type { GapReport } from '../../src/insights/gap-report.js';
import { startFakeSlackApi, type FakeSlackApi } from '../slack/support/fake-slack-api.js';
import { writeStaffLog, type StaffLog } from './support/write-staff-log.js';

const ROOT = join(import.meta.dirname, '../..');
let dataDir: string;
let api: FakeSlackApi;
let staff: StaffLog;
let run: { status: number; stdout: string; stderr: string };
let report: GapReport;

/**
 * `npm run report:gaps` on a log written for the test as staff would ask (7 topics the documents
 * do not cover × 8 paraphrases, 40 answered questions, one-offs, a 👎), with the real model:
 * the grouping is measured against the intended topics, and the digest goes to a recording Slack API.
 */
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'policydesk-gaps-'));
  api = await startFakeSlackApi();
  staff = await writeStaffLog(Date.now());
  await writeFile(join(dataDir, 'questions.jsonl'), staff.questions.map((q) => `${JSON.stringify(q)}\n`).join(''));
  await writeFile(join(dataDir, 'feedback.jsonl'), staff.feedback.map((f) => `${JSON.stringify(f)}\n`).join(''));
  // Not spawnSync: the recording Slack API answers from this process's event loop.
  run = await promisify(execFile)('npm', ['run', '--silent', 'report:gaps', '--', '--since', '30d', '--out', join(dataDir, 'out'), '--post-slack', 'C0GAPS'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, SLACK_BOT_TOKEN: 'xoxb-0000-gaps', SLACK_API_URL: api.url, PUBLIC_URL: 'https://policydesk.example.org/' },
  }).then(
    (r) => ({ status: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ status: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
  if (run.status === 0) report = JSON.parse(await readFile(join(dataDir, 'out', 'gaps.json'), 'utf8'));
}, 180_000);
afterAll(async () => {
  await api?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run report:gaps', () => {
  it('writes gaps.html, gaps.csv and gaps.json and says where', async () => {
    expect(run.status, String(run.stderr)).toBe(0);
    expect(run.stdout).toMatch(/report:gaps: \d+ questions from .*questions\.jsonl/);
    expect(await readFile(join(dataDir, 'out', 'gaps.html'), 'utf8')).toContain('<svg');
    const csv = await readFile(join(dataDir, 'out', 'gaps.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toContain('size,previous_size,trend');
    expect(csv.trim().split('\r\n')).toHaveLength(report.groups.length + 1);
  });

  it('groups the questions by their intended topics (adjusted Rand index)', () => {
    const truth: string[] = [];
    const predicted: number[] = [];
    report.groups.forEach((g, i) => {
      for (const q of g.allQuestions) {
        truth.push(staff.intended.get(q) ?? `unexpected:${q}`);
        predicted.push(i);
      }
    });
    // Every gap question of the period is in exactly one group, and no answered one is.
    expect(truth.filter((t) => t.startsWith('unexpected')).length).toBe(0);
    expect(truth.length).toBe(staff.intended.size);
    const ari = adjustedRandIndex(truth, predicted);
    console.log(`gap grouping: adjusted Rand index ${ari.toFixed(3)} at cosine ≥ ${report.threshold} over ${truth.length} questions, ${report.groups.length} groups`);
    expect(ari).toBeGreaterThanOrEqual(0.8);
  });

  it('counts the period, trends against the previous one, and names owners', () => {
    expect(report.totals).toMatchObject({ questions: 56 + 8 + 40, high: 40, down: 1 });
    const parking = report.groups.find((g) => g.allQuestions.includes('职工停车位怎么申请？'))!;
    expect(parking).toMatchObject({ previousSize: 3, trend: 'up' });
    for (const g of report.groups) if (g.nearest) expect(g.owner).toEqual(expect.any(String));
    expect(report.summary).toHaveLength(3);
    expect(report.weekly.reduce((s, w) => s + w.high + w.low + w.declined, 0)).toBe(report.totals.questions);
    expect(report.mostAsked.reduce((s, d) => s + d.answered, 0)).toBeGreaterThan(0);
  });

  it('posts the digest to the channel with a link to the report', async () => {
    const [call] = api.callsTo('chat.postMessage');
    expect(call!.args).toMatchObject({ channel: 'C0GAPS' });
    const blocks = call!.args.blocks as Array<{ type: string; elements?: Array<{ text: string }> }>;
    expect(blocks[0]!.type).toBe('header');
    expect(JSON.stringify(blocks)).toContain(report.groups[0]!.questions[0]!);
    expect(blocks.at(-1)!.elements![0]!.text).toContain('<https://policydesk.example.org/admin/gaps|完整报告>');
    expect(run.stdout).toContain('digest posted to C0GAPS');
  });

  it('npm run gaps:eval turns a group into out-of-corpus candidate cases, or a triage file once a document covers it', async () => {
    const parking = report.groups.findIndex((g) => g.allQuestions.includes('职工停车位怎么申请？')) + 1;
    const outDir = join(dataDir, 'candidates');
    const gapsEval = (as: string) =>
      promisify(execFile)('npm', ['run', '--silent', 'gaps:eval', '--', '--report', join(dataDir, 'out', 'gaps.json'), '--group', String(parking), '--as', as, '--out-dir', outDir], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    expect((await gapsEval('out-of-corpus')).stdout).toMatch(new RegExp(`${report.groups[parking - 1]!.allQuestions.length} out-of-corpus candidate case\\(s\\) from group ${parking}`));
    const [file] = (await readdir(outDir)).filter((f) => f.endsWith('.jsonl'));
    const cases = parseEvalCases(await readFile(join(outDir, file!), 'utf8'), file!);
    expect(cases.map((c) => c.question).sort()).toEqual([...report.groups[parking - 1]!.allQuestions].sort());
    expect(cases.every((c) => c.kind === 'out-of-corpus' && c.abstain && c.gold.length === 0)).toBe(true);
    // Run again: the pending candidates are not proposed twice.
    expect((await gapsEval('out-of-corpus')).stdout).toContain('has no question not already in the suite');
    expect((await gapsEval('answerable')).stdout).toMatch(/gaps:eval: 0 question\(s\) of group \d+ to give gold passages/);
    await expect(gapsEval('maybe')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--as must be out-of-corpus or answerable') });
  });
});
