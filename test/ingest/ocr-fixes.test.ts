import { describe, expect, test } from 'vitest';
import { fixOcrLine, OCR_FIXES } from '../../src/ingest/ocr/ocr-fixes.js';

/** Each fix: lines it must mend (misreads seen on scans of the seed notices) and lines it must leave as printed. */
const CASES: Record<string, { fires: Array<[string, string]>; holds: string[] }> = {
  'point-marker': {
    fires: [
      ['5。加快医疗资源布局优化调整', '5.加快医疗资源布局优化调整'],
      ['12，推进医疗协同合作', '12.推进医疗协同合作'],
      ['3:加强临床特色专科专病建设', '3.加强临床特色专科专病建设'],
    ],
    // A sentence that ends on a number, a year at a line start, a number inside a line, a 、 marker.
    holds: ['共计5。', '2025。全年完成', '增长5。其中', '5、加快医疗', '5。', '3。5万人次', '8：30至17：00', '注：本方案'],
  },
  'doc-number-brackets': {
    fires: [
      ['普卫健医 [2025] 3号', '普卫健医〔2025〕3号'],
      ['沪卫医(2023)32号', '沪卫医〔2023〕32号'],
      ['普卫健医〔2025].3号', '普卫健医〔2025〕3号'],
      ['长卫健〔2023）12号', '长卫健〔2023〕12号'],
      ['意见>(国办发 〔2 0 2 1]. 1 8 号)', '意见>(国办发〔2021〕18号)'],
    ],
    // Years in brackets that are not a 文号: a plan's span, a year not followed by a number and 号.
    holds: ['（2023—2025年）', '《规划（2021-2025年）》', '(2025)年度', '第(2023)批', '沪卫医〔2023〕32号'],
  },
  'title-marks': {
    fires: [
      ['公立医院高质量发展的实施方案>的通知', '公立医院高质量发展的实施方案》的通知'],
      ['实施方案>印发给你们', '实施方案》印发给你们'],
      ['现将<关于推进上海市', '现将《关于推进上海市'],
      ['《关于推动公立医院高质量发展的意见>(国办发〔2021〕18号)', '《关于推动公立医院高质量发展的意见》(国办发〔2021〕18号)'],
    ],
    // Comparisons before a number, arrows, markup-looking text in Latin.
    holds: ['年龄>65岁', '血压<140', '满意度≥90%', 'A>B', '流程：挂号->就诊'],
  },
  'letter-o-in-number': {
    fires: [
      ['2O25年4月18日', '2025年4月18日'],
      ['1O号', '10号'],
      ['2OO0年', '2000年'],
    ],
    holds: ['O2O模式', 'COVID-19', '推进ODR调解', 'O型血', '第2Ojy'],
  },
  'speck-after-marker': {
    fires: [
      ['二、·重质量，着力创新', '二、重质量，着力创新'],
      ['6.，加强医疗质量管理', '6.加强医疗质量管理'],
      ['三、：优服务，着力改善医疗服务体验', '三、优服务，着力改善医疗服务体验'],
    ],
    holds: ['二、重质量', '1.5倍以上', '三、“一网通办”'],
  },
  'dash-for-one': {
    fires: [
      ['-、优布局，着力提升', '一、优布局，着力提升'],
      ['(-)加强区域内', '（一）加强区域内'],
    ],
    holds: ['—— 加强区域内', '-3.5%', '（二）加强', '一、优布局'],
  },
};

describe('OCR fixes', () => {
  test('every fix has a table here', () => {
    expect(OCR_FIXES.map((f) => f.name).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const fix of OCR_FIXES) {
    const { fires, holds } = CASES[fix.name]!;
    test.each(fires)(`${fix.name} mends %s`, (read, printed) => {
      expect(fix.apply(read)).toBe(printed);
    });
    test.each(holds)(`${fix.name} leaves %s as printed`, (line) => {
      expect(fix.apply(line)).toBe(line);
    });
  }
});

describe('fixOcrLine', () => {
  test('widths normalised and runs of spaces made one before the fixes', () => {
    expect(fixOcrLine('２Ｏ２５年  4月')).toBe('2025年 4月');
  });

  test('a stray mark (a seal speck, a ruled line) is no line; a lone digit or word is', () => {
    for (const stray of ['·', '|', '。', '—', '']) expect(fixOcrLine(stray)).toBeUndefined();
    for (const kept of ['3', '附件', 'MDT', '—3—']) expect(fixOcrLine(kept)).toBe(kept);
  });
});
