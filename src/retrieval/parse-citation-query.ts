import type { PolicyDocument } from '../core/types.js';
import { parseChineseNumeral } from '../text/chinese-numerals.js';
import { DISTRICT_IN_TITLE, namedPlaces } from './scope-check.js';
import { normalizeForSearch } from '../text/tokenize.js';

export interface CitationQuery {
  docId: string;
  section?: number;
  sub?: number;
  point?: number;
}

const DOC_NUMBER = /([\u4e00-\u9fff]{1,6})[〔[［【(（](\d{4})[〕\]］】)）](\d{1,4})号/;
/** Every 文号 in a text (沪府办发〔2021〕31号): a document's number, no topic. */
export const DOC_NUMBERS = new RegExp(DOC_NUMBER.source, 'gu');
const CN = '[一二三四五六七八九十]{1,3}';

const titleBigrams = (title: string) => {
  const chars = [...title.replace(/[^\u4e00-\u9fff]/g, '')];
  return new Set(chars.slice(0, -1).map((c, i) => c + chars[i + 1]));
};

/**
 * The documents a question names, one per word for a document ("2023年市医政医管工作要点和市卫生健康
 * 工作要点分别…", "市里医政要点跟长宁计划"): each stretch of the question up to such a word is read
 * on its own. Empty when it names none.
 */
export function namedDocuments(question: string, documents: Iterable<PolicyDocument>): PolicyDocument[] {
  const docs = [...documents];
  const q = normalizeForSearch(question);
  const stretches = q.split(new RegExp(`(?<=${DOCUMENT_WORDS.source})`, 'u'));
  const named: PolicyDocument[] = [];
  for (const stretch of stretches.length > 1 ? stretches : [q]) {
    const doc = namedIn(stretch, docs);
    if (doc && !named.includes(doc)) named.push(doc);
  }
  return named;
}

/**
 * The question cut after each word for a document (市医政要点|里医疗纠纷这块咋说的), each stretch with the document it
 * names, if any: the words that name a document are those of its stretch.
 */
export function documentStretches(question: string, documents: Iterable<PolicyDocument>): Array<{ text: string; doc: PolicyDocument | undefined }> {
  const docs = [...documents];
  return question.split(new RegExp(`(?<=${DOCUMENT_WORDS.source})`, 'u')).map((text) => ({ text, doc: namedIn(normalizeForSearch(text), docs) }));
}

/** Which document the question names, by 文号 or by most of its title's wording; undefined when it names none, or several. */
export function findNamedDocument(question: string, documents: Iterable<PolicyDocument>): PolicyDocument | undefined {
  const docs = [...documents];
  const several = namedDocuments(question, docs);
  return several.length > 1 ? undefined : namedIn(normalizeForSearch(question), docs);
}

/** Documents counted before a word for their kind (两份工作要点, 市里两份2023年要点, 三个文件): several, not one. */
const SEVERAL_DOCUMENTS = /[两三四五几各多][个份][^，,。？?、]{0,8}?(?:要点|计划|方案|文件)/u;

function namedIn(q: string, docs: readonly PolicyDocument[]): PolicyDocument | undefined {
  const number = DOC_NUMBER.exec(q);
  if (number) {
    const wanted = `${number[1]}〔${number[2]}〕${number[3]}号`;
    const byNumber = docs.find((d) => wanted.endsWith(d.docNumber) || d.docNumber.endsWith(wanted));
    if (byNumber) return byNumber;
  }
  // "两份工作要点", "几个文件": several documents counted by their kind name no one title.
  if (SEVERAL_DOCUMENTS.test(q)) return undefined;
  let best: { doc: PolicyDocument; share: number } | undefined;
  const places = namedPlaces(q);
  for (const doc of docs) {
    // 《北京市…工作要点》 shares most of its wording with the Shanghai one: a named place must match.
    if (places.some((p) => !doc.title.includes(p) && !doc.issuer.includes(p))) continue;
    const grams = titleBigrams(doc.title);
    const year = /\d{4}/.exec(doc.title)?.[0];
    if (year && /\d{4}/.test(q) && !q.includes(year)) continue;
    const share = [...grams].filter((g) => q.includes(g)).length / Math.max(1, grams.size);
    if (share >= 0.6 && (!best || share > best.share)) best = { doc, share };
  }
  return best?.doc ?? shortTitleNamed(q, docs, places) ?? placeNamed(q, docs, places) ?? kindWordNamed(q, docs, places);
}

/**
 * 方案, the word for a document that one title alone holds (the 2021 plan's 实施方案), asked on its own (方案里…, 该方案,
 * 那个方案中) or with that title's words right before it (实施方案在…): that document. Not after words of no title
 * (DRG付费改革方案), nor 计划, which staff write as a verb (计划建设几家) as often as for 长宁's 工作计划.
 */
function kindWordNamed(q: string, docs: readonly PolicyDocument[], places: readonly string[]): PolicyDocument | undefined {
  const titles = titlesFitting(q, docs, places);
  for (const m of q.matchAll(ALONE_PLAN)) {
    const [, pointer, before = ''] = m;
    const holding = titles.filter((d) => normalizeForSearch(d.title).includes(`${before}方案`));
    if (holding.length !== 1) continue;
    // 方案 right after other words (改革方案) is another document's name, unless a pointer stands before it.
    if (before.length === 0 && pointer === undefined && m.index > 0 && /\p{Script=Han}/u.test(q[m.index - 1]!)) continue;
    return holding[0];
  }
  return undefined;
}
/** The documents whose title or issuer holds every place the question names, and whose title every year it names (20xx年). */
function titlesFitting(q: string, docs: readonly PolicyDocument[], places: readonly string[]): PolicyDocument[] {
  const years = q.match(/20\d{2}(?=年)/g) ?? [];
  return docs.filter((d) => places.every((p) => d.title.includes(p) || d.issuer.includes(p)) && years.every((y) => d.title.includes(y)));
}

