/**
 * `npm run calibrate:gaps [-- --log FILE] [--dry-run]`: chooses the cosine threshold the gap report
 * groups questions with. Embeds a log of staff-style questions written with their intended topics
 * (default evals/gap-grouping/tuning.json), groups it at every threshold from 0.00 to 0.60 (cosines of centred vectors), and
 * keeps the one whose grouping agrees best with the topics (adjusted Rand index; among equal
 * scores, the middle one). Writes src/insights/data/gap-grouping.json unless --dry-run; either
 * way prints the sweep, so the same command measures another log (`--log … --dry-run`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseConfig } from '../core/config.js';
import { ConfigError } from '../core/errors.js';
import { TransformersEmbedder } from '../embeddings/transformers-embedder.node.js';
import { adjustedRandIndex } from '../insights/adjusted-rand-index.js';
import { clusterByCosine } from '../insights/cluster-by-cosine.js';
import { groupQuestionVectors } from '../insights/centre-vectors.js';

const labelledLogSchema = z.object({ topics: z.record(z.string(), z.array(z.string()).min(2)), noise: z.array(z.string()).default([]) });
const OUT = join(import.meta.dirname, '../insights/data/gap-grouping.json');

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { log: { type: 'string', default: 'evals/gap-grouping/tuning.json' }, 'dry-run': { type: 'boolean', default: false } } });
  const parsed = labelledLogSchema.safeParse(JSON.parse(readFileSync(values.log, 'utf8')));
  if (!parsed.success) throw new ConfigError(`${values.log}: expected {"topics": {name: [questions]}, "noise": [questions]} (${parsed.error.issues[0]?.message}).`);
  const questions = [...Object.entries(parsed.data.topics).flatMap(([topic, qs]) => qs.map((q) => ({ q, topic }))), ...parsed.data.noise.map((q, i) => ({ q, topic: `noise-${i}` }))];
  const config = parseConfig(process.env);
  const embedder = await TransformersEmbedder.load({ modelDir: config.MODEL_DIR });
  const vectors = (await embedder.embedDocuments(questions.map((x) => x.q))).map((v) => {
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
  const truth = questions.map((x) => x.topic);
  const sweep: Array<{ threshold: number; ari: number; groups: number }> = [];
  for (let t = 0; t <= 60; t++) {
    const labels = groupQuestionVectors(vectors, t / 100, clusterByCosine);
    sweep.push({ threshold: t / 100, ari: round(adjustedRandIndex(truth, labels)), groups: new Set(labels).size });
  }
  for (const s of sweep) console.log(`  cosine ≥ ${s.threshold.toFixed(2)}: ARI ${s.ari.toFixed(3)}, ${s.groups} groups`);
  const best = Math.max(...sweep.map((s) => s.ari));
  const tied = sweep.filter((s) => s.ari === best);
  const chosen = tied[Math.floor((tied.length - 1) / 2)]!;
  console.log(
    `calibrate:gaps: ${questions.length} questions, ${Object.keys(parsed.data.topics).length} topics in ${values.log}; best ARI ${best.toFixed(3)} at cosine ≥ ${chosen.threshold.toFixed(2)}` +
      (tied.length > 1 ? ` (middle of ${tied.length} equal thresholds)` : ''),
  );
  if (values['dry-run']) return 0;
  const data = {
    threshold: chosen.threshold,
    ari: chosen.ari,
    embeddingModel: embedder.modelId,
    chosenOn: `${values.log} (${questions.length} questions, ${Object.keys(parsed.data.topics).length} topics), by npm run calibrate:gaps`,
  };
  writeFileSync(OUT, `${JSON.stringify(data, null, 2)}\n`);
  console.log(`  -> ${OUT}`);
  return 0;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`calibrate:gaps: ${error.message}`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);
