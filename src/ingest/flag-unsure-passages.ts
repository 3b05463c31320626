import type { Passage } from '../core/types.js';
import { normalizeWidth } from '../text/normalize-width.js';

/** Share of a passage's characters read from low-confidence OCR lines above which its citation asks to check the original. */
export const UNSURE_SHARE = 0.5;
/** Lines shorter than this are not matched: two characters could be found anywhere. */
const MIN_LINE_CHARS = 4;

const compact = (text: string) => normalizeWidth(text).replace(/\s+/g, '');

/**
 * Marks the passages mostly read from lines the OCR models were unsure of (`ocrUnsure`): each
 * such line is found in the passage texts (the chunker joins lines, so a line is a stretch of a
 * passage), and a passage whose characters lie more than UNSURE_SHARE inside such stretches is
 * flagged. Pure; passages of documents read without OCR are returned as they are.
 */
export function flagUnsurePassages(passages: readonly Passage[], unsureLines: readonly string[]): Passage[] {
  const lines = [...new Set(unsureLines.map(compact))].filter((l) => [...l].length >= MIN_LINE_CHARS);
  if (lines.length === 0) return [...passages];
  return passages.map((p) => {
    const text = compact(p.text);
    if (text === '') return p;
    const covered = new Uint8Array(text.length);
    for (const line of lines) {
      for (let at = text.indexOf(line); at >= 0; at = text.indexOf(line, at + 1)) covered.fill(1, at, at + line.length);
    }
    const share = covered.reduce((n, c) => n + c, 0) / text.length;
    return share > UNSURE_SHARE ? { ...p, ocrUnsure: true as const } : p;
  });
}
