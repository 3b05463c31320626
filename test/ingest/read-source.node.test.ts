import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SourceFileError } from '../../src/ingest/formats/source-file-error.js';
import { type ReadOptions, readSource } from '../../src/ingest/read-source.node.js';
import { parseDocument } from '../../src/ingest/parse-document.js';
import { docxFile, gb18030, numberedDocxFile, pdfkitPdf, unembeddedFontPdf } from './support/render-document.js';

const FIXTURE = readFileSync(join(import.meta.dirname, '../fixtures/2024-fixture-district-clinic-plan.txt'), 'utf8');
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Bytes that are no text: a deterministic pseudo-random run, as a corrupted download gives. */
function junk(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}

async function refusal(fileName: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<SourceFileError> {
  const error = await readSource(fileName, bytes, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceFileError);
  return error as SourceFileError;
}

describe('readSource: text files, encoding found from the bytes', () => {
  test.each([
    ['UTF-8', 'plan.txt', utf8(FIXTURE), 'utf-8'],
    ['UTF-8 with a byte-order mark', 'plan.txt', utf8(`\uFEFF${FIXTURE}`), 'utf-8'],
    ['GB18030 named .TXT', 'PLAN.TXT', gb18030(FIXTURE), 'gb18030'],
    ['GBK (a GB18030 subset)', 'plan.Txt', new Uint8Array(Buffer.from(gb18030(FIXTURE))), 'gb18030'],
    ['UTF-16LE with a byte-order mark (Notepad “Unicode”)', 'plan.txt', new Uint8Array([0xff, 0xfe, ...Buffer.from(FIXTURE, 'utf16le')]), 'utf-16le'],
  ])('%s', async (_name, fileName, bytes, encoding) => {
    const source = await readSource(fileName, bytes);
    expect(source).toEqual({ text: FIXTURE, format: 'txt', encoding });
  });

  test('UTF-8 with a few broken bytes stays UTF-8, the broken bytes counted, not misread as GB18030', async () => {
    // A stray byte at the start of two lines, as a copy cut and pasted between editors leaves.
    const [first, second, ...rest] = FIXTURE.split('\n');
    const damaged = new Uint8Array([...utf8(`${first}\n`), 0xff, ...utf8(`${second}\n`), 0xc3, ...utf8(rest.join('\n'))]);
    const source = await readSource('copy.txt', damaged);
    expect(source).toEqual({ text: `${first}\n\uFFFD${second}\n\uFFFD${rest.join('\n')}`, format: 'txt', encoding: 'utf-8', replaced: 2 });
    // GB18030 Chinese breaks on nearly every non-ASCII byte as UTF-8: it is still found to be GB18030.
    expect(await readSource('gbk.txt', gb18030(`${FIXTURE}\n附：1 张表`))).toMatchObject({ encoding: 'gb18030' });
  });

  test('an .html file in GB18030 is decoded before it is parsed', async () => {
    const source = await readSource('page.HTM', gb18030(`<html><body><article><p>示卫健发〔2024〕7号</p><p>现将《测试》印发</p></article></body></html>`));
    expect(source).toEqual({ text: '示卫健发〔2024〕7号\n现将《测试》印发', format: 'html', encoding: 'gb18030' });
  });
});

describe('readSource: files that cannot be read say why and what to do', () => {
  test.each([
    ['an empty file', 'empty.txt', new Uint8Array(0), /empty/],
    ['only blank lines', 'blank.txt', utf8('\n \r\n\t\n'), /empty/],
    ['binary junk named .txt', 'junk.txt', junk(4096), /not text in UTF-8 or GB18030/],
    ['a text file named .pdf', 'notice.pdf', utf8(FIXTURE), /not a PDF/],
    ['a truncated PDF', 'cut.pdf', utf8('%PDF-1.7\n1 0 obj\n<<'), /PDF could not be read/],
    ['an old Word .doc named .docx', 'old.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), /old Word \.doc/],
    ['a zip that is no Word file', 'archive.docx', new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]), /\.docx could not be read/],
    ['a format ingest does not read', 'notice.wps', utf8(FIXTURE), /does not read this kind of file/],
  ])('%s', async (_name, fileName, bytes, reason) => {
    const error = await refusal(fileName, bytes);
    expect(error.fileName).toBe(fileName);
    expect(error.reason).toMatch(reason);
    expect(error.fix).toMatch(/[A-Z].{15,}/);
    expect(error.message).toContain(fileName);
  });

  test('with OCR off, a PDF with no text layer (a scan) is refused, naming the setting; with OCR on and nothing on the page, saying so', async () => {
    // pdfkit with nothing but a drawing: a real PDF whose pages carry no text.
    const PDFDocument = (await import('pdfkit')).default;
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => doc.on('end', resolve));
    doc.rect(100, 100, 200, 300).fill('#333');
    doc.end();
    await done;
    const off = await refusal('scan.pdf', Buffer.concat(chunks));
    expect(off.reason).toMatch(/no text layer/);
    expect(off.fix).toMatch(/OCR=0/);
    // The page is rendered to a PNG and given to the (stand-in) OCR, which finds no line on it.
    const images: Uint8Array[] = [];
    const blank = await refusal('scan.pdf', Buffer.concat(chunks), { ocr: { version: 'finds nothing', read: async (image) => (images.push(image), []) } });
    expect(images.map((i) => Buffer.from(i.subarray(1, 4)).toString())).toEqual(['PNG']);
    expect(blank.reason).toBe('the PDF has no text layer and OCR found no text on its pages');
  });
});

