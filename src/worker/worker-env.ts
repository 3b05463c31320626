/**
 * The slices of the Cloudflare bindings PolicyDesk calls, typed after the documented
 * interfaces (`Ai.run`, `VectorizeIndex.query` / `getByIds` in @cloudflare/workers-types),
 * so in-test bindings and the real ones are interchangeable.
 */

import type { D1Binding } from '../store/d1-binding.js';

/** `env.AI`: Workers AI. */
export interface AiBinding {
  run(model: string, inputs: Record<string, unknown>): Promise<unknown>;
}

export interface VectorizeQueryOptions {
  topK: number;
  namespace?: string;
  returnValues?: boolean;
  returnMetadata?: boolean | 'all' | 'indexed' | 'none';
}

export interface VectorizeRecord {
  id: string;
  values?: ArrayLike<number>;
  namespace?: string;
  metadata?: Record<string, unknown>;
}

/** `env.VECTORIZE`: a Vectorize (v2) index. */
export interface VectorizeBinding {
  query(vector: number[], options: VectorizeQueryOptions): Promise<{ matches: Array<{ id: string; score: number }>; count?: number }>;
  getByIds(ids: string[]): Promise<VectorizeRecord[]>;
}

/** What the Worker receives as `env`: optional bindings, plus vars and secrets as strings. */
export interface WorkerEnv {
  AI?: AiBinding;
  VECTORIZE?: VectorizeBinding;
  FEEDBACK_DB?: D1Binding;
  RATE_LIMITER?: RateLimiterBinding;
  [name: string]: unknown;
}

/** Cloudflare's rate-limiting binding. */
export interface RateLimiterBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** The string-valued entries of `env` (vars and secrets), for `parseConfig`. */
export function envStrings(env: WorkerEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
