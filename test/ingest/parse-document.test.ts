import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Passage } from '../../src/core/types.js';
import { cleanLines, joinLines } from '../../src/ingest/clean-lines.js';
import { chunkDocument } from '../../src/ingest/chunk-document.js';
import { parseDocument } from '../../src/ingest/parse-document.js';
import { parseMetadata } from '../../src/ingest/parse-metadata.js';
import { CORPUS_DIR } from '../support/corpus-dirs.js';

const SEEDS = CORPUS_DIR;
const files = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const raw = (file: string) => readFileSync(join(SEEDS, file), 'utf8');
const parsed = new Map(files.map((f) => [f, parseDocument(f, raw(f))]));
const byNumber = (docNumber: string) => [...parsed.values()].find((p) => p.document.docNumber === docNumber)!;
const strip = (s: string) => s.replace(/\s+/g, '');

/** Counted by hand from the documents: points per section (or passages per sub-section for 31号). */
const STRUCTURE: Record<string, { title: string; issuer: string; date: string; sections: number[] }> = {
  '沪卫医〔2023〕32号': { title: '2023年上海市医政医管工作要点', issuer: '上海市卫生健康委员会', date: '2023-04-19', sections: [5, 5, 4, 6] },
  '沪卫发〔2023〕2号': { title: '2023年上海市卫生健康工作要点', issuer: '上海市卫生健康委员会', date: '2023-02-21', sections: [7, 8, 3, 3, 5] },
  '普卫健医〔2025〕3号': { title: '2025年普陀区医政医管工作要点', issuer: '上海市普陀区卫生健康委员会', date: '2025-04-18', sections: [5, 4, 4, 3] },
  '长卫健发〔2023〕20号': { title: '2023年长宁区医疗工作计划', issuer: '上海市长宁区卫生健康委员会', date: '2023-03-08', sections: [3, 3, 3, 4, 6] },
  // 一、(一)(二) are one passage each; 二、 has 6+5+3+5+3+4 lead-sentence paragraphs; 三、 five sub-sections.
  '沪府办发〔2021〕31号': { title: '关于推进上海市公立医院高质量发展的实施方案', issuer: '上海市人民政府办公厅', date: '2021-12-27', sections: [2, 26, 5] },
};

const points = (passages: Passage[]) => [...new Map(passages.map((p) => [p.pointId, p])).values()];

describe.each(Object.entries(STRUCTURE))('%s', (docNumber, expected) => {
  const { document, passages } = byNumber(docNumber);

  test('metadata is read from the text', () => {
    expect(document).toMatchObject({ docNumber, title: expected.title, issuer: expected.issuer, date: expected.date });
  });

  test('sections and points per section', () => {
    const structural = points(passages).filter((p) => p.section !== undefined && p.kind !== 'closing');
    const counts = expected.sections.map((_, i) => structural.filter((p) => p.section === i + 1).length);
    expect(counts).toEqual(expected.sections);
  });

  test('the notice and the preamble are passages of their own', () => {
    expect(passages[0]).toMatchObject({ kind: 'notice', label: '印发通知' });
    expect(passages[1]).toMatchObject({ kind: 'preamble', label: '前言' });
  });

  test('every character of the body lands in exactly one passage, in order', () => {
    const file = [...parsed].find(([, p]) => p.document.docNumber === docNumber)![0];
    const lines = cleanLines(raw(file));
    const meta = parseMetadata(lines, file);
    const body = strip(joinLines(lines.slice(meta.bodyStart + 1, meta.bodyEnd)));
    let rebuilt = '';
    let heading: string[] = [];
    for (const p of passages.filter((x) => x.kind !== 'notice')) {
      const headings = p.kind === 'point' || p.kind === 'paragraph' ? p.path.slice(0, -1) : p.path;
      headings.forEach((h, i) => {
        if (heading[i] !== h) rebuilt += h;
      });
      heading = headings;
      rebuilt += p.marker + p.text;
    }
    expect(strip(rebuilt)).toBe(body);
  });

  test('distribution lines (抄送, 印发) are metadata, not passages', () => {
    for (const p of passages) {
      expect(p.text).not.toMatch(/抄送[:：]/);
      expect(p.text).not.toMatch(/\d日印发$/);
    }
  });

  test('passage ids are unique and stable across re-ingestion', () => {
    const ids = passages.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const file = [...parsed].find(([, p]) => p.document.docNumber === docNumber)![0];
    expect(parseDocument(file, raw(file)).passages.map((p) => p.id)).toEqual(ids);
  });

  test('no passage holds a page number or a full-width digit', () => {
    for (const p of passages) {
      expect(p.text).not.toMatch(/[—-]\s*\d{1,3}\s*[—-]\s*$|^[—-]\s*\d{1,3}\s*[—-]/m);
      expect(p.text).not.toMatch(/[０-９]/);
    }
  });
});