describe('readSource: PDF and Word feed the same lines as the .txt', () => {
  const lines = FIXTURE.split('\n').filter((l) => l.trim() !== '');

  test('pdfkit PDF: running header and page numbers dropped, body lines kept in order', async () => {
    // Large type, so the notice runs over several pages: a running header is told by its repetition.
    const pdf = await pdfkitPdf(lines, '示例区卫生健康委员会（样张）', { fontSize: 24 });
    const { getDocumentProxy } = await import('unpdf');
    expect((await getDocumentProxy(new Uint8Array(pdf))).numPages).toBeGreaterThanOrEqual(2);
    const source = await readSource('plan.PDF', pdf);
    expect(source.format).toBe('pdf');
    expect(source.text.replace(/\s+/g, '')).toBe(lines.join('').replace(/\s+/g, ''));
  });

  test('a PDF in a Chinese font that is not embedded (STSong-Light, UniGB-UCS2-H) is read through the CMaps of pdf.js', async () => {
    const notice = ['示卫健发〔2024〕7号', '现将《2024年示例区社区诊疗工作计划》印发给你们。'];
    expect(await readSource('acrobat.pdf', unembeddedFontPdf(notice))).toEqual({ text: notice.join('\n'), format: 'pdf' });
  });

  test('docx: header and footer are not body text; every paragraph is a line', async () => {
    const source = await readSource('plan.DOCX', await docxFile(lines, '示例区卫生健康委员会（样张）'));
    // Runs of spaces collapse as in any HTML rendering of the document (the cleaner does the same).
    expect(source).toEqual({ text: lines.map((l) => l.replace(/\s+/g, ' ')).join('\n'), format: 'docx' });
  });

  test('docx: points numbered by Word (an automatic list) keep their numbers and become points', async () => {
    const lead = lines.slice(0, lines.indexOf('一、扩大社区服务供给') + 1);
    const points = ['延长夜间门诊时间。工作日夜间门诊延长至晚上八点。', '推广家庭病床服务。全年新建家庭病床三百张。'];
    const source = await readSource('numbered.docx', await numberedDocxFile(lead, points));
    expect(source.text.split('\n').slice(-2)).toEqual(points.map((p, i) => `${i + 1}.${p}`));
    const parsed = parseDocument('numbered.docx', source.text);
    const found = parsed.passages.filter((p) => p.kind === 'point');
    expect(found.map((p) => p.label)).toEqual(['第一部分第1条', '第一部分第2条']);
    found.forEach((p, i) => expect(p.text).toContain(points[i]));
  });
});
