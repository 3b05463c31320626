import type { Pipeline } from '../../../src/answer/create-pipeline.js';
import type { Answerer } from '../../../src/answer/types.js';
import { parseConfig } from '../../../src/core/config.js';
import { createApp } from '../../../src/http/create-app.js';
import type { FeedbackStore } from '../../../src/core/feedback.js';
import { MemoryFeedbackStore } from '../../../src/store/memory-feedback-store.js';
import { startNodeServer, type NodeServer } from '../../../src/http/node-server.node.js';
import { seedPipeline } from '../../support/seed-pipeline.js';

export interface SeedServer {
  url: string;
  server: NodeServer;
  feedback: FeedbackStore;
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** The real Node server (@hono/node-server on an ephemeral 127.0.0.1 port) over the real pipeline with fake embeddings (or the `pipeline` given). */
export async function startSeedServer(options: { env?: Record<string, string>; feedback?: FeedbackStore; answerer?: (real: Answerer) => Answerer; pipeline?: Pipeline } = {}): Promise<SeedServer> {
  const pipeline = options.pipeline ?? (await seedPipeline({ dense: true }));
  const feedback = options.feedback ?? new MemoryFeedbackStore();
  const logs: SeedServer['logs'] = [];
  const app = createApp({
    answerer: options.answerer ? options.answerer(pipeline.answerer) : pipeline.answerer,
    corpus: pipeline.corpus,
    feedback,
    readiness: () => ({ ready: true, checks: { index: 'seed corpus, fake embeddings' } }),
    config: parseConfig({ RATE_LIMIT_PER_MINUTE: '1000', ...options.env }),
    logger: { info: (e) => logs.push({ level: 'info', ...e }), error: (e) => logs.push({ level: 'error', ...e }) },
  });
  const server = await startNodeServer({ port: 0, hostname: '127.0.0.1' });
  server.setFetch(app.fetch);
  return { url: server.url, server, feedback, logs, close: async () => void (await server.shutdown(1_000)) };
}
