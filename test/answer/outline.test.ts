import { beforeAll, describe, expect, test } from 'vitest';
import { claimsOf, unverifiedClaims } from '../../src/answer/compose-text.js';
import type { Pipeline } from '../../src/answer/create-pipeline.js';
import type { Answer, Turn } from '../../src/answer/types.js';
import { loose } from '../../src/eval/resolve-gold.js';
import { seedPipeline } from '../support/seed-pipeline.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await seedPipeline();
});
const ask = (q: string, history: Turn[] = []) => pipeline.answerer.answer(q, { history });
const turn = (a: Answer): Turn => ({ question: a.question, answer: a.answer, citations: a.citations.map((c) => ({ id: c.id })) });
/** The headings at `depth` of a document's items (of one section), in the document's order, each once. */
const headings = (docId: string, depth: number, section?: number) => [
  ...new Set(pipeline.corpus.passages.filter((p) => p.docId === docId && (section === undefined || p.section === section) && p.path.length > depth + 1).map((p) => p.path[depth]!)),
];

describe('how a document is organised is answered with its headings', () => {
  test.each([
    ['2023年上海市医政医管工作要点分哪几部分？', '2023-shanghai-medical-administration-priorities'],
    ['长宁的计划分几块', '2023-changning-medical-work-plan'],
    ['2023年上海卫生健康工作要点一共有几大部分？', '2023-shanghai-health-work-priorities'],
    ['长宁计划主要讲了哪几部分', '2023-changning-medical-work-plan'],
  ])('%s', async (question, docId) => {
    const a = await ask(question);
    const want = headings(docId, 0);
    expect(a.confidence).toBe('high');
    expect(a.answer).toContain(`正文分为${want.length}个部分`);
    expect(claimsOf(a.answer)).toEqual(want.map((h) => h.replace(/[。；]+$/, '')));
    // Each heading cites the first point under it; every claim is checked against its citation.
    expect(a.citations.map((c) => c.path[0])).toEqual(want);
    expect(unverifiedClaims(a.answer, a.citations, loose)).toEqual([]);
    for (const c of a.citations) expect(c.text).toContain(c.quote);
  });

  test('a section named by its heading: its sub-sections', async () => {
    const docId = '2021-shanghai-public-hospital-high-quality-development-plan';
    const a = await ask('高质量发展方案主要任务分几块');
    const main = pipeline.corpus.passages.find((p) => p.docId === docId && p.path[0]?.includes('主要任务'))!.section!;
    const want = headings(docId, 1, main);
    expect(want.length).toBeGreaterThan(1);
    expect(a.answer).toContain(`分为${want.length}个方面`);
    expect(a.citations.map((c) => c.path[1])).toEqual(want);
    expect(unverifiedClaims(a.answer, a.citations, loose)).toEqual([]);
  });

  test('"这个文件的结构是怎样的" asks of the document the conversation is about', async () => {
    const first = await ask('普陀今年护理有啥安排');
    const a = await ask('这个文件的结构是怎样的', [turn(first)]);
    expect(a.citations.map((c) => c.path[0])).toEqual(headings('2025-putuo-medical-administration-priorities', 0));
  });

  test('asked of no document, and none talked about: it asks which, and says nothing of any', async () => {
    const a = await ask('这个文件分几部分');
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain('没有说是哪个文件');
    expect(a.citations).toEqual([]);
  });

  test.each([
    // A topic asked in parts, not a document.
    ['护理分哪几块'],
    // 结构 of a topic the document speaks of.
    ['长宁计划里人才结构怎么调整'],
    ['区域性医疗中心按多少人口配置一家？'],
  ])('%s is not an outline question', async (question) => {
    const a = await ask(question);
    expect(a.answer).not.toMatch(/分为\d+个(?:部分|方面)：/);
  });

  test('a heading changed in an outline answer fails the check', async () => {
    const a = await ask('长宁的计划分几块');
    const forged = a.answer.replace(a.citations[0]!.path[0]!, '一、以平急结合为导向，全面取消医疗救治工作');
    expect(unverifiedClaims(forged, a.citations, loose)).toHaveLength(1);
  });
});

describe('the section before or after the one talked about', () => {
  const items = (docId: string, section: number) =>
    pipeline.corpus.passages.filter((p) => p.docId === docId && p.section === section && (p.kind === 'point' || p.kind === 'paragraph') && (p.part?.index ?? 1) === 1).map((p) => p.id);

  test('上一部分呢 after a section: the points of the section before it', async () => {
    const docId = '2023-shanghai-health-work-priorities';
    const first = await ask('卫生健康工作要点第五部分讲了什么');
    expect(pipeline.corpus.passage(first.citations[0]!.id)!.section).toBe(5);
    const a = await ask('上一部分呢', [turn(first)]);
    expect(a.citations.map((c) => c.id)).toEqual(items(docId, 4).slice(0, 5));
  });

  test('下一块讲的啥 after the first section: the second', async () => {
    const first = await ask('长宁今年医疗工作计划第一部分讲的啥');
    const a = await ask('下一块讲的啥', [turn(first)]);
    expect(a.citations.map((c) => c.id)).toEqual(items('2023-changning-medical-work-plan', 2).slice(0, 5));
  });

  test('上一部分呢 after the first section: there is none, and that is said, not searched for', async () => {
    const first = await ask('长宁今年医疗工作计划第一部分讲的啥');
    const a = await ask('上一部分呢', [turn(first)]);
    expect(a.abstained).toBe(true);
    expect(a.answer).toContain('第一部分');
    expect(a.citations).toEqual([]);
  });
});
