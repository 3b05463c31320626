/** One piece of a PDF page's text layer, as pdf.js reports it (PDF coordinates: origin bottom left). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

/** `3`, `- 3 -`, `第3页`, `第 3 页 共 9 页`, `3 / 9`, `Page 3 of 9`: a page number and nothing else. */
const PAGE_NUMBER = /^(?:[-—–－]?\s*\d{1,4}\s*[-—–－]?|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;
/** Lines at each page edge that can be running headers or footers. */
const EDGE_LINES = 2;

/**
 * Turns a PDF's text layer into layout lines: items on one baseline become one line, read left
 * to right; running headers and footers (the same text, digits aside, at the top or bottom of
 * most pages) and page numbers at a page edge are dropped, so a point that runs over a page
 * break reads on as one.
 */
export function pdfPagesText(pages: readonly (readonly PdfTextItem[])[]): string {
  const laid = pages.map(pageLines);
  const edgeKeys = new Map<string, number>();
  for (const lines of laid) {
    for (const key of new Set(edges(lines).map(runningKey))) edgeKeys.set(key, (edgeKeys.get(key) ?? 0) + 1);
  }
  const repeated = (line: Line) => laid.length >= 2 && (edgeKeys.get(runningKey(line)) ?? 0) >= Math.max(2, Math.ceil(laid.length / 2));
  return laid
    .flatMap((lines) => {
      const edge = new Set(edges(lines));
      return lines.filter((line) => !(edge.has(line) && (PAGE_NUMBER.test(line.text) || repeated(line)))).map((line) => line.text);
    })
    .join('\n');
}

interface Line {
  text: string;
  y: number;
}

/**
 * A running header or footer sits at the same height on every page with the same text but for
 * the page number: `— 3 —` at y 40 and `— 4 —` at y 40 are one footer, while a signature line
 * that happens to open a page lower down is body text.
 */
const runningKey = (line: Line) => `${line.text.replace(/\d+/g, '#').replace(/\s+/g, '')}@${Math.round(line.y / 6)}`;

const edges = (lines: readonly Line[]) => [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)];

function pageLines(items: readonly PdfTextItem[]): Line[] {
  const sorted = items
    .filter((it) => it.str !== '')
    .slice()
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfTextItem[][] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    // Items of one line share a baseline up to a fraction of the font size (superscripts, mixed fonts).
    if (row && Math.abs(row[0]!.y - item.y) <= Math.max(1, Math.min(row[0]!.fontSize, item.fontSize) * 0.4)) row.push(item);
    else rows.push([item]);
  }
  return rows
    .map((row) => {
      let text = '';
      let end = Number.NEGATIVE_INFINITY;
      for (const it of row.sort((a, b) => a.x - b.x)) {
        // A visible gap between two runs is a space (Latin words); cleanLines drops spaces beside Chinese.
        if (text !== '' && it.x - end > it.fontSize * 0.25 && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
        text += it.str;
        end = it.x + it.width;
      }
      return { text: text.trim(), y: row[0]!.y };
    })
    .filter((line) => line.text !== '');
}
