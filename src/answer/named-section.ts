import { isItem, type Corpus } from '../core/corpus.js';
import type { Passage } from '../core/types.js';
import type { Bm25Index } from '../retrieval/bm25-index.js';
import { DOCUMENT_WORDS, findNamedDocument } from '../retrieval/parse-citation-query.js';
import { isListFiller, listTopic, readIntent } from '../retrieval/question-intent.js';
import { readPointRange, readSectionOrdinal, type SectionPosition } from '../retrieval/section-ordinal.js';
import { normalizeForSearch, topicTerms } from '../text/tokenize.js';
import { blockPath, firstParts } from './block-points.js';
import { LEAD_SHARE } from './compose-list.js';
import { namingGrams, share, withoutDocumentNames } from './naming-grams.js';
import { sectionAsks } from './resolve-follow-up.js';

/** A section (一、 = 1) of a document, or the n-th sub-section (（一）) of one, as a question points at it. */
export interface SectionAsked {
  docId: string;
  n: SectionPosition | 'all';
  /** "主要任务的第一块": the sub-section of section `n` at this position. */
  sub?: SectionPosition;
  /** What the question asks of the section in words of its own. */
  asks?: string;
  /** "最后三条", "开头两条": only the first or last points of the section (of the document, with `n` 'all'). */
  range?: { from: 'start' | 'end'; count: number };
  /**
   * A part named by what its heading says (组织实施环节, 推动医院高质量发展那部分): the question's topic, by which each point is
   * quoted with its sentence that matches it best, as a composed list quotes, not with its first sentence.
   */
  described?: string;
  /** `asks` came after 对, 关于 inside a part the question names (那部分，对社区卫生服务提了什么要求): a subject of its own, never the heading's words. */
  askedInside?: boolean;
}

/**
 * A section asked of a document the question names ("医政医管要点第三部分讲了啥", "长宁计划最后那部分
 * 讲了什么"), with what it asks of the section in words of its own, the document's name left out
 * ("…第三部分里绩效考核怎么说" → 绩效考核). Words before the ordinal that name another section's
 * heading make it a sub-section of that one ("高质量发展方案主要任务的第一块": 二、主要任务 （一）).
 * The first or last few points ("疫情那部分最后三条", "第二部分开头两条", "收尾的最后三条") are those of
 * the section named by ordinal or heading, else of the whole document. Undefined unless the question
 * names a document and a section or a range; a part named by its heading's words may be of the document
 * a conversation is about (`talkedAbout`).
 */
export function namedSection(question: string, corpus: Corpus, bm25: Bm25Index, talkedAbout?: string): SectionAsked | undefined {
  const range = readPointRange(question);
  const section = readSectionOrdinal(question);
  if (!section && !range) return quotedSection(question, corpus) ?? partNamedByHeading(question, corpus, bm25, talkedAbout);
  const doc = findNamedDocument(question, corpus.documents.values());
  if (!doc) return undefined;
  if (range) {
    // "疫情那部分最后三条": the section the words before them name (by ordinal or heading); else the whole document ("收尾的最后三条").
    const before = listTopic(wordsBefore(question, range.words, corpus)).replace(ENDS, ' ');
    const headed = section ? undefined : headedSection(before, doc.id, corpus, bm25);
    // Words that name a part no heading holds: not a range this can answer.
    if (!section && headed === undefined && topicTerms(before, { joinSingles: true }).some((t) => !isListFiller(t))) return undefined;
    return { docId: doc.id, n: section?.position ?? headed ?? 'all', range: { from: range.from, count: range.count } };
  }
  if (!section) return undefined;
  const own = sectionAsks(question, section.words);
  // Words that point at the part again (第三块医院管理那部分: 那部分) name nothing of their own.
  const asks = own === undefined ? undefined : withoutDocumentNames(own, corpus).replace(DOCUMENT_WORDS, ' ').replace(PART_POINTER, ' ');
  const named = { docId: doc.id, ...(asks !== undefined && topicTerms(asks).length > 0 ? { asks } : {}) };
  const before = wordsBefore(question, section.words, corpus);
  const parent = headedSection(before, doc.id, corpus, bm25);
  return parent !== undefined && parent !== section.position ? { ...named, n: parent, sub: section.position } : { ...named, n: section.position };
}

