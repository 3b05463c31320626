import { computeMetrics, type Metrics } from './metrics.js';
import type { CaseResult } from './run-eval.js';

/** Metrics for each kind and tag (kind:number, doc:沪卫发〔2023〕2号, …). */
export function metricsPerTag(results: readonly CaseResult[]): Record<string, Metrics> {
  const groups = new Map<string, CaseResult[]>();
  for (const r of results) {
    for (const tag of new Set([`kind:${r.kind}`, ...r.tags.filter((t) => t.startsWith('doc:') || !t.includes(':'))])) {
      groups.set(tag, [...(groups.get(tag) ?? []), r]);
    }
  }
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([tag, rs]) => [tag, computeMetrics(rs)]));
}

/** The groups the baseline gates: every held-out case, every dev case; a file run outside the suite is one group, `all`. */
export const GATED_GROUPS = ['held-out', 'dev', 'all'];

/** Metrics per split, and per split and set (`held-out/colloquial`); cases outside a suite form `all`. */
export function metricsPerSplit(results: readonly CaseResult[]): Record<string, Metrics> {
  const groups = new Map<string, CaseResult[]>();
  const add = (key: string, r: CaseResult) => groups.set(key, [...(groups.get(key) ?? []), r]);
  for (const r of results) {
    if (!r.split) {
      add('all', r);
      continue;
    }
    add(r.split, r);
    if (r.set) add(`${r.split}/${r.set}`, r);
  }
  const order = (k: string) => (k.startsWith('held-out') ? 0 : k.startsWith('dev') ? 1 : 2);
  return Object.fromEntries([...groups].sort(([a], [b]) => order(a) - order(b) || a.length - b.length || a.localeCompare(b)).map(([k, rs]) => [k, computeMetrics(rs)]));
}

/** Metrics per split and intent (`held-out/intent:figure`): what kind of answer was asked. */
export function metricsPerIntent(results: readonly CaseResult[]): Record<string, Metrics> {
  const groups = new Map<string, CaseResult[]>();
  for (const r of results) {
    const key = `${r.split ?? 'all'}/intent:${r.intent}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, rs]) => [k, computeMetrics(rs)]));
}
