import { beforeAll, describe, expect, test } from 'vitest';
import { unverifiedClaims } from '../../src/answer/compose-text.js';
import type { Pipeline } from '../../src/answer/create-pipeline.js';
import { issueAsked, issueSignature } from '../../src/answer/document-issue.js';
import type { Answer, Turn } from '../../src/answer/types.js';
import { loose } from '../../src/eval/resolve-gold.js';
import { seedPipeline } from '../support/seed-pipeline.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await seedPipeline();
});
const turn = (a: Answer): Turn => ({ question: a.question, answer: a.answer, citations: a.citations.map((c) => ({ id: c.id })) });
const CN = '2023-changning-medical-work-plan';
const PT = '2025-putuo-medical-administration-priorities';
const GF = '2021-shanghai-public-hospital-high-quality-development-plan';

describe('issueAsked: when a seed document was issued', () => {
  test.each([
    ['《2023年长宁区医疗工作计划》是哪一天印发的？', undefined, CN],
    ['普陀区卫健委2025年医政医管工作要点是哪一天发的文？', undefined, PT],
    ['公立医院高质量发展实施方案哪天发布的', undefined, GF],
    ['这文件啥时候发的', PT, PT], // the document talked about
    ['这份计划是哪一天印发的？', CN, CN],
    ['它是哪一年出台的', GF, GF],
    ['啥时候发的', CN, CN], // naming no document: the one talked about
    ['市卫健委关于2023年医政医管工作要点的通知，落款日期是哪天？', undefined, '2023-shanghai-medical-administration-priorities'], // 落款: the line that signs and dates it
  ])('%s -> %s', (question, talkedAbout, docId) => {
    expect(issueAsked(question, pipeline.corpus, talkedAbout)).toEqual({ docId, asks: 'date' });
  });

  test.each([
    ['这文件谁发的啊', GF, GF],
    ['《2023年长宁区医疗工作计划》是哪个部门印发的', undefined, CN],
    ['这份要点的发文单位是哪个', PT, PT],
    ['这个计划的落款单位是哪个', CN, CN],
  ])('who issued it: %s -> %s', (question, talkedAbout, docId) => {
    expect(issueAsked(question, pipeline.corpus, talkedAbout)).toEqual({ docId, asks: 'who' });
  });

  test.each([
    ['三级医院评审标准2022年版的上海实施细则哪天印发的？', CN], // another rule's date: a topic of its own
    ['医务人员职业荣誉制度哪年出台', CN],
    ['新冠诊疗方案什么时候发布', CN],
    ['长宁计划里的九不准是啥时候出台的', undefined],
    ['市卫健委23年工作要点几月份发的', CN], // fits two city documents: not guessed, nor taken for the one talked about
    ['啥时候发的', undefined], // no document named nor talked about
    ['这个文件发给了哪些单位', CN], // who, not when
    ['市疾控中心新址啥时候开工', CN], // no verb of issuing
    ['这条是谁发的', CN], // a point's source, not a document's issuer: the source answer's
    ['九不准是哪个部门印发的', CN],
    ['落款这块有啥要求', CN], // no date or body asked
  ])('not the issue date of a seed document: %s', (question, talkedAbout) => {
    expect(issueAsked(question, pipeline.corpus, talkedAbout)).toBeUndefined();
  });

  test('the signature quoted is the notice’s own, issuer and date as signed, or the date where no issuer stands before it', () => {
    const cn = issueSignature({ docId: CN, asks: 'date' }, pipeline.corpus)!;
    expect(cn.passage.kind).toBe('notice');
    expect(cn.quote).toBe('上海市长宁区卫生健康委员会2023年3月8日');
    expect(cn.passage.text.replace(/\s+/g, '')).toContain(cn.quote);
    expect(issueSignature({ docId: GF, asks: 'date' }, pipeline.corpus)!.quote).toBe('2021年12月27日');
    // Asked who, where the date is signed without the issuer: the notice's title, which names it.
    const gf = issueSignature({ docId: GF, asks: 'who' }, pipeline.corpus)!;
    expect(gf.quote).toMatch(/^上海市人民政府办公厅印发.*通知$/);
    expect(gf.passage.text.replace(/\s+/g, '')).toContain(gf.quote);
  });
});

describe('the answer to when a document was issued', () => {
  test('is the notice’s signature, verbatim, with confidence', async () => {
    const a = await pipeline.answerer.answer('《2023年长宁区医疗工作计划》是哪一天印发的？');
    expect(a.confidence).toBe('high');
    expect(a.citations[0]!.id).toBe(`${CN}#notice`);
    expect(a.answer).toContain('2023年3月8日[1]');
    expect(a.answer).not.toMatch(/没有给出/);
    expect(unverifiedClaims(a.answer, a.citations, loose)).toEqual([]);
  });

  test.each([
    ['普陀25年医政要点里儿科有啥要求', '这文件啥时候发的', PT, '2025年4月18日[1]'], // when, of the document talked about
    ['市里那个公立医院高质量发展方案，国家医学中心要建几家', '这文件谁发的啊', GF, '上海市人民政府办公厅印发'], // who: the notice naming the issuer, not the point
  ])('%s → %s: that document’s notice', async (first, then, docId, said) => {
    const a1 = await pipeline.answerer.answer(first);
    expect(a1.citations[0]!.id.startsWith(`${docId}#`)).toBe(true);
    const a2 = await pipeline.answerer.answer(then, { history: [turn(a1)] });
    expect(a2.citations.map((c) => c.id)).toEqual([`${docId}#notice`]);
    expect(a2.answer).toContain(said);
    expect(unverifiedClaims(a2.answer, a2.citations, loose)).toEqual([]);
  });
});
