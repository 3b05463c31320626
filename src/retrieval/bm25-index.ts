import { tokenize } from '../text/tokenize.js';

export interface Bm25Options {
  k1?: number;
  b?: number;
}

export interface Bm25Data {
  ids: string[];
  lengths: number[];
  avgLength: number;
  /** token -> [docIndex, termFrequency] pairs, flattened. */
  postings: Record<string, number[]>;
}

/** Okapi BM25 over character unigrams and bigrams. Plain data, so it can be prebuilt and shipped to a Worker. */
export class Bm25Index {
  private readonly k1: number;
  private readonly b: number;

  constructor(
    readonly data: Bm25Data,
    options: Bm25Options = {},
  ) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
  }

  static build(docs: ReadonlyArray<{ id: string; text: string }>, options?: Bm25Options): Bm25Index {
    const postings: Record<string, number[]> = {};
    const lengths: number[] = [];
    docs.forEach((doc, index) => {
      const tokens = tokenize(doc.text);
      lengths.push(tokens.length);
      const counts = new Map<string, number>();
      for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [t, tf] of counts) (postings[t] ??= []).push(index, tf);
    });
    const avgLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
    return new Bm25Index({ ids: docs.map((d) => d.id), lengths, avgLength, postings }, options);
  }

  /** How many passages contain the token. */
  /**
   * How rare a token is, as the decision's coverage and the sentence scores weigh it:
   * log(1 + N / (1 + df)); a token found nowhere weighs the most. (BM25's own IDF, in `search`,
   * is the Okapi form.)
   */
  idf(token: string): number {
    return Math.log(1 + this.data.ids.length / (1 + this.documentFrequency(token)));
  }

  documentFrequency(token: string): number {
    return (this.data.postings[token]?.length ?? 0) / 2;
  }

  search(query: string, k: number): Array<{ id: string; score: number }> {
    const { ids, lengths, avgLength, postings } = this.data;
    const n = ids.length;
    const scores = new Float64Array(n);
    for (const token of new Set(tokenize(query))) {
      const list = postings[token];
      if (!list) continue;
      const df = list.length / 2;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i]!;
        const tf = list[i + 1]!;
        const norm = tf + this.k1 * (1 - this.b + (this.b * lengths[doc]!) / avgLength);
        scores[doc]! += (idf * tf * (this.k1 + 1)) / norm;
      }
    }
    const ranked: Array<{ id: string; score: number }> = [];
    scores.forEach((score, i) => {
      if (score > 0) ranked.push({ id: ids[i]!, score });
    });
    return ranked.sort((a, b) => b.score - a.score).slice(0, k);
  }
}