/** A heading's words in quotes, then the part they head (“优服务”部分, 「组织实施」那一块). */
const QUOTED_PART = /[“「『"]([^”」』"]{2,24})[”」』"][这那]?一?大?(?:部分|板块|块|章|节)/u;

/**
 * The section (or sub-section) of the document the question names whose heading holds the words it quotes before 部分
 * ("沪府办发〔2021〕31号在“组织实施”部分提出了哪些保障措施", "普陀要点的“优服务”部分"): the quote names the heading as
 * an ordinal would. Undefined unless one heading of that document holds them.
 */
function quotedSection(question: string, corpus: Corpus): SectionAsked | undefined {
  const quoted = QUOTED_PART.exec(question);
  if (!quoted) return undefined;
  const doc = findNamedDocument(question, corpus.documents.values());
  if (!doc) return undefined;
  const words = normalizeForSearch(quoted[1]!);
  const found = new Map<string, SectionAsked>();
  for (const p of corpus.passages) {
    if (p.docId !== doc.id || !isItem(p) || p.section === undefined) continue;
    const at = p.path.slice(0, -1).findIndex((h) => normalizeForSearch(h).includes(words));
    if (at === 0) found.set(`${p.section}`, { docId: doc.id, n: p.section });
    else if (at === 1 && p.sub !== undefined) found.set(`${p.section}.${p.sub}`, { docId: doc.id, n: p.section, sub: p.sub });
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

/**
 * Words that close a description of a part of a document (靠改革创新推动事业发展的部分, 推动医院高质量发展那部分, 组织实施环节,
 * “三医联动”外部治理方面, 重质量那一大块): 部分, 板块, 环节 or 方面, after 的, 这 or 那 or right after what the part is about;
 * 大块, a part whatever precedes it. Not 块 alone (护理这块), which names a topic.
 */
const PART_DESCRIBED = /(?:[的这那]一?大?)?(?:部分|板块|环节|方面)|[的这那]?一?大块/u;

/**
 * The section or sub-section of the document a list question names whose heading its words before 部分, 方面 or 环节 name
 * ("沪府办发〔2021〕31号在组织实施环节提出了哪些保障措施" → 三、组织实施; "长宁计划里推动医院高质量发展那部分主要抓哪些事" →
 * 三、…继续推动医疗机构的高质量发展): at least LEAD_SHARE of those words, the best of the document's headings, a sub-section's when
 * it names one better than its section's. Undefined unless the question names a document and its words name one heading.
 */
function partNamedByHeading(question: string, corpus: Corpus, bm25: Bm25Index, talkedAbout?: string): SectionAsked | undefined {
  const q = question.replace(/\s+/g, '');
  const part = PART_DESCRIBED.exec(q);
  if (!part) return undefined;
  // A subject of its own asked inside the part (那部分，对社区卫生服务提了什么要求 → 社区卫生服务; 那部分，中医药文化宣传方面有什么安排;
  // 方面，关于护理是怎么说的): the part's sentences about it. Else a list question asks the part's items (有哪些保障措施, 包含哪些具体工作).
  const inside = SUBJECT_INSIDE.exec(q.slice(part.index + part[0].length))
    ?.slice(1)
    .find((g) => g !== undefined);
  if (inside === undefined && readIntent(question) !== 'list') return undefined;
  // In a conversation, a part of the document talked about (组织实施部分还提出了哪些要求, after a question on its 试点单位).
  const doc = findNamedDocument(question, corpus.documents.values()) ?? (talkedAbout === undefined ? undefined : corpus.documents.get(talkedAbout));
  if (!doc) return undefined;
  // The clause that describes the part, the document's name and the word that governs the part (在, 里, 中) left out.
  const clause = q
    .split(part[0])[0]!
    .split(/[，,。；;：:？?]/u)
    .at(-1)!;
  const asked = bestHeading(namingGrams(clause.replace(DOCUMENT_WORDS, ' '), corpus, bm25, doc), doc.id, corpus, bm25, { subSections: true });
  if (!asked) return undefined;
  return inside !== undefined ? { ...asked, asks: inside, askedInside: true } : { ...asked, described: listTopic(question) };
}

/**
 * A subject asked inside a part, right after the words that name the part: after 对, 关于, 涉及 or 针对 (对社区卫生服务提了什么要求,
 * 关于疾控体系是怎么部署的), or a clause of its own before 方面 or 这块 (，中医药文化宣传方面有什么安排).
 */
const SUBJECT_INSIDE =
  /^(?:里面?|中|当中)?[，,]?(?:对|关于|涉及|针对)([\p{Script=Han}A-Za-z]{2,12}?)(?:的|方面|这块|提|是|有|怎么|咋|如何|作)|^(?:里面?|中|当中)?[，,]([\p{Script=Han}]{2,10}?)(?:方面|这块)/u;

/**
 * The section of a document whose heading (一、主要任务) holds the most of `grams`, at least LEAD_SHARE of them, and with
 * `subSections`, a sub-section's heading ((四)激活“三医联动”…) when it holds more; undefined when none does.
 */
function bestHeading(grams: readonly string[], docId: string, corpus: Corpus, bm25: Bm25Index, options: { subSections: boolean }): SectionAsked | undefined {
  if (grams.length === 0) return undefined;
  let best: { asked: SectionAsked; share: number } | undefined;
  for (const p of corpus.passages) {
    if (p.docId !== docId || !isItem(p) || p.section === undefined || p.path.length === 0) continue;
    const heads: Array<{ asked: SectionAsked; heading: string }> = [{ asked: { docId, n: p.section }, heading: p.path[0]! }];
    if (options.subSections && p.sub !== undefined && p.path.length > 2) heads.push({ asked: { docId, n: p.section, sub: p.sub }, heading: p.path[1]! });
    for (const h of heads) {
      const s = share(grams, normalizeForSearch(h.heading), bm25);
      if (s >= LEAD_SHARE && (!best || s > best.share)) best = { asked: h.asked, share: s };
    }
  }
  return best?.asked;
}

/** 这部分, 那一块, 那一大块: the part pointed at again. */
const PART_POINTER = /[这那]一?大?(?:部分|板块|块|章|节)/gu;

/** The question's words before `words` (those that name a section or a range), the document's name left out: they describe the part asked. */
function wordsBefore(question: string, words: string, corpus: Corpus): string {
  return withoutDocumentNames(question.replace(/\s+/g, '').split(words)[0]!, corpus);
}

/** Words for the end of a document (收尾的最后三条): a place, not a topic. */
const ENDS = /收尾|结尾|末尾|最末|文末/g;

/** The section of a document whose heading (一、主要任务) the words name best, at least LEAD_SHARE of them; undefined when none does. */
export function headedSection(words: string, docId: string, corpus: Corpus, bm25: Bm25Index): number | undefined {
  const n = bestHeading(namingGrams(words, corpus, bm25), docId, corpus, bm25, { subSections: false })?.n;
  return typeof n === 'number' ? n : undefined;
}

/** The points a section asked covers, one passage per point, in the document's order. */
export function askedPoints(asked: SectionAsked, corpus: Corpus): Passage[] {
  const items = corpus.passages.filter((p) => p.docId === asked.docId && isItem(p) && p.section !== undefined);
  const n = asked.n === 'last' ? Math.max(0, ...items.map((p) => p.section!)) : asked.n;
  const inSection = n === 'all' ? items : items.filter((p) => p.section === n);
  const subs = [...new Set(inSection.map((p) => p.sub).filter((s): s is number => s !== undefined))];
  const sub = asked.sub === 'last' ? Math.max(0, ...subs) : asked.sub;
  const points = firstParts(sub === undefined ? inSection : inSection.filter((p) => p.sub === sub));
  if (!asked.range) return points;
  return asked.range.from === 'start' ? points.slice(0, asked.range.count) : points.slice(-asked.range.count);
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
