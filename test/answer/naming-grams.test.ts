import { describe, expect, test } from 'vitest';
import { buildLexicalIndex } from '../../src/answer/create-pipeline.js';
import { namingGrams, share, themeGrams } from '../../src/answer/naming-grams.js';
import { seedCorpus } from '../support/seed-pipeline.js';

const corpus = seedCorpus();
const bm25 = buildLexicalIndex(corpus);

describe('namingGrams: the words of a topic that can name a heading', () => {
  test('a run that holds a particle, preposition or conjunction (在医, 与服 of 在医疗质量与服务管理) is left out; the words stay', () => {
    const grams = namingGrams('在医疗质量与服务管理创新方面', corpus, bm25);
    expect(grams).toEqual(expect.arrayContaining(['医疗', '质量', '服务', '管理', '创新']));
    expect(grams).not.toContain('在医');
    expect(grams).not.toContain('与服');
  });

  test('must not leave out a word that holds 要 (主要任务)', () => {
    expect(namingGrams('主要任务', corpus, bm25)).toContain('主要');
  });

  test('a place the documents write as part of a name (健康上海 of 健康上海行动) names the programme; a place that says where is left out', () => {
    expect(namingGrams('市里23年工作要点里搞健康上海那块有啥', corpus, bm25)).toEqual(expect.arrayContaining(['健康', '上海']));
    expect(namingGrams('上海市护理这块有啥安排', corpus, bm25)).not.toContain('上海');
    expect(namingGrams('长宁区护理这块有啥安排', corpus, bm25)).toEqual(['护理']);
  });
});

describe('themeGrams: the words of a list subject that name it inside a point', () => {
  test('a run across two words (院要 of 同仁医院今年要搞) and a word of a document title (医院, of 公立医院) are left out; the name stays', () => {
    expect(namingGrams('同仁医院要搞', corpus, bm25)).toEqual(expect.arrayContaining(['同仁', '医院', '院要']));
    const grams = themeGrams('同仁医院要搞', corpus, bm25);
    expect(grams).toContain('同仁');
    expect(grams).not.toContain('院要');
    expect(grams).not.toContain('医院');
  });

  test('must not leave out the subject itself: 传染病临床诊治中心 keeps its words', () => {
    expect(themeGrams('传染病临床诊治中心', corpus, bm25)).toEqual(expect.arrayContaining(['传染', '诊治']));
  });

  test('with rare: a subject none of whose words two passages hold (立法普法, 带量采购) is named by the words one passage holds', () => {
    expect(themeGrams('立法普法', corpus, bm25)).toEqual([]);
    expect(themeGrams('立法普法', corpus, bm25, { rare: true })).toEqual(['立法', '普法']);
    expect(themeGrams('带量采购', corpus, bm25, { rare: true })).toEqual(['带量', '采购']);
    // must not: a subject with words of its own keeps them alone, and a word no passage holds names nothing
    expect(themeGrams('传染病临床诊治中心', corpus, bm25, { rare: true })).toEqual(themeGrams('传染病临床诊治中心', corpus, bm25));
    expect(themeGrams('火星探测', corpus, bm25, { rare: true })).toEqual([]);
  });

  test('share: the IDF-weighted part of the words a text holds, 0 for none and 1 for all', () => {
    const grams = themeGrams('天山中医医院', corpus, bm25);
    expect(share(grams, '强化天山中医医院急诊、肺病科等专科建设', bm25)).toBe(1);
    expect(share(grams, '加强发热门诊建设', bm25)).toBe(0);
  });
});
