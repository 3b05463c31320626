import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Answer, Turn } from '../../src/answer/types.js';
import { loadRuntime, type Runtime } from '../../src/cli/load-runtime.node.js';
import { CORPUS_DIR, TEST_INDEX_DIR } from '../support/corpus-dirs.js';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await loadRuntime({ modelDir: 'models', indexDir: TEST_INDEX_DIR, seedsDir: CORPUS_DIR, log: () => {} });
});
afterAll(() => runtime.close());
const turn = (a: Answer): Turn => ({ question: a.question, answer: a.answer, citations: a.citations.map((c) => ({ id: c.id })) });
const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * The questions issue #10 reported as wrongly declined although the right point ranked first, and
 * the follow-up and place-name defects it reproduced. Each must be answered (high or low
 * confidence) from a point that holds the topic.
 */
describe('everyday wording is answered, not declined', () => {
  test.each([
    ['春昇杯是什么比赛？', '春昇杯'],
    ['织网行动是做什么的？', '织网行动'],
    ['救护车上能用医保付款吗？', '医保'],
    ['控烟方面有什么工作？', '控烟'],
    ['住院病人的家属探视有什么规定？', '探视'],
  ])('%s', async (question, topic) => {
    const a = await runtime.answerer.answer(question);
    expect(a.abstained).toBe(false);
    expect(['high', 'low']).toContain(a.confidence);
    expect(squash(a.citations[0]!.text)).toContain(topic);
  });

  test('within the documents a place chose, the place is not searched for: 长宁护理这块 finds 做好护理工作, not the point that repeats 长宁区 (平安医院)', async () => {
    for (const question of ['长宁护理这块今年有啥安排？', '另外，长宁护理这块今年有啥安排？']) {
      const a = await runtime.answerer.answer(question);
      expect(squash(a.citations[0]!.text)).toContain('护理');
    }
    // must not: a question that asks about 平安医院 still gets it.
    const named = await runtime.answerer.answer('长宁区平安医院建设工作方案有哪些要求');
    expect(squash(named.citations[0]!.text)).toContain('平安医院');
  });

  test('an acronym asked alone (IDC是啥, MDT是什么) is answered high from the point that defines it, not from the nearest vector of an unread token', async () => {
    for (const [question, name] of [
      ['IDC是啥', '传染病临床诊治中心（IDC）'],
      ['MDT是什么', '多学科诊疗(MDT)'],
    ]) {
      const a = await runtime.answerer.answer(question!);
      expect(a.confidence).toBe('high');
      expect(squash(a.citations[0]!.text)).toContain(name);
    }
  });

  test('南京西路街道 is a street in Shanghai, not 南京', async () => {
    const a = await runtime.answerer.answer('南京西路街道的区域性医疗中心按多少人口配置一家？');
    expect(a.reason ?? '').not.toContain('南京');
    expect(a.abstained).toBe(false);
    expect(squash(a.citations[0]!.text)).toContain('区域性医疗中心');
  });
});

describe('the members of a kind asked (哪些科, 哪几个专科): the point close behind that enumerates them leads', () => {
  test.each([['市里要大医院去争的国家医学中心，都是哪些科的'], ['推进社区卫生服务能级提升，围绕的是哪几项功能？']])('%s', async (question) => {
    const a = await runtime.answerer.answer(question);
    expect(a.confidence).toBe('high');
    expect(a.citations[0]!.quote).toMatch(/肿瘤、内分泌、心血管等专科|功能/);
  });
  test('must not fire: a list of what is done (有哪些安排), no kind asked, keeps the best point', async () => {
    const a = await runtime.answerer.answer('市里争创国家医学中心有哪些安排');
    expect(a.abstained).toBe(false);
    expect(a.citations[0]!.quote).toMatch(/国家医学中心/);
  });
});

