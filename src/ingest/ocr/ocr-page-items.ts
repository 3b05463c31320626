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
