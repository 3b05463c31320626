import type { VectorIndex } from '../core/types.js';

/** Exact inner-product search over normalised vectors: portable (Workers, tests), fine for a few thousand passages. */
export class FlatIndex implements VectorIndex {
  constructor(private readonly entries: ReadonlyArray<{ id: string; vector: ArrayLike<number> }>) {}

  async search(vector: number[], k: number): Promise<Array<{ id: string; score: number }>> {
    const scored = this.entries.map(({ id, vector: v }) => {
      let dot = 0;
      for (let i = 0; i < vector.length; i++) dot += vector[i]! * (v[i] ?? 0);
      return { id, score: dot };
    });
    return scored.sort((a, b) => b.score - a.score).slice(0, k);
  }
}
