import { beforeAll, describe, expect, test } from 'vitest';
import type { Pipeline } from '../../src/answer/create-pipeline.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { LIST_POOL } from '../../src/core/limits.js';
import { documentStretches, findNamedDocument, namedDocuments, parseCitationQuery } from '../../src/retrieval/parse-citation-query.js';
import { namedYears, readScope } from '../../src/retrieval/scope-check.js';
import { seedCorpus, seedPipeline } from '../support/seed-pipeline.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await seedPipeline({ dense: true });
});
const docs = () => [...seedCorpus().documents.values()];

describe('direct citations', () => {
  test.each([
    ['沪卫医〔2023〕32号第5条讲了什么？', { section: undefined, point: 5 }, '2023-shanghai-medical-administration-priorities'],
    ['沪卫医[2023]32号 第5条', { point: 5 }, '2023-shanghai-medical-administration-priorities'],
    ['长宁2023年医疗工作计划 二、2 是什么内容', { section: 2, point: 2 }, '2023-changning-medical-work-plan'],
    ['2023年上海市卫生健康工作要点第二部分第8条', { section: 2, point: 8 }, '2023-shanghai-health-work-priorities'],
    ['沪府办发〔2021〕31号 三、（二）', { section: 3, sub: 2 }, '2021-shanghai-public-hospital-high-quality-development-plan'],
  ])('%s', (question, where, docId) => {
    expect(parseCitationQuery(question, docs())).toMatchObject({ docId, ...Object.fromEntries(Object.entries(where).filter(([, v]) => v !== undefined)) });
  });

  test.each(['区域性医疗中心按多少人口配置一家？', '第5条讲了什么？', '北京市2023年医政医管工作要点第5条'])('no direct citation: %s', (question) => {
    expect(parseCitationQuery(question, docs())).toBeUndefined();
  });

  test.each([
    ['高质量发展实施方案里试点单位有哪些类别', '2021-shanghai-public-hospital-high-quality-development-plan'],
    ['公立医院高质量发展那个方案里的试点单位分哪几类？', '2021-shanghai-public-hospital-high-quality-development-plan'],
    ['卫生健康工作要点里对口支援怎么说', '2023-shanghai-health-work-priorities'],
    ['医疗工作计划里护理有啥安排', '2023-changning-medical-work-plan'],
    // 医政医管 is in the city's title and 普陀's: a district's document is named with its district.
    ['医政医管要点里IDC医院怎么说', '2023-shanghai-medical-administration-priorities'],
    ['普陀医政医管要点里IDC医院怎么说', '2025-putuo-medical-administration-priorities'],
    // The year named chooses among the titles.
    ['2025年医政医管要点里护理怎么说', '2025-putuo-medical-administration-priorities'],
    // 卫健, the everyday short form of 卫生健康.
    ['卫健工作要点第三大块有哪几条', '2023-shanghai-health-work-priorities'],
  ])('a run of one title before a document word names the document: %s', (question, docId) => {
    expect(findNamedDocument(question, docs())?.id).toBe(docId);
  });

  test.each([
    ['长宁计划最后一部分讲了啥', '2023-changning-medical-work-plan'],
    ['普陀的要点第一部分都有哪几条', '2025-putuo-medical-administration-priorities'],
    ['长宁那个文件里护理怎么说', '2023-changning-medical-work-plan'],
    // 方案, a word for a document that one title alone holds, on its own or after that title's words
    ['方案里公立医院党建这块一共提了哪几条要求', '2021-shanghai-public-hospital-high-quality-development-plan'],
    ['实施方案在组织实施环节提出了哪些保障措施？', '2021-shanghai-public-hospital-high-quality-development-plan'],
    ['那个方案中党建咋说', '2021-shanghai-public-hospital-high-quality-development-plan'],
  ])('a place that one document alone holds, with a document word, names it: %s', (question, docId) => {
    expect(findNamedDocument(question, docs())?.id).toBe(docId);
  });

  test.each([
    // A place without a document word is a scope, not a document's name.
    ['长宁今年护理有啥安排'],
    // A place every title holds names none of them.
    ['上海的方案里试点医院有几家'],
    // Two documents asked together: the run in two titles names neither.
    ['对口支援方面，市卫健委的工作要点和医政医管要点各提了哪些要求？'],
    // A year no title holds.
    ['2024年医政医管要点里护理怎么说'],
    // Documents counted by their kind: several, not the one whose title the words fit best.
    ['市卫生健康委2023年的两份工作要点中，涉及长三角的工作安排有哪些？'],
    ['市里两份2023年要点里发热门诊咋说的'],
  ])('a place names no document: %s', (question) => {
    expect(findNamedDocument(question, docs())).toBeUndefined();
  });

  test.each([
    // A title run without a document word is a topic (高质量发展 is the subject of points in three documents).
    ['公立医院高质量发展的试点单位一共有多少家'],
    // Words in no title before a document word.
    ['DRG付费改革方案有哪些要求'],
    ['改革方案里咋说'],
    // 计划 as a verb, not 长宁's 工作计划
    ['计划建设几家中西医结合旗舰医院'],
    // A place the titles do not hold.
    ['北京市卫生健康工作要点里说了啥'],
  ])('no document named: %s', (question) => {
    expect(findNamedDocument(question, docs())).toBeUndefined();
  });

  test('documents named side by side are each named, and no one of them is the document', () => {
    const question = '2023年市医政医管工作要点和市卫生健康工作要点对医疗对口支援分别提出了哪些要求？';
    expect(namedDocuments(question, docs()).map((d) => d.id)).toEqual(['2023-shanghai-medical-administration-priorities', '2023-shanghai-health-work-priorities']);
    expect(findNamedDocument(question, docs())).toBeUndefined();
    expect(namedDocuments('长宁计划里护理怎么说', docs()).map((d) => d.id)).toEqual(['2023-changning-medical-work-plan']);
    // 医政要点, staff's short form of 医政医管工作要点; without a district, the city's.
    expect(namedDocuments('平安医院这事，市里医政要点跟长宁计划分别咋说的', docs()).map((d) => d.id)).toEqual(['2023-shanghai-medical-administration-priorities', '2023-changning-medical-work-plan']);
    // 医政工作要点, another short form of it
    expect(findNamedDocument('市级的医政工作要点里是否也有相关安排？', docs())?.id).toBe('2023-shanghai-medical-administration-priorities');
    expect(namedDocuments('区域性医疗中心按多少人口配置一家', docs())).toEqual([]);
  });

  test('retrieval asked of two documents named side by side takes each as a scope of its own', async () => {
    const r = await pipeline.retriever.retrieve('2023年市医政医管工作要点和市卫生健康工作要点对医疗对口支援分别提出了哪些要求？');
    expect(r.scopeGroups).toEqual([['2023-shanghai-medical-administration-priorities'], ['2023-shanghai-health-work-priorities']]);
    const cited = new Set(r.citations.map((c) => c.id.split('#')[0]));
    expect(cited).toEqual(new Set(['2023-shanghai-medical-administration-priorities', '2023-shanghai-health-work-priorities']));
  });

  test("a document named by its 文号 beside a district is a scope of its own, the district's plan the other", async () => {
    const r = await pipeline.retriever.retrieve('关于公立医院绩效考核，沪卫医〔2023〕32号和普陀区的要点分别有哪些安排？');
    expect(r.scopeGroups).toEqual([['2023-shanghai-medical-administration-priorities'], ['2025-putuo-medical-administration-priorities']]);
    expect(new Set(r.citations.map((c) => c.id.split('#')[0]))).toEqual(new Set(['2023-shanghai-medical-administration-priorities', '2025-putuo-medical-administration-priorities']));
    // Must not fire: the district's own plan named by its title is one scope, not two.
    const own = await pipeline.retriever.retrieve('普陀区2025年医政医管工作要点对绩效考核有哪些安排？');
    expect(own.scopeGroups).toBeUndefined();
    expect(own.citations.every((c) => c.id.startsWith('2025-putuo-medical-administration-priorities#'))).toBe(true);
  });

  test('a document named by its 文号 beside two districts is a scope of its own, as beside one', async () => {
    const r = await pipeline.retriever.retrieve('沪卫医〔2023〕32号、长宁和普陀的文件对行风建设分别怎么要求的？');
    expect(r.scopeGroups).toEqual([['2023-shanghai-medical-administration-priorities'], ['2023-changning-medical-work-plan'], ['2025-putuo-medical-administration-priorities']]);
    // must not: a document named inside a scope already read (市医政要点 of the city's) adds none.
    const city = await pipeline.retriever.retrieve('2023年市卫健工作要点、市医政要点以及长宁、普陀的文件中，对口支援工作分别有哪些安排？');
    expect(city.scopeGroups).toHaveLength(3);
  });

  test("a document named by its full title: the point on the topic leads, not the preamble that repeats the title's words", async () => {
    const r = await pipeline.retriever.retrieve('《2023年上海市医政医管工作要点》在护理方面提出了哪些要求？');
    expect(r.citations[0]!.id).not.toBe('2023-shanghai-medical-administration-priorities#0');
    expect(r.citations[0]!.text).toContain('护理');
    // must not: asked of the document itself, its preamble may lead.
    const itself = await pipeline.retriever.retrieve('《2023年上海市医政医管工作要点》的总体要求是什么？');
    expect(itself.citations.map((c) => c.id)).toContain('2023-shanghai-medical-administration-priorities#0');
  });

  test('retrieval keeps to the document a short title names', async () => {
    const named = await pipeline.retriever.retrieve('高质量发展实施方案里试点单位有哪些类别');
    expect(named.citations.every((c) => c.id.startsWith('2021-shanghai-public-hospital-high-quality-development-plan#'))).toBe(true);
    // Without the document word, the topic is searched in every document.
    const topic = await pipeline.retriever.retrieve('高质量发展试点单位有哪些类别');
    expect(new Set(topic.citations.map((c) => c.id.split('#')[0])).size).toBeGreaterThan(1);
  });

  test('a named point is returned first', async () => {
    const result = await pipeline.retriever.retrieve('长宁2023年医疗工作计划 二、2 是什么内容');
    expect(result.direct).toBe(true);
    expect(result.citations[0]!.id).toBe('2023-changning-medical-work-plan#2.2');
    expect(result.citations[0]!.label).toBe('第二部分第2条');
  });
});

