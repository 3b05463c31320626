/**
 * Convex combination of two score lists, each scaled to 0..1 over its own candidates (dense:
 * min–max of the cosines; lexical: BM25 over its best). An id missing from a list scores 0 there.
 */
export function fuseScores(dense: ReadonlyArray<{ id: string; score: number }>, lexical: ReadonlyArray<{ id: string; score: number }>, lexicalShare: number): Array<{ id: string; score: number }> {
  const scale = (hits: ReadonlyArray<{ id: string; score: number }>, floor: number) => {
    const max = Math.max(...hits.map((h) => h.score));
    const min = floor < 0 ? Math.min(...hits.map((h) => h.score)) : floor;
    return new Map(hits.map((h) => [h.id, max > min ? (h.score - min) / (max - min) : 1]));
  };
  const d = dense.length > 0 ? scale(dense, -1) : new Map<string, number>();
  const l = lexical.length > 0 ? scale(lexical, 0) : new Map<string, number>();
  const ids = new Set([...d.keys(), ...l.keys()]);
  return [...ids].map((id) => ({ id, score: Math.round(((1 - lexicalShare) * (d.get(id) ?? 0) + lexicalShare * (l.get(id) ?? 0)) * 1000) / 1000 })).sort((a, b) => b.score - a.score);
}
