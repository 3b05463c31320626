import { request } from 'node:http';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/answer/create-pipeline.js';
import { parseConfig } from '../../src/core/config.js';
import { createApp } from '../../src/http/create-app.js';
import { MemoryFeedbackStore } from '../../src/store/memory-feedback-store.js';
import { startNodeServer, type NodeServer } from '../../src/http/node-server.node.js';
import { createSlackHandler } from '../../src/slack/index.js';
import { seedPipeline } from '../support/seed-pipeline.js';
import { startFakeSlackApi, type FakeSlackApi } from './support/fake-slack-api.js';
import { memoryLogger, SIGNING_SECRET } from './support/slack-request.js';

let pipeline: Pipeline;
let api: FakeSlackApi;
let server: NodeServer;
beforeAll(async () => {
  pipeline = await seedPipeline();
});
afterEach(async () => {
  await server?.shutdown(100);
  await api?.close();
});

/** The service as `npm start` runs it in HTTP mode: the real Node server, Slack mounted at /slack/events. */
async function startService(): Promise<string> {
  api = await startFakeSlackApi();
  const feedback = new MemoryFeedbackStore();
  const logger = memoryLogger();
  const slack = createSlackHandler({
    answerer: pipeline.answerer,
    corpus: pipeline.corpus,
    feedback,
    logger,
    signingSecret: SIGNING_SECRET,
    botToken: 'xoxb-0000-test-token',
    clientOptions: { slackApiUrl: api.url, retryConfig: { retries: 0 } },
  });
  const app = createApp({ answerer: pipeline.answerer, corpus: pipeline.corpus, feedback, logger, readiness: () => ({ ready: true, checks: {} }), config: parseConfig({}), slack: slack.handle });
  server = await startNodeServer({ port: 0, hostname: '127.0.0.1' });
  server.setFetch(app.fetch);
  return server.url;
}

/**
 * An unsigned chunked POST (no Content-Length) that keeps sending 64 KiB chunks until the
 * server answers, or until `giveUpAt` bytes. Resolves with the status and the bytes sent.
 */
function chunkedFlood(url: string, giveUpAt: number): Promise<{ status: number | undefined; sent: number }> {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  return new Promise((resolve) => {
    let status: number | undefined;
    const req = request(`${url}/slack/events`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } }, (res) => {
      status = res.statusCode;
      res.resume();
      res.on('end', () => resolve({ status, sent }));
    });
    req.on('error', () => resolve({ status, sent }));
    const pump = () => {
      while (status === undefined && sent < giveUpAt) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (status === undefined) req.end();
    };
    pump();
  });
}

describe('POST /slack/events body limit on the Node server', () => {
  it('answers 413 to an endless unsigned chunked upload after reading about 1 MiB, not the whole body', async () => {
    const url = await startService();
    const { status, sent } = await chunkedFlood(url, 256 * 1024 * 1024);
    expect(status).toBe(413);
    // The client is told while it is still sending: far less than the 256 MiB it would have sent.
    expect(sent).toBeLessThan(32 * 1024 * 1024);
    expect(api.calls).toEqual([]);
    // The service keeps serving.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
