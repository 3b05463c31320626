import type { Embedder } from '../core/types.js';
import type { QuestionGrouping } from './build-gap-report.js';
import { groupQuestionVectors } from './centre-vectors.js';
import { clusterByCosine } from './cluster-by-cosine.js';

const BATCH = 64;

/**
 * Groups questions by meaning (`report:gaps` on Node): each distinct question embedded with the
 * local model (`embedDocuments`: question against question, no query instruction), centred on the
 * batch mean and clustered at `threshold` (src/insights/data/gap-grouping.json). A group's
 * questions nearest its centre come first.
 */
export function groupByMeaning(embedder: Pick<Embedder, 'embedDocuments'>, threshold: number): QuestionGrouping {
  return {
    by: 'meaning',
    threshold,
    async group(texts) {
      const vectors: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += BATCH) vectors.push(...(await embedder.embedDocuments(texts.slice(i, i + BATCH))).map(unit));
      const labels = groupQuestionVectors(vectors, threshold, clusterByCosine);
      const labelOf = new Map(texts.map((t, i) => [t, labels[i]!]));
      const vectorOf = new Map(texts.map((t, i) => [t, vectors[i]!]));
      return {
        labelOf: (text) => labelOf.get(text)!,
        rank(distinct) {
          const centre = new Float32Array(vectorOf.get(distinct[0]!)!.length);
          for (const text of distinct) vectorOf.get(text)!.forEach((v, d) => (centre[d]! += v));
          const closeness = (text: string) => vectorOf.get(text)!.reduce((s, v, d) => s + v * centre[d]!, 0);
          return [...distinct].sort((a, b) => closeness(b) - closeness(a));
        },
      };
    },
  };
}

function unit(vector: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(vector);
  const norm = Math.hypot(...out) || 1;
  for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}
