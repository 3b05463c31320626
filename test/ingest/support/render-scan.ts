import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';

/**
 * A notice as it reaches staff after a printer and a scanner: the layout lines drawn on A4 page
 * images at a given dpi, the issuer's header in red, a red seal over the signature, a slight
 * rotation and speckle noise; then wrapped as a PDF of images with no text layer (pdfkit).
 */
const require = createRequire(import.meta.url);
const FONT = require.resolve('node-source-han-sans-sc/SourceHanSansSC-Regular.otf');
GlobalFonts.registerFromPath(FONT, 'Source Han Sans SC');

export interface ScanOptions {
  dpi?: number;
  /** Degrees the sheet sat askew on the scanner glass. */
  rotate?: number;
  /** Share of pixels turned to grey specks. */
  noise?: number;
  /** Characters a line holds before it wraps (a printed A4 notice: about 28). */
  perLine?: number;
  /** A seed for the noise, so a fixture is the same on every run. */
  seed?: number;
}

const A4_MM = { width: 210, height: 297 };

/** Marks a Chinese typesetter never puts at the start of a line (禁则): they stay at the end of the line before. */
const NO_LINE_START = /^[。，、；：！？）」』”》]/;

/** Layout lines wrapped to printed lines of at most `perLine` characters (one more where a closing mark must stay on the line). */
export function printedLines(lines: readonly string[], perLine: number): string[] {
  return lines.flatMap((line) => {
    const chars = [...line];
    const out: string[] = [];
    for (let i = 0; i < chars.length; ) {
      let end = Math.min(chars.length, i + perLine);
      while (end < chars.length && NO_LINE_START.test(chars[end]!)) end++;
      out.push(chars.slice(i, end).join(''));
      i = end;
    }
    return out;
  });
}

/** PNG images of the pages of a notice; the first line is printed as the red header. */
export function scanPages(lines: readonly string[], options: ScanOptions = {}): Buffer[] {
  const dpi = options.dpi ?? 150;
  const px = (mm: number) => Math.round((mm / 25.4) * dpi);
  const width = px(A4_MM.width);
  const height = px(A4_MM.height);
  const fontPx = px(5.6); // 16 pt 仿宋-sized body text
  const lineGap = Math.round(fontPx * 1.75);
  const margin = { top: px(30), left: px(25), bottom: px(25) };
  const perPage = Math.floor((height - margin.top - margin.bottom) / lineGap);
  const printed = printedLines(lines, options.perLine ?? 28);
  let random = options.seed ?? 7;
  const next = () => {
    random = (random * 1103515245 + 12345) % 2147483648;
    return random / 2147483648;
  };
  const pages: Buffer[] = [];
  for (let start = 0; start < printed.length; start += perPage) {
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.translate(width / 2, height / 2);
    ctx.rotate(((options.rotate ?? 0) * Math.PI) / 180);
    ctx.translate(-width / 2, -height / 2);
    ctx.textBaseline = 'top';
    printed.slice(start, start + perPage).forEach((line, i) => {
      const header = start === 0 && i === 0;
      ctx.fillStyle = header ? '#d0021b' : '#111';
      ctx.font = `${header ? Math.round(fontPx * 1.6) : fontPx}px "Source Han Sans SC"`;
      ctx.fillText(line, margin.left, margin.top + i * lineGap);
    });
    if (start === 0 && printed.length > 1) {
      // The red rule under the header and the 文号, as 红头文件 print it.
      ctx.fillStyle = '#d0021b';
      ctx.fillRect(margin.left, margin.top + lineGap * 2 - (lineGap - fontPx) / 2, width - 2 * margin.left, Math.max(2, px(0.6)));
    }
    // The issuer's round red seal, stamped over its signature line (the first line naming the issuer after the header).
    const signature = printed.slice(start, start + perPage).findIndex((line, i) => (start > 0 || i > 1) && line === printed[0]!.replace(/文件$/, ''));
    if (signature >= 0) {
      const cx = margin.left + fontPx * 6;
      const cy = margin.top + signature * lineGap + fontPx / 2;
      ctx.strokeStyle = 'rgba(208, 2, 27, 0.75)';
      ctx.lineWidth = Math.max(2, px(0.8));
      ctx.beginPath();
      ctx.arc(cx, cy, px(20), 0, 2 * Math.PI);
      ctx.stroke();
      ctx.fillStyle = 'rgba(208, 2, 27, 0.75)';
      ctx.font = `${Math.round(px(8))}px "Source Han Sans SC"`;
      ctx.fillText('★', cx - px(4), cy - px(4));
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    const image = ctx.getImageData(0, 0, width, height);
    const specks = Math.round(width * height * (options.noise ?? 0));
    for (let s = 0; s < specks; s++) {
      const at = Math.floor(next() * width * height) * 4;
      const grey = Math.floor(120 + next() * 100);
      image.data[at] = image.data[at + 1] = image.data[at + 2] = grey;
    }
    ctx.putImageData(image, 0, 0);
    pages.push(canvas.toBuffer('image/png'));
  }
  return pages;
}

/** Page images wrapped as an A4 PDF with no text layer, as a scanner writes one. */
export async function imagePdf(pages: readonly Buffer[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  for (const page of pages) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.image(page, 0, 0, { width: doc.page.width, height: doc.page.height });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** A PDF whose first page has a text layer (pdfkit, Source Han Sans) and whose later pages are scans: a notice partly retyped, partly scanned. */
export async function mixedPdf(textLines: readonly string[], scannedPages: readonly Buffer[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 72, right: 72 } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.registerFont('cjk', FONT);
  doc.font('cjk').fontSize(12);
  for (const line of textLines) doc.text(line);
  for (const page of scannedPages) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.image(page, 0, 0, { width: doc.page.width, height: doc.page.height });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
