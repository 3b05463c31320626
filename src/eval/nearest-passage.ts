import type { Corpus } from '../core/corpus.js';
import { loose } from './resolve-gold.js';

/** The passage that now shares the most character bigrams with a stale anchor (among one document's, when `docId` is given). */
export function nearestPassage(anchor: string, corpus: Corpus, docId?: string): { id: string; label: string; overlap: number } {
  const a = loose(anchor);
  const grams = new Set([...a].slice(0, -1).map((c, i) => c + a[i + 1]));
  let best = { id: '', label: '', overlap: -1 };
  for (const p of corpus.passages) {
    if (docId !== undefined && p.docId !== docId) continue;
    const text = loose(p.text);
    const overlap = [...grams].filter((g) => text.includes(g)).length / Math.max(1, grams.size);
    if (overlap > best.overlap) best = { id: p.id, label: p.label, overlap: Math.round(overlap * 100) / 100 };
  }
  return best;
}
