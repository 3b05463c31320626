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

  test('is not added at the wrapped end of a heading: a heading ends without one', () => {
    const lines = [
      FULL,
      '二、以提升能级为核心，继续做好做强区域整合型医疗服务',
      '体系',
      '1.持续加强二三级医疗机构服务能级。',
      FULL,
      '（二）打造科创引领的产学研一体化发展新趋势和新',
      '格局',
      '推进社区卫生服务高质量发展.加强公立医院对',
    ];
    expect(texts(lines)).toEqual(lines);
  });

  test('is put back before a paragraph opening with a lead sentence, after a paragraph of two lines or more', () => {
    expect(texts([FULL, FULL, '试点医院国际交流合作更大自主权', '加快优质医疗资源有序扩容和区域布局均衡.支持符合条件', FULL])).toEqual([
      FULL,
      FULL,
      '试点医院国际交流合作更大自主权。',
      '加快优质医疗资源有序扩容和区域布局均衡.支持符合条件',
      FULL,
    ]);
  });

  test('is not added before a lead sentence after a word wrapped alone, a one-line paragraph, or before a line that is no lead', () => {
    const lines = [
      FULL,
      '成',
      '果转化高地.支持公立医院创新管理体制',
      '关于推进上海市公立医院高质量发展的方案',
      '为加快推进公立医院高质量发展.按照',
      FULL,
      FULL,
      '试点医院国际交流合作更大自主权',
      '加快推进市级优质资源,向五个新城扩容.',
    ];
    expect(texts(lines)).toEqual(lines);
  });
});
