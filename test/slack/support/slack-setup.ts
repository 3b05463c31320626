import type { Pipeline } from '../../../src/answer/create-pipeline.js';
import { createSlackHandler, type SlackHandler, type SlackHandlerDeps } from '../../../src/slack/create-slack-handler.js';
import type { FeedbackRecord } from '../../../src/slack/types.js';
import { startFakeSlackApi, type FakeSlackApi } from './fake-slack-api.js';
import { memoryLogger, SIGNING_SECRET } from './slack-request.js';

export const BOT_TOKEN = 'xoxb-0000-test-token';

export interface SlackHarness {
  api: FakeSlackApi;
  handler: SlackHandler;
  logger: ReturnType<typeof memoryLogger>;
  feedback: { records: FeedbackRecord[]; append(record: FeedbackRecord): Promise<void> };
  /** Sends a request through the handler and waits for the work it started (answers posted). */
  send(request: Request): Promise<Response>;
  close(): Promise<void>;
}

/** The Slack handler over the real pipeline, its Web API client pointed at a local fake Slack. */
export async function slackHarness(pipeline: Pipeline, overrides: Partial<SlackHandlerDeps> = {}, options: { productionRetries?: boolean } = {}): Promise<SlackHarness> {
  const api = await startFakeSlackApi();
  const logger = memoryLogger();
  const records: FeedbackRecord[] = [];
  const feedback = { records, append: async (record: FeedbackRecord) => void records.push(record) };
  const handler = createSlackHandler({
    answerer: pipeline.answerer,
    corpus: pipeline.corpus,
    feedback,
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    // No retries unless asked: a failed call must show up in the test at once.
    clientOptions: { slackApiUrl: api.url, ...(options.productionRetries ? {} : { retryConfig: { retries: 0 } }) },
    logger,
    commandName: '/policy',
    ...overrides,
  });
  return {
    api,
    handler,
    logger,
    feedback,
    async send(request) {
      const response = await handler.handle(request);
      await handler.whenIdle();
      return response;
    },
    close: () => api.close(),
  };
}
