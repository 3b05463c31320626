import type { OcrLine, PageOcr } from '../../../src/ingest/ocr/ocr-line.js';

/**
 * A deterministic stand-in for the OCR models: the "image" is UTF-8 text, one printed line a line,
 * read as one OCR line each, 40 px apart; a line written `?text` is read with confidence 0.6.
 * Counts its reads, so a test can tell whether a file was read again.
 */
export function textPageOcr(version = 'text-page-ocr 1'): PageOcr & { reads: number } {
  const ocr = {
    version,
    reads: 0,
    async read(image: Uint8Array): Promise<OcrLine[]> {
      ocr.reads++;
      return new TextDecoder()
        .decode(image)
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l, i) => ({ text: l.replace(/^\?/, ''), confidence: l.startsWith('?') ? 0.6 : 0.99, x: 100, y: 100 + i * 40, width: 30 * l.length, height: 30 }));
    },
  };
  return ocr;
}