describe('scope', () => {
  const corpusText = seedCorpus()
    .passages.map((p) => p.text)
    .join('');
  test('a city the corpus never mentions', () => {
    expect(readScope('北京市2023年医政医管工作要点', docs(), corpusText).unknownPlaces).toEqual(['北京']);
  });
  test('a place the corpus does mention is not unknown (对口支援 云南)', () => {
    expect(readScope('云南的对口支援', docs(), corpusText).unknownPlaces).toEqual([]);
  });
  test('a district with its own plan restricts to it; naming the city too adds the city plans', () => {
    expect(readScope('普陀区护理服务', docs(), corpusText).groups).toEqual([['2025-putuo-medical-administration-priorities']]);
    expect(readScope('市里和普陀区分别怎么说', docs(), corpusText).groups).toHaveLength(2);
    expect(readScope('2023年市级文件和长宁区计划关于社区康复有哪些安排', docs(), corpusText).groups).toHaveLength(2);
    expect(readScope('市级层面和普陀对儿科都咋说的', docs(), corpusText).groups).toHaveLength(2);
    expect(readScope('关于公立医院绩效考核，市级和普陀、长宁的文件分别作了哪些安排？', docs(), corpusText).groups).toHaveLength(3);
    // must not: 市级和区级医院 are kinds of hospital, not the city's documents beside 普陀.
    expect(readScope('市级和区级医院在普陀的分工', docs(), corpusText).groups).toHaveLength(1);
    // must not: 市级 before a hospital is a kind of hospital, not the city's documents.
    expect(readScope('普陀区的市级医院有哪些', docs(), corpusText).groups).toHaveLength(1);
  });
  test('上海市 opening a name the documents hold is part of the name, not the city; opening a title, the city', () => {
    const city = ['2021-shanghai-public-hospital-high-quality-development-plan', '2023-shanghai-health-work-priorities', '2023-shanghai-medical-administration-priorities'];
    const groups = (q: string) => readScope(q, docs(), corpusText).groups.map((g) => [...g].sort());
    // 上海市中医药特色示范卫生服务站: a title 长宁's plan gives its community centres.
    expect(groups('推动创建上海市中医药特色示范卫生服务站的又是哪几家？')).toEqual([]);
    expect(groups('长宁哪些社区在创上海市中医药特色示范卫生服务站')).toEqual([['2023-changning-medical-work-plan']]);
    // must not: the city's plan named by its title, or the city itself.
    expect(groups('上海市医政医管工作要点对发热门诊有啥要求')).toEqual([city]);
    expect(groups('上海市今年护理工作有什么安排')).toEqual([city]);
  });
  test.each([['社会办医这块，市里和区里的文件都提了啥要求？'], ['护理这块，市医政医管要点和两个区的文件都有啥打算']])(
    'the districts named together add their plans beside the city: %s',
    (question) => {
      const groups = readScope(question, docs(), corpusText).groups;
      expect(groups).toHaveLength(2);
      expect(groups[1]!.sort()).toEqual(['2023-changning-medical-work-plan', '2025-putuo-medical-administration-priorities']);
    },
  );
  test.each([['区里医院和社区组团成集团后，要统一哪些管理？'], ['各区要落实哪些要求'], ['两个区域性医疗中心']])('must not fire: %s names no district plan', (question) => {
    expect(readScope(question, docs(), corpusText).groups).toEqual([]);
  });
});

