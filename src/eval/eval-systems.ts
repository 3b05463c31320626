import type { Answerer } from '../answer/types.js';
import type { Corpus } from '../core/corpus.js';

/** One system the eval runs: the full pipeline, or a baseline a user would otherwise pick. */
export interface EvalSystem {
  name: string;
  description: string;
  answerer: Answerer;
  /** The passages this system retrieves from (baselines may chunk differently). */
  corpus: Corpus;
}
