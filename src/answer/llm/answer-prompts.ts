import { z } from 'zod';
import { ConfigError } from '../../core/errors.js';

/** The prompt templates from `prompts/`, passed in as strings so the composer never reads files. */
export interface AnswerPrompts {
  /** The Chinese system prompt with the rules. */
  system: string;
  /** The user message; `{{passages}}`, `{{history}}` and `{{question}}` are filled in per request. */
  user: string;
}

const PLACEHOLDERS = ['passages', 'history', 'question'] as const;

const promptsSchema = z.object({
  system: z.string().trim().min(1, 'the system prompt is empty'),
  user: z.string().refine((t) => PLACEHOLDERS.every((p) => t.includes(`{{${p}}}`)), `the user template must contain ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`),
});

/** Checks loaded templates at the boundary; the message says which file to fix. */
export function parseAnswerPrompts(raw: { system: unknown; user: unknown }, where = 'prompts/'): AnswerPrompts {
  const result = promptsSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(`Invalid prompt templates in ${where}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}

/**
 * Fills `{{name}}` placeholders in one pass (filled-in text is never scanned again). Our own
 * syntax rather than ChatPromptTemplate's f-string `{name}`: a template edited by a policy team
 * or a passage may contain a single brace, which an f-string template would reject.
 */
export function fillTemplate(template: string, values: Record<(typeof PLACEHOLDERS)[number], string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? values[name as keyof typeof values] : whole));
}
