import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AnswerEvent } from '../../answer/types.js';
import type { AppDeps, AppEnv, StreamOutcome } from '../app-types.js';
import { mapError } from '../error-response.js';
import { readJsonBody } from '../read-json-body.js';
import { askBodySchema } from '../schemas.js';
import { answerTier } from '../http-metrics.js';

/**
 * `POST /api/ask` answers as one JSON object; `POST /api/chat` streams the same answer as
 * Server-Sent Events: `delta` {text}, then `citations` {citations}, then `done` (the Answer),
 * or `error` {error} if answering fails after the stream began.
 */
export function askRoutes(deps: Pick<AppDeps, 'answerer' | 'logger' | 'questions' | 'metrics'>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/api/ask', async (c) => {
    const body = await readJsonBody(c, askBodySchema);
    c.set('question', body.question);
    const answer = await deps.answerer.answer(body.question, { history: body.history, signal: c.req.raw.signal });
    c.set('answer', answer);
    deps.metrics?.answer(answerTier(answer), 'api');
    if (deps.questions) keepWorking(c, deps.questions.record({ channel: 'api', question: body.question, answer }));
    return c.json(answer);
  });

  app.post('/api/chat', async (c) => {
    const body = await readJsonBody(c, askBodySchema);
    c.set('question', body.question);
    // One signal for both ways a client leaves: the request aborts (Node) or the body is cancelled.
    const cancel = new AbortController();
    const onRequestAbort = () => cancel.abort();
    c.req.raw.signal.addEventListener('abort', onRequestAbort, { once: true });
    const events = deps.answerer.stream(body.question, { history: body.history, signal: cancel.signal })[Symbol.asyncIterator]();
    let first: IteratorResult<AnswerEvent>;
    try {
      // Failures before the first event still get their own status code from app.onError.
      first = await events.next();
    } catch (error) {
      c.req.raw.signal.removeEventListener('abort', onRequestAbort);
      throw error;
    }
    let finished!: (outcome: StreamOutcome) => void;
    c.set('streamDone', new Promise<StreamOutcome>((resolve) => (finished = resolve)));

    return streamSSE(c, async (stream) => {
      stream.onAbort(() => cancel.abort());
      let outcome: StreamOutcome = 'complete';
      try {
        for (let step = first; !step.done && !cancel.signal.aborted; step = await events.next()) {
          const event = step.value;
          if (event.type === 'done') {
            c.set('answer', event.answer);
            deps.metrics?.answer(answerTier(event.answer), 'web');
            // The widget's route: its questions are the `web` channel.
            if (deps.questions) keepWorking(c, deps.questions.record({ channel: 'web', question: body.question, answer: event.answer }));
          }
          await stream.writeSSE({ event: event.type, data: JSON.stringify(payload(event)) });
        }
        if (cancel.signal.aborted) outcome = 'cancelled';
      } catch (error) {
        if (cancel.signal.aborted) {
          outcome = 'cancelled';
        } else {
          outcome = 'error';
          const mapped = mapError(error, c.get('requestId'));
          if (mapped.unexpected) deps.logger.error({ msg: 'stream failed', requestId: c.get('requestId'), error: String(error), stack: (error as Error).stack });
          await stream.writeSSE({ event: 'error', data: JSON.stringify(mapped.body) });
        }
      } finally {
        c.req.raw.signal.removeEventListener('abort', onRequestAbort);
        await events.return?.();
        finished(outcome);
      }
    });
  });

  return app;
}

/**
 * Lets `work` finish after the response without delaying it: a Worker is told to wait for it
 * (`waitUntil`); on Node the process simply carries on. `work` never rejects.
 */
function keepWorking(c: Context<AppEnv>, work: Promise<void>): void {
  let ctx: { waitUntil(p: Promise<unknown>): void } | undefined;
  try {
    ctx = c.executionCtx;
  } catch {
    // No execution context outside Workers.
  }
  ctx?.waitUntil(work);
}

function payload(event: AnswerEvent): unknown {
  if (event.type === 'delta') return { text: event.text };
  if (event.type === 'citations') return { citations: event.citations };
  return event.answer;
}
