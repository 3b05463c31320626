import { z } from 'zod';
import { MAX_FEEDBACK_TURNS, MAX_HISTORY_TURNS, MAX_QUESTION_CHARS } from '../core/limits.js';

export { MAX_FEEDBACK_TURNS, MAX_HISTORY_TURNS };
export const MAX_COMMENT_CHARS = 2000;
const MAX_FEEDBACK_ANSWER_CHARS = 8000;
const MAX_ID_CHARS = 200;

const chars = (s: string) => [...s].length;
/** Type errors say whether the field was missing or of the wrong type. */
const required = (expected: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${expected}`);

/** A question: trimmed, not empty, at most 2,000 characters (code points, as the retriever counts them). */
export const questionSchema = z
  .string({ error: required('a string') })
  .trim()
  .superRefine((s, ctx) => {
    if (s === '') ctx.addIssue({ code: 'custom', message: 'is empty: write a question such as 区域性医疗中心按多少人口配置一家？' });
    else if (chars(s) > MAX_QUESTION_CHARS) ctx.addIssue({ code: 'custom', message: `is ${chars(s)} characters; shorten it to at most ${MAX_QUESTION_CHARS}` });
  });

const idSchema = z
  .string({ error: required('a string') })
  .trim()
  .min(1, 'is empty')
  .max(MAX_ID_CHARS, `is longer than ${MAX_ID_CHARS} characters`);

/**
 * A client's id for one piece of feedback (`feedbackId` or the `Idempotency-Key` header): the
 * record is stored under it, so a retry of a request whose answer was lost is stored once.
 */
export const clientIdSchema = z.string({ error: required('a string') }).regex(/^[A-Za-z0-9._:-]{8,128}$/, 'must be 8 to 128 letters, digits or . _ : - (a UUID will do)');

/** One earlier turn as the client kept it; only citation ids matter to follow-up resolution. */
const turnSchema = z.object({
  question: questionSchema,
  answer: z
    .string()
    .max(4 * MAX_QUESTION_CHARS, 'is too long; send the answer text as the service returned it')
    .optional(),
  citations: z
    .array(z.object({ id: idSchema }), { error: 'must be a list of {id}' })
    .max(20, 'lists more than 20 citations')
    .optional(),
});

/** Body of `POST /api/ask` and `POST /api/chat`. */
export const askBodySchema = z.strictObject({
  question: questionSchema,
  history: z
    .array(turnSchema, { error: 'must be a list of earlier turns {question, answer?, citations?}' })
    .max(MAX_HISTORY_TURNS, `has more than ${MAX_HISTORY_TURNS} turns; send only the last ${MAX_HISTORY_TURNS}`)
    .optional(),
});
export type AskBody = z.infer<typeof askBodySchema>;

/**
 * Body of `POST /api/feedback`: which answer, up or down, and optionally which passage it should
 * have cited, plus the answer's text, cited ids, mode, confidence and the turns before it.
 */
export const feedbackBodySchema = z
  .strictObject({
    feedbackId: clientIdSchema.optional(),
    questionId: idSchema.optional(),
    question: questionSchema.optional(),
    answerId: idSchema,
    rating: z.enum(['up', 'down'], { error: required('"up" or "down"') }),
    comment: z.string({ error: 'must be a string' }).trim().max(MAX_COMMENT_CHARS, `is longer than ${MAX_COMMENT_CHARS} characters`).optional(),
    expectedPassageId: idSchema.optional(),
    // What the answer was, so a 👎 (or a 👍 on "第二点呢？") can be reviewed without replaying it.
    answer: z.string({ error: 'must be a string' }).max(MAX_FEEDBACK_ANSWER_CHARS, `is longer than ${MAX_FEEDBACK_ANSWER_CHARS} characters`).optional(),
    citedIds: z.array(idSchema, { error: 'must be a list of passage ids' }).max(20, 'lists more than 20 ids').optional(),
    mode: z.string({ error: 'must be a string' }).max(40, 'is longer than 40 characters').optional(),
    confidence: z.enum(['high', 'low'], { error: 'must be "high" or "low"' }).optional(),
    history: z
      .array(turnSchema, { error: 'must be a list of earlier turns {question, answer?, citations?}' })
      .max(MAX_FEEDBACK_TURNS, `has more than ${MAX_FEEDBACK_TURNS} turns; send only the last ${MAX_FEEDBACK_TURNS}`)
      .optional(),
  })
  .refine((b) => b.questionId !== undefined || b.question !== undefined, {
    message: 'send questionId or question, so the feedback can be matched to what was asked',
    path: ['question'],
  });
export type FeedbackBody = z.infer<typeof feedbackBodySchema>;

/** Turns zod's issues into one sentence naming each field and what to fix. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
      if (issue.code === 'unrecognized_keys') return `${where}: unknown field(s) ${issue.keys.join(', ')}; remove them`;
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}
