import type { Citation } from '../core/types.js';
import intents from '../retrieval/data/answer-intents.json' with { type: 'json' };

/** One claim of an answer: verbatim text from the cited passage, and the marker that cites it. */
export interface Claim {
  text: string;
  citation: number;
}

/** `2023-02-21` -> `2023年2月21日`. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** The connective that says whose rule a claim is and when: 根据2023年2月21日印发的《…》（文号）第二部分第8条： */
export function sourcePhrase(c: Citation, first: boolean, newest: boolean): string {
  const when = `${chineseDate(c.date)}印发的`;
  return `${first ? '根据' : '另据'}${when}《${c.title}》（${c.docNumber}${newest ? '，为其中较新的文件' : ''}）${c.label}：`;
}

const today = () => new Date().toISOString().slice(0, 10);
const strip = (s: string) => s.replace(/[。.；;，,：:]+$/, '');

/**
 * Writes the short answer: per document a source phrase, then its verbatim claims with markers.
 * Documents of different dates are kept apart and dated; when they differ in date, the newer one is named.
 */
export function composeAnswerText(claims: readonly Claim[], citations: readonly Citation[]): string {
  const byDoc: Array<{ docNumber: string; claims: Claim[] }> = [];
  for (const claim of claims) {
    const docNumber = citations[claim.citation - 1]!.docNumber;
    const group = byDoc.find((g) => g.docNumber === docNumber);
    if (group) group.claims.push(claim);
    else byDoc.push({ docNumber, claims: [claim] });
  }
  const dates = byDoc.map((g) => citations[g.claims[0]!.citation - 1]!.date);
  // ISO dates sort as text: the last is the latest.
  const latest = [...dates].sort().at(-1) ?? '';
  const distinctDates = new Set(dates).size > 1;
  const cited = new Set(byDoc.map((g) => g.docNumber));
  return byDoc
    .map((group, i) => {
      const c = citations[group.claims[0]!.citation - 1]!;
      const body = group.claims.map((claim) => `${strip(claim.text)}[${claim.citation}]`).join('；');
      const newer =
        c.newerVersion && !cited.has(c.newerVersion.docNumber)
          ? `（同一发文单位已有较新的《${c.newerVersion.title}》（${c.newerVersion.docNumber}，${chineseDate(c.newerVersion.date)}印发），请以较新文件为准。）`
          : '';
      const expired = c.validUntil && c.validUntil < today() ? `（该文件有效期至${chineseDate(c.validUntil)}，已过期。）` : '';
      return `${sourcePhrase(c, i === 0, distinctDates && c.date === latest)}${body}。${newer}${expired}`;
    })
    .join('');
}

/**
 * Opens a low-confidence answer: the decision could not tell whether the nearest point answers.
 * Worded so that it is true either way: it never claims the documents do not answer.
 */
export const LOW_CONFIDENCE_LEAD = '无法确定现有文件是否直接回答了这个问题。以下是最接近的条目，仅供参考，请核对原文：';
/** The same for a question asked in another language than the documents'. */
export const LOW_CONFIDENCE_LEAD_EN =
  '无法确定现有文件（均为中文）是否直接回答了这个问题；以下是最接近的条目，仅供参考。(Not sure the documents, which are in Chinese, answer this directly; the nearest point is quoted below for reference.)：';

/** Opens a confident answer to an English question: the quotes that follow are the documents' Chinese. */
export const ENGLISH_LEAD = 'From the documents (quoted in Chinese): ';

/**
 * Opens an answer whose documents cover the topic but not what was asked (a figure, a date, a
 * body): says precisely what is missing, then quotes what the documents do say.
 */
export function missingLead(noun: string, english = false): string {
  return english
    ? `The documents cover this, but give no ${englishNoun(noun)}. What they say (in Chinese): 文件提到了这项工作，但没有给出具体${noun}。`
    : `文件提到了这项工作，但没有给出具体${noun}。文件的原文是：`;
}

/** The English of each noun an answer may say is missing, as data/answer-intents.json gives it beside the noun (slotNouns, measures). */
const ENGLISH_NOUNS: Readonly<Record<string, string>> = Object.fromEntries([
  ...Object.entries(intents.slotNouns).flatMap(([key, noun]) => (key.startsWith('$') || typeof noun === 'string' ? [] : [[noun.zh, noun.en] as const])),
  ...intents.measures.flatMap((m) => ('noun' in m && 'english' in m ? [[m.noun, m.english] as const] : [])),
]);
/** The English for a missing noun: every noun data/answer-intents.json can name has one (tested); 'details' for any other. */
export const englishNoun = (noun: string) => ENGLISH_NOUNS[noun] ?? 'details';