describe('traps of the real corpus', () => {
  const changning = byNumber('长卫健发〔2023〕20号').passages;
  const health = byNumber('沪卫发〔2023〕2号').passages;
  const medical = byNumber('沪卫医〔2023〕32号').passages;
  const hq = byNumber('沪府办发〔2021〕31号').passages;
  const putuo = byNumber('普卫健医〔2025〕3号').passages;
  const find = (ps: Passage[], label: string) => ps.filter((p) => p.label === label);

  test('numbering that restarts in each section (长宁): 二、1 is its own point', () => {
    expect(find(changning, '第二部分第1条')[0]!.text).toMatch(/^持续加强二三级医疗机构服务能级。/);
    expect(find(changning, '第三部分第1条')[0]!.text).toMatch(/^做好上海市高质量发展试点单位建设。/);
  });

  test('numbering that runs across sections (沪卫发): point 8 opens section 二', () => {
    expect(find(health, '第二部分第8条')[0]!.text).toMatch(/^完善高品质医疗服务体系。/);
  });

  test('the duplicated 3. in 长宁 section 五 gives two points with distinct ids', () => {
    const threes = changning.filter((p) => p.section === 5 && p.point === 3);
    expect(threes.map((p) => p.text.slice(0, 6))).toEqual(['做好护理工作', '做好继续教育']);
    expect(new Set(threes.map((p) => p.id)).size).toBe(2);
    expect(threes[1]!.label).toBe('第五部分第3条（之二）');
  });

  test('“5.12国际护士节” stays inside its point', () => {
    const nursing = changning.find((p) => p.section === 5 && p.point === 3)!;
    expect(nursing.text).toContain('开展5.12国际护士节活动');
    expect(changning.some((p) => p.point === 12)).toBe(false);
  });

  test('“3.0版” is not a point', () => {
    expect(find(health, '第二部分第10条')[0]!.text).toContain('数字化转型3.0版');
    expect(changning.find((p) => p.section === 3 && p.point === 3)!.text).toContain('3.0版应用场景');
  });

  test('page numbers mid-sentence are dropped and the sentence is joined', () => {
    expect(hq.find((p) => p.path.at(-1) === '建立分层分类的绩效评价机制')!.text).toContain('创新公立医院内部绩效考核办法,实行以岗定责');
    expect(health.find((p) => p.point === 25)!.text).toContain('《上海市爱国卫生与健康促进条例》立法调研');
    expect(changning.find((p) => p.section === 2 && p.point === 2)!.text).toContain('充分发挥区域二三级医疗机构的专科特色');
  });

  test('paragraph breaks mid-sentence stay inside the point (普陀)', () => {
    expect(putuo.find((p) => p.point === 2)!.text).toContain('多发病诊疗服务；推进区域急救中心建设');
    expect(putuo.find((p) => p.point === 8)!.text).toContain('行业作风建设、运行管理');
  });

  test('PDF line breaks mid-word are joined', () => {
    expect(medical.find((p) => p.point === 4)!.text).toContain('优化急诊服务流程');
  });

  test('一是 … 二是 items stay inside their point', () => {
    const p3 = health.find((p) => p.point === 3)!;
    expect(p3.text).toMatch(/一是.*二是.*三是.*四是/);
  });

  test('unnumbered paragraphs of 31号 are passages labelled by their lead sentence', () => {
    const first = hq.find((p) => p.kind === 'paragraph')!;
    expect(first.label).toBe('第二部分（一）“争创国家医学中心和国家区域医疗中心”');
    expect(first.path).toEqual(['二、主要任务', '(一)构建优质高效的整合型医疗服务新体系', '争创国家医学中心和国家区域医疗中心']);
    // A sentence on its own line at the end of a paragraph is not a new lead.
    expect(hq.find((p) => p.path.at(-1) === '打造高水平市级临床研究平台')!.text).toMatch(/伦理审查结果互认\.$/);
  });

  test('the closing clause of 31号 carries its validity, which the metadata reads', () => {
    expect(hq.find((p) => p.kind === 'closing')!.text).toBe('本实施方案自2021年12月27日起实施,有效期至2030年12月31日.');
    expect(byNumber('沪府办发〔2021〕31号').document.validUntil).toBe('2030-12-31');
  });

  test('a very long point is split at sentence ends, each part keeping its label', () => {
    const parts = health.filter((p) => p.point === 20);
    expect(parts.length).toBeGreaterThan(1);
    expect(new Set(parts.map((p) => p.label))).toEqual(new Set(['第四部分第20条']));
    expect(new Set(parts.map((p) => p.pointId)).size).toBe(1);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(480);
  });
});

