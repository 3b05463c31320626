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

describe('a full stop OCR missed at the end of a paragraph', () => {
  const FULL = '通五大环节，全链条、全覆盖、全程式推进改善就医感受提升患者';
  const texts = (lines: string[]) =>
    ocrPageItems(
      lines.map((t, i) => line(t, i)),
      PAGE_HEIGHT,
      2,
    ).items.map((i) => i.str);

  test('is put back after a short last line followed by a section or point marker', () => {
    expect(texts([FULL, FULL, '应用，探索建立医疗质量管理大模型', '三、优服务，着力改善医疗服务体验', FULL, '风险预警与智能评估', '10.持续改善医疗服务。'])).toEqual([
      FULL,
      FULL,
      '应用，探索建立医疗质量管理大模型。',
      '三、优服务，着力改善医疗服务体验',
      FULL,
      '风险预警与智能评估。',
      '10.持续改善医疗服务。',
    ]);
  });

  test('is not added after a heading, after a full line that runs on, where a mark is, or before a decimal', () => {
    const lines = [
      FULL,
      FULL,
      '一、优布局，着力提升医疗服务能力',
      '1.加快医疗资源布局优化调整。',
      FULL,
      '2.加快区域医疗服务体系发展。',
      '做好年度区级核查工作。',
      '3.加强临床特色专科专病建设。',
      '全年服务人次达到',
      '2.5万人次以上。',
      '区内各医疗卫生单位：',
      '（一）加强区域内',
    ];
    expect(texts(lines)).toEqual(lines);
  });
});
