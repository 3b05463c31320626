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
      ['沪府办发:〔202:1].3 1号', '沪府办发〔2021〕31号'],
      ['沪府发〔2021].10号', '沪府发〔2021〕10号'],
      ['普卫健医：〔2025]．3号', '普卫健医〔2025〕3号'],
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
  'mark-after-mark': {
    fires: [
      ['能定位。·持续推进区级康复医院建设', '能定位。持续推进区级康复医院建设'],
      ['和二十届三中全会精神，：在市卫生健康委指导下', '和二十届三中全会精神，在市卫生健康委指导下'],
      ['力量下沉。，三是加快建立', '力量下沉。三是加快建立'],
      ['疗机构就诊。．二是提高院前', '疗机构就诊。二是提高院前'],
      ['常见病、·多发病诊疗服务；', '常见病、多发病诊疗服务；'],
      ['查管理办法》，，充分发挥', '查管理办法》，充分发挥'],
      ['服务体系。.', '服务体系。'],
    ],
    // Quotes, brackets and title marks after a mark; marks after a closing quote or bracket; figures.
    holds: [
      '提出：“平战结合”',
      '服务。”',
      '落实“两个允许”，“三医联动”',
      '（中医类）、国家中医药',
      '实施方案》，结合',
      '1.5倍',
      '8：30至17：00',
      '（此件公开发布）。（二）',
      '……',
      '一是“‘十四五’规划”，‘三医联动’',
    ],
  },
  'mark-before-title-end': {
    fires: [
      ['局完成《上海市卫生设施专项规划（2022-2035年）、》编制', '局完成《上海市卫生设施专项规划（2022-2035年）》编制'],
      ['印发《实施方案，》的通知', '印发《实施方案》的通知'],
    ],
    // The sentence's mark after the title, marks inside it, a title ending in a bracket or a question.
    holds: ['印发《实施方案》，请认真执行', '《关于推进“互联网＋医疗健康”、“一网通办”的意见》', '《医疗机构管理条例（2022年修订）》', '《谁来守护健康？》'],
  },
  'bar-in-text': {
    fires: [
      ['加强卫生健康规划引|领和政策研究', '加强卫生健康规划引领和政策研究'],
      ['通俗易懂的就医指引l、便捷', '通俗易懂的就医指引、便捷'],
      ['社会办医疗资源引 | 入', '社会办医疗资源引入'],
    ],
    // Latin words and units, a bar between figures or Latin letters.
    holds: ['注射用水10ml', '推进Html5页面', 'A|B两类', '检测（l型）', 'l类器械'],
  },
  'dash-between-figures': {
    fires: [
      ['着力建设1一2家国家中医医学中心', '着力建设1-2家国家中医医学中心'],
      ['3 一 5家中西医结合旗舰医院', '3-5家中西医结合旗舰医院'],
      ['（2023一2025年）', '（2023-2025年）'],
    ],
    holds: ['第一批', '2023年一季度', '统一12个', '1一体化', '十一五', '一2家'],
  },
  'spaced-figures': {
    fires: [
      ['本实施方案自2.0 2 1 年 1 2 月 2 7 日起实施', '本实施方案自2.021 年 12 月 27 日起实施'],
      ['上海市人民政府办公厅20 2 1年', '上海市人民政府办公厅2021年'],
      ['示范型区域性医疗中心1 0家', '示范型区域性医疗中心10家'],
    ],
    // Numbers apart with no unit after them, a list, a single figure before its unit.
    holds: ['2023 2024年度对比', '第1 2 3项', '共 3 家', '表1 2022年数据', '1、2 家'],
  },
  'speck-in-year': {
    fires: [
      ['本实施方案自2.021年12月27日起实施', '本实施方案自2021年12月27日起实施'],
      ['2·025年', '2025年'],
      ['本实施方案自2．021年12月27日起实施', '本实施方案自2021年12月27日起实施'],
      ['本实施方案自2. 021 年', '本实施方案自2021 年'],
    ],
    holds: ['1.5年', '2.5年内', '3.0版', '12.021年', '2021年', '5.125年'],
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
