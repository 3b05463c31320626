/**
 * Adjusted Rand index of two labellings of the same items (Hubert & Arabie, 1985): 1 when they
 * group the items identically, about 0 for a chance agreement. How the gap grouping is measured
 * against the topics a test log was written with.
 */
export function adjustedRandIndex(truth: readonly (string | number)[], predicted: readonly (string | number)[]): number {
  const n = truth.length;
  if (n !== predicted.length) throw new RangeError(`labellings differ in length: ${n} and ${predicted.length}`);
  const pairs = (k: number) => (k * (k - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${truth[i]}\u0000${predicted[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(truth[i]!, (rows.get(truth[i]!) ?? 0) + 1);
    cols.set(predicted[i]!, (cols.get(predicted[i]!) ?? 0) + 1);
  }
  const index = [...table.values()].reduce((s, k) => s + pairs(k), 0);
  const a = [...rows.values()].reduce((s, k) => s + pairs(k), 0);
  const b = [...cols.values()].reduce((s, k) => s + pairs(k), 0);
  const expected = (a * b) / pairs(n);
  const max = (a + b) / 2;
  // Both labellings all singletons, or both one group: they agree exactly.
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