describe('bad input gets a clear error', () => {
  test.each([
    ['', /文号/],
    ['沪卫医〔2023〕32号\n\n一些文字', /title/],
    ['沪卫医〔2023〕32号\n现将《测试文件》印发给你们\n测试文件\n一、总则', /date of issue/],
  ])('%#', (text, message) => expect(() => parseDocument('x.txt', text)).toThrow(message));
});

describe('a marker after a line that does not end a sentence (a full stop lost in a scan)', () => {
  const ids = (lines: string[]) => chunkDocument('d', ['标题', ...lines]).map((p) => `${p.pointId.slice(2)} ${p.text.slice(0, 6)}`);

  test('opens its block when it carries the numbering on: the next point, sub-section or section', () => {
    expect(ids(['一、优布局', '1.加快医疗资源布局优化调整。', '2.加快区域医疗服务体系发展', '3.加强临床特色专科专病建设。', '二、重质量，着力创新', '4.加强医疗质量管理'])).toEqual([
      '1.1 加快医疗资源',
      '1.2 加快区域医疗',
      '1.3 加强临床特色',
      '2.4 加强医疗质量',
    ]);
    expect(
      ids([
        '一、总体要求',
        '(一)指导思想',
        '以人民健康为中心,',
        '坚持政府主导,',
        '提高群众的获得感和满意度',
        '(二)发展目标',
        '到2025年,建成体系.',
        '二、主要任务',
        '(一)构建体系',
        '创建10家以上国家医学中心.',
      ]),
    ).toEqual(['1.1 以人民健康为', '1.2 到2025年', '2.1 创建10家以']);
  });

  test('stays in the sentence when it starts a run, skips a number, or is a numeral run (第 / 三、四季度)', () => {
    // The first point after an unfinished line stays in it (and so does the point after it: numbering never started).
    expect(ids(['一、优布局', '全区将着力', '做好年度工作', '抓好落实', '1.加快医疗资源布局优化调整。', '2.加快区域医疗服务体系发展'])).toEqual(['1 全区将着力做']);
    expect(ids(['一、优布局', '1.加快医疗资源布局优化调整。', '2.加快区域医疗服务体系发展', '4.加强临床特色专科专病建设。'])).toEqual(['1.1 加快医疗资源', '1.2 加快区域医疗']);
    expect(ids(['一、优布局', '1.加快资源布局调整。', '在第', '二、三季度完成评估。', '2.加快体系发展', '3.5万人次以上。'])).toEqual(['1.1 加快资源布局', '1.2 加快体系发展']);
  });
});
