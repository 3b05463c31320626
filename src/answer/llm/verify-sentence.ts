import type { Citation } from '../../core/types.js';
import { chineseDate } from '../compose-text.js';
import { findVerbatim, foldForMatch } from './normalize-for-match.js';
import { isConnective, isNotFoundStatement, supportShare } from './sentence-shape.js';
import { MARKER, markersOf, quotedSpans } from './split-answer.js';

export { NOT_FOUND } from './sentence-shape.js';

export type SentenceKind =
  /** Cites passages with markers: every quote, title, 文号 and number in it is checked. */
  | 'claim'
  /** A short lead-in without a marker (`根据现有文件：`), allowed when it names only given documents. */
  | 'connective'
  /** States that the passages do not answer (part of) the question: asserts nothing from them. */
  | 'not-found'
  /** Nothing but punctuation or markers. */
  | 'empty';

export type FailureReason =
  | 'marker-out-of-range'
  | 'unbalanced-quote'
  | 'quote-not-in-cited-passage'
  | 'quote-without-marker'
  | 'source-not-cited'
  | 'number-not-in-cited-passage'
  /** A paraphrase (no quote) whose wording the cited passages mostly do not contain. */
  | 'claim-not-in-cited-passage'
  | 'claim-without-marker';

export interface VerifiedQuote {
  /** 1-based number of the given passage it was found in. */
  passage: number;
  /** The exact span of the passage's text (not the model's rendering of it). */
  text: string;
}

export interface SentenceCheck {
  sentence: string;
  kind: SentenceKind;
  ok: boolean;
  reason?: FailureReason;
  /** Distinct passage numbers cited, in marker order. */
  markers: number[];
  quotes: VerifiedQuote[];
}

const TITLE = /[《«]([^《》«»]+)[》»]/g;
const DOC_NUMBER = /[\u4e00-\u9fff]{1,8}[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号/g;
const LIST_ITEM = /^(?:\d{1,2}[.、)）]|[（(]\d{1,2}[)）]|[-*•])\s*/;
const NUMBER = /\d+(?:\.\d+)?/g;
/** Below this share of its word pairs found in the cited passages, a paraphrase is not backed by them. */
export const MIN_SUPPORT = 0.6;

/**
 * Checks one sentence of a model's answer against the numbered passages it was given:
 * markers must name a given passage; each quoted span must be verbatim (after folding width,
 * whitespace and quote style) in a passage the sentence cites; document titles and 文号 must be
 * those of a cited document; every number must occur in a cited passage or its metadata; what
 * is said outside quotes must mostly be worded as in the cited passages (MIN_SUPPORT).
 * A sentence that makes a claim without a marker fails.
 */
export function verifySentence(sentence: string, passages: readonly Citation[]): SentenceCheck {
  const markers = [...new Set(markersOf(sentence))];
  const base = { sentence, markers, quotes: [] as VerifiedQuote[] };
  const fail = (kind: SentenceKind, reason: FailureReason): SentenceCheck => ({ ...base, kind, ok: false, reason });
  // List numbering (`1. `, `（2）`) is layout, not a claim.
  const bare = sentence.replace(MARKER, '').trim().replace(LIST_ITEM, '');
  const kind = kindOf(bare, markers.length > 0);

  if (markers.some((n) => !Number.isInteger(n) || n < 1 || n > passages.length)) return fail(kind, 'marker-out-of-range');
  const { spans, unbalanced } = quotedSpans(bare);
  if (unbalanced) return fail(kind, 'unbalanced-quote');
  if (kind === 'empty') return { ...base, kind, ok: true };
  if (kind === 'claim' && markers.length === 0) return fail(kind, 'claim-without-marker');

  // Scope: what the sentence may draw on. Without markers only the names of given documents.
  const cited = markers.map((n) => passages[n - 1]!);
  const scope = cited.length > 0 ? cited : passages;
  const quotes: VerifiedQuote[] = [];
  for (const span of spans) {
    if (cited.length === 0) return fail(kind, 'quote-without-marker');
    const found = markers.map((n) => ({ passage: n, text: findVerbatim(span, passages[n - 1]!.text) })).find((q) => q.text !== undefined);
    if (!found) return fail(kind, 'quote-not-in-cited-passage');
    quotes.push({ passage: found.passage, text: found.text! });
  }

  let rest = bare;
  for (const span of spans) rest = rest.replace(span, '');
  if (kind !== 'not-found') {
    for (const m of rest.matchAll(TITLE)) if (!scope.some((c) => same(c.title, m[1]!) || findVerbatim(m[0], c.text))) return fail(kind, 'source-not-cited');
    for (const m of rest.matchAll(DOC_NUMBER)) if (!scope.some((c) => namesDocNumber(m[0], c))) return fail(kind, 'source-not-cited');
    const allowed = new Set(scope.flatMap((c) => numbersIn(`${c.text} ${c.title} ${c.docNumber} ${c.label} ${c.date} ${chineseDate(c.date)}`)));
    const stated = numbersIn(rest.replace(TITLE, '').replace(DOC_NUMBER, ''));
    if (stated.some((n) => !allowed.has(n))) return fail(kind, 'number-not-in-cited-passage');
  }
  if (kind === 'claim') {
    const share = supportShare(
      rest.replace(TITLE, '|').replace(DOC_NUMBER, '|'),
      cited.flatMap((c) => [c.text, c.title, c.issuer]),
    );
    if (share !== undefined && share < MIN_SUPPORT) return fail(kind, 'claim-not-in-cited-passage');
  }
  return { ...base, kind, ok: true, quotes };
}

function kindOf(bare: string, marked: boolean): SentenceKind {
  if (foldForMatch(bare).text.replace(/[\p{P}\p{S}]/gu, '') === '') return 'empty';
  if (marked) return 'claim';
  if (isNotFoundStatement(bare)) return 'not-found';
  return isConnective(bare.replace(TITLE, '').replace(DOC_NUMBER, '').trim()) ? 'connective' : 'claim';
}

const same = (a: string, b: string) => foldForMatch(a).text === foldForMatch(b).text;

/** Brackets of a 文号 vary (〔〕, [], ()); compared without them. */
const bareDocNumber = (text: string) => foldForMatch(text).text.replace(/[〔〕[\]［］()（）]/g, '');

/**
 * True when a 文号 the model wrote is the citation's or is named in its text. The pattern may have
 * caught words before the issuer's abbreviation (`根据沪卫发…`), so shorter suffixes are tried, down to
 * three characters of abbreviation (`沪卫发`), never two (`卫发` would match 普卫发 too).
 */
function namesDocNumber(written: string, c: Citation): boolean {
  const own = bareDocNumber(c.docNumber);
  const text = bareDocNumber(c.text);
  const w = bareDocNumber(written);
  const core = /\d{4}\d+号$/.exec(w)?.[0] ?? w;
  for (let from = 0; w.length - from >= core.length + 3; from++) {
    const candidate = w.slice(from);
    if (candidate === own || text.includes(candidate)) return true;
  }
  return false;
}

function numbersIn(text: string): string[] {
  return [...foldForMatch(text).text.matchAll(NUMBER)].map((m) => m[0].replace(/^0+(?=\d)/, ''));
}