describe('HybridRetriever', () => {
  test('citations carry document metadata and the whole passage', async () => {
    const result = await pipeline.retriever.retrieve('发热门诊要保持应设尽设、应开尽开吗？');
    expect(result.abstained).toBe(false);
    const top = result.citations[0]!;
    expect(top).toMatchObject({ docNumber: '沪卫医〔2023〕32号', title: '2023年上海市医政医管工作要点', issuer: '上海市卫生健康委员会', date: '2023-04-19', label: '第一部分第3条' });
    expect(top.text).toContain('应设尽设、应开尽开');
    expect(top.score).toBeGreaterThan(0);
    expect(top.score).toBeLessThanOrEqual(1);
  });

  test('a list question also carries the first LIST_POOL points ranked, of which its citations are the first k; another question carries none', async () => {
    const list = await pipeline.retriever.retrieve('天山中医医院今年都要搞些啥', { k: 3 });
    expect(list.intent).toBe('list');
    expect(list.pool!.length).toBeGreaterThan(3);
    expect(list.pool!.length).toBeLessThanOrEqual(LIST_POOL);
    expect(list.pool!.slice(0, 3).map((c) => c.id)).toEqual(list.citations.map((c) => c.id));
    const what = await pipeline.retriever.retrieve('天山中医医院是什么医院', { k: 3 });
    expect(what.intent).not.toBe('list');
    expect(what.pool).toBeUndefined();
  });

  test('k is honoured exactly', async () => {
    for (const k of [1, 3, 7]) expect((await pipeline.retriever.retrieve('区域性医疗中心', { k })).citations).toHaveLength(k);
  });

  test.each([
    ['北京市2023年医政医管工作要点的重点任务有哪些？', /北京/],
    ['2019年上海市医政医管工作要点提出了哪些任务？', /2019/],
    ['你好，你是谁？', /./],
  ])('abstains out of the corpus: %s', async (question, reason) => {
    const result = await pipeline.retriever.retrieve(question);
    expect(result.abstained).toBe(true);
    expect(result.reason).toMatch(reason);
    expect(result.citations).toEqual([]);
  });

  test('the cover notice answers only issuance questions; the closing clause comes first for validity', async () => {
    const lexical = await seedPipeline();
    const validity = await lexical.retriever.retrieve('《关于推进上海市公立医院高质量发展的实施方案》有效期到哪天？');
    expect(validity.citations[0]!.label).toBe('施行日期');
    const issued = await lexical.retriever.retrieve('普陀区2025年医政医管工作要点是哪一天发的文？');
    expect(issued.citations.map((c) => c.label)).toContain('印发通知');
    const topical = await lexical.retriever.retrieve('普陀区在护理服务上有什么要求？', { k: 10 });
    expect(topical.citations.map((c) => c.label)).not.toContain('印发通知');
  });

  test('a district question keeps to that district’s plan', async () => {
    const result = await pipeline.retriever.retrieve('普陀区在护理服务上有什么要求？');
    for (const c of result.citations) expect(c.docNumber).toBe('普卫健医〔2025〕3号');
  });

  test('a list question is decided on its topic, without the words that ask for items (这块, 今年, 有啥安排); a what question on all its words', async () => {
    const lexical = await seedPipeline();
    const list = await lexical.retriever.retrieve('普陀陪诊这块今年有啥安排？', { mode: 'lexical' });
    expect(list.intent).toBe('list');
    expect(list.signals!.coverage).toBeGreaterThanOrEqual(0.9);
    // must not: the same words asked as a what question count as its topic.
    const what = await lexical.retriever.retrieve('普陀陪诊这块今年怎么样？', { mode: 'lexical' });
    expect(what.intent).toBe('what');
    expect(what.signals!.coverage).toBeLessThan(0.5);
  });

  test.each([
    ['', /empty/],
    ['   \n ', /empty/],
    ['问'.repeat(2001), /2001 characters; the limit is 2000/],
  ])('invalid questions are refused with a clear error (%#)', async (question, message) => {
    await expect(pipeline.retriever.retrieve(question)).rejects.toThrow(message);
    await expect(pipeline.retriever.retrieve(question)).rejects.toBeInstanceOf(InvalidInputError);
  });

  test('a question at the limit is accepted', async () => {
    await expect(pipeline.retriever.retrieve('区域性医疗中心'.padEnd(2000, '啊'))).resolves.toBeDefined();
  });

  test('lexical mode works without an embedder', async () => {
    const lexical = await seedPipeline();
    expect(lexical.retriever.defaultMode).toBe('lexical');
    const result = await lexical.retriever.retrieve('重症床位和可转换重症床位要达到总床位数的多少？');
    expect(result.citations[0]!.label).toBe('第一部分第5条');
  });
});

