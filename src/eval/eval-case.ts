import { z } from 'zod';
import { PolicyDeskError } from '../core/errors.js';

export const EVAL_KINDS = ['number', 'list', 'yes-no', 'paraphrase', 'cross-document', 'follow-up', 'out-of-corpus'] as const;

/** One question/answer pair of the eval suite (one JSON line in evals/*.jsonl). Unknown fields are kept. */
export const evalCaseSchema = z
  .object({
    id: z.string().min(1),
    question: z.string().min(1).max(2000),
    kind: z.enum(EVAL_KINDS),
    tags: z.array(z.string()).default([]),
    gold: z
      .array(
        z.object({
          doc: z.string().min(1),
          /** Short verbatim span of the gold passage; matching ignores whitespace and character width. */
          anchor: z.string().min(4),
          /** Stable passage id, when known; the anchor wins when the two disagree (re-chunking). */
          id: z.string().optional(),
        }),
      )
      .default([]),
    facts: z.array(z.string().min(1)).default([]),
    history: z.array(z.object({ question: z.string().min(1) })).optional(),
    abstain: z.boolean().default(false),
  })
  .passthrough()
  .superRefine((c, ctx) => {
    if (c.abstain && c.gold.length > 0) ctx.addIssue({ code: 'custom', message: 'an abstain case has no gold passages', path: ['gold'] });
    if (!c.abstain && c.gold.length === 0) ctx.addIssue({ code: 'custom', message: 'an answerable case needs at least one gold passage', path: ['gold'] });
    if (c.kind === 'follow-up' && !c.history?.length) ctx.addIssue({ code: 'custom', message: 'a follow-up case needs history', path: ['history'] });
  });

export type EvalCase = z.infer<typeof evalCaseSchema>;

export class EvalCaseError extends PolicyDeskError {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super('invalid_eval_case', `${file}:${line}: ${detail}`);
  }
}

/** Parses JSON lines into cases; a malformed line fails with its file and line number. */
export function parseEvalCases(text: string, file: string): EvalCase[] {
  const cases: EvalCase[] = [];
  const ids = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new EvalCaseError(file, i + 1, `not valid JSON (${(error as Error).message})`);
    }
    const parsed = evalCaseSchema.safeParse(json);
    if (!parsed.success) {
      throw new EvalCaseError(file, i + 1, parsed.error.issues.map((x) => `${x.path.join('.') || 'case'}: ${x.message}`).join('; '));
    }
    if (ids.has(parsed.data.id)) throw new EvalCaseError(file, i + 1, `duplicate id ${parsed.data.id}`);
    ids.add(parsed.data.id);
    cases.push(parsed.data);
  });
  return cases;
}
