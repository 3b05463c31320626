import { describe, expect, test } from 'vitest';
import { readPointRange, readSectionOrdinal } from '../../src/retrieval/section-ordinal.js';

describe('readSectionOrdinal: a section named by its ordinal or its place', () => {
  test.each([
    ['第三块讲的啥', 3, '第三块'],
    ['第3部分是啥', 3, '第3部分'],
    ['第 二 大块呢', 2, '第二大块'],
    ['第二方面说的什么', 2, '第二方面'],
    ['第十板块', 10, '第十板块'],
    ['最后一部分讲啥', 'last', '最后一部分'],
    ['最后那块呢', 'last', '最后那块'],
    ['长宁计划最后那部分专项工作一共列了哪几项', 'last', '最后那部分'],
    ['最后的部分讲了什么', 'last', '最后的部分'],
    ['最后一个方面是啥', 'last', '最后一个方面'],
    ['普陀要点收尾那块说了几点', 'last', '收尾那块'],
    ['结尾那部分讲的啥', 'last', '结尾那部分'],
    ['文件末尾那一块是什么内容', 'last', '末尾那一块'],
    ['最后讲落地保障那部分都讲了啥', 'last', '最后讲落地保障那部分'], // what the part is about, between
    ['实施方案最后讲如何组织落实、保障推进的部分包含哪些方面', 'last', '最后讲如何组织落实、保障推进的部分'],
    ['开头那部分讲啥', 1, '开头那部分'],
    ['开篇的部分说了什么', 1, '开篇的部分'],
    ['长宁计划开头讲新冠救治那部分有几条', 1, '开头讲新冠救治那部分'],
    ['最前面那块呢', 1, '最前面那块'],
    ['公立医院高质量发展方案最后那几条保障措施是啥', 'last', '最后那几条'], // the points the text closes with, counted by none
    ['最后这些项讲的什么', 'last', '最后这些项'],
    ['高质量发展那个实施方案最后的保障措施有几条，分别是啥', 'last', '最后的保障措施有几条'], // the count of the points the text closes with
  ])('%s -> %s', (question, position, words) => {
    expect(readSectionOrdinal(question)).toEqual({ position, words });
  });

  test.each([
    // Points and items are not sections.
    ['第三条讲了什么'],
    ['第二点呢'],
    ['最后一条是啥'],
    // 最后 that names no part of a text.
    ['最后期限是哪天'],
    ['最后一批试点什么时候定'],
    ['收尾的最后三条讲了什么'], // the last points, not the last section
    ['项目收尾工作怎么做'],
    ['区域性医疗中心按多少人口配置一家'],
    ['开头两条讲了什么'], // the first points, not the first section
    ['最开始提出这项工作是哪年'],
    ['最后一批试点医院，这部分要求高吗'], // 最后 of a batch, a clause away from 这部分
    ['最后那几家医院是哪些'], // bodies, not points of a text
    ['最后几条讲了什么'], // no 那: the last points of whatever is talked about
    ['最后一批试点有几家'], // bodies counted, not points
    ['最后的目标有几个'],
  ])('%s names no section', (question) => {
    expect(readSectionOrdinal(question)).toBeUndefined();
  });
});

describe('readPointRange: the first or last few points', () => {
  test.each([
    ['疫情那部分，最后三条说的是啥', 'end', 3],
    ['第二部分的最后两条分别涉及哪些工作', 'end', 2],
    ['开头两条具体咋说的', 'start', 2],
    ['前三点讲了什么', 'start', 3],
    ['最后一项是啥', 'end', 1],
    ['收尾的最后 3 条', 'end', 3],
  ])('%s -> %s %i', (question, from, count) => {
    expect(readPointRange(question)).toMatchObject({ from, count });
  });

  test.each([['最后一批试点什么时候定'], ['前三名有奖励吗'], ['第三条讲了什么'], ['有哪三条措施'], ['前两年的考核结果'], ['最后期限是哪天']])('%s asks no range', (question) => {
    expect(readPointRange(question)).toBeUndefined();
  });
});
