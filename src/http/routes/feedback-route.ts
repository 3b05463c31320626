import { Hono } from 'hono';
import type { Corpus } from '../../core/corpus.js';
import { ApiError } from '../api-error.js';
import type { AppEnv } from '../app-types.js';
import type { FeedbackRecord, FeedbackStore } from '../../core/feedback.js';
import { readJsonBody } from '../read-json-body.js';
import { clientIdSchema, describeIssues, feedbackBodySchema } from '../schemas.js';

export interface FeedbackRouteDeps {
  corpus: Corpus;
  feedback: FeedbackStore;
  clock: () => number;
  newId: () => string;
}

/**
 * `POST /api/feedback`: 201 once the record is durably stored. The client may name the record
 * (`feedbackId` or an `Idempotency-Key` header); a retry with the same id is stored once and
 * answered 201 again, so a client that lost the first answer (a timeout) cannot store it twice.
 */
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
    const { feedbackId, ...fields } = body;
    const id = clientId(feedbackId, c.req.header('idempotency-key'));
    if (fields.question !== undefined) c.set('question', fields.question);
    const record: FeedbackRecord = { id: id ?? deps.newId(), receivedAt: new Date(deps.clock()).toISOString(), source: 'web', ...fields };
    await deps.feedback.append(record);
    return c.json({ id: record.id, stored: true }, 201);
  });
  return app;
}

/** The client's id for the record, from the body or the `Idempotency-Key` header; both must agree. */
function clientId(fromBody: string | undefined, header: string | undefined): string | undefined {
  if (header === undefined) return fromBody;
  const parsed = clientIdSchema.safeParse(header.trim());
  if (!parsed.success) throw new ApiError(422, 'invalid_request', `Idempotency-Key header: ${describeIssues(parsed.error).replace(/^body: /, '')}`);
  if (fromBody !== undefined && fromBody !== parsed.data) throw new ApiError(422, 'invalid_request', 'feedbackId and the Idempotency-Key header differ; send one of them, or the same id in both.');
  return parsed.data;
}
