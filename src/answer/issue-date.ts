import type { Corpus } from '../core/corpus.js';
import type { Passage } from '../core/types.js';
import { DOCUMENT_WORDS, findNamedDocument } from '../retrieval/parse-citation-query.js';
import { isAskingWord, isListFiller, readIntent } from '../retrieval/question-intent.js';
import { topicTerms } from '../text/tokenize.js';
import { chineseDate } from './compose-text.js';
import { withoutDocumentNames } from './naming-grams.js';

/** The verbs with which a document is issued (印发 is the word its own notice uses; 发布, 下发, 出台, 发文, 签发, and staff's 发的). */
const ISSUED = /印发|发布|下发|出台|发文|签发|发出|发的|发了/gu;
/** Words that point at the document talked about, or only ask (这个文件, 这份计划, 它, 具体, 正式). */
const POINTING = /这个|这份|这|那个|那份|该|它|其|具体|正式|是|的|[？?，,。！!\s]/gu;
/** The words that ask a date (啥时候, 哪一天, 几月份, 日期) and the short names staff give a document's issuer and year (市卫健委, 23年). */
const DATE_WORDS = /什么时候|啥时候|啥时|何时|几时|哪一?天|哪一?年|几月份?|几号|哪个月|日期|时间|(?:[市区]|普陀区?|长宁区?)?(?:卫健委|卫生健康委(?:员会)?|政府办公厅|政府办)|\d{2}年/gu;

/**
 * The document a question asks the issue date of ("《2023年长宁区医疗工作计划》是哪一天印发的", "这文件啥时候发的" of the
 * document talked about): a date asked with a verb of issuing, and no topic of its own left once the document's name, its
 * words for a document and the pointing words are set aside ("实施细则哪天印发" asks of another rule, not of a seed
 * document). Undefined otherwise.
 */
export function issueAsked(question: string, corpus: Corpus, conversationDocId?: string): string | undefined {
  const q = question.replace(/\s+/g, '');
  if (!ISSUED.test(q) || readIntent(q) !== 'date') return undefined;
  ISSUED.lastIndex = 0;
  const rest = withoutDocumentNames(q, corpus).replace(DOCUMENT_WORDS, ' ').replace(ISSUED, ' ').replace(DATE_WORDS, ' ').replace(POINTING, ' ');
  if (topicTerms(rest, { joinSingles: true }).some((t) => !isAskingWord(t) && !isListFiller(t))) return undefined;
  const named = findNamedDocument(q, corpus.documents.values());
  if (named) return named.id;
  // Of the document talked about when the question points at it (这文件, 该方案, 它) or names none; a name that fits
  // several documents (市卫健委23年工作要点: two) is not guessed.
  return POINTS_AT.test(q) || !new RegExp(DOCUMENT_WORDS.source, 'u').test(q) ? conversationDocId : undefined;
}

/** Words that stand for the document talked about. */
const POINTS_AT = /这|该|那|它/u;

/**
 * What answers when a document was issued: its cover notice, which its issuer signs and dates, and the run of the notice
 * that holds the date (the issuer and the date, as signed: 上海市长宁区卫生健康委员会2023年3月8日), verbatim. Undefined
 * when the document has no notice or the notice does not hold its date.
 */
export function issueSignature(docId: string, corpus: Corpus): { passage: Passage; quote: string } | undefined {
  const doc = corpus.documents.get(docId);
  const notice = corpus.passages.find((p) => p.docId === docId && p.kind === 'notice');
  if (!doc || !notice) return undefined;
  const date = chineseDate(doc.date);
  const text = notice.text.replace(/\s+/g, '');
  const at = text.lastIndexOf(date);
  if (at < 0) return undefined;
  const signed = text.slice(Math.max(0, at - doc.issuer.length), at) === doc.issuer;
  return { passage: notice, quote: `${signed ? doc.issuer : ''}${date}` };
}
