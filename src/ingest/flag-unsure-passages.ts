import type { Passage } from '../core/types.js';
import { normalizeWidth } from '../text/normalize-width.js';

/** Share of a passage's characters read from low-confidence OCR lines above which its citation asks to check the original. */
export const UNSURE_SHARE = 0.5;
/** Lines are matched in stretches of this many characters: shorter ones could be found anywhere. */
const WINDOW = 6;

const compact = (text: string) => normalizeWidth(text).replace(/\s+/g, '');

/**
 * Marks the passages mostly read from lines the OCR models were unsure of (`ocrUnsure`): each
 * such line is found in the passage texts in stretches of WINDOW characters (the chunker joins
 * lines and takes the point marker off, so a line is found piecewise), and a passage whose
 * characters lie more than UNSURE_SHARE inside such stretches is flagged. Pure; passages of documents read without OCR are returned as they are.
 */
export function flagUnsurePassages(passages: readonly Passage[], unsureLines: readonly string[]): Passage[] {
  const windows = new Set<string>();
  for (const line of unsureLines.map(compact)) for (let i = 0; i + WINDOW <= line.length; i++) windows.add(line.slice(i, i + WINDOW));
  if (windows.size === 0) return [...passages];
  return passages.map((p) => {
    const text = compact(p.text);
    if (text === '') return p;
    const covered = new Uint8Array(text.length);
    for (let i = 0; i + WINDOW <= text.length; i++) if (windows.has(text.slice(i, i + WINDOW))) covered.fill(1, i, i + WINDOW);
    const share = covered.reduce((n, c) => n + c, 0) / text.length;
    return share > UNSURE_SHARE ? { ...p, ocrUnsure: true as const } : p;
  });
}