/** 方案 with a pointer or up to two words before it, then where in it (里, 中, 上, 的, 在, 对). */
const ALONE_PLAN = /(那个|这个|那份|这份|该|这|那)?([\p{Script=Han}]{0,2}?)方案(?=[里中上的在对])/gu;

/** A word for a document anywhere in a question (长宁的计划, 普陀那个要点, 这份文件). */
export const DOCUMENT_WORDS = /方案|要点|计划|通知|文件/g;
/** A word for a document anywhere in a text (方案, 要点, 计划, 通知, 文件). */
export const NAMES_A_DOCUMENT = new RegExp(DOCUMENT_WORDS.source);

/**
 * A document named by its place and a word for a document ("长宁计划", "普陀的要点"): the places
 * the question names are held by one document's title or issuer only.
 */
function placeNamed(q: string, docs: readonly PolicyDocument[], places: readonly string[]): PolicyDocument | undefined {
  if (places.length === 0 || !NAMES_A_DOCUMENT.test(q)) return undefined;
  const holding = docs.filter((d) => places.every((p) => d.title.includes(p) || d.issuer.includes(p)));
  return holding.length === 1 ? holding[0] : undefined;
}

/** Words that name a kind of document, as staff end a short title with them (高质量发展实施方案, 医疗工作计划). */
const DOCUMENT_WORD = new RegExp(`^(?:的|那个|这个|那份|这份)?(?:实施)?(?:${DOCUMENT_WORDS.source})`, 'u');
/**
 * Short forms staff write for the words of a title: 卫健 for 卫生健康 (as in 卫健委, the 卫生健康委员会),
 * 医政要点 and 医政工作要点 for 医政医管工作要点 (as the dev sets write them: 市里医政要点跟长宁计划, 市级的医政工作要点里).
 */
const TITLE_ABBREVIATIONS: ReadonlyArray<readonly [string, string]> = [
  ['卫健', '卫生健康'],
  ['医政要点', '医政医管工作要点'],
  ['医政工作要点', '医政医管工作要点'],
];

/** The question with the short forms of title words written out (卫健工作要点 -> 卫生健康工作要点). */
export function withTitleWordsInFull(question: string): string {
  return TITLE_ABBREVIATIONS.reduce((text, [short, full]) => text.replaceAll(short, full), question);
}
/** Fewest characters of a title, run together, that name its document before a document word. */
const SHORT_TITLE_RUN = 4;

/**
 * A document named by a run of its title's own words followed by a word for a document
 * ("高质量发展实施方案", "高质量发展那个方案", "卫生健康工作要点"): the run at least SHORT_TITLE_RUN
 * characters and in no other title (of the documents a named place and year leave), or, when the
 * question has one word for a document, in the city's title alone of those that hold it.
 */
function shortTitleNamed(question: string, docs: readonly PolicyDocument[], places: readonly string[]): PolicyDocument | undefined {
  const q = withTitleWordsInFull(question);
  const titles = titlesFitting(q, docs, places).map((d) => ({ doc: d, title: normalizeForSearch(d.title) }));
  // Two words for a document (市卫健委的工作要点和医政医管要点): two documents may be named, and a run in two titles names neither.
  const oneDocument = (q.match(DOCUMENT_WORDS)?.length ?? 0) <= 1;
  const chars = [...q];
  for (let end = SHORT_TITLE_RUN; end <= chars.length; end++) {
    if (!DOCUMENT_WORD.test(chars.slice(end).join(''))) continue;
    for (let start = 0; start <= end - SHORT_TITLE_RUN; start++) {
      const run = chars.slice(start, end).join('');
      const holding = titles.filter((t) => t.title.includes(run));
      // A district's document is named with its district (普陀的医政医管要点): without one, the run names the city's.
      const city = holding.length > 1 && oneDocument ? holding.filter((t) => !DISTRICT_IN_TITLE.test(t.title)) : holding;
      if (city.length === 1) return city[0]!.doc;
    }
  }
  return undefined;
}

/**
 * Reads a direct reference such as `沪卫医〔2023〕32号第5条`, `长宁2023年医疗工作计划 二、2` or
 * `第二部分第8条` together with a named document. Undefined when the question names no point.
 */
export function parseCitationQuery(question: string, documents: Iterable<PolicyDocument>): CitationQuery | undefined {
  const doc = findNamedDocument(question, documents);
  if (!doc) return undefined;
  const q = normalizeForSearch(question).replace(DOC_NUMBER, ' ');
  let m = new RegExp(`第(${CN})部分第(\\d{1,2})[条点项]`).exec(q);
  if (m) return { docId: doc.id, section: parseChineseNumeral(m[1]!), point: Number(m[2]) };
  m = new RegExp(`(${CN})、[（(](${CN})[）)]`).exec(q);
  if (m) return { docId: doc.id, section: parseChineseNumeral(m[1]!), sub: parseChineseNumeral(m[2]!) };
  m = new RegExp(`(?:^|[^\\d])(${CN})、(\\d{1,2})(?![\\d年号])`).exec(q);
  if (m) return { docId: doc.id, section: parseChineseNumeral(m[1]!), point: Number(m[2]) };
  m = /第(\d{1,2})[条点项]/.exec(q);
  if (m) return { docId: doc.id, point: Number(m[1]) };
  return undefined;
}
