import type { PolicyDocument } from '../core/types.js';
import { parseChineseNumeral } from '../text/chinese-numerals.js';
import { namedPlaces } from './scope-check.js';
import { normalizeForSearch } from '../text/tokenize.js';

export interface CitationQuery {
  docId: string;
  section?: number;
  sub?: number;
  point?: number;
}

const DOC_NUMBER = /([\u4e00-\u9fff]{1,6})[〔[［【(（](\d{4})[〕\]］】)）](\d{1,4})号/;
const CN = '[一二三四五六七八九十]{1,3}';

const titleBigrams = (title: string) => {
  const chars = [...title.replace(/[^\u4e00-\u9fff]/g, '')];
  return new Set(chars.slice(0, -1).map((c, i) => c + chars[i + 1]));
};

/** Which document the question names, by 文号 or by most of its title's wording. */
export function findNamedDocument(question: string, documents: Iterable<PolicyDocument>): PolicyDocument | undefined {
  const q = normalizeForSearch(question);
  const docs = [...documents];
  const number = DOC_NUMBER.exec(q);
  if (number) {
    const wanted = `${number[1]}〔${number[2]}〕${number[3]}号`;
    const byNumber = docs.find((d) => wanted.endsWith(d.docNumber) || d.docNumber.endsWith(wanted));
    if (byNumber) return byNumber;
  }
  let best: { doc: PolicyDocument; share: number } | undefined;
  const places = namedPlaces(question);
  for (const doc of docs) {
    // 《北京市…工作要点》 shares most of its wording with the Shanghai one: a named place must match.
    if (places.some((p) => !doc.title.includes(p) && !doc.issuer.includes(p))) continue;
    const grams = titleBigrams(doc.title);
    const year = /\d{4}/.exec(doc.title)?.[0];
    if (year && /\d{4}/.test(q) && !q.includes(year)) continue;
    const share = [...grams].filter((g) => q.includes(g)).length / Math.max(1, grams.size);
    if (share >= 0.6 && (!best || share > best.share)) best = { doc, share };
  }
  return best?.doc;
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
