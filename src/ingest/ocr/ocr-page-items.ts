import type { PdfTextItem } from '../formats/pdf-pages-text.js';
import type { OcrLine } from './ocr-line.js';
import { fixOcrLine } from './ocr-fixes.js';
import { readingOrder } from './reading-order.js';

export interface OcrPage {
  /** The page's lines in reading order, fixed for the chunker, as text-layer items (PDF points, origin bottom left). */
  items: PdfTextItem[];
  /** Confidence of each kept line, in the order of `items`. */
  confidences: number[];
}

/** A line that opens a section, sub-section or numbered point. */
const MARKER = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d))/;
/** Headings end without a full stop; so do lines that end a sentence already. */
const HEADING = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])/;
const ENDED = /[。；：！？.;:!?]$/;
/** A line shorter than this share of the page's usual line ends its paragraph: it does not run on. */
const SHORT_LINE = 0.8;

/** A paragraph that opens with a lead sentence (`推动公立中医医院传承创新发展.将市级…`): a short clause, no comma, a full stop. */
const LEAD_OPENING = /^[^，,、；;：:。.!?！？]{4,36}[。.](?!\d)/;
/** The shortest last line taken for a paragraph's end before a lead sentence: one or two characters may be a word wrapped alone. */
const MIN_LAST_LINE = 4;

/**
 * The full stop at the end of a paragraph is the smallest mark on the page and the one OCR misses
 * most; without it the chunker reads the next paragraph as part of this one. A short last line
 * (the paragraph ended there) without a closing mark gets its 。 back when the next line opens
 * with a point or section marker, or opens a paragraph with a lead sentence after a paragraph of
 * two lines or more. Never after a heading or the wrapped end of one (headings end without a
 * stop), after a full line (the sentence runs on), or where a mark is already there.
 */
function restoreLostFullStops(kept: Array<{ line: OcrLine; text: string }>): void {
  const widths = kept.map((l) => l.line.width).sort((a, b) => a - b);
  // A full line's width: most lines of a page are full, but a page of short paragraphs has many short ones.
  const usual = widths[Math.min(widths.length - 1, Math.floor(widths.length * 0.8))] ?? 0;
  const full = (i: number) => kept[i]!.line.width >= usual * SHORT_LINE;
  // A heading runs onto the next line only when its line is full: `二、…区域整合型医疗服务` + `体系`.
  const inHeading: boolean[] = [];
  kept.forEach((l, i) => {
    inHeading[i] = HEADING.test(l.text) || (i > 0 && inHeading[i - 1]! && full(i - 1) && !ENDED.test(kept[i - 1]!.text) && !MARKER.test(l.text));
  });
  for (let i = 1; i < kept.length; i++) {
    const before = kept[i - 1]!;
    if (inHeading[i - 1] || ENDED.test(before.text) || full(i - 1)) continue;
    const text = kept[i]!.text;
    const paragraphRan = i >= 2 && full(i - 2) && !ENDED.test(kept[i - 2]!.text) && !inHeading[i - 2];
    if (MARKER.test(text) || (LEAD_OPENING.test(text) && paragraphRan && [...before.text].length >= MIN_LAST_LINE)) before.text += '。';
  }
}

/**
 * One page's OCR lines as the text-layer items `pdfPagesText` lays out, so scanned and text pages
 * of one PDF lose their running headers, footers and page numbers the same way. Lines are put in
 * reading order (columns read one after the other) and given the page's heights in that order;
 * `scale` is image pixels per PDF point, `pageHeight` in pixels.
 */
export function ocrPageItems(lines: readonly OcrLine[], pageHeight: number, scale: number): OcrPage {
  const kept: Array<{ line: OcrLine; text: string }> = [];
  for (const line of readingOrder(lines)) {
    // Punctuation that opens a printed line belongs to the line before (a 。 wrapped alone onto a
    // line of its own): the chunker needs it there to see where a point ends.
    const [, lead = '', rest = line.text] = /^\s*([。，、；：！？）」』”]+)(.*)$/s.exec(line.text) ?? [];
    const last = kept.at(-1);
    if (lead && last) last.text += lead;
    const text = fixOcrLine(lead && last ? rest : line.text);
    if (text !== undefined) kept.push({ line, text });
  }
  restoreLostFullStops(kept);
  // Heights in reading order: the k-th line read gets the k-th highest line's height.
  const heights = kept.map((l) => l.line.y + l.line.height).sort((a, b) => a - b);
  return {
    items: kept.map(({ line, text }, i) => ({
      str: text,
      x: line.x / scale,
      y: (pageHeight - heights[i]!) / scale,
      width: line.width / scale,
      fontSize: Math.max(1, line.height / scale),
    })),
    confidences: kept.map((l) => l.line.confidence),
  };
}
