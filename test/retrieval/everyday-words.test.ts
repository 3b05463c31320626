import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DOCUMENT_TERMS, documentTermsFor, expandEverydayWords } from '../../src/retrieval/everyday-words.js';
import { namedPlaces } from '../../src/retrieval/scope-check.js';
import { isSmallTalk, withLatinTermsDefined, writtenInChinese } from '../../src/retrieval/question-language.js';
import { CORPUS_DIR } from '../support/corpus-dirs.js';

const SEEDS = CORPUS_DIR;
const corpus = readdirSync(SEEDS)
  .map((f) => readFileSync(join(SEEDS, f), 'utf8'))
  .join('\n')
  .replace(/\s+/g, '');

describe('everyday words -> document terms (data/everyday-words.json)', () => {
  test('every document term of the table occurs in the corpus', () => {
    for (const term of DOCUMENT_TERMS) expect(corpus, term).toContain(term);
  });

  test.each([
    ['发烧门诊要24小时开吗？', ['发热']],
    ['大医院要不要开发烧门诊', ['三级医院', '发热']],
    ['救护车上能用医保付款吗？', ['急救', '支付']],
    ['春昇杯是什么比赛？', ['大赛']],
    ['家医签约有什么新要求', ['家庭医生']],
    ['打120要等多久', ['急救']],
    ['同仁医院有没有冲三甲的目标？', ['三级甲等']],
    ['ICU床位要占多少', ['重症监护']],
    ['病人转院有什么规定', ['患者', '转诊']],
    ['集采的药断供了怎么办', ['带量采购']],
    ['病人输血有什么规定', ['用血']],
    ['看中医要自己掏钱吗', ['费用']],
    ['小孩看病这块有啥要求', ['儿童', '儿科']],
    ['长宁临终关怀这块有啥打算', ['安宁疗护']],
    ['AI在医院里的应用', ['人工智能']],
    ['私人诊所有啥要求', ['社会办医']],
    ['老人看病没人陪怎么办', ['陪诊', '免陪']],
    ['长宁今年派去云南的医疗队是第几批了', ['援滇']],
    ['去西藏新疆帮扶的事咋安排', ['援藏', '援疆']],
  ])('%s -> %j', (question, terms) => {
    for (const t of terms) expect(documentTermsFor(question)).toContain(t);
  });

  test.each([
    // 家 is the measure word here: 多少家医院, 几家医院, 每家医院, 一家医院.
    ['全市有多少家医院要建胸痛中心？'],
    ['几家医院参加试点'],
    ['每家医院都要配吗'],
    ['只有一家医院吗'],
    // 120 inside a longer number is not the emergency line.
    ['1200张床位够不够'],
    ['全市要新增3120个床位吗'],
    // 医生 inside 家庭医生 is the document's own term.
    ['家庭医生签约率要到多少'],
    // AI inside a Latin word is not artificial intelligence.
    ['DAILY报表怎么交'],
    // 西藏 of a Shanghai street (西藏中路) is no province.
    ['西藏中路上的诊所有啥要求'],
    // Document terms themselves add nothing.
    ['发热门诊要保持什么要求？'],
  ])('%s: nothing added where the word means something else', (question) => {
    expect(documentTermsFor(question)).toEqual([]);
  });

  test('生孩子 is 孕产妇, not 儿童', () => {
    expect(documentTermsFor('生孩子住院有啥补贴')).toEqual(['孕产妇']);
  });

  test('a term the question already has is not added twice', () => {
    expect(expandEverydayWords('三甲即三级甲等')).toBe('三甲即三级甲等');
    expect(expandEverydayWords('发烧')).toBe('发烧 发热');
  });
});

describe('places: whole names, not Shanghai street names (data/places.json)', () => {
  test.each([
    ['北京市的医保政策是什么？', ['北京']],
    ['去南京开会要报备吗', ['南京']],
    ['深圳的区域医疗中心按多少人口配置？', ['深圳']],
    ['四川和西藏的对口支援', ['四川', '西藏']],
  ])('%s names %j', (question, places) => {
    expect(namedPlaces(question)).toEqual(places);
  });

  test.each([['南京西路街道的区域性医疗中心怎么配置？'], ['北京东路的社区医院发烧门诊要开着吗？'], ['四川北路那边的医院'], ['西藏中路上的诊所'], ['延安路高架旁的医院']])(
    '%s names no place',
    (question) => expect(namedPlaces(question)).toEqual([]),
  );
  test('a street and the city in one question: the city counts', () => expect(namedPlaces('南京西路和南京的医院')).toEqual(['南京']));
});

describe('small talk and language', () => {
  test.each([['你好'], ['谢谢啦'], ['你好，你是谁？'], ['Hello!'], ['再见～']])('%s is small talk', (q) => expect(isSmallTalk(q)).toBe(true));
  test.each([['你好，发热门诊要开吗'], ['谢谢，那普陀区呢？'], ['你是谁发的文件'], ['控烟']])('%s is not small talk', (q) => expect(isSmallTalk(q)).toBe(false));
  test('Chinese or not', () => {
    expect(writtenInChinese('How many IDC hospitals will be selected?')).toBe(false);
    expect(writtenInChinese('DRG付费？')).toBe(true);
  });
});

describe('places written in pinyin (English questions)', () => {
  test.each([
    ['Do all public general hospitals in Putuo need a pediatrics service?', ['普陀']],
    ["What does Jing'an plan for fever clinics?", ['静安']],
    ['How many alliances does Changning have?', ['长宁']],
    ['Is Beijing covered?', ['北京']],
  ])('%s names %j', (question, places) => expect(namedPlaces(question)).toEqual(places));
  test.each([['What is the output of the computer?'], ['Pudongxyz is not a word'], ['The changing rules for nurses']])('%s names no place', (question) => expect(namedPlaces(question)).toEqual([]));
});

describe('withLatinTermsDefined: an acronym asked alone is searched with the name the documents give it in brackets', () => {
  const corpus = '推广多学科诊疗(mdt)、无痛诊疗\n加快推进上海市传染病临床诊治中心(idc)为基础的三级救治网络\n建立mdt形式的质量控制管理模式\n推进5g应用';
  test.each([
    ['IDC是啥', '市传染病临床诊治中心idc是啥'],
    ['MDT是什么？', '推广多学科诊疗mdt是什么？'],
    ['这个IDC全称是啥', '这个市传染病临床诊治中心idc全称是啥'],
    ['MDT那块咋弄', '推广多学科诊疗mdt那块咋弄'],
    ['IDC到底是个啥', '市传染病临床诊治中心idc到底是个啥'],
    ['文中的IDC指的是什么机构？', '文中的市传染病临床诊治中心idc指的是什么机构？'],
  ])('%s → %s', (question, searched) => expect(withLatinTermsDefined(question, corpus)).toBe(searched));

  test.each([
    ['MDT质控咋弄'], // a topic of its own beside the term: searched as written
    ['IDC医院挂几家'],
    ['DRG付费？'], // a term no document defines in brackets
    ['5G是啥'], // used, never defined
    ['PACS是什么'], // in no document
    ['发热门诊是啥'], // no Latin term
  ])('%s is searched as written', (question) => expect(withLatinTermsDefined(question, corpus)).toBe(question));
});
