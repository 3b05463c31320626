import type { Corpus } from '../core/corpus.js';
import type { Passage } from '../core/types.js';
import { editShare } from '../text/edit-distance.js';
import { normalizeForSearch } from '../text/tokenize.js';
import type { EvalCase } from './eval-case.js';

/** Loose text form for anchors and facts: width, case and whitespace do not matter. */
export const loose = (text: string) => normalizeForSearch(text.normalize('NFKC')).replace(/∶/g, ':');

/**
 * How far a point read from a scan may differ from the same point of the text it was printed from
 * (edit distance over the longer text, `loose` forms) and still be taken for it. OCR at 99 % reads
 * about 1 character in 100 otherwise; another point, or a point that swallowed the next one, differs
 * in far more.
 */
export const MAX_POINT_DRIFT = 0.1;

export interface ResolvedGold {
  /** Point ids (parts of a long point count as the point) that hold each anchor; empty when an anchor is not found. */
  pointIds: string[][];
  /** Anchors that match no passage of their document: the case is stale. */
  missing: string[];
  /** Gold ids written in the case that no longer hold their anchor (re-chunked or edited). */
  moved: string[];
  /** Anchors not found as written but located through the reference text (see resolveGold). */
  tolerated: string[];
}

/**
 * Finds the passages that hold a case's anchors; an anchor found only in a section heading
 * resolves to that section's points.
 *
 * `reference`: the documents as written (the text files), when the corpus was read from scans of
 * them. An anchor the corpus does not hold as written (OCR read a character of it otherwise) is
 * found in the reference instead, and stands for the same numbered point of the same document
 * (same 文号, same section, sub-section and point) in the corpus, provided that point's text
 * differs from the reference's by at most MAX_POINT_DRIFT. The point's identity decides, never
 * a similar sentence elsewhere; an anchor the corpus holds as written is resolved as without a
 * reference.
 */
export function resolveGold(c: EvalCase, corpus: Corpus, reference?: Corpus): ResolvedGold {
  const out: ResolvedGold = { pointIds: [], missing: [], moved: [], tolerated: [] };
  for (const g of c.gold) {
    const anchor = loose(g.anchor);
    const doc = documentOf(corpus, g.doc);
    let holders = doc ? holdersOf(corpus, doc, anchor) : [];
    let ids = [...new Set(holders.map((p) => p.pointId))];
    if (ids.length === 0 && doc && reference) {
      const refDoc = documentOf(reference, g.doc);
      const refIds = refDoc ? [...new Set(holdersOf(reference, refDoc, anchor).map((p) => p.pointId))] : [];
      ids = refIds.flatMap((refId) => {
        const id = doc + refId.slice(refDoc!.length);
        const text = pointText(corpus, id);
        return text !== '' && editShare(pointText(reference, refId), text) <= MAX_POINT_DRIFT ? [id] : [];
      });
      if (ids.length > 0) {
        out.tolerated.push(g.anchor);
        holders = corpus.passages.filter((p) => ids.includes(p.pointId));
      }
    }
    if (ids.length === 0) out.missing.push(g.anchor);
    if (g.id && !holders.some((p) => p.id === g.id || p.pointId === g.id)) out.moved.push(g.id);
    out.pointIds.push(ids);
  }
  return out;
}

/** The id of the document with this 文号. */
function documentOf(corpus: Corpus, docNumber: string): string | undefined {
  return [...corpus.documents.values()].find((d) => loose(d.docNumber) === loose(docNumber))?.id;
}

function holdersOf(corpus: Corpus, docId: string, anchor: string): Passage[] {
  const inDoc = corpus.passages.filter((p) => p.docId === docId);
  const holders = inDoc.filter((p) => loose(p.text).includes(anchor));
  if (holders.length > 0) return holders;
  // An anchor in a section's heading ("第三块讲的啥") names the section: any of its points answers.
  // The deepest heading that holds it names the smallest such section ("（三）落实资金投入").
  const answering = inDoc.filter((p) => p.kind === 'point' || p.kind === 'paragraph' || p.kind === 'section');
  for (let depth = Math.max(0, ...answering.map((p) => p.path.length)) - 1; depth >= 0; depth--) {
    const named = answering.filter((p) => p.path[depth] !== undefined && loose(p.path[depth]!).includes(anchor));
    if (named.length > 0) return named;
  }
  return [];
}

/** A point's text, its parts joined, in loose form; empty when the corpus has no such point. */
function pointText(corpus: Corpus, pointId: string): string {
  return loose(
    corpus.passages
      .filter((p) => p.pointId === pointId)
      .map((p) => p.text)
      .join(''),
  );
}
