import { normalizeWidth } from '../text/normalize-width.js';

/** A page number printed by the PDF layout on a line of its own: `— 4 —`, `- 11 -`, `—６—`. */
const PAGE_NUMBER = /^[—–\-－]+\s*\d{1,3}\s*[—–\-－]+$/;

/** Whitespace next to a CJK character or punctuation is a PDF artifact (`2023 年`, `上 海 市`). */
const SPACE_BY_CJK = /\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+/g;

/** True for lines that are only a page number. */
export function isPageNumber(line: string): boolean {
  return PAGE_NUMBER.test(normalizeWidth(line).trim());
}

/**
 * Cleans PDF-extracted text into its non-empty layout lines: widths normalised, page numbers
 * dropped wherever they fall, spaces the layout put next to Chinese characters removed.
 * Lines are not joined here: the chunker needs line starts to find numbered points.
 */
export function cleanLines(raw: string): string[] {
  const lines: string[] = [];
  for (const rawLine of normalizeWidth(raw)
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n|\f/)) {
    const line = rawLine.replace(/\s+/g, ' ').trim().replace(SPACE_BY_CJK, '');
    if (line === '' || PAGE_NUMBER.test(line)) continue;
    lines.push(line);
  }
  return lines;
}

/**
 * Joins layout lines into running text. Chinese joins with no space; a space is kept only
 * where a Latin word was broken across lines, so `MD` + `T` never becomes `MD T` by accident
 * of a digit.
 */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    text += text !== '' && /[A-Za-z]$/.test(text) && /^[A-Za-z]/.test(line) ? ` ${line}` : line;
  }
  return text;
}
