/**
 * `npm run ask -- "问题"`: prints the answer and the cited passages.
 * `--json` prints one JSON object; `--batch FILE` reads JSON lines `{"id","question"}` and writes one JSON line each.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseConfig } from '../core/config.js';
import { PolicyDeskError } from '../core/errors.js';
import { formatAnswerText } from './format-answer.js';
import { loadRuntime } from './load-runtime.node.js';
import type { RetrievalMode } from '../retrieval/hybrid-retriever.js';
import { DEFAULT_K } from '../core/limits.js';

const batchLine = z.object({ id: z.union([z.string(), z.number()]), question: z.string() }).passthrough();

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      batch: { type: 'string' },
      k: { type: 'string' },
      mode: { type: 'string', default: 'hybrid' },
    },
  });
  const k = values.k === undefined ? undefined : Number(values.k);
  if (k !== undefined && (!Number.isInteger(k) || k < 1 || k > 50)) throw new PolicyDeskError('invalid_input', `--k must be an integer from 1 to 50, got ${values.k}`);
  const mode = values.mode as RetrievalMode;
  if (!['hybrid', 'dense', 'lexical'].includes(mode)) throw new PolicyDeskError('invalid_input', `--mode must be hybrid, dense or lexical, got ${values.mode}`);
  const question = positionals.join(' ');
  if (!values.batch && question.trim() === '') {
    throw new PolicyDeskError('invalid_input', 'Usage: npm run ask -- [--json] [--k 5] "区域性医疗中心按多少人口配置一家？"  |  npm run ask -- --json --batch questions.jsonl');
  }
  const config = parseConfig(process.env);
  const runtime = await loadRuntime({ modelDir: config.MODEL_DIR, indexDir: config.INDEX_DIR, seedsDir: config.SEEDS_DIR, ocr: config.OCR, llm: config, rerank: config });
  // hybrid: the service's answer, composed from the first k points; dense/lexical: retrieval alone, k points.
  const ask = (q: string) => (mode === 'hybrid' ? runtime.answerer.answer(q, k ? { k } : {}) : runtime.retriever.retrieve(q, { k: k ?? DEFAULT_K, mode }));

  if (!values.batch) {
    const result = await ask(question);
    console.log(values.json ? JSON.stringify(result) : formatAnswerText(result));
    return;
  }
  const lines = readFileSync(values.batch, 'utf8').split(/\r?\n/);
  let failed = 0;
  for (const [i, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    const where = `${values.batch}:${i + 1}`;
    let id: string | number | undefined;
    try {
      let parsedJson: unknown;
      try {
        parsedJson = JSON.parse(raw);
      } catch {
        throw new PolicyDeskError('invalid_input', 'not valid JSON');
      }
      const rawId = (parsedJson as { id?: unknown } | null)?.id;
      if (typeof rawId === 'string' || typeof rawId === 'number') id = rawId;
      const parsed = batchLine.safeParse(parsedJson);
      if (!parsed.success) throw new PolicyDeskError('invalid_input', `needs {"id","question"}: ${parsed.error.issues.map((x) => `${x.path.join('.') || 'line'} ${x.message}`).join('; ')}`);
      id = parsed.data.id;
      const result = await ask(parsed.data.question);
      console.log(JSON.stringify({ id, ...result }));
    } catch (error) {
      if (!(error instanceof PolicyDeskError)) throw error;
      failed++;
      console.error(`ask: ${where}: ${error.message}`);
      console.log(JSON.stringify({ ...(id !== undefined ? { id } : {}), line: i + 1, error: error.message }));
    }
  }
  if (failed > 0) console.error(`ask: ${failed} line(s) of ${values.batch} failed; the others were answered`);
}

main().catch((error: Error) => {
  console.error(`ask: ${error.message}`);
  process.exit(error instanceof PolicyDeskError ? 2 : 1);
});
