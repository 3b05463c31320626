import { describe, expect, test } from 'vitest';
import { cleanLines, isPageNumber, joinLines } from '../../src/ingest/clean-lines.js';
import { normalizeWidth } from '../../src/text/normalize-width.js';

describe('normalizeWidth', () => {
  test.each([
    ['〔２０２１〕３１号', '〔2021〕31号'],
    ['５Ｇ应用', '5G应用'],
    ['ＩＤＣ医院', 'IDC医院'],
    ['中文标点，。；：“”（）不变', '中文标点，。；：“”（）不变'],
    ['', ''],
  ])('%s -> %s', (input, expected) => expect(normalizeWidth(input)).toBe(expected));
});

describe('isPageNumber', () => {
  test.each(['— 4 —', '- 11 -', '—６—', '  —  12  —  '])('page number: %s', (line) => expect(isPageNumber(line)).toBe(true));
  test.each(['4', '2023年', '- 11', '一、总体要求', '1.加强'])('not a page number: %s', (line) => expect(isPageNumber(line)).toBe(false));
});

describe('cleanLines', () => {
  test('drops page numbers and blank lines, removes layout spaces next to Chinese', () => {
    const raw = '上 海 市 人 民 政 府\n\n2023 年 4月 19日\n\n\n\n- 11 -\n\n例》立法调研\n —６— \n 流程，增强';
    expect(cleanLines(raw)).toEqual(['上海市人民政府', '2023年4月19日', '例》立法调研', '流程，增强']);
  });

  test('keeps spaces between Latin words', () => {
    expect(cleanLines('support MDT and IIT models')).toEqual(['support MDT and IIT models']);
  });

  test('empty input gives no lines', () => expect(cleanLines('')).toEqual([]));
});

describe('joinLines', () => {
  test('Chinese lines join with no space (PDF breaks mid-word)', () => {
    expect(joinLines(['二级以上医院要进一步优化急诊服务', '流程，增强服务能力'])).toBe('二级以上医院要进一步优化急诊服务流程，增强服务能力');
  });
  test('a broken Latin word keeps a space only between letters', () => {
    expect(joinLines(['开展 5.12', '国际护士节'])).toBe('开展 5.12国际护士节');
    expect(joinLines(['using', 'HNSW'])).toBe('using HNSW');
  });
});
