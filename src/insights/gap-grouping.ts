import { z } from 'zod';
import { DataError } from '../core/errors.js';
import grouping from './data/gap-grouping.json' with { type: 'json' };

const schema = z.object({
  /** Questions whose groups' mean cosine is at least this are one topic. */
  threshold: z.number().gt(0).lt(1),
  embeddingModel: z.string(),
  chosenOn: z.string(),
  /** Adjusted Rand index at the threshold on the tuning log. */
  ari: z.number().optional(),
});

/**
 * The cosine threshold the gap report groups questions with: chosen by `npm run calibrate:gaps` on
 * a tuning log of staff-style questions (evals/gap-grouping/tuning.json) for bge-small-zh, and
 * written to src/insights/data/gap-grouping.json.
 */
export const GAP_GROUPING = (() => {
  const parsed = schema.safeParse(grouping);
  if (!parsed.success) throw new DataError(`src/insights/data/gap-grouping.json is invalid: ${parsed.error.message}.`, 'npm run calibrate:gaps');
  return parsed.data;
})();
