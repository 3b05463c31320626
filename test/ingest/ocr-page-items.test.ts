import { describe, expect, test } from 'vitest';
import { pdfPagesText } from '../../src/ingest/formats/pdf-pages-text.js';
import type { OcrLine } from '../../src/ingest/ocr/ocr-line.js';
import { ocrPageItems } from '../../src/ingest/ocr/ocr-page-items.js';

const line = (text: string, i: number, confidence = 0.99): OcrLine => ({ text, x: 150, y: 200 + i * 60, width: 30 * text.length, height: 30, confidence });
const PAGE_HEIGHT = 1754;

describe('ocrPageItems', () => {
  test('a 。 wrapped onto a line of its own ends the line before, so the next point is found', () => {
    const page = ocrPageItems([line('医疗资源引入，鼓励符合本区生命健康产业定位的医疗机构落地', 0), line('。', 1), line('2。加快区域医疗服务体系发展。', 2)], PAGE_HEIGHT, 2);
    expect(page.items.map((i) => i.str)).toEqual(['医疗资源引入，鼓励符合本区生命健康产业定位的医疗机构落地。', '2.加快区域医疗服务体系发展。']);
    expect(page.confidences).toHaveLength(2);
  });

  test('a line opening with a comma gives it to the line before and keeps its text', () => {
    const page = ocrPageItems([line('全面提升本区医疗机构临床服务能力', 0), line('，建立健全临床特色专科专病评估能力机制', 1)], PAGE_HEIGHT, 2);
    expect(page.items.map((i) => i.str)).toEqual(['全面提升本区医疗机构临床服务能力，', '建立健全临床特色专科专病评估能力机制']);
  });

  test('items sit in PDF points, origin bottom left, so pdfPagesText drops a page number at the foot of each page', () => {
    const texts = ['持续推进全面提升医疗质量行动。', '加强医疗技术临床应用管理。'];
    const pages = texts.map((text, n) => ocrPageItems([line(text, 0), line(`- ${n + 1} -`, 25)], PAGE_HEIGHT, 2).items);
    expect(pages[0]![0]!.y).toBeGreaterThan(pages[0]![1]!.y);
    expect(pdfPagesText(pages)).toBe(texts.join('\n'));
  });

  test('stray marks are dropped with their confidence', () => {
    const page = ocrPageItems([line('|', 0, 0.51), line('特此通知。', 1, 0.98)], PAGE_HEIGHT, 2);
    expect(page).toMatchObject({ items: [{ str: '特此通知。' }], confidences: [0.98] });
  });
});