/** A low-confidence answer: the lead, then the one nearest claim with its source. */
export function lowConfidenceAnswer(claim: Claim, citations: readonly Citation[], lead = LOW_CONFIDENCE_LEAD): string {
  return `${lead}${composeAnswerText([claim], citations)}`;
}

/** The answer to "which document is this from?": the document's metadata, then the verbatim claim it backs. */
export function sourceAnswer(c: Citation, claim: string): string {
  return `这一条出自${chineseDate(c.date)}由${c.issuer}印发的《${c.title}》（${c.docNumber}）${c.label}：${strip(claim)}[1]。`;
}

/**
 * The answer to "这个文件分几部分": the document's headings (or a section's), each citing the first
 * point under it. Headings are the document's own words, verbatim.
 */
export function outlineAnswer(headings: readonly string[], citations: readonly Citation[], section?: string): string {
  const c = citations[0]!;
  const under = section === undefined ? '正文' : `“${strip(section)}”下`;
  const parts = headings.map((h, i) => `${strip(h)}[${i + 1}]`).join('；');
  return `《${c.title}》（${c.docNumber}）${under}分为${headings.length}个${section === undefined ? '部分' : '方面'}：${parts}。`;
}

/** Notes on a cited document (a newer one exists, it has expired): facts from metadata, not claims. */
const NOTES =
  /（同一发文单位已有较新的《[^》]+》（[^）]+），请以较新文件为准。）|（该文件有效期至\d{4}年\d{1,2}月\d{1,2}日，已过期。）|（该部分共\d+条，这里列出其中\d+条，其余请查看原文。）|\(That part has \d+ points; \d+ are listed here\. Read the rest in the document\.\)/g;

/**
 * Closes a list that cites some of the points of a part the question names (最后那部分一共列了哪几项, six points, five
 * cited): the answer says how many the part holds, so a reader does not take the list for all of it.
 */
export function partialListNote(total: number, shown: number, english = false): string {
  return english ? ` (That part has ${total} points; ${shown} are listed here. Read the rest in the document.)` : `（该部分共${total}条，这里列出其中${shown}条，其余请查看原文。）`;
}

const MISSING_LEAD = /^(?:The documents cover this, but give no [^.]+\. What they say \(in Chinese\): )?文件提到了这项工作，但没有给出具体[^。]+。(?:文件的原文是：)?/;

const OUTLINE_PHRASE = /^《[^》]+》（[^）]+）(?:“[^”]+”下|正文)分为\d+个(?:部分|方面)：/;

const SOURCE_PHRASE = /^(?:(?:根据|另据)\d{4}年\d{1,2}月\d{1,2}日印发的|这一条出自\d{4}年\d{1,2}月\d{1,2}日由[^《]+印发的)《[^》]+》（[^）]+）[^：]*：/;

/**
 * Checks an answer against its citations: every claim must be verbatim in the passage its marker
 * cites, or be one of the headings it sits under (an outline lists them; width and whitespace
 * aside), and a source answer must name the cited document exactly.
 * Returns the claims that fail; an empty list means the answer is verified.
 */
export function unverifiedClaims(answer: string, citations: readonly Citation[], normalize: (s: string) => string): string[] {
  const failed: string[] = [];
  if (answer.startsWith('这一条出自')) {
    const c = citations[0];
    if (!c || !answer.startsWith(sourceAnswer(c, '').replace(/\[1\]。$/, ''))) failed.push(answer);
  }
  for (const m of answer.matchAll(/([^：；。]+?)\[(\d+)\]/g)) {
    const cited = citations[Number(m[2]) - 1];
    const claim = normalize(m[1]!);
    if (!cited || !(normalize(cited.text).includes(claim) || cited.path.some((h) => normalize(h) === claim))) failed.push(m[1]!);
  }
  return failed;
}

/** Removes markers and source phrases, leaving the claims: what must be verbatim in the corpus. */
export function claimsOf(answer: string): string[] {
  return answer
    .split(/(?=(?:根据|另据)\d{4}年\d{1,2}月\d{1,2}日印发的《)/)
    .map((part) =>
      part
        .replace(LOW_CONFIDENCE_LEAD, '')
        .replace(LOW_CONFIDENCE_LEAD_EN, '')
        .replace(MISSING_LEAD, '')
        .replace(ENGLISH_LEAD, '')
        .replace(SOURCE_PHRASE, '')
        .replace(OUTLINE_PHRASE, '')
        .replace(NOTES, ''),
    )
    .flatMap((part) => part.split(/\[\d+\][；。]?/))
    .map((s) => s.trim())
    .filter(Boolean);
}
