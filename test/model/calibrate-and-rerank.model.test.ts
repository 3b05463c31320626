import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { HIGH_PRECISION, OUT_OF_CORPUS_HIGH_SHARE } from '../../src/eval/choose-thresholds.js';
import { parseDecisionFile } from '../../src/retrieval/decision-model.js';
import { startScriptedReranker } from '../retrieval/support/scripted-reranker.js';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'policydesk-calibrate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface AskJson {
  abstained: boolean;
  confidence?: string;
  citations: Array<{ id: string; text: string }>;
  nearest: Array<{ id: string; text: string }>;
}
const ask = async (question: string, env: NodeJS.ProcessEnv = {}) =>
  JSON.parse((await run(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json', question], { env: { ...process.env, ...env } })).stdout) as AskJson;

describe('npm run calibrate', () => {
  test('fits both decision models on the dev split only and writes a file the retriever reads', async () => {
    const out = join(scratch, 'calibration.json');
    // Five of the dev sets (near-topic, English, paraphrase and list questions among them), and a held-out set that must take no part:
    // the whole dev split takes minutes, and the grid is the same.
    const suite = join(scratch, 'suite.json');
    const sets = ['intents-dev', 'near-topic-dev', 'paraphrase-dev', 'english-dev-2', 'lists-english-turns-dev'].map((name) => ({ name, path: `evals/${name}.jsonl`, heldOutShare: 0 }));
    writeFileSync(suite, JSON.stringify({ sets: [...sets, { name: 'unseen-intents-7', path: 'evals/unseen-intents-7.jsonl', heldOutShare: 1 }] }));
    const devCases = sets.reduce(
      (n, s) =>
        n +
        readFileSync(s.path, 'utf8')
          .split('\n')
          .filter((l) => l.trim()).length,
      0,
    );
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/calibrate.ts', '--suite', suite, '--out', out], { maxBuffer: 1 << 24 });
    expect(stdout).toContain(`wrote ${out}`);
    expect(stderr).toContain(`calibrate: ${devCases} dev cases`);
    const file = parseDecisionFile(JSON.parse(readFileSync(out, 'utf8')));
    expect(file.fittedOn).toMatch(/dev split/);
    expect(file.models.hybrid.features).toContain('sentence');
    for (const mode of ['hybrid', 'lexical'] as const) {
      const dev = file.dev?.[mode] as {
        declinedPositives: number;
        outOfCorpusHigh: number;
        outOfCorpus: number;
        highPrecision: number;
        translated: { rows: number; rightHigh: number; wrongHigh: number; outOfCorpusHigh: number; outOfCorpus: number };
      };
      // The thresholds keep to the rules they were chosen by, on the data they were chosen on:
      // no right answer declined, at most 5 % of the out-of-corpus questions high, high right 90 %.
      expect(dev.declinedPositives).toBe(0);
      expect(dev.outOfCorpusHigh).toBeLessThanOrEqual(Math.floor(dev.outOfCorpus * OUT_OF_CORPUS_HIGH_SHARE));
      expect(dev.highPrecision).toBeGreaterThanOrEqual(HIGH_PRECISION);
      expect(file.models[mode].features).toContain('slot');
      // Translated (English) dev questions get their own high threshold, by the same rules, never below high.
      const { translated } = dev;
      const { high, translatedHigh } = file.models[mode].thresholds;
      expect(translated.rows).toBeGreaterThan(0);
      expect(translatedHigh).toBeGreaterThanOrEqual(high);
      expect(translated.outOfCorpusHigh).toBeLessThanOrEqual(Math.floor(translated.outOfCorpus * OUT_OF_CORPUS_HIGH_SHARE));
      expect(translated.rightHigh / Math.max(1, translated.rightHigh + translated.wrongHigh + translated.outOfCorpusHigh)).toBeGreaterThanOrEqual(HIGH_PRECISION);
    }
  }, 300_000);
});

describe('npm run calibrate -- --modes lexical', () => {
  test('refits the keyword-only decision alone: the hybrid model and the fusion weights are kept from the file', async () => {
    const out = join(scratch, 'partial.json');
    const committed = readFileSync('src/retrieval/data/retrieval-calibration.json', 'utf8');
    writeFileSync(out, committed);
    const suite = join(scratch, 'partial-suite.json');
    writeFileSync(suite, JSON.stringify({ sets: ['near-topic-dev', 'english-dev-2', 'lists-english-turns-dev'].map((name) => ({ name, path: `evals/${name}.jsonl`, heldOutShare: 0 })) }));
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/calibrate.ts', '--suite', suite, '--out', out, '--modes', 'lexical'], { maxBuffer: 1 << 24 });
    expect(stdout).toContain(`wrote ${out}`);
    expect(stderr).not.toMatch(/^fusion:/m);
    const before = parseDecisionFile(JSON.parse(committed));
    const after = parseDecisionFile(JSON.parse(readFileSync(out, 'utf8')));
    expect(after.models.hybrid).toEqual(before.models.hybrid);
    expect(after.fusion).toEqual(before.fusion);
    expect(after.models.lexical).not.toEqual(before.models.lexical);
    expect(after.fittedOn).toMatch(/: lexical; kept: /);
  }, 300_000);

  test('an unknown mode is refused, and the file is left as it was', async () => {
    const out = join(scratch, 'refused.json');
    writeFileSync(out, '{"untouched":true}');
    const failed = run(process.execPath, ['--import', 'tsx', 'src/cli/calibrate.ts', '--out', out, '--modes', 'lexicon']);
    await expect(failed).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--modes takes hybrid, lexical') });
    expect(readFileSync(out, 'utf8')).toBe('{"untouched":true}');
  });
});

describe('npm run ask with RERANK_BASE_URL', () => {
  test('a reranker served over HTTP reorders the points: the one it scores highest is cited first', async () => {
    const question = '发烧门诊要一直开着吗？';
    const plain = await ask(question);
    // This reranker turns the fused order upside down: the last of the points it is sent wins.
    const server = await startScriptedReranker('', 'reverse');
    try {
      const reranked = await ask(question, { RERANK_BASE_URL: `${server.url}/v1`, RERANK_MODEL: 'scripted' });
      const sent = server.requests[0]!.documents as string[];
      expect(sent).toHaveLength(10);
      const squash = (s: string) => s.replace(/\s+/g, '');
      // Answered or, when the reranker's choice does not answer, declined with it as the nearest point.
      const first = reranked.citations[0] ?? reranked.nearest[0]!;
      expect(squash(sent.at(-1)!)).toContain(squash(first.text).slice(0, 40));
      expect(first.id).not.toBe(plain.citations[0]!.id);
    } finally {
      await server.close();
    }
  }, 120_000);
});