describe('documentStretches: the words that name a document are those of its stretch', () => {
  test('each stretch up to a word for a document, with the document it names', () => {
    const stretches = documentStretches('市医政要点里医疗纠纷这块咋说的', docs());
    expect(stretches.map((s) => s.text)).toEqual(['市医政要点', '里医疗纠纷这块咋说的']);
    expect(stretches.map((s) => s.doc?.id)).toEqual(['2023-shanghai-medical-administration-priorities', undefined]);
  });

  test('a question with no word for a document is one stretch naming none', () => {
    expect(documentStretches('医疗纠纷这块咋说的', docs())).toEqual([{ text: '医疗纠纷这块咋说的', doc: undefined }]);
  });
});

describe('namedYears: a year written with two digits where it names a document', () => {
  test.each([
    ['21年那个方案里呢', ['2021']],
    ['23年的要点里护理咋说', ['2023']],
    ['25年普陀要点里儿科', ['2025']],
    ['2023年上海市卫生健康工作要点', ['2023']],
  ])('%s -> %s', (question, years) => {
    expect(namedYears(question)).toEqual(years);
  });

  test.each([['医生工作20年能评高级吗'], ['15年内要建成吗'], ['第21条讲了啥']])('must not: %s counts years or names no document', (question) => {
    expect(namedYears(question)).toEqual([]);
  });
});
