import type { OcrLine } from './ocr-line.js';

/** Lines each side of a gutter before a page is read as two columns. */
const MIN_COLUMN_LINES = 3;

/**
 * OCR lines in reading order: top to bottom, and on a page set in two columns (a gutter down the
 * middle third that no line crosses but the full-width ones), the left column's lines before the
 * right one's, block by block between full-width lines such as headings.
 */
export function readingOrder(lines: readonly OcrLine[]): OcrLine[] {
  const byTop = [...lines].sort((a, b) => a.y - b.y || a.x - b.x);
  const gutter = findGutter(byTop);
  if (gutter === undefined) return byTop;
  const out: OcrLine[] = [];
  let left: OcrLine[] = [];
  let right: OcrLine[] = [];
  const flush = () => {
    out.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const line of byTop) {
    if (line.x + line.width <= gutter) left.push(line);
    else if (line.x >= gutter) right.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out;
}

function findGutter(lines: readonly OcrLine[]): number | undefined {
  if (lines.length < 2 * MIN_COLUMN_LINES) return undefined;
  const start = Math.min(...lines.map((l) => l.x));
  const end = Math.max(...lines.map((l) => l.x + l.width));
  const width = end - start;
  let best: { at: number; crossing: number } | undefined;
  for (let share = 0.34; share <= 0.66; share += 0.01) {
    const at = start + width * share;
    let leftCount = 0;
    let rightCount = 0;
    let crossing = 0;
    for (const l of lines) {
      if (l.x + l.width <= at) leftCount++;
      else if (l.x >= at) rightCount++;
      else crossing++;
    }
    // Two real columns: lines on both sides, and most lines on one side or the other.
    if (leftCount >= MIN_COLUMN_LINES && rightCount >= MIN_COLUMN_LINES && crossing <= lines.length / 3 && (!best || crossing < best.crossing)) best = { at, crossing };
  }
  return best?.at;
}