describe('a short topical question after another is a new question', () => {
  test('互联网医院 after a question on 区域性医疗中心 answers about 互联网医院', async () => {
    const first = await runtime.answerer.answer('区域性医疗中心按多少人口配置一家？');
    const a = await runtime.answerer.answer('互联网医院', { history: [turn(first)] });
    expect(a.rewrittenQuestion).toBeUndefined();
    expect(a.abstained).toBe(false);
    expect(squash(a.citations[0]!.text)).toContain('互联网医院');
  });

  test('DRG付费？ after a question about 北京 does not inherit 北京', async () => {
    const first = await runtime.answerer.answer('北京市的医保政策是什么？');
    expect(first.abstained).toBe(true);
    const a = await runtime.answerer.answer('DRG付费？', { history: [turn(first)] });
    expect(a.answer).not.toContain('北京');
    expect(a.abstained).toBe(false);
  });

  test('an English question after a Chinese one is never read as its follow-up', async () => {
    const first = await runtime.answerer.answer('北京市的医保政策是什么？');
    const a = await runtime.answerer.answer('What are the rules for fever clinics?', { history: [turn(first)] });
    expect(a.answer).not.toContain('北京');
    expect(a.rewrittenQuestion).toBeUndefined();
  });
});

describe('out of corpus', () => {
  test.each([['食堂的午饭几点开始？'], ['你好，你是谁？'], ['2019年的医政工作要点说了什么？'], ['杭州市公立医院的医护比是多少？']])('%s is never answered with confidence', async (question) => {
    const a = await runtime.answerer.answer(question);
    expect(a.abstained || a.confidence === 'low').toBe(true);
  });
});

describe('English questions with the real model (hybrid): confident only when the question translated', () => {
  test('a question that translated whole is answered high from the point that holds it, quoted in Chinese', async () => {
    const a = await runtime.answerer.answer('Will ICU capacity be doubled within 24 hours?');
    expect(a.confidence).toBe('high');
    expect(a.untranslated).toBeUndefined();
    expect(squash(a.citations[0]!.quote!)).toContain('增加一倍');
  });

  test('the same terms with words that translate to nothing are at most low, never declined', async () => {
    const a = await runtime.answerer.answer("What's the dress code for nurses at tertiary hospitals?");
    expect(a.abstained).toBe(false);
    expect(a.confidence).toBe('low');
    expect(a.untranslated).toEqual(['dress', 'code']);
  });
});

/**
 * What a question offers to choose between (…是全面铺开还是先试点) or narrows its rule to (退休的, 外地人, 民营医院:
 * data/answer-intents.json `qualifiers`) is answered with confidence only from a sentence that names one of the
 * alternatives, or the people, time or owner (in the documents' words too): a sentence on the topic that names
 * neither does not settle it, and the calibrated decision reads it as holding nothing asked.
 */
describe('a choice or a qualifier the documents do not settle is not answered with confidence', () => {
  test.each([
    ['那个医疗责任险的钱是单位交还是个人交'],
    ['区域性医疗中心配置看的是户籍人口还是常住人口'],
    ['进校园的中医药文化活动是去小学还是去中学'],
    ['退休医生也能评职业荣誉吗'],
    ['外地人能在临时接种点打加强针吗'],
    ['民营医院能不能进普陀的区域医联体'],
  ])('%s', async (question) => {
    const a = await runtime.answerer.answer(question);
    expect(a.confidence).not.toBe('high');
    expect(a.signals?.slot).toBe(0);
  });

  test.each([
    ['免陪照护是全面推开还是先搞试点', '试点'],
    ['特需医疗服务是政府定价还是市场调节价', '市场调节价'],
    ['普陀大医院是不是都得给小孩看病', '儿科'], // the documents' word for 小孩
    ['住院不用家属陪床的试点普陀有吗', '免陪'],
  ])('must not fire where the sentence names it: %s', async (question, named) => {
    const a = await runtime.answerer.answer(question);
    expect(a.confidence).toBe('high');
    expect(squash(a.citations[0]!.text)).toContain(named);
  });
});
