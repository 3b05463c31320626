import { describe, expect, test } from 'vitest';
import type { OcrLine } from '../../src/ingest/ocr/ocr-line.js';
import { readingOrder } from '../../src/ingest/ocr/reading-order.js';

const line = (text: string, x: number, y: number, width: number): OcrLine => ({ text, x, y, width, height: 30, confidence: 0.99 });
const texts = (lines: OcrLine[]) => readingOrder(lines).map((l) => l.text);

describe('readingOrder', () => {
  test('one column: top to bottom, whatever order the models gave', () => {
    const page = [line('第二行', 100, 160, 900), line('第一行', 100, 100, 900), line('第三行', 100, 220, 600)];
    expect(texts(page)).toEqual(['第一行', '第二行', '第三行']);
  });

  test('two columns under a full-width heading: the left column, then the right one, then what spans both', () => {
    const page = [line('标题', 100, 40, 900), ...[0, 1, 2, 3].flatMap((i) => [line(`左${i}`, 100, 100 + i * 50, 400), line(`右${i}`, 600, 100 + i * 50, 400)]), line('落款', 100, 400, 900)];
    expect(texts(page)).toEqual(['标题', '左0', '左1', '左2', '左3', '右0', '右1', '右2', '右3', '落款']);
  });

  test('a cover page (short lines left, signature and date at the right) is not taken for two columns', () => {
    const page = [
      line('上海市普陀区卫生健康委员会文件', 100, 40, 900),
      line('普卫健医〔2025〕3号', 400, 100, 300),
      line('关于印发《2025年普陀区医政医管工作要点》的通知', 100, 160, 900),
      line('区内各医疗卫生单位：', 100, 220, 350),
      line('现将《2025年普陀区医政医管工作要点》印发给你们，', 100, 280, 880),
      line('特此通知。', 100, 340, 200),
      line('上海市普陀区卫生健康委员会', 600, 400, 400),
      line('2025年4月18日', 700, 460, 300),
    ];
    expect(texts(page)).toEqual(page.map((l) => l.text));
  });

  test('no lines, no order', () => {
    expect(readingOrder([])).toEqual([]);
  });
});
