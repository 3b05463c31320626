import { fuseScores } from '../fuse-scores.js';
import type { Candidates, RetrievalMode } from './gather-candidates.js';
import type { RankedPoint } from './ranked-point.js';

/**
 * Stage: fuse. A point's dense score is (1 − w) × its own cosine + w × its best sentence's (a point
 * seen by one list only gets the other list's lowest score); dense and BM25 are then combined with
 * the lexical share (0 in dense mode, 1 in lexical). The first `n`, best first, scores 0..1.
 */
export function fuseCandidates(c: Candidates, weights: { lexicalShare: number; sentenceWeight: number }, mode: RetrievalMode, n: number): RankedPoint[] {
  const floor = (xs: Iterable<number>) => Math.min(...xs);
  const pointFloor = c.points.size > 0 ? floor(c.points.values()) : 0;
  const sentenceFloor = c.sentences.size > 0 ? floor([...c.sentences.values()].map((s) => s.score)) : pointFloor;
  const w = c.sentences.size > 0 ? weights.sentenceWeight : 0;
  const dense = [...new Set([...c.points.keys(), ...c.sentences.keys()])]
    .map((id) => ({ id, score: (1 - w) * (c.points.get(id) ?? pointFloor) + w * (c.sentences.get(id)?.score ?? sentenceFloor) }))
    .sort((a, b) => b.score - a.score);
  const share = mode === 'dense' ? 0 : mode === 'lexical' ? 1 : weights.lexicalShare;
  return fuseScores(dense, c.lexical, share)
    .slice(0, n)
    .map((r) => {
      const s = c.sentences.get(r.id);
      const point = c.points.get(r.id) ?? c.cosines.get(r.id);
      return { ...r, ...(point !== undefined ? { point } : {}), ...(s ? { sentence: s.score, sentenceId: s.id } : {}) };
    });
}
