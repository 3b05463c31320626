import { decodeText, type TextEncoding } from './formats/decode-text.js';
import { htmlText } from './formats/html-text.js';
import { pdfPagesText, type PdfTextItem } from './formats/pdf-pages-text.js';
import { OCR_FIXES_VERSION } from './ocr/ocr-fixes.js';
import { LOW_CONFIDENCE, type PageOcr } from './ocr/ocr-line.js';
import { ocrPageItems } from './ocr/ocr-page-items.js';
import { SourceFileError } from './formats/source-file-error.js';
import { sourceFormat, type SourceFormat } from './formats/source-format.js';
import { unifyGlyphs } from './formats/unify-glyphs.js';

export interface SourceText {
  /** Plain layout lines for `parseDocument`: the same shape whatever the format. */
  text: string;
  format: SourceFormat;
  /** For `.txt` and `.html`: the encoding found in the bytes. */
  encoding?: TextEncoding;
  /** Broken bytes of a damaged UTF-8 file, read as U+FFFD. */
  replaced?: number;
  /** When pages were read by OCR: how many, how sure the models were, and the lines they were unsure of. */
  ocr?: OcrSummary;
}

export interface OcrSummary {
  pages: number;
  lines: number;
  /** Mean confidence over the lines read (0–1). */
  meanConfidence: number;
  /** Lines read below LOW_CONFIDENCE, as they stand in `text`: passages mostly made of them are flagged. */
  lowLines: string[];
}

export interface ReadOptions {
  /** Reads pages without a text layer and image files; without it they are refused. */
  ocr?: PageOcr;
  /** Called after each page read by OCR (slow work: seconds a page). */
  onOcrPage?: (done: number, total: number) => void;
}

/** Bumped when a format reader changes what it makes of the same bytes (see TextCache); OCR fixes carry their own version. */
export const READER_VERSION = 3;

/** The reader's version for the text cache: readers, OCR models, or OCR off. */
export const readerVersion = (options: ReadOptions = {}) => `readers ${READER_VERSION}; ocr ${options.ocr ? `${options.ocr.version}, fixes ${OCR_FIXES_VERSION}` : 'off'}`;

/** A page with fewer characters than this in its text layer is read as a scan (a stray page number or stamp aside). */
const MIN_TEXT_LAYER_CHARS = 20;
/** Page images rendered from a PDF for OCR: pixels per PDF point (2 = 144 dpi). */
const RENDER_SCALE = 2;

const startsWith = (bytes: Uint8Array, magic: string) => magic.split('').every((ch, i) => bytes[i] === ch.charCodeAt(0));

/**
 * Turns one source file's bytes into plain text: `.txt` (UTF-8 or GB18030, found from the
 * bytes), `.pdf` (the text layer, running headers, footers and page numbers dropped), `.docx`
 * (mammoth) and `.html`/`.htm` (the article body). Extension case is ignored. A file that cannot
 * be read throws a `SourceFileError` saying why and what to do. Code points that PDF writers
 * leave for printed text (⽣ for 生, ⸻ for ———) are read as that text (see unifyGlyphs).
 */
