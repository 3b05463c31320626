/** The decline threshold as a share of the lowest probability of a dev question answered right. */
export const DECLINE_MARGIN = 0.5;
/** Precision the high tier must reach on the dev split. */
export const HIGH_PRECISION = 0.9;

/**
 * Low: a refusal is a miss, and the dev split holds none of the questions worded furthest from the
 * documents (paraphrase-hard is wholly held out), so the decline threshold keeps a margin below
 * every dev question whose first point is right: half the lowest probability such a question got.
 * High: the lowest threshold above every out-of-corpus dev question at which answers given with
 * confidence are right at least HIGH_PRECISION of the time.
 */
export function chooseThresholds(rows: ReadonlyArray<{ p: number; label: 0 | 1; c: { abstain: boolean } }>): { low: number; high: number } {
  const minPositive = Math.min(1, ...rows.filter((r) => r.label === 1).map((r) => r.p));
  const low = minPositive * DECLINE_MARGIN;
  const oocMax = Math.max(0, ...rows.filter((r) => r.c.abstain).map((r) => r.p));
  const candidates = [...new Set(rows.map((r) => r.p))].filter((p) => p > oocMax).sort((a, b) => a - b);
  // Above every out-of-corpus question: the first candidate where precision holds, else nothing is confident.
  const high =
    candidates.find((t) => {
      const above = rows.filter((r) => r.p >= t);
      return above.length > 0 && above.filter((r) => r.label === 1).length / above.length >= HIGH_PRECISION;
    }) ?? 1;
  // Not rounded: a rounded threshold could move the dev question it was set by to the other side.
  return { low: Math.min(low, high), high };
}
