import { decodeText, type TextEncoding } from './formats/decode-text.js';
import { htmlText } from './formats/html-text.js';
import { pdfPagesText } from './formats/pdf-pages-text.js';
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
}

const startsWith = (bytes: Uint8Array, magic: string) => magic.split('').every((ch, i) => bytes[i] === ch.charCodeAt(0));

/**
 * Turns one source file's bytes into plain text: `.txt` (UTF-8 or GB18030, found from the
 * bytes), `.pdf` (the text layer, running headers, footers and page numbers dropped), `.docx`
 * (mammoth) and `.html`/`.htm` (the article body). Extension case is ignored. A file that cannot
 * be read throws a `SourceFileError` saying why and what to do. Code points that PDF writers
 * leave for printed text (⽣ for 生, ⸻ for ———) are read as that text (see unifyGlyphs).
 */
export async function readSource(fileName: string, bytes: Uint8Array): Promise<SourceText> {
  const read = await readFormat(fileName, bytes);
  return { ...read, text: unifyGlyphs(read.text) };
}

async function readFormat(fileName: string, bytes: Uint8Array): Promise<SourceText> {
  const format = sourceFormat(fileName);
  if (!format) throw new SourceFileError(fileName, 'ingest does not read this kind of file', 'Save it as .txt, .pdf, .docx or .html');
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
      return { text: await pdfText(fileName, bytes), format };
    case 'docx':
      return { text: await docxText(fileName, bytes), format };
  }
}

async function pdfText(fileName: string, bytes: Uint8Array): Promise<string> {
  if (!startsWith(bytes, '%PDF-')) throw new SourceFileError(fileName, 'this is not a PDF file (it does not start with %PDF-)', 'Export the document as PDF again');
  const { extractTextItems, getDocumentProxy } = await import('unpdf');
  let pages;
  try {
    // pdf.js takes ownership of the buffer it is given: pass a copy. Its CMaps read Chinese text
    // in fonts that are not embedded (STSong-Light with UniGB-UCS2-H, as Acrobat wrote notices).
    const pdf = await getDocumentProxy(new Uint8Array(bytes), await pdfjsData());
    pages = (await extractTextItems(pdf)).items;
    await pdf.destroy();
  } catch (error) {
    const reason = (error as Error).name === 'PasswordException' ? 'the PDF is password-protected' : `the PDF could not be read (${(error as Error).message})`;
    throw new SourceFileError(fileName, reason, 'Export the document as PDF again, without a password');
  }
  const text = pdfPagesText(pages);
  if (text.trim() === '') {
    throw new SourceFileError(fileName, 'the PDF has no text layer (a scan?)', 'Ask the issuer for a PDF with text, or the .docx, or run OCR on it first');
  }
  return text;
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
