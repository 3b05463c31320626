import data from '../retrieval/data/answer-intents.json' with { type: 'json' };
import { isItem, type Corpus } from '../core/corpus.js';
import type { Passage } from '../core/types.js';
import type { Bm25Index } from '../retrieval/bm25-index.js';
import { DOCUMENT_WORDS, findNamedDocument } from '../retrieval/parse-citation-query.js';
import { isListFiller } from '../retrieval/question-intent.js';
import { topicTerms } from '../text/tokenize.js';
import { firstParts } from './block-points.js';
import { headedSection } from './named-section.js';
import { withoutDocumentNames } from './naming-grams.js';

/** Words that ask how a document is organised (data/answer-intents.json `outline`): 分几部分, 分哪几块, 结构. */
const OUTLINE = new RegExp(data.outline.pattern, 'u');
/** Words that point at the document talked about, or only ask (这个文件, 它, 一共, 主要). */
const POINTING = /这个|这份|那个|那份|该|它|其|一共|总共|主要|大概|分别|都|[？?，,。\s]/g;

/** How a document, or one of its sections, is organised: the headings below it. */
export interface OutlineAsked {
  docId: string;
  /** "主要任务分几块": the sub-sections of this section, not the document's sections. */
  section?: number;
}

/**
 * A question that asks how a document is organised ("2023年上海市医政医管工作要点分哪几部分？",
 * "长宁的计划分几块", "这个文件分几部分" of the document the conversation is about), or one of its
 * sections named by its heading ("高质量发展方案主要任务分几块"), and names no topic of its own.
 * 'which document' when it names no document and none is talked about ("这个文件分几部分" opening a
 * conversation). Undefined otherwise: "护理分哪几块" asks of a topic, not of a document.
 */
export function outlineAsked(question: string, corpus: Corpus, bm25: Bm25Index, conversationDocId?: string): OutlineAsked | 'which document' | undefined {
  const q = question.replace(/\s+/g, '');
  const outline = OUTLINE.exec(q);
  if (!outline) return undefined;
  const rest = withoutDocumentNames(q.replace(outline[0], ' '), corpus).replace(DOCUMENT_WORDS, ' ').replace(POINTING, ' ');
  const named = topicTerms(rest).some((t) => !isListFiller(t));
  const doc = findNamedDocument(q, corpus.documents.values())?.id ?? conversationDocId;
  if (!doc) return named ? undefined : 'which document';
  // What is left names a section's heading (主要任务分几块): its sub-sections are asked.
  const section = headedSection(rest, doc, corpus, bm25);
  if (section !== undefined) return { docId: doc, section };
  return named ? undefined : { docId: doc };
}

/** The first point under each heading an outline lists, in the document's order, with that heading. */
export function outlineOf(asked: OutlineAsked, corpus: Corpus): Array<{ heading: string; point: Passage }> {
  const depth = asked.section === undefined ? 0 : 1;
  const items = firstParts(corpus.passages.filter((p) => p.docId === asked.docId && isItem(p) && (asked.section === undefined || p.section === asked.section)));
  const out: Array<{ heading: string; point: Passage }> = [];
  for (const point of items) {
    const heading = point.path[depth];
    // A heading is one of the path's headings, not the point's own number or title.
    if (heading === undefined || point.path.length <= depth + 1 || out.some((o) => o.heading === heading)) continue;
    out.push({ heading, point });
  }
  return out;
}
