/**
 * `npm run report:gaps -- [--since 30d] [--until DATE] [--out DIR] [--post-slack CHANNEL]`: what
 * staff asked that no document answers. Reads the question log and the feedback (DATA_DIR, or
 * PostgreSQL with DATABASE_URL), groups the declined, low-confidence and 👎 questions by topic
 * with the local embedding model, and writes DIR/gaps.html, gaps.csv and gaps.json (DIR defaults
 * to DATA_DIR/gaps, which `GET /admin/gaps` serves). `--post-slack` posts the digest with
 * SLACK_BOT_TOKEN, linking PUBLIC_URL/admin/gaps when PUBLIC_URL is set.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../core/config.js';
import { Corpus } from '../core/corpus.js';
import { ConfigError } from '../core/errors.js';
import { feedbackRecordSchema, type FeedbackRecord } from '../core/feedback.js';
import { QUESTION_LOG_FILE, type QuestionLogRecord } from '../core/question-log.js';
import { TransformersEmbedder } from '../embeddings/transformers-embedder.node.js';
import { readCorpusData } from '../ingest/read-corpus.node.js';
import { buildGapReport } from '../insights/build-gap-report.js';
import { GAP_GROUPING } from '../insights/gap-grouping.js';
import { groupByMeaning } from '../insights/group-by-meaning.js';
import { gapCsv } from '../insights/gap-csv.js';
import { gapDigestMessage } from '../insights/gap-digest-blocks.js';
import { GAPS_FOLDER } from '../insights/gap-report.js';
import { parsePeriod } from '../insights/parse-period.js';
import { postSlackMessage } from '../insights/post-slack-digest.js';
import { renderGapHtml } from '../insights/render-gap-html.js';
import { readQuestionLogFile } from '../store/jsonl-question-log.node.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      since: { type: 'string', default: '30d' },
      until: { type: 'string' },
      out: { type: 'string' },
      'post-slack': { type: 'string' },
      threshold: { type: 'string' },
    },
  });
  const config = parseConfig(process.env);
  const now = new Date();
  const { since, until } = parsePeriod(values.since, values.until, now);
  const threshold = values.threshold === undefined ? GAP_GROUPING.threshold : Number(values.threshold);
  if (!(threshold > 0 && threshold < 1)) throw new ConfigError(`--threshold must be a cosine between 0 and 1, got ${values.threshold}.`);
  const channel = values['post-slack'];
  if (channel !== undefined && !config.SLACK_BOT_TOKEN) throw new ConfigError('--post-slack needs SLACK_BOT_TOKEN (the bot token of the PolicyDesk Slack app, invited to the channel).');
  const out = values.out ?? join(config.DATA_DIR, GAPS_FOLDER);

  const { questions, feedback, source } = await readRecords(config);
  const { data } = await readCorpusData(config.SEEDS_DIR);
  const embedder = await TransformersEmbedder.load({ modelDir: config.MODEL_DIR });
  const report = await buildGapReport({ questions, feedback, corpus: new Corpus(data), grouping: groupByMeaning(embedder, threshold), since, until, now });

  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'gaps.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(out, 'gaps.csv'), gapCsv(report));
  await writeFile(join(out, 'gaps.html'), renderGapHtml(report));
  console.log(
    `report:gaps: ${report.totals.questions} questions from ${source}, ${since.toISOString().slice(0, 10)} to ${until.toISOString().slice(0, 10)}; ${report.groups.length} groups (cosine ≥ ${threshold})`,
  );
  for (const line of report.summary) console.log(`  ${line}`);
  console.log(`  -> ${join(out, 'gaps.html')}, gaps.csv, gaps.json`);

  if (channel !== undefined) {
    const reportUrl = config.PUBLIC_URL ? `${config.PUBLIC_URL.replace(/\/$/, '')}/admin/gaps` : undefined;
    await postSlackMessage({
      ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
      botToken: config.SLACK_BOT_TOKEN!,
      channel,
      message: gapDigestMessage(report, reportUrl ? { reportUrl } : {}),
    });
    console.log(`  digest posted to ${channel}`);
  }
  return 0;
}

/** The question log and feedback, from PostgreSQL with DATABASE_URL, else from DATA_DIR's files (read only). */
async function readRecords(config: ReturnType<typeof parseConfig>): Promise<{ questions: QuestionLogRecord[]; feedback: FeedbackRecord[]; source: string }> {
  if (config.DATABASE_URL) {
    const { PostgresStore } = await import('../store/postgres-store.node.js');
    const store = await PostgresStore.open(config.DATABASE_URL);
    try {
      return { questions: await store.questions.list(), feedback: await store.feedback.list(), source: 'PostgreSQL (DATABASE_URL)' };
    } finally {
      await store.close();
    }
  }
  const questions = await readQuestionLogFile(join(config.DATA_DIR, QUESTION_LOG_FILE));
  let feedback: FeedbackRecord[] = [];
  try {
    feedback = (await readFile(join(config.DATA_DIR, 'feedback.jsonl'), 'utf8')).split('\n').flatMap((line) => {
      const parsed = line.trim() ? feedbackRecordSchema.safeParse(safeJson(line)) : undefined;
      return parsed?.success ? [parsed.data] : [];
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return { questions, feedback, source: join(config.DATA_DIR, QUESTION_LOG_FILE) };
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`report:gaps: ${error.message}`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);
