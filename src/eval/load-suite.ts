import { z } from 'zod';
import { EvalCaseError, parseEvalCases, type EvalCase } from './eval-case.js';

export type Split = 'dev' | 'held-out';

/** A case with the set (file) it comes from and its split. */
export interface SuiteCase extends EvalCase {
  set: string;
  split: Split;
}

export const suiteSchema = z.object({
  sets: z
    .array(
      z.object({
        name: z.string().min(1),
        path: z.string().min(1),
        /** Share of the file's cases held out, chosen by a hash of the case id (1: the whole file). */
        heldOutShare: z.number().min(0).max(1),
      }),
    )
    .min(1),
});

export type SuiteSpec = z.infer<typeof suiteSchema>;

/** FNV-1a of the id, as a number in [0, 1): stable across runs, machines and added cases. */
export function hashShare(id: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(id)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}

/** The split of one case: held out when its hash falls below the share. */
export function splitOf(id: string, heldOutShare: number): Split {
  return hashShare(id) < heldOutShare ? 'held-out' : 'dev';
}

/**
 * Reads every set of the suite (files read by the caller's `read`, so this stays portable) and
 * assigns each case its split. An id used in two files is an error: the baseline is keyed by id.
 */
export function loadSuite(spec: SuiteSpec, read: (path: string) => string): SuiteCase[] {
  const seen = new Map<string, string>();
  return spec.sets.flatMap((set) =>
    parseEvalCases(read(set.path), set.path).map((c) => {
      const other = seen.get(c.id);
      if (other) throw new EvalCaseError(set.path, 0, `case id ${c.id} is also used in ${other}`);
      seen.set(c.id, set.path);
      return { ...c, set: set.name, split: splitOf(c.id, set.heldOutShare) };
    }),
  );
}
