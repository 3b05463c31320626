import type { Corpus } from '../../core/corpus.js';
import type { RankedPoint } from './ranked-point.js';

/**
 * When a document takes effect and until when, as its closing clause says (本实施方案自…起实施,有效期至…):
 * those words, and, with the document itself as subject (它, 这个文件, 该方案), when it runs to or
 * starts (它管到哪一年, 那它啥时候开始执行的; …实施方案管到哪天为止, 那个方案管到啥时候, the document named before), is still in force (还有效吗) or expires (到期).
 */
/** The words for a document (方案, 要点, 计划, 通知, 文件, 意见). */
const DOCUMENT_WORDS = '方案|要点|计划|通知|文件|意见';
const ASKS_VALIDITY = new RegExp(
  `有效期|施行|起实施|实施日期|生效|失效|过期|有效到|到期|(?:还|仍|是否)有效|(?:它|(?:该|这个|这份|本|那个|那份)?(?:${DOCUMENT_WORDS}))[^，,。？?]{0,6}?(?:为止|实施|执行|生效|[管用]?到哪|到什么时候|[管用]到(?:啥时候|何时))`,
);
const ASKS_ISSUANCE = /印发|发文|落款|发布|文号|通知|抄送|谁发|发的文|成文/;
/** Words that name the document itself (这个方案, 该文件, 它). */
const DOCUMENT_ITSELF = `${DOCUMENT_WORDS}|它|这个|该|本`;
const NAMES_DOCUMENT_ITSELF = new RegExp(DOCUMENT_ITSELF, 'u');
/** The validity of something else than a document (护士执业注册的有效期, 证书有效期): a work item, not the closing clause. */
const OTHER_VALIDITY = new RegExp(`(?<!${DOCUMENT_ITSELF})(?:的|之)?有效期`, 'u');
const NAMES_SUBJECT = /[\p{Script=Han}]{2}(?:的|之)?有效期/u;
/** A rule text a document announces (评审标准上海实施细则, 管理办法, 目录) taking effect: not the document's own start. */
const OTHER_RULE_STARTS = /(?:细则|标准|办法|规定|规范|制度|条例|目录|指南)[^，,。？?]{0,8}?(?:起实施|施行|生效|实施日期)/u;

/**
 * Which kinds of passage may answer: the cover notice only questions about issuing (日期, 文号,
 * 印发), else its title words only add noise; the closing clause first for when a document takes
 * effect and until when (not for the validity of something else: 护士执业注册的有效期, 实施细则哪天起实施);
 * and, when the question names years, only passages of those years. When it
 * names several scopes (`groups`: 市里两份2023年要点和普陀的文件) and some scope has a document of
 * those years, a scope that has none keeps its passages: the years name the other scope's documents.
 */
export function routeByKind(question: string, ranked: RankedPoint[], corpus: Corpus, years: readonly string[], text: (passageId: string) => string, groups: readonly string[][] = []): RankedPoint[] {
  const kind = (r: RankedPoint) => corpus.passage(r.id)!.kind;
  let routed = ASKS_ISSUANCE.test(question) ? ranked : ranked.filter((r) => kind(r) !== 'notice');
  if (asksDocumentValidity(question)) routed = [...routed.filter((r) => kind(r) === 'closing'), ...routed.filter((r) => kind(r) !== 'closing')];
  if (years.length === 0) return routed;
  const ofYears = (docId: string) => {
    const d = corpus.document(docId);
    return years.some((y) => d.date.startsWith(y) || d.title.includes(y));
  };
  const dated = groups.length > 1 ? groups.filter((g) => g.some(ofYears)) : [];
  const undated = dated.length > 0 ? groups.filter((g) => !g.some(ofYears)).flat() : [];
  return routed.filter((r) => {
    const docId = corpus.passage(r.id)!.docId;
    return undated.includes(docId) || ofYears(docId) || years.some((y) => text(r.id).includes(y));
  });
}

/** When the document itself takes effect or until when it runs (该方案什么时候失效, 那个方案管到啥时候): its closing clause answers. */
export function asksDocumentValidity(question: string): boolean {
  return ASKS_VALIDITY.test(question) && !asksOtherValidity(question);
}

/** 有效期 of a subject the question names that is not a document (护士执业注册的有效期是几年), and no other word of validity; or a rule text the documents announce taking effect (评审标准上海实施细则哪天起实施). */
function asksOtherValidity(question: string): boolean {
  const q = question.replace(/\s+/g, '');
  if (OTHER_RULE_STARTS.test(q) && !NAMES_DOCUMENT_ITSELF.test(q)) return true;
  return NAMES_SUBJECT.test(q) && OTHER_VALIDITY.test(q) && !ASKS_VALIDITY.test(q.replace(/有效期/g, ''));
}
