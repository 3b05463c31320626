import type { Embedder } from '../core/types.js';

/**
 * Deterministic stand-in for tests: hashes character bigrams into a normalised vector, so
 * texts that share wording land near each other. No model, no I/O.
 */
export class FakeEmbedder implements Embedder {
  readonly modelId = 'fake/char-bigram-hash';
  constructor(readonly dimensions = 64) {}

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embed(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }

  private embed(text: string): number[] {
    const vector = new Array<number>(this.dimensions).fill(0);
    const chars = [...text.replace(/\s+/g, '')];
    for (let i = 0; i < chars.length; i++) {
      const gram = chars[i]! + (chars[i + 1] ?? '');
      let h = 2166136261;
      for (const c of gram) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
      vector[(h >>> 0) % this.dimensions]! += 1;
    }
    const norm = Math.hypot(...vector) || 1;
    return vector.map((x) => x / norm);
  }
}
