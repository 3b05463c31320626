import { Hono } from 'hono';
import type { Corpus } from '../../core/corpus.js';
import { ApiError } from '../api-error.js';
import type { AppEnv } from '../app-types.js';
import type { FeedbackRecord, FeedbackStore } from '../../core/feedback.js';
import { readJsonBody } from '../read-json-body.js';
import { feedbackBodySchema } from '../schemas.js';

export interface FeedbackRouteDeps {
  corpus: Corpus;
  feedback: FeedbackStore;
  clock: () => number;
  newId: () => string;
}

/** `POST /api/feedback`: 201 once the record is durably stored. */
export function feedbackRoute(deps: FeedbackRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/api/feedback', async (c) => {
    const body = await readJsonBody(c, feedbackBodySchema);
    if (body.expectedPassageId !== undefined && !deps.corpus.passage(body.expectedPassageId)) {
      throw new ApiError(
        422,
        'invalid_request',
        `expectedPassageId: no passage has the id ${JSON.stringify(body.expectedPassageId)}; use an id from citations[].id or leave it out and write a comment.`,
      );
    }
    if (body.question !== undefined) c.set('question', body.question);
    const record: FeedbackRecord = { id: deps.newId(), receivedAt: new Date(deps.clock()).toISOString(), source: 'web', ...body };
    await deps.feedback.append(record);
    return c.json({ id: record.id, stored: true }, 201);
  });
  return app;
}
