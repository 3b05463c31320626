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
