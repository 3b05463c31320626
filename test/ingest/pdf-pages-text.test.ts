import { describe, expect, test } from 'vitest';
import { pdfPagesText, type PdfTextItem } from '../../src/ingest/formats/pdf-pages-text.js';

/** Lines of one A4 page (842 pt high) as pdf.js reports them: y from the bottom, top line first here. */
const page = (lines: (string | [string, number])[]): PdfTextItem[] =>
  lines.flatMap((line, i) => {
    const [text, x] = typeof line === 'string' ? [line, 72] : line;
    return [{ str: text, x, y: 800 - i * 20, width: text.length * 12, fontSize: 12 }];
  });

describe('pdfPagesText', () => {
  test('running header, footer and page numbers at page edges go; the body joins across the page break', () => {
    const text = pdfPagesText([
      page(['上海市卫生健康委员会文件', '沪卫医〔2023〕32号', '1.第一条正文，跨页', '— 1 —']),
      page(['上海市卫生健康委员会文件', '继续的正文。', '2.第二条。', '— 2 —']),
      page(['上海市卫生健康委员会文件', '3.第三条。', '第 3 页 共 3 页']),
    ]);
    expect(text.split('\n')).toEqual(['沪卫医〔2023〕32号', '1.第一条正文，跨页', '继续的正文。', '2.第二条。', '3.第三条。']);
  });

  test('a line that repeats in the body (not at an edge) stays; a one-page document keeps its first line', () => {
    expect(pdfPagesText([page(['标题', '一、总则', '正文', '一、总则', '正文', '末行'])]).split('\n')).toEqual(['标题', '一、总则', '正文', '一、总则', '正文', '末行']);
  });

  test('runs on one baseline join left to right; a gap between Latin runs is a space', () => {
    const items: PdfTextItem[] = [
      { str: '推进', x: 72, y: 700, width: 24, fontSize: 12 },
      { str: 'MDT', x: 120, y: 700.5, width: 24, fontSize: 12 },
      { str: '诊疗', x: 96, y: 700, width: 24, fontSize: 12 },
      { str: 'model', x: 150, y: 700, width: 30, fontSize: 12 },
      { str: '下一行', x: 72, y: 680, width: 36, fontSize: 12 },
    ];
    expect(pdfPagesText([items])).toBe('推进诊疗MDT model\n下一行');
  });
});
