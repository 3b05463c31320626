import type { Corpus } from '../core/corpus.js';
import { normalizeForSearch } from '../text/tokenize.js';
import type { EvalCase } from './eval-case.js';

/** Loose text form for anchors and facts: width, case and whitespace do not matter. */
export const loose = (text: string) => normalizeForSearch(text.normalize('NFKC')).replace(/∶/g, ':');

export interface ResolvedGold {
  /** Point ids (parts of a long point count as the point) that hold each anchor; empty when an anchor is not found. */
  pointIds: string[][];
  /** Anchors that match no passage of their document: the case is stale. */
  missing: string[];
  /** Gold ids written in the case that no longer hold their anchor (re-chunked or edited). */
  moved: string[];
}

/** Finds the passages that hold a case's anchors; an anchor found only in a section heading resolves to that section's points. */
export function resolveGold(c: EvalCase, corpus: Corpus): ResolvedGold {
  const out: ResolvedGold = { pointIds: [], missing: [], moved: [] };
  for (const g of c.gold) {
    const doc = [...corpus.documents.values()].find((d) => loose(d.docNumber) === loose(g.doc));
    const anchor = loose(g.anchor);
    const inDoc = doc ? corpus.passages.filter((p) => p.docId === doc.id) : [];
    let holders = inDoc.filter((p) => loose(p.text).includes(anchor));
    // An anchor in a section's heading ("第三块讲的啥") names the section: any of its points answers.
    // The deepest heading that holds it names the smallest such section ("（三）落实资金投入").
    if (holders.length === 0) {
      const answering = inDoc.filter((p) => p.kind === 'point' || p.kind === 'paragraph' || p.kind === 'section');
      for (let depth = Math.max(0, ...answering.map((p) => p.path.length)) - 1; depth >= 0 && holders.length === 0; depth--) {
        holders = answering.filter((p) => p.path[depth] !== undefined && loose(p.path[depth]!).includes(anchor));
      }
    }
    if (holders.length === 0) out.missing.push(g.anchor);
    if (g.id && !holders.some((p) => p.id === g.id || p.pointId === g.id)) out.moved.push(g.id);
    out.pointIds.push([...new Set(holders.map((p) => p.pointId))]);
  }
  return out;
}
