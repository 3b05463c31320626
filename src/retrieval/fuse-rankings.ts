export interface Ranking {
  hits: ReadonlyArray<{ id: string }>;
  weight: number;
}

/** Weighted reciprocal rank fusion: each list adds `weight / (k + rank)` for every id it ranks. */
export function fuseRankings(rankings: readonly Ranking[], k = 60): Array<{ id: string; score: number }> {
  const scores = new Map<string, number>();
  for (const { hits, weight } of rankings) {
    hits.forEach((hit, rank) => scores.set(hit.id, (scores.get(hit.id) ?? 0) + weight / (k + rank + 1)));
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
