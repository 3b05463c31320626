import { SourceFileError } from './source-file-error.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Bytes of an otherwise valid UTF-8 file that were not UTF-8 and read as U+FFFD (a damaged copy). */
  replaced?: number;
}

/** C0 controls other than tab, line feed, form feed and carriage return: never in a text document. */
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f]/g;

const tryDecode = (encoding: string, bytes: Uint8Array): string | undefined => {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
};

/**
 * Decodes a plain-text document from its bytes: a byte-order mark decides when there is one;
 * otherwise the bytes are UTF-8 when they are valid UTF-8 (GB18030 Chinese text practically
 * never is), else GB18030 (which covers GBK and GB2312). The extension is never trusted. UTF-8
 * with a few broken bytes (a truncated copy) stays UTF-8, the broken bytes read as U+FFFD and
 * counted, rather than the whole file being misread as GB18030.
 * Empty files and binary data are refused with what to do about them.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    throw new SourceFileError(fileName, 'the file is empty', 'Copy the document text into it again, or remove it from the folder');
  }
  let decoded: DecodedText | undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) decoded = withText('utf-16le', tryDecode('utf-16le', bytes));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoded = withText('utf-16be', tryDecode('utf-16be', bytes));
  else decoded = withText('utf-8', tryDecode('utf-8', bytes)) ?? damagedUtf8(bytes) ?? withText('gb18030', tryDecode('gb18030', bytes));
  const controls = decoded ? (decoded.text.match(CONTROL)?.length ?? 0) : Infinity;
  if (!decoded || controls > 0) {
    throw new SourceFileError(
      fileName,
      'this is not text in UTF-8 or GB18030/GBK (binary data or another encoding)',
      'Save the document as plain text (UTF-8 or GB18030), or as .pdf, .docx or .html, and ingest again',
    );
  }
  return decoded;
}

/**
 * UTF-8 in which at most 1% of the non-ASCII bytes are broken. GB18030 Chinese read as UTF-8
 * breaks on nearly every non-ASCII byte, so the two are far apart.
 */
function damagedUtf8(bytes: Uint8Array): DecodedText | undefined {
  const text = new TextDecoder('utf-8').decode(bytes);
  const replaced = text.match(/\uFFFD/g)?.length ?? 0;
  const nonAscii = bytes.reduce((n, b) => n + (b >= 0x80 ? 1 : 0), 0);
  return replaced > 0 && replaced <= nonAscii * 0.01 ? { text, encoding: 'utf-8', replaced } : undefined;
}

const withText = (encoding: TextEncoding, text: string | undefined): DecodedText | undefined => (text === undefined ? undefined : { text, encoding });
