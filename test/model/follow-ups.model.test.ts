import { beforeAll, describe, expect, test } from 'vitest';
import type { Answer, Turn } from '../../src/answer/types.js';
import { loadRuntime, type Runtime } from '../../src/cli/load-runtime.node.js';
import { CORPUS_DIR, TEST_INDEX_DIR } from '../support/corpus-dirs.js';
import { resolveFollowUp } from '../../src/answer/resolve-follow-up.js';
import { searchFollowUp } from '../../src/answer/search-follow-up.js';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await loadRuntime({ modelDir: 'models', indexDir: TEST_INDEX_DIR, seedsDir: CORPUS_DIR, log: () => {} });
});
const turn = (a: Answer): Turn => ({ question: a.question, answer: a.answer, citations: a.citations.map((c) => ({ id: c.id })) });
const squash = (s: string) => s.replace(/\s+/g, '');

/** Two-turn conversations written for the follow-up rules (not taken from the eval file). */
const FOLLOW_UPS: Array<{ first: string; then: string; expectDoc: string; expect: RegExp }> = [
  { first: '普陀2025年在护理服务上提了哪些要求？', then: '那长宁区呢？', expectDoc: '长卫健发〔2023〕20号', expect: /护理/ },
  { first: '长宁2023年计划里，护理工作分了哪几点？', then: '第二点具体说说。', expectDoc: '长卫健发〔2023〕20号', expect: /^.*二是继续推进护理专科基地建设/ },
  { first: '2023年市卫生健康工作要点里，新冠感染医疗救治保障提了哪几条措施？', then: '第四条具体讲的啥？', expectDoc: '沪卫发〔2023〕2号', expect: /四是形成提升基层救治能力的系统性方案/ },
  {
    first: '市级定点医院的重症床位要占总床位多少比例？',
    then: '这条出自哪个文件？',
    expectDoc: '沪卫医〔2023〕32号',
    expect: /^这一条出自2023年4月19日由上海市卫生健康委员会印发的《2023年上海市医政医管工作要点》（沪卫医〔2023〕32号）第一部分第5条：/,
  },
  { first: '区域性医疗中心按多少人口配置一家？', then: '是哪个文件里写的？', expectDoc: '沪卫发〔2023〕2号', expect: /沪卫发〔2023〕2号/ },
  { first: '长宁2023年在区域中医药能力提升上安排了哪几项工作？', then: '第四项是什么？', expectDoc: '长卫健发〔2023〕20号', expect: /中医药文化|太极/ },
  { first: '市医政要点2023年说要新挂牌多少家IDC医院？', then: '普陀这边呢，区里的传染病诊治中心有什么安排？', expectDoc: '普卫健医〔2025〕3号', expect: /传染病临床诊治中心/ },
  { first: '2023年市医政要点里医院评审评价工作要做哪些事？', then: '专科医院的评审标准怎么处理？', expectDoc: '沪卫医〔2023〕32号', expect: /专科性标准细则/ },
  { first: '公立医院高质量发展方案里医保支付方式改革是怎么部署的？', then: '那长期住院的精神病人、康复病人怎么付费？', expectDoc: '沪府办发〔2021〕31号', expect: /按床日付费/ },
  { first: '长宁2023年援滇医疗队是第几批？', then: '那普陀2025年对口支援都有哪些安排？', expectDoc: '普卫健医〔2025〕3号', expect: /援滇|援藏/ },
  { first: '普陀2025年要点里改善医疗服务有哪些具体做法？', then: '陪诊那块具体怎么做？', expectDoc: '普卫健医〔2025〕3号', expect: /陪诊/ },
  // A second turn that names nothing of its own asks about the conversation's topic.
  { first: '中医药特色示范社区卫生服务站今年要建多少个？', then: '第几批了？', expectDoc: '沪卫发〔2023〕2号', expect: /第二批/ },
  // A topic of its own, found alone in the conversation's document, is not pulled back to the point already answered.
  { first: '上海公立医院高质量发展要争创国家医学中心吗', then: '那国家中医药传承创新中心要建几个', expectDoc: '沪府办发〔2021〕31号', expect: /1家国家中医药传承创新中心/ },
  // "它" is the document: when it runs to is its closing clause.
  { first: '公立医院高质量发展实施方案的总体目标是什么', then: '它管到哪一年？', expectDoc: '沪府办发〔2021〕31号', expect: /有效期至2030年/ },
  // 相关 with no noun of its own before it: related to what was just asked, searched in the document the follow-up names.
  {
    first: '2021年的公立医院高质量发展实施方案提出支持医院设立什么部门来改善就医体验？',
    then: '那2023年市医政医管工作要点里开展的相关主题活动叫什么呢？',
    expectDoc: '沪卫医〔2023〕32号',
    expect: /改善就医感受、提升患者体验/,
  },
  // A subject of its own and nothing asked of it, after a figure asked: the figure is asked of it.
  { first: '市级定点医院的重症床位要占总床位的多少？', then: '那区域性医疗中心呢？', expectDoc: '沪卫医〔2023〕32号', expect: /20%/ },
  // 它 for the hospital the earlier question names, not the earlier question's other words (its centres).
  { first: '同仁医院今年要加强哪些中心的能力', then: '那它还要争什么名头', expectDoc: '长卫健发〔2023〕20号', expect: /^根据[^：]+第二部分第1条：/ },
  // 这 with a count: the ones just counted.
  { first: '长宁区2023年医疗工作计划对同仁医院五大中心的能力建设是怎么安排的？', then: '这五个中心分别指哪几个？', expectDoc: '长卫健发〔2023〕20号', expect: /胸痛中心/ },
];

