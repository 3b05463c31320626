/**
 * The HTTP stack without the model, for `npm run bench:http -- --server seed`: createApp on
 * @hono/node-server over the real corpus and the real extractive pipeline, with the fake
 * embedder instead of bge-small-zh. Comparing it with the real server separates the cost of
 * the HTTP layer from the cost of embedding each question.
 */
import { parseConfig } from '../src/core/config.js';
import { createApp } from '../src/http/create-app.js';
import { JsonlFeedbackStore } from '../src/store/jsonl-feedback-store.node.js';
import { createJsonLogger } from '../src/http/json-logger.js';
import { startNodeServer } from '../src/http/node-server.node.js';
import { seedPipeline } from '../test/support/seed-pipeline.js';
import { join } from 'node:path';

const config = parseConfig(process.env);
const logger = createJsonLogger((line) => process.stdout.write(`${line}\n`));
const pipeline = await seedPipeline({ dense: true });
const feedback = await JsonlFeedbackStore.open(join(config.DATA_DIR, 'feedback.jsonl'));
const server = await startNodeServer({ port: config.PORT, hostname: config.HOST });
const app = createApp({ answerer: pipeline.answerer, corpus: pipeline.corpus, feedback, readiness: () => ({ ready: true, checks: { embedder: 'fake' } }), config, logger });
server.setFetch(app.fetch);
process.on('SIGTERM', () => void server.shutdown().then(() => process.exit(0)));
console.error(`PolicyDesk (seed pipeline, fake embeddings) is ready. Demo page: ${server.url}/`);
