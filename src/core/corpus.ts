import type { Citation, Passage, PolicyDocument } from './types.js';
import { InvariantError } from './errors.js';

export interface CorpusData {
  documents: PolicyDocument[];
  passages: Passage[];
}

/** Said beside a citation of a passage read from a scan that OCR was unsure of (Passage.ocrUnsure). */
export const OCR_UNSURE_NOTE = '（扫描件识别，请核对原文）';

/** The parsed corpus in memory: documents, passages, and lookups between them. Portable. */
export class Corpus {
  readonly documents: ReadonlyMap<string, PolicyDocument>;
  readonly passages: readonly Passage[];
  private readonly byId: ReadonlyMap<string, Passage>;

  constructor(readonly data: CorpusData) {
    this.documents = new Map(data.documents.map((d) => [d.id, d]));
    this.passages = data.passages;
    this.byId = new Map(data.passages.map((p) => [p.id, p]));
  }

  passage(id: string): Passage | undefined {
    return this.byId.get(id);
  }

  document(id: string): PolicyDocument {
    const doc = this.documents.get(id);
    if (!doc) throw new InvariantError(`passage refers to unknown document ${id}`);
    return doc;
  }

  /** Passages of the same document before and after, for reading a citation in context. */
  neighbours(id: string, span = 1): { before: Passage[]; after: Passage[] } {
    const p = this.byId.get(id);
    if (!p) return { before: [], after: [] };
    const sameDoc = this.passages.filter((q) => q.docId === p.docId);
    const at = sameDoc.findIndex((q) => q.id === id);
    return { before: sameDoc.slice(Math.max(0, at - span), at), after: sameDoc.slice(at + 1, at + 1 + span) };
  }

  citation(id: string, score: number): Citation {
    const p = this.byId.get(id);
    if (!p) throw new InvariantError(`unknown passage ${id}`);
    const d = this.document(p.docId);
    return {
      id: p.id,
      docNumber: d.docNumber,
      title: d.title,
      issuer: d.issuer,
      date: d.date,
      path: p.path,
      label: p.label,
      text: p.text,
      score,
      ...(d.validUntil ? { validUntil: d.validUntil } : {}),
      ...(p.ocrUnsure ? { ocrNote: OCR_UNSURE_NOTE } : {}),
      ...(d.newerVersion ? { newerVersion: { docNumber: d.newerVersion.docNumber, title: d.newerVersion.title, date: d.newerVersion.date } } : {}),
    };
  }
}

/**
 * The text embedded and indexed for a passage: the document title gives each point its issuer
 * and year, the headings its topic ("加强区域内中医药能力提升" is said only in the heading).
 */
export function searchText(passage: Passage, document: PolicyDocument): string {
  const headings = passage.kind === 'point' || passage.kind === 'paragraph' ? passage.path.slice(0, -1) : passage.path;
  return [`《${document.title}》`, ...headings, passage.text].filter(Boolean).join('\n');
}

/** Passages that sit under a heading as its items: numbered points, lead-sentence paragraphs and headed sub-sections (（一）强化组织领导), not a preamble, notice or closing. */
export function isItem(passage: Passage): boolean {
  return passage.kind === 'point' || passage.kind === 'paragraph' || passage.kind === 'section';
}
