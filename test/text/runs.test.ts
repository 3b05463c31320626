import { describe, expect, it } from 'vitest';
import { longestSharedRun, pairShare, titleFree, withoutTitleRuns } from '../../src/text/runs.js';

describe('withoutTitleRuns', () => {
  const titles = ['2023年上海市医政医管工作要点'];

  it('blanks the runs a title holds, longest first, and keeps what the question asks', () => {
    expect(withoutTitleRuns('2023年上海市医政医管工作要点在护理方面提出了哪些要求', titles, 2).trim()).toBe('在护理方面提出了哪些要求');
  });

  it('keeps runs shorter than the shortest asked (上海 of 上海市 stays when 5 are needed)', () => {
    expect(withoutTitleRuns('上海护理', titles, 5)).toBe('上海护理');
    expect(withoutTitleRuns('医政医管工作要点里的护理', titles, 5)).toBe(' 里的护理');
  });
});

describe('longestSharedRun', () => {
  it('finds the longest run of the question the text holds', () => {
    expect(longestSharedRun('中西医结合旗舰医院要建几家', '加快推进中西医结合旗舰医院等重大项目建设')).toBe('中西医结合旗舰医院');
  });

  it('does not join runs the text holds apart (国家中医医学中心 is not 国家医学中心)', () => {
    expect(longestSharedRun('国家医学中心建几个', '争创国家中医医学中心')).toBe('医学中心');
  });

  it('ignores whitespace in the question and is empty when nothing is shared', () => {
    expect(longestSharedRun('旗舰 医院', '旗舰医院')).toBe('旗舰医院');
    expect(longestSharedRun('发热门诊', '护理服务')).toBe('');
  });
});

describe('pairShare', () => {
  it('is the share of the noun character pairs the text holds', () => {
    expect(pairShare('持续推进区级康复医院建设', '区康复医院')).toBe(0.75); // 康复, 复医, 医院 of 区康, 康复, 复医, 医院
    expect(pairShare('推动社区康复中心建设', '社区中心')).toBeCloseTo(2 / 3);
    expect(pairShare('安宁疗护', '安宁疗护')).toBe(1);
    expect(pairShare('护理', '发热门诊')).toBe(0);
    expect(pairShare('任何文本', '护')).toBe(0); // one character has no pair
  });
});

describe('titleFree', () => {
  it('is the text less the title runs when a word of substance is left, else undefined', () => {
    expect(titleFree('2025年普陀区医政医管工作要点 儿科服务', '2025年普陀区医政医管工作要点', 2)?.trim()).toBe('儿科服务');
    expect(titleFree('2025年普陀区医政医管工作要点', '2025年普陀区医政医管工作要点', 2)).toBeUndefined();
  });
});
