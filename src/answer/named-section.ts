import { isItem, type Corpus } from '../core/corpus.js';
import type { Passage } from '../core/types.js';
import type { Bm25Index } from '../retrieval/bm25-index.js';
import { DOCUMENT_WORDS, findNamedDocument } from '../retrieval/parse-citation-query.js';
import { isListFiller } from '../retrieval/question-intent.js';
import { readSectionOrdinal, type SectionPosition } from '../retrieval/section-ordinal.js';
import { normalizeForSearch, topicTerms } from '../text/tokenize.js';
import { blockPath, firstParts } from './block-points.js';
import { LEAD_SHARE } from './compose-list.js';
import { namingGrams, share, withoutDocumentNames } from './naming-grams.js';
import { sectionAsks } from './resolve-follow-up.js';

/** A section (一、 = 1) of a document, or the n-th sub-section (（一）) of one, as a question points at it. */
export interface SectionAsked {
  docId: string;
  n: SectionPosition;
  /** "主要任务的第一块": the sub-section of section `n` at this position. */
  sub?: SectionPosition;
  /** What the question asks of the section in words of its own. */
  asks?: string;
}

/**
 * A section asked of a document the question names ("医政医管要点第三部分讲了啥", "长宁计划最后那部分
 * 讲了什么"), with what it asks of the section in words of its own, the document's name left out
 * ("…第三部分里绩效考核怎么说" → 绩效考核). Words before the ordinal that name another section's
 * heading make it a sub-section of that one ("高质量发展方案主要任务的第一块": 二、主要任务 （一）).
 * Undefined unless the question names both a document and a section.
 */
export function namedSection(question: string, corpus: Corpus, bm25: Bm25Index): SectionAsked | undefined {
  const section = readSectionOrdinal(question);
  if (!section) return undefined;
  const doc = findNamedDocument(question, corpus.documents.values());
  if (!doc) return undefined;
  const own = sectionAsks(question, section.words);
  const asks = own === undefined ? undefined : withoutDocumentNames(own, corpus).replace(DOCUMENT_WORDS, ' ');
  const named = { docId: doc.id, ...(asks !== undefined && topicTerms(asks).length > 0 ? { asks } : {}) };
  const before = withoutDocumentNames(question.replace(/\s+/g, '').split(section.words)[0]!, corpus);
  const parent = headedSection(before, doc.id, corpus, bm25);
  return parent !== undefined && parent !== section.position ? { ...named, n: parent, sub: section.position } : { ...named, n: section.position };
}

/** The section of a document whose heading (一、主要任务) the words name, when one does. */
export function headedSection(words: string, docId: string, corpus: Corpus, bm25: Bm25Index): number | undefined {
  const grams = namingGrams(words, corpus, bm25);
  if (grams.length === 0) return undefined;
  const heads = corpus.passages.filter((p) => p.docId === docId && isItem(p) && p.section !== undefined && p.path.length > 0);
  const named = heads.find((p) => share(grams, normalizeForSearch(p.path[0]!), bm25) >= LEAD_SHARE);
  return named?.section;
}

/** The points a section asked covers, one passage per point, in the document's order. */
export function askedPoints(asked: SectionAsked, corpus: Corpus): Passage[] {
  const items = corpus.passages.filter((p) => p.docId === asked.docId && isItem(p) && p.section !== undefined);
  const n = asked.n === 'last' ? Math.max(0, ...items.map((p) => p.section!)) : asked.n;
  const inSection = items.filter((p) => p.section === n);
  if (asked.sub === undefined) return firstParts(inSection);
  const subs = [...new Set(inSection.map((p) => p.sub).filter((s): s is number => s !== undefined))];
  const sub = asked.sub === 'last' ? Math.max(0, ...subs) : asked.sub;
  return firstParts(inSection.filter((p) => p.sub === sub));
}

/**
 * The headings of the section a point sits in name what the question asks of it ("最后那部分专项工作
 * 列了哪几项" under 五、专项工作), or it names nothing but asks for items: the whole section is asked.
 */
export function headingNames(asks: string, point: Passage, corpus: Corpus, bm25: Bm25Index): boolean {
  if (topicTerms(asks).every(isListFiller)) return true;
  const grams = namingGrams(asks, corpus, bm25);
  return grams.length > 0 && share(grams, normalizeForSearch(blockPath(point).join('')), bm25) >= LEAD_SHARE;
}
