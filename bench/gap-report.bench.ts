/**
 * `npm run bench:gaps`: how long `report:gaps` takes for 10,000 logged questions (target ≤ 30 s).
 *
 * Builds a month's log from test/fixtures/gap-log/staff-questions.json: 30% declined or low
 * (the topic questions and one-offs, each reworded with one of 10 openings and 5 endings, so
 * about 3,000 distinct texts to embed and group), 70% answered. Then runs what the command runs:
 * the real bge-small-zh model embeds the distinct gap questions, they are grouped, and the
 * HTML, CSV and JSON are rendered. Prints the time of each step. Flags: --questions 10000.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/core/config.js';
import { Corpus } from '../src/core/corpus.js';
import type { QuestionLogRecord } from '../src/core/question-log.js';
import { TransformersEmbedder } from '../src/embeddings/transformers-embedder.node.js';
import { readCorpusData } from '../src/ingest/read-corpus.node.js';
import { buildGapReport } from '../src/insights/build-gap-report.js';
import { groupByMeaning } from '../src/insights/group-by-meaning.js';
import { gapCsv } from '../src/insights/gap-csv.js';
import { GAP_GROUPING } from '../src/insights/gap-grouping.js';
import { renderGapHtml } from '../src/insights/render-gap-html.js';

const { values } = parseArgs({ options: { questions: { type: 'string', default: '10000' } } });
const total = Number(values.questions);
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../test/fixtures/gap-log/staff-questions.json'), 'utf8')) as {
  topics: Record<string, string[]>;
  answered: string[];
  noise: string[];
};
const gapTexts = [...Object.values(fixture.topics).flat(), ...fixture.noise];
const OPENINGS = ['', '请问', '想问一下，', '麻烦问下', '我想了解', '同事问', '科室想知道', '你好，', '咨询一下：', '再问一次，'];
const ENDINGS = ['', '谢谢', '急', '有文件吗', '哪里有规定'];
const now = Date.now();
const DAY = 86_400_000;
const records: QuestionLogRecord[] = Array.from({ length: total }, (_, i) => {
  const gap = i % 10 < 3;
  const base = gap ? gapTexts[i % gapTexts.length]! : fixture.answered[i % fixture.answered.length]!;
  const question = gap ? `${OPENINGS[Math.floor(i / 7) % OPENINGS.length]}${base}${ENDINGS[Math.floor(i / 13) % ENDINGS.length]}` : base;
  return {
    id: `q-${i}`,
    askedAt: new Date(now - ((i * 37) % (60 * 24)) * 60_000 * 2 - (i % 30) * DAY).toISOString(),
    channel: 'api',
    question,
    tier: gap ? (i % 4 ? 'declined' : 'low') : 'high',
    citedIds: [],
    nearestIds: [],
    answerId: `a-${i}`,
  };
});

const config = parseConfig(process.env);
const { data } = await readCorpusData(config.SEEDS_DIR);
const embedder = await TransformersEmbedder.load({ modelDir: config.MODEL_DIR });
let embedMs = 0;
let embedded = 0;
const timed = {
  embedDocuments: async (texts: string[]) => {
    const t = performance.now();
    const out = await embedder.embedDocuments(texts);
    embedMs += performance.now() - t;
    embedded += texts.length;
    return out;
  },
};
const started = performance.now();
const report = await buildGapReport({
  questions: records,
  feedback: [],
  corpus: new Corpus(data),
  grouping: groupByMeaning(timed, GAP_GROUPING.threshold),
  since: new Date(now - 30 * DAY),
  until: new Date(now + 1),
});
const built = performance.now();
const html = renderGapHtml(report);
const csv = gapCsv(report);
const json = JSON.stringify(report);
const rendered = performance.now();
console.log(`gap report for ${total} logged questions (${report.totals.questions} in the period, ${embedded} distinct gap questions embedded, ${report.groups.length} groups)`);
console.log(
  `  embedding ${(embedMs / 1000).toFixed(1)} s, grouping and counting ${((built - started - embedMs) / 1000).toFixed(1)} s, rendering ${((rendered - built) / 1000).toFixed(2)} s (${(html.length / 1024).toFixed(0)} KiB html, ${(csv.length / 1024).toFixed(0)} KiB csv, ${(json.length / 1024).toFixed(0)} KiB json)`,
);
console.log(`  total ${((rendered - started) / 1000).toFixed(1)} s (target ≤ 30 s)`);
