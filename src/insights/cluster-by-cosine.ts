/**
 * Agglomerative clustering of unit vectors with average linkage, stopped at a cosine threshold:
 * two groups are merged while the mean cosine between their members is at least `threshold`.
 * Runs the nearest-neighbour-chain algorithm over one similarity matrix (O(n²) time and memory;
 * n is the number of distinct questions, a few thousand a month). Returns a group number per
 * vector, groups numbered by first member.
 */
export function clusterByCosine(vectors: ArrayLike<number>[], threshold: number): number[] {
  const n = vectors.length;
  if (n === 0) return [];
  const dims = vectors[0]!.length;
  const sim = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = vectors[i]!;
    for (let j = i + 1; j < n; j++) {
      const b = vectors[j]!;
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += a[d]! * b[d]!;
      sim[i * n + j] = dot;
      sim[j * n + i] = dot;
    }
  }
  const size = new Int32Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  let remaining = n;
  const chain: number[] = [];
  while (remaining > 1) {
    if (chain.length === 0) chain.push(active.indexOf(1));
    const a = chain[chain.length - 1]!;
    const previous = chain.length > 1 ? chain[chain.length - 2]! : -1;
    // The most similar active group; the previous link of the chain wins a tie, so the chain ends.
    let best = previous;
    let bestSim = previous >= 0 ? sim[a * n + previous]! : Number.NEGATIVE_INFINITY;
    for (let x = 0; x < n; x++) {
      if (!active[x] || x === a) continue;
      const s = sim[a * n + x]!;
      if (s > bestSim) {
        bestSim = s;
        best = x;
      }
    }
    if (best !== previous) {
      chain.push(best);
      continue;
    }
    // a and previous are each other's nearest: merge previous into a (Lance–Williams, average linkage).
    chain.length -= 2;
    if (bestSim < threshold) {
      // Reciprocal nearest groups below the threshold: nothing merges with either any more (the
      // linkage is reducible, so later merges only lower their similarities), and both drop out.
      active[a] = 0;
      active[previous] = 0;
      remaining -= 2;
      continue;
    }
    const [na, nb] = [size[a]!, size[previous]!];
    for (let x = 0; x < n; x++) {
      if (!active[x] || x === a || x === previous) continue;
      const s = (na * sim[a * n + x]! + nb * sim[previous * n + x]!) / (na + nb);
      sim[a * n + x] = s;
      sim[x * n + a] = s;
    }
    size[a] = na + nb;
    active[previous] = 0;
    parent[find(previous)] = find(a);
    remaining--;
  }
  const numbers = new Map<number, number>();
  return Array.from({ length: n }, (_, i) => {
    const root = find(i);
    if (!numbers.has(root)) numbers.set(root, numbers.size);
    return numbers.get(root)!;
  });
}
