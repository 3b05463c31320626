/**
 * `npm run eval:mine`: turns 👎 feedback that names an expected passage into candidate eval cases
 * in evals/candidates/<timestamp>.jsonl, for a person to review and accept (see evals/README.md).
 * Reads the feedback store's JSON lines under DATA_DIR, and with DATABASE_URL the feedback table
 * every replica writes, and the documents in SEEDS_DIR; needs no model.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../core/config.js';
import { Corpus } from '../core/corpus.js';
import { parseEvalCases } from '../eval/eval-case.js';
import { mineFeedback } from '../eval/mine-feedback.js';
import { suiteSchema } from '../eval/load-suite.js';
import { setFilePath } from './eval-paths.node.js';
import { feedbackRecordSchema, type FeedbackRecord } from '../core/feedback.js';
import { readCorpusData } from '../ingest/read-corpus.node.js';
import { QUESTION_LOG_FILE } from '../core/question-log.js';
import { sourceReading } from './source-reading.node.js';

/** Every feedback record in the JSON lines files of a folder, once per id; unreadable lines are counted, not fatal. */
function readFeedback(dataDir: string): { records: FeedbackRecord[]; files: number; unreadable: number } {
  if (!existsSync(dataDir)) return { records: [], files: 0, unreadable: 0 };
  const files = readdirSync(dataDir)
    .filter((f) => f.endsWith('.jsonl') && f !== QUESTION_LOG_FILE)
    .sort();
  const byId = new Map<string, FeedbackRecord>();
  let unreadable = 0;
  for (const file of files) {
    for (const line of readFileSync(join(dataDir, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        const record = feedbackRecordSchema.parse(JSON.parse(line));
        if (!byId.has(record.id)) byId.set(record.id, record);
      } catch {
        // A torn last line of the store, or a JSONL file that is not feedback.
        unreadable++;
      }
    }
  }
  return { records: [...byId.values()], files: files.length, unreadable };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      /** The suite whose every question file is checked for duplicates; `--cases` adds more files. */
      suite: { type: 'string', default: 'evals/suite.json' },
      cases: { type: 'string', multiple: true, default: [] },
      'out-dir': { type: 'string', default: 'evals/candidates' },
    },
  });
  const config = parseConfig(process.env);
  const dataDir = values['data-dir'] ?? config.DATA_DIR;
  const outDir = values['out-dir'];

  // Every readable document, as ingest reads them: one bad file does not stop the mining.
  const { data, problems } = await readCorpusData(config.SEEDS_DIR, sourceReading(config));
  for (const p of problems.filter((x) => x.severity === 'error')) console.error(`eval:mine: ${p.fileName} not read (${p.reason}); its passages cannot be proposed`);
  // Questions of the suite and of candidates still waiting for review are not proposed again.
  const pending = existsSync(outDir)
    ? readdirSync(outDir)
        .filter((f) => f.endsWith('.jsonl'))
        .map((f) => join(outDir, f))
    : [];
  const suite = suiteSchema.parse(JSON.parse(readFileSync(values.suite, 'utf8')));
  const suiteFiles = suite.sets.map((set) => setFilePath(values.suite, set.path));
  const knownQuestions = [...suiteFiles, ...values.cases, ...pending].flatMap((file) => parseEvalCases(readFileSync(file, 'utf8'), file).map((c) => c.question));

  const feedback = readFeedback(dataDir);
  let fromDatabase = '';
  if (config.DATABASE_URL) {
    const { PostgresStore } = await import('../store/postgres-store.node.js');
    const store = await PostgresStore.open(config.DATABASE_URL);
    try {
      const stored = await store.feedback.list();
      const known = new Set(feedback.records.map((r) => r.id));
      feedback.records.push(...stored.filter((r) => !known.has(r.id)));
      fromDatabase = ` and PostgreSQL (${stored.length} stored there)`;
    } finally {
      await store.close();
    }
  }
  const { candidates, triage, counts } = mineFeedback(feedback.records, { corpus: new Corpus(data), knownQuestions });
  const s = counts.skipped;
  console.log(
    `eval:mine: ${counts.records} feedback records in ${feedback.files} file(s) under ${dataDir}${fromDatabase}` +
      `${feedback.unreadable ? ` (${feedback.unreadable} unreadable lines skipped)` : ''}; ${counts.down} 👎, ${counts.withExpectedPassage} naming an expected passage`,
  );
  console.log(
    `  skipped: ${s.duplicateOfCase} already in the suite or pending review, ${s.duplicateInFeedback} repeated in the feedback, ` +
      `${s.unknownPassage} passage no longer in the corpus, ${s.noQuestion} without the question, ${s.invalid} invalid`,
  );
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  if (triage.length > 0) {
    // JSON, not JSONL: these are not cases yet (no gold), and pending *.jsonl files are read as cases.
    mkdirSync(outDir, { recursive: true });
    const triagePath = join(outDir, `triage-${stamp}.json`);
    writeFileSync(triagePath, `${JSON.stringify(triage, null, 2)}\n`);
    console.log(`  ${triage.length} 👎 without an expected passage, with the answer's context -> ${triagePath}: pick the passage that should have been cited and add a case`);
  }
  if (candidates.length === 0) {
    console.log('  no new candidate cases');
    return 0;
  }
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, `${stamp}.jsonl`);
  writeFileSync(path, `${candidates.map((c) => JSON.stringify(c)).join('\n')}\n`);
  console.log(`  ${candidates.length} candidate case(s) -> ${path}`);
  console.log('  review each (question, kind, facts, tags), move the accepted lines into evals/cases.jsonl, then delete the file');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`eval:mine: ${error.message}`);
    process.exit(2);
  },
);
