import { dirname, isAbsolute, join } from 'node:path';

/** Where the eval files of one evals folder live (`evals/` by default; a copy elsewhere for tests and trials). */
export interface EvalPaths {
  dir: string;
  suite: string;
  baseline: string;
  reports: string;
  retired: string;
  changelog: string;
  candidates: string;
}

export function evalPaths(dir = 'evals'): EvalPaths {
  return {
    dir,
    suite: join(dir, 'suite.json'),
    baseline: join(dir, 'baseline.json'),
    reports: join(dir, 'reports'),
    retired: join(dir, 'retired'),
    changelog: join(dir, 'CHANGELOG.md'),
    candidates: join(dir, 'candidates'),
  };
}

/**
 * A set's file as named in suite.json (`evals/cases.jsonl`): relative to the folder that holds
 * the evals folder (the repository root for `evals/suite.json`), so a copied evals folder reads its own files.
 */
export function setFilePath(suitePath: string, path: string): string {
  return isAbsolute(path) ? path : join(dirname(dirname(suitePath)), path);
}

/**
 * The baseline a question source is gated by and records into: the suite's `baseline.json`,
 * and for a file of questions its own `<file>.baseline.json` beside it, never the suite's.
 */
export function baselineFor(questions: string | undefined, paths: EvalPaths): string {
  if (!questions) return paths.baseline;
  return `${questions.replace(/\.jsonl?$/, '')}.baseline.json`;
}
