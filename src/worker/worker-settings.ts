import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { DEFAULT_BINDING_TIMEOUT_MS } from '../core/limits.js';

const schema = z.object({
  /** "true": `/api/*` answers without a key when API_KEYS is empty. Anything else: it refuses. */
  PUBLIC_API: z
    .enum(['true', 'false', ''])
    .default('false')
    .transform((v) => v === 'true'),
  BINDING_TIMEOUT_MS: z.coerce.number().int().min(10).max(30_000).default(DEFAULT_BINDING_TIMEOUT_MS),
  /** Slack channel (id or name) the weekly Cron Trigger posts the gap digest to; empty: no digest. */
  GAPS_SLACK_CHANNEL: z.string().trim().default(''),
});

/** The settings only the Worker reads (the shared ones are in core/config). */
export type WorkerSettings = z.infer<typeof schema>;

/** Parses the Worker's own vars; an invalid value fails naming the variable, like `parseConfig`. */
export function parseWorkerSettings(env: Record<string, unknown>): WorkerSettings {
  const source = { PUBLIC_API: env.PUBLIC_API, BINDING_TIMEOUT_MS: env.BINDING_TIMEOUT_MS === '' ? undefined : env.BINDING_TIMEOUT_MS, GAPS_SLACK_CHANNEL: env.GAPS_SLACK_CHANNEL };
  const result = schema.safeParse(source);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${issues}`);
  }
  return result.data;
}