describe('follow-up questions use the conversation passed in', () => {
  test.each(FOLLOW_UPS)('$first → $then', async ({ first, then, expectDoc, expect: pattern }) => {
    const a1 = await runtime.answerer.answer(first);
    expect(a1.abstained).toBe(false);
    const a2 = await runtime.answerer.answer(then, { history: [turn(a1)] });
    expect(a2.abstained).toBe(false);
    expect(a2.citations[0]!.docNumber).toBe(expectDoc);
    expect(a2.answer).toMatch(pattern);
  });

  test('a pronoun for the earlier subject (该目标) is not answered from the preamble its own words alone find', async () => {
    const a1 = await runtime.answerer.answer('长宁区计划中，同仁医院要争创什么等级的医院？');
    const a2 = await runtime.answerer.answer('该目标计划在哪一年实现？', { history: [turn(a1)] });
    expect(a2.citations[0]?.id).not.toMatch(/#0$/);
    expect(a2.confidence).not.toBe('high'); // no year is given for it
  });

  test('without history an ordinal has nothing to refer to and is not guessed', async () => {
    const a = await runtime.answerer.answer('第四项是什么？');
    expect(a.abstained).toBe(true);
  });
});

describe('a follow-up about the part the previous answer sits in lists that part', () => {
  test('其他: the other points of its block, in the document order, not the point already answered', async () => {
    const a1 = await runtime.answerer.answer('普陀对重大传染病的救治体系有啥要求');
    const first = a1.citations[0]!;
    const a2 = await runtime.answerer.answer('它所在那部分还有哪些别的工作', { history: [turn(a1)] });
    expect(a2.citations.length).toBeGreaterThanOrEqual(2);
    expect(a2.citations.map((c) => c.id)).not.toContain(first.id);
    // Every point cited shares the headings of the point answered first.
    expect(new Set(a2.citations.map((c) => c.label.replace(/第\d+条$/, '')))).toEqual(new Set([first.label.replace(/第\d+条$/, '')]));
  });

  test('这部分: the whole block, the point already answered among them', async () => {
    const a1 = await runtime.answerer.answer('市卫健委23年要点有讲健康上海行动吗');
    const a2 = await runtime.answerer.answer('这部分讲了几条，都是啥', { history: [turn(a1)] });
    expect(a2.citations.map((c) => c.id)).toContain(a1.citations[0]!.id);
    expect(a2.citations.length).toBeGreaterThanOrEqual(2);
  });
});

describe('"在哪几处提的" after "有提到吗" lists the places the document mentions the subject', () => {
  test('each point cited mentions it, in the document order', async () => {
    const a1 = await runtime.answerer.answer('普陀的要点里有没有说到精神卫生');
    const a2 = await runtime.answerer.answer('都在哪几处说的', { history: [turn(a1)] });
    expect(a2.citations.length).toBeGreaterThanOrEqual(2);
    for (const c of a2.citations) {
      expect(c.id.startsWith('2025-putuo-medical-administration-priorities#')).toBe(true);
      expect(c.text.replace(/\s+/g, '')).toContain('精神卫生');
    }
  });
});

describe('a follow-up that names other documents leaves out the words that named the earlier one', () => {
  test('那卫健工作要点和普陀的呢 after a question about the 医政要点: the earlier document is not searched again', async () => {
    const a1 = await runtime.answerer.answer('市医政要点里护理这块咋说的');
    expect(a1.citations[0]!.id.startsWith('2023-shanghai-medical-administration-priorities#')).toBe(true);
    const a2 = await runtime.answerer.answer('那卫健工作要点和普陀的呢', { history: [turn(a1)] });
    expect(a2.rewrittenQuestion).toContain('护理');
    expect(a2.rewrittenQuestion).not.toMatch(/医政/);
    expect(a2.citations.some((c) => c.id.startsWith('2023-shanghai-medical-administration-priorities#'))).toBe(false);
  });
});

describe('a follow-up that names another place leaves out the words that named the earlier document', () => {
  test.each([
    ['市医政要点对发热门诊有什么要求？', '那普陀的要点里是怎么说的？'], // 是怎么说的 closes it, naming nothing
    ['市医政要点里儿科这块咋说的', '那普陀的呢'], // the place alone: the documents of 普陀
  ])('%s → %s: answered from 普陀, not from the 医政要点 again', async (first, then) => {
    const a1 = await runtime.answerer.answer(first);
    expect(a1.citations[0]!.id.startsWith('2023-shanghai-medical-administration-priorities#')).toBe(true);
    const a2 = await runtime.answerer.answer(then, { history: [turn(a1)] });
    expect(a2.confidence).toBe('high');
    expect(a2.citations.map((c) => c.id.split('#')[0])).toEqual(a2.citations.map(() => '2025-putuo-medical-administration-priorities'));
  });
});

describe('"这个文件" stands for the document talked about, not its subject', () => {
  test.each([
    ['长宁的计划里援滇医疗队咋安排的', '那这个文件里护理咋说', '2023-changning-medical-work-plan#', '援滇'],
    ['普陀25年的要点里援摩医疗咋安排的', '那这个文件里护理有啥要求', '2025-putuo-medical-administration-priorities#', '援摩'],
  ])('%s → %s: the new topic is asked of that document, the earlier one is not carried', async (first, then, doc, earlier) => {
    const a1 = await runtime.answerer.answer(first);
    const a2 = await runtime.answerer.answer(then, { history: [turn(a1)] });
    expect(a2.citations[0]!.id.startsWith(doc)).toBe(true);
    expect(squash(a2.citations[0]!.text)).toContain('护理');
    expect(a2.citations.some((c) => squash(c.text).includes(earlier))).toBe(false);
  });
});

describe('a follow-up that names a document by a two-digit year and its kind asks that document', () => {
  test('21年那个方案里呢 after a question about the 2023 city priorities: answered from the 2021 plan', async () => {
    const a1 = await runtime.answerer.answer('市卫健要点里紧密型医联体咋提的');
    expect(a1.citations[0]!.id.startsWith('2023-shanghai-health-work-priorities#')).toBe(true);
    const a2 = await runtime.answerer.answer('21年那个方案里呢', { history: [turn(a1)] });
    expect(a2.citations[0]!.id.startsWith('2021-shanghai-public-hospital-high-quality-development-plan#')).toBe(true);
  });
});

describe('the search text of a follow-up that names places of its own', () => {
  test.each([['那普陀的呢'], ['那长宁和普陀的呢']])('%s after a question naming 市医政要点: the earlier document is not searched again', async (then) => {
    const a1 = await runtime.answerer.answer('市医政要点里护理这块咋说的');
    const followUp = resolveFollowUp(then, [turn(a1)]);
    if (followUp.kind !== 'rewrite') throw new Error(`not a rewrite: ${followUp.kind}`);
    const searched = await searchFollowUp(followUp, runtime.retriever, runtime.corpus, { k: 5 });
    expect(searched).toContain('护理');
    expect(searched).not.toMatch(/医政/);
  });
});

describe('a follow-up naming a document by its issuer and year asks of that scope as retrieval reads it', () => {
  test('市卫健委23年要点里这事 after a question about 长宁: 长宁 is not searched again, the city documents answer', async () => {
    const a1 = await runtime.answerer.answer('长宁今年哪几个社区要创示范康复中心');
    expect(a1.citations[0]!.id.startsWith('2023-changning-medical-work-plan#')).toBe(true);
    const followUp = resolveFollowUp('市卫健委23年要点里这事一共要建多少家', [turn(a1)]);
    if (followUp.kind !== 'rewrite') throw new Error(`not a rewrite: ${followUp.kind}`);
    const searched = await searchFollowUp(followUp, runtime.retriever, runtime.corpus, { k: 5 });
    expect(searched).toContain('康复');
    expect(searched).not.toContain('长宁');
    const a2 = await runtime.answerer.answer('市卫健委23年要点里这事一共要建多少家', { history: [turn(a1)] });
    expect(a2.citations.map((c) => c.id.split('#')[0])).not.toContain('2023-changning-medical-work-plan');
  });

  test('那23年的呢 after a question about 长宁: the year holds 长宁 too, so its words are carried', async () => {
    const a1 = await runtime.answerer.answer('长宁今年哪几个社区要创示范康复中心');
    const followUp = resolveFollowUp('那23年的呢', [turn(a1)]);
    if (followUp.kind !== 'rewrite') throw new Error(`not a rewrite: ${followUp.kind}`);
    expect(await searchFollowUp(followUp, runtime.retriever, runtime.corpus, { k: 5 })).toContain('长宁');
  });
});

describe('the earlier document named by a short word (卫健 for 卫生健康) is not searched again', () => {
  test.each([
    ['市里23年卫健要点说区域医疗中心多少人口配一家', '那21年那个方案里说它主要看哪类病', '区域'],
    ['23年卫健要点里护理咋说的', '那普陀的呢', '护理'],
  ])('%s → %s', async (first, then, subject) => {
    const a1 = await runtime.answerer.answer(first);
    expect(a1.citations[0]!.id.startsWith('2023-shanghai-health-work-priorities#')).toBe(true);
    const followUp = resolveFollowUp(then, [turn(a1)]);
    if (followUp.kind !== 'rewrite') throw new Error(`not a rewrite: ${followUp.kind}`);
    const searched = await searchFollowUp(followUp, runtime.retriever, runtime.corpus, { k: 5 });
    expect(searched).toContain(subject);
    expect(searched).not.toMatch(/卫健|卫生健康/);
  });
});
