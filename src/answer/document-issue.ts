import type { Corpus } from '../core/corpus.js';
import type { Passage } from '../core/types.js';
import { DOCUMENT_WORDS, findNamedDocument, NAMES_A_DOCUMENT } from '../retrieval/parse-citation-query.js';
import { isAskingWord, isListFiller, readIntent } from '../retrieval/question-intent.js';
import { escapeRegExp } from '../text/escape-reg-exp.js';
import { topicTerms } from '../text/tokenize.js';
import { chineseDate } from './compose-text.js';
import { withoutDocumentNames } from './naming-grams.js';

/** The verbs with which a document is issued (印发 is the word its own notice uses; 发布, 下发, 出台, 发文, 签发, and staff's 发的), and 落款, the line that signs and dates it. */
const ISSUED = /印发|发布|下发|出台|发文|签发|发出|发的|发了|落款/gu;
/** Words that point at the document talked about, or only ask (这个文件, 这份计划, 它, 具体, 正式). */
const POINTING = /这个|这份|这|那个|那份|该|它|其|具体|正式|是|的|[？?，,。！!\s]/gu;
/**
 * The words that ask a date (啥时候, 哪一天, 几月份, 日期) and the short names staff give a document's issuer and year (市卫健委,
 * 23年); the places before them (普陀区卫健委) are left out with the document's name.
 */
const DATE_WORDS = /什么时候|啥时候|啥时|何时|几时|哪一?天|哪一?年|几月份?|几号|哪个月|日期|时间|[市区]?(?:卫健委|卫生健康委(?:员会)?|政府办公厅|政府办)|\d{2}年/gu;

/** Words that ask who issued a document (谁发的, 哪个部门印发的, 发文单位). */
const WHO_ISSUED = /谁(?:印发|发布|下发|签发|出台|制定|发)的?|哪(?:个|家)(?:部门|单位|机关)(?:印发|发布|下发|出台|发)的?|(?:发文|印发|落款)(?:单位|机关|部门)/gu;

/** The same, tested once in a question (the global forms above blank every match). */
const ASKS_ISSUED = new RegExp(ISSUED.source, 'u');
const ASKS_WHO_ISSUED = new RegExp(WHO_ISSUED.source, 'u');

/** What a question asks of a document's issuing: when (the date it was signed) or who (the body that signed it). */
export interface IssueAsked {
  docId: string;
  asks: 'date' | 'who';
}

/**
 * The document a question asks when or by whom it was issued ("《2023年长宁区医疗工作计划》是哪一天印发的", "这文件啥时候发的",
 * "这文件谁发的啊" of the document talked about): a date asked with a verb of issuing, or who issued it asked of a document
 * (its name or a word for it: 这文件, 该方案; 这条谁发的 asks where a point comes from), and no topic of its own left once
 * the document's name, its words for a document and the pointing words are set aside ("实施细则哪天印发" asks of another rule,
 * not of a seed document). Undefined otherwise.
 */
export function issueAsked(question: string, corpus: Corpus, conversationDocId?: string): IssueAsked | undefined {
  const q = question.replace(/\s+/g, '');
  const who = ASKS_WHO_ISSUED.test(q) && NAMES_A_DOCUMENT.test(q);
  const when = ASKS_ISSUED.test(q) && readIntent(q) === 'date';
  if (!who && !when) return undefined;
  const rest = withoutDocumentNames(q, corpus).replace(DOCUMENT_WORDS, ' ').replace(WHO_ISSUED, ' ').replace(ISSUED, ' ').replace(DATE_WORDS, ' ').replace(POINTING, ' ');
  if (topicTerms(rest, { joinSingles: true }).some((t) => !isAskingWord(t) && !isListFiller(t))) return undefined;
  const asks = when ? 'date' : 'who';
  const named = findNamedDocument(q, corpus.documents.values());
  if (named) return { docId: named.id, asks };
  // Of the document talked about when the question points at it (这文件, 该方案, 它) or names none; a name that fits
  // several documents (市卫健委23年工作要点: two) is not guessed.
  const talkedAbout = POINTS_AT.test(q) || !NAMES_A_DOCUMENT.test(q) ? conversationDocId : undefined;
  return talkedAbout === undefined ? undefined : { docId: talkedAbout, asks };
}

/** Words that stand for the document talked about. */
const POINTS_AT = /这|该|那|它/u;

/**
 * What answers when or by whom a document was issued: its cover notice, which its issuer signs and dates, and the run
 * of the notice that says it, verbatim: the signature (上海市长宁区卫生健康委员会2023年3月8日), or, asked who, where the
 * date is signed without the issuer (…请认真按照执行.2021年12月27日), the notice's own title naming the issuer
 * (上海市人民政府办公厅印发«…»的通知); asked when, the date alone there. Undefined when the document has no notice or the
 * notice holds neither.
 */
export function issueSignature(asked: IssueAsked, corpus: Corpus): { passage: Passage; quote: string } | undefined {
  const doc = corpus.documents.get(asked.docId);
  const notice = corpus.passages.find((p) => p.docId === asked.docId && p.kind === 'notice');
  if (!doc || !notice) return undefined;
  const date = chineseDate(doc.date);
  const text = notice.text.replace(/\s+/g, '');
  const at = text.lastIndexOf(date);
  const signed = at >= 0 && text.slice(Math.max(0, at - doc.issuer.length), at) === doc.issuer;
  if (signed) return { passage: notice, quote: `${doc.issuer}${date}` };
  if (asked.asks === 'date') return at < 0 ? undefined : { passage: notice, quote: date };
  const title = new RegExp(`${escapeRegExp(doc.issuer)}印发[^。]*?通知`, 'u').exec(text)?.[0];
  return title === undefined ? undefined : { passage: notice, quote: title };
}
