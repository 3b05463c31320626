import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Passage } from '../../src/core/types.js';
import { parseDocument, type ParsedDocument } from '../../src/ingest/parse-document.js';
import { unifyGlyphs } from '../../src/ingest/formats/unify-glyphs.js';
import { readSource } from '../../src/ingest/read-source.node.js';
import { launchChromium } from '../widget/support/browser.js';
import { chromiumPdf, docxFile, gb18030, governmentPage, layoutLines, noticeTitle, paragraphs } from './support/render-document.js';
import { CORPUS_DIR } from '../support/corpus-dirs.js';

/**
 * Every seed, rendered the ways a policy officer receives a notice (Chromium's print-to-PDF with a
 * running header and page numbers, a Word file with header and footer, the government web page
 * with its menus, a GB18030 text file named .TXT), must give the same document and the same
 * passages as its UTF-8 .txt: the readers feed the one cleaner and chunker.
 */
const SEEDS = CORPUS_DIR;
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const RUNNING_HEADER = '上海市卫生健康委员会公文（样张）';

type Rendered = Record<'pdf' | 'docx' | 'html' | 'TXT', Uint8Array>;
const rendered = new Map<string, Rendered>();
const reference = new Map<string, ParsedDocument>();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  for (const file of seeds) {
    const raw = readFileSync(join(SEEDS, file), 'utf8');
    const lines = layoutLines(raw);
    const paras = paragraphs(lines);
    const parsed = parseDocument(file, raw);
    reference.set(file, parsed);
    rendered.set(file, {
      pdf: await chromiumPdf(browser, lines, RUNNING_HEADER),
      docx: await docxFile(paras, RUNNING_HEADER),
      html: new TextEncoder().encode(governmentPage(paras, { pageTitle: noticeTitle(lines), date: parsed.document.date, source: parsed.document.issuer })),
      TXT: gb18030(raw),
    });
  }
});
afterAll(async () => browser?.close());

/**
 * Source Han Sans SC draws 户 and 戶 with one glyph, and Chromium's PDF maps that glyph back to
 * 戶: a property of this font and writer, not of the reader, so the comparison folds it.
 */
const foldGlyphTwins = (text: string) => text.replaceAll('戶', '户');

/** What a passage is, with the text's whitespace ignored (layout decides where lines break). */
const shape = (p: Passage) => ({ ...p, text: p.text.replace(/\s+/g, '') });

describe.each(seeds)('%s', (file) => {
  test.each(['pdf', 'docx', 'html', 'TXT'] as const)('as .%s: same metadata, points, labels and text as the .txt', async (format) => {
    const bytes = rendered.get(file)![format];
    const source = await readSource(file.replace(/\.txt$/, `.${format}`), bytes);
    const { document, passages } = parseDocument(file, format === 'pdf' ? foldGlyphTwins(source.text) : source.text);
    const expected = reference.get(file)!;
    expect(document).toEqual(expected.document);
    expect(passages.map(shape)).toEqual(expected.passages.map(shape));
    if (format === 'TXT') expect(source.encoding).toBe('gb18030');
  });

  test('the PDF really has a running header and page numbers on each page, and the reader drops them', async () => {
    const pdf = rendered.get(file)!.pdf;
    const { extractText } = await import('unpdf');
    const pages = (await extractText(new Uint8Array(pdf))).text.map(unifyGlyphs);
    for (const [i, page] of pages.entries()) {
      expect(page).toContain(RUNNING_HEADER);
      expect(page).toContain(`— ${i + 1} —`);
    }
    const text = (await readSource('x.pdf', pdf)).text;
    expect(text).not.toContain(RUNNING_HEADER);
    // Only the page numbers printed in the body of the .txt itself (left there by its own PDF) remain.
    const numbers = (t: string) => t.match(/— \d+ —/g)?.length ?? 0;
    expect(numbers(text)).toBe(numbers(readFileSync(join(SEEDS, file), 'utf8')));
  });
});