export async function readSource(fileName: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<SourceText> {
  const read = await readFormat(fileName, bytes, options);
  return { ...read, text: unifyGlyphs(read.text) };
}

async function readFormat(fileName: string, bytes: Uint8Array, options: ReadOptions): Promise<SourceText> {
  const format = sourceFormat(fileName);
  if (!format) throw new SourceFileError(fileName, 'ingest does not read this kind of file', 'Save it as .txt, .pdf, .docx, .html, or a page scan as .png, .jpg or .tif');
  if (bytes.length === 0) throw new SourceFileError(fileName, 'the file is empty', 'Copy the document into it again, or remove it from the folder');
  switch (format) {
    case 'txt': {
      const { text, encoding, replaced } = decodeText(bytes, fileName);
      return { text, format, encoding, ...(replaced ? { replaced } : {}) };
    }
    case 'html': {
      const { text: html, encoding, replaced } = decodeText(bytes, fileName);
      return { text: htmlText(html).text, format, encoding, ...(replaced ? { replaced } : {}) };
    }
    case 'pdf':
      return { ...(await pdfText(fileName, bytes, options)), format };
    case 'docx':
      return { text: await docxText(fileName, bytes), format };
    case 'image':
      return { ...(await imageText(fileName, bytes, options)), format };
  }
}

const OCR_OFF_FIX = 'OCR is off (OCR=0): turn it on to read scans, or ask the issuer for a PDF with text or the .docx';

interface OcrRead {
  items: PdfTextItem[];
  confidences: number[];
}

/** The text and OCR summary of pages laid out together: text pages as pdf.js read them, scanned ones as OCR read them. */
function pagesText(pages: readonly (readonly PdfTextItem[])[], scanned: readonly OcrRead[]): { text: string; ocr?: OcrSummary } {
  const text = pdfPagesText(pages);
  if (scanned.length === 0) return { text };
  const confidences = scanned.flatMap((p) => p.confidences);
  const lowLines = scanned.flatMap((p) => p.items.filter((_, i) => p.confidences[i]! < LOW_CONFIDENCE).map((it) => it.str));
  const meanConfidence = confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : 0;
  return { text, ocr: { pages: scanned.length, lines: confidences.length, meanConfidence, lowLines } };
}

async function imageText(fileName: string, bytes: Uint8Array, options: ReadOptions): Promise<{ text: string; ocr?: OcrSummary }> {
  if (!options.ocr) throw new SourceFileError(fileName, 'an image is read by OCR, which is off', OCR_OFF_FIX);
  let lines;
  try {
    lines = await options.ocr.read(bytes);
  } catch (error) {
    throw new SourceFileError(fileName, `the image could not be read (${(error as Error).message})`, 'Scan or save the page again as .png, .jpg or .tif');
  }
  // A lone image has no page to place lines on: its lowest line's bottom stands for the page's height.
  const page = ocrPageItems(lines, Math.max(0, ...lines.map((l) => l.y + l.height)), 1);
  options.onOcrPage?.(1, 1);
  const read = pagesText([page.items], [page]);
  if (read.text.trim() === '') throw new SourceFileError(fileName, 'OCR found no text on the image', 'Check that it is a page of the notice, scanned upright at 150 dpi or more');
  return read;
}

async function pdfText(fileName: string, bytes: Uint8Array, options: ReadOptions): Promise<{ text: string; ocr?: OcrSummary }> {
  if (!startsWith(bytes, '%PDF-')) throw new SourceFileError(fileName, 'this is not a PDF file (it does not start with %PDF-)', 'Export the document as PDF again');
  const { extractTextItems, getDocumentProxy, renderPageAsImage } = await import('unpdf');
  let pages: PdfTextItem[][];
  const scanned: OcrRead[] = [];
  try {
    // pdf.js takes ownership of the buffer it is given: pass a copy. Its CMaps read Chinese text
    // in fonts that are not embedded (STSong-Light with UniGB-UCS2-H, as Acrobat wrote notices).
    const pdf = await getDocumentProxy(new Uint8Array(bytes), await pdfjsData());
    try {
      pages = (await extractTextItems(pdf)).items;
      const toRead = pages.map((items, i) => (items.reduce((n, it) => n + it.str.trim().length, 0) < MIN_TEXT_LAYER_CHARS ? i : -1)).filter((i) => i >= 0);
      if (options.ocr && toRead.length > 0) {
        for (const [done, i] of toRead.entries()) {
          const image = new Uint8Array(await renderPageAsImage(pdf, i + 1, { canvasImport: () => import('@napi-rs/canvas'), scale: RENDER_SCALE }));
          const height = (await pdf.getPage(i + 1)).getViewport({ scale: RENDER_SCALE }).height;
          const page = ocrPageItems(await options.ocr.read(image), height, RENDER_SCALE);
          // A stray text-layer item on a scanned page (a stamp's date) is dropped for the page's OCR.
          pages[i] = page.items;
          scanned.push(page);
          options.onOcrPage?.(done + 1, toRead.length);
        }
      }
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    const reason = (error as Error).name === 'PasswordException' ? 'the PDF is password-protected' : `the PDF could not be read (${(error as Error).message})`;
    throw new SourceFileError(fileName, reason, 'Export the document as PDF again, without a password');
  }
  const read = pagesText(pages, scanned);
  if (read.text.trim() === '') {
    if (!options.ocr) throw new SourceFileError(fileName, 'the PDF has no text layer (a scan?)', OCR_OFF_FIX);
    throw new SourceFileError(
      fileName,
      'the PDF has no text layer and OCR found no text on its pages',
      'Check the scan: pages upright, 150 dpi or more; or ask the issuer for a PDF with text or the .docx',
    );
  }
  return read;
}

/** Folders of pdf.js's CMaps and standard fonts (from pdfjs-dist), as file paths: unpdf's own default is a file URL its build cannot read. */
async function pdfjsData(): Promise<{ cMapUrl: string; cMapPacked: boolean; standardFontDataUrl: string; verbosity: number }> {
  const { dirname, join } = await import('node:path');
  const { createRequire } = await import('node:module');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  // verbosity 0 (errors only): a broken PDF is refused once with its name and reason (see
  // SourceFileError), not announced by pdf.js's own "Warning: Indexing all PDF objects" each run.
  return { cMapUrl: join(root, 'cmaps/'), cMapPacked: true, standardFontDataUrl: join(root, 'standard_fonts/'), verbosity: 0 };
}

async function docxText(fileName: string, bytes: Uint8Array): Promise<string> {
  if (!startsWith(bytes, 'PK')) {
    const hint = startsWith(bytes, '\xd0\xcf\x11\xe0') ? 'it is an old Word .doc file' : 'it is not a Word .docx file';
    throw new SourceFileError(fileName, hint, 'Open it in Word or WPS and save it as .docx (or .pdf)');
  }
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (error) {
    throw new SourceFileError(fileName, `the .docx could not be read (${(error as Error).message})`, 'Open it in Word or WPS and save it as .docx again');
  }
  const text = htmlText(html).text;
  if (text.trim() === '') throw new SourceFileError(fileName, 'the .docx has no text', 'Check that the document text is not only in images or text boxes');
  return text;
}
