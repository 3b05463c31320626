import { normalizeWidth } from '../../text/normalize-width.js';

/** A text folded for comparison, with the position in the original of every folded character. */
export interface FoldedText {
  text: string;
  /** `origin[i]` is the index in the original text of `text[i]`. */
  origin: number[];
}

// Marks a model may legitimately write in the other width or style than the source: one seed
// document uses ASCII punctuation and «», the others Chinese punctuation and 《》; quotes nest in
// any style. Words and numbers are never folded, so a quote that passes is the same wording.
const WHITESPACE = /\s/;
const FULLWIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/;

const EQUIVALENT: Record<string, string> = {
  '，': ',',
  '；': ';',
  '：': ':',
  '（': '(',
  '）': ')',
  '！': '!',
  '？': '?',
  '。': '.',
  '％': '%',
  '«': '《',
  '»': '》',
  '〈': '《',
  '〉': '》',
  '“': '"',
  '”': '"',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '‘': '"',
  '’': '"',
  '－': '-',
  '–': '-',
  '—': '-',
  '～': '-',
  '~': '-',
};

/**
 * Folds text for substring comparison: drops whitespace, turns full-width digits and letters into
 * ASCII and maps width variants of punctuation, quotes and dashes onto one form. Keeps a map back
 * to the original so that a match can be returned as the exact original span.
 */
export function foldForMatch(original: string): FoldedText {
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const ch = original[i]!;
    if (WHITESPACE.test(ch)) continue;
    const code = ch.charCodeAt(0);
    // Full-width digits and Latin letters (０-９Ａ-Ｚａ-ｚ) as normalizeWidth maps them, without a regex per character.
    text += EQUIVALENT[ch] ?? (code >= 0xff10 && code <= 0xff5a && FULLWIDTH_ALNUM.test(ch) ? normalizeWidth(ch) : ch);
    origin.push(i);
  }
  return { text, origin };
}

/**
 * Finds `needle` in `haystack` after folding both; returns the exact original span of `haystack`
 * it matched, or undefined. An empty needle never matches.
 */
export function findVerbatim(needle: string, haystack: string): string | undefined {
  const n = foldForMatch(needle).text;
  if (n === '') return undefined;
  const h = foldForMatch(haystack);
  const at = h.text.indexOf(n);
  if (at < 0) return undefined;
  return haystack.slice(h.origin[at]!, h.origin[at + n.length - 1]! + 1);
}
