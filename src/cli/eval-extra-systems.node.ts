import type { EvalSystem } from '../eval/eval-systems.js';
import type { Runtime } from './load-runtime.node.js';

/** Baselines beyond dense-only and lexical-only (fixed-size character chunks). */
export async function extraSystems(_runtime: Runtime): Promise<EvalSystem[]> {
  return [];
}
