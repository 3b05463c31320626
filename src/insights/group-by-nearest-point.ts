import { mostCommon, type QuestionGrouping } from './build-gap-report.js';

/** The label of questions retrieval found nothing near. */
const NOTHING_NEAR = '';

/**
 * Groups questions by the passage retrieval found nearest to each (the first of the log's
 * `nearestIds`; a question asked more than once takes its most common one), for the Worker,
 * which has no local embedding model. Coarser than grouping by meaning: two different gaps near
 * the same point are one group, and one gap whose wordings retrieval sends to different points
 * is split. A group's most asked questions come first, then the latest.
 */
export function groupByNearestPoint(): QuestionGrouping {
  return {
    by: 'nearest-point',
    threshold: null,
    async group(texts, items) {
      const nearest = new Map<string, string[]>();
      const asked = new Map<string, { count: number; last: string }>();
      for (const item of items) {
        const text = item.question.trim();
        if (item.nearestId) nearest.set(text, [...(nearest.get(text) ?? []), item.nearestId]);
        const seen = asked.get(text);
        asked.set(text, { count: (seen?.count ?? 0) + 1, last: seen && seen.last > item.askedAt ? seen.last : item.askedAt });
      }
      const labelOf = new Map(texts.map((t) => [t, mostCommon(nearest.get(t) ?? []) ?? NOTHING_NEAR]));
      return {
        labelOf: (text) => labelOf.get(text)!,
        rank: (distinct) => [...distinct].sort((a, b) => asked.get(b)!.count - asked.get(a)!.count || asked.get(b)!.last.localeCompare(asked.get(a)!.last)),
      };
    },
  };
}
