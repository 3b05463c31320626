/** A point ranked for a question, with what each retriever said of it. */
export interface RankedPoint {
  id: string;
  /** Fused score, 0..1. */
  score: number;
  /** Cosine of the whole point. */
  point?: number;
  /** Cosine of the point's best sentence, and which sentence. */
  sentence?: number;
  sentenceId?: string;
  /** The reranker's score, when one ran. */
  rerank?: number;
}
