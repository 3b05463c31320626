import { beforeAll, describe, expect, test } from 'vitest';
import { blockPath } from '../../src/answer/block-points.js';
import { claimsOf, LOW_CONFIDENCE_LEAD, partialListNote, unverifiedClaims } from '../../src/answer/compose-text.js';
import type { Pipeline } from '../../src/answer/create-pipeline.js';
import type { Answer, Turn } from '../../src/answer/types.js';
import { loose } from '../../src/eval/resolve-gold.js';
import { corpusFiles, corpusOf, seedPipeline } from '../support/seed-pipeline.js';
import { buildLexicalIndex, createPipeline } from '../../src/answer/create-pipeline.js';
import { namedSection } from '../../src/answer/named-section.js';
import { MAX_LIST_POINTS, MAX_PART_POINTS, SECOND_POINT_SHARE } from '../../src/answer/compose-list.js';
import { ExtractiveAnswerer } from '../../src/answer/extractive-answerer.js';
import { holdsSlot } from '../../src/retrieval/slot-evidence.js';
import { DEFAULT_TUNING, HybridRetriever, type RetrieveOptions } from '../../src/retrieval/hybrid-retriever.js';
import type { RetrievalResult } from '../../src/core/types.js';

// No decision model: every ranked question would be answered with confidence, so what is tested
// here is the slot rule and the composer, not the calibrated probability.
let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await seedPipeline({ answerEveryQuestion: true });
});
const ask = (q: string, history: Turn[] = []) => pipeline.answerer.answer(q, { history });
const splitTitle = (text: string) => text.split('。')[0];
const turn = (a: Answer): Turn => ({ question: a.question, answer: a.answer, citations: a.citations.map((c) => ({ id: c.id })) });

describe('a figure or date the documents do not give is said to be missing, never answered with confidence', () => {
  test.each([
    ['普陀免陪照护试点每家医院补贴多少钱？', 'figure', '金额'],
    ['长宁第六批援滇医疗队派多少人？', 'figure', '人数'],
    ['春昇杯医学创新人才大赛一等奖奖金多少？', 'figure', '金额'],
    ['三级医院评审标准上海实施细则哪天起实施？', 'date', '日期'],
    ['本市在全国率先推出的省级健康教育频道叫什么名称？', 'name', '名称'],
    // bodies asked by name, none named: the list of names is missing
    ['新挂牌的那30来家IDC医院有名单吗，都是哪些医院？', 'list', '名单'],
    ['拟成立的2家职业病危害工程防护指导中心分别设在哪些单位？', 'list', '名单'],
    // what a named standard or rule set holds, only named: its contents are missing
    ['全国基层中医药工作示范区的创建标准具体包括哪些内容？', 'list', '内容'],
    ['长宁说的九不准和十项不得，具体都是哪几条？', 'list', '内容'],
    ['长宁之前建的那21个专病医联体都是哪些病种？', 'list', '内容'],
    ['长宁计划提到严格落实“十项不得”，这十项不得的具体内容是什么？', 'list', '内容'], // asked with 是什么: still its contents
    // how a figure is computed or scored, where a thing is set up: only named, never stated
    ['按人头付费，每个人头的钱是怎么算出来的？', 'method', '计算方法或评定标准'],
    ['不良执业行为记分是怎么扣分的', 'method', '计算方法或评定标准'],
    ['临时接种点都设在哪儿啊？', 'place', '地点'],
    // what follows a breach, where the documents restate the rule only
    ['二级以上医院发热门诊该开没开，会被咋处罚？', 'consequence', '处理或处罚规定'],
    // how one applies, where the documents name the service only
    ['患者如何申请普陀的免陪照护服务？', 'procedure', '办理流程或材料'],
    ['普陀区域急救中心建设选址在哪个街道？', 'place', '地点'],
    // what a term means or how it works, where the documents only name it
    ['普陀提出的“穿透式”监管具体是什么含义？', 'meaning', '含义或做法'],
    ['“智慧卫监”平台是怎样运作的？', 'meaning', '含义或做法'],
    // a figure of another status or scope than asked: done when new is asked, a target when now is asked, a total when each is asked
    ['长宁区2023年计划新增多少个专病医联体？', 'figure', '数字'],
    ['上海现在已经有几家国家医学中心了', 'figure', '数字'],
    ['每个区得建几家中西医结合旗舰医院啊', 'figure', '数字'],
    // the figure of what is left when a member is left out, where the figure counts it with the rest
    ['国家区域医疗中心（不含国家医学中心）要创建几家？', 'figure', '数字'],
    // which of two is more, where only one side has a figure
    ['长宁跟普陀比，哪个区的专病医联体多？', 'figure', '数字'],
    // which body, by name, where the sentence quoted names none (a task or a kind of body only)
    ['首届长三角职业健康技能大赛由哪个单位承办？', 'who', '单位名称'],
    ['长三角耐药结核病协同防治中心放在哪家医院？', 'who', '医院名称'],
    ['限制类技术备案要报到哪个部门去？', 'who', '部门'],
    ['长宁中医药文化进校园是进哪几所学校啊？', 'who', '学校名称'], // 区教育局, the body it works with, is no school
    // how far a project has got, where the documents only push it on (推进…建设)
    ['儿科医院新生儿大楼现在建到哪一步了', 'stage', '进展阶段'],
    ['长宁区推进的远程心电图项目目前进展到了哪个阶段？', 'stage', '进展阶段'],
  ])('%s -> low, missing %s (%s)', async (question, slot, noun) => {
    const a = await ask(question);
    expect(a.abstained).toBe(false);
    expect(a.confidence).toBe('low');
    expect(a.missing).toBe(slot);
    expect(a.answer).toContain(`但没有给出具体${noun}`);
    expect(a.answer).not.toContain(LOW_CONFIDENCE_LEAD);
    // The quote is still verbatim, and the lead is not taken for a claim.
    expect(unverifiedClaims(a.answer, a.citations, loose)).toEqual([]);
    expect(claimsOf(a.answer).join('')).not.toContain('没有给出');
  });

  test.each([
    ['市疾控中心新建项目今年要推进到哪一步？', '竣工验收'], // the point that names the milestone leads the one that pushes the work on
    ['普陀区康复医院今年要推进到什么程度？', '投入使用'],
  ])('%s: the stage is there (%s) -> not missing, high', async (question, stage) => {
    const a = await ask(question);
    expect(a.missing).toBeUndefined();
    expect(a.confidence).toBe('high');
    expect((a.citations[0]!.quote ?? '').replace(/\s+/g, '')).toContain(stage);
  });

  test.each([['区域性医疗中心按多少人口配置一家？'], ['重症床位要占总床位的多少？'], ['IDC医院今年要新挂牌多少家？']])('%s: the figure is there -> not missing', async (question) => {
    const a = await ask(question);
    expect(a.missing).toBeUndefined();
    expect(a.confidence).toBe('high');
    expect(a.answer).toMatch(/\d/);
  });

  test.each([['普陀住院费用异常的病例核查多久做一次？'], ['它哪年到期？'], ['再补的几家片区中心医院什么时候授牌？']])(
    '%s: what is said missing is never given by the sentence quoted',
    async (question) => {
      const history: Turn[] = question.startsWith('它') ? [turn(await ask('上海市推进公立医院高质量发展的实施方案是什么时候印发的？'))] : [];
      const a = await ask(question, history);
      if (a.missing) for (const c of a.citations) expect(holdsSlot(a.missing, c.quote ?? c.text, question)).toBe(false);
      expect(a.answer).not.toMatch(/没有给出具体(?:频次|时间|日期)[\s\S]*(?:年度|年底|2030年)/);
    },
  );

  test('a date the decision read held by meaning (片区中心医院什么时候授牌 → 年底完成认定挂牌) is quoted, not said missing', async () => {
    const a = await ask('再补的几家片区中心医院什么时候授牌？');
    expect(a.missing).toBeUndefined();
    expect(a.answer).toContain('年底');
  });

  test.each([
    ['bodies asked by name and named (中山、瑞金两家)', '那2家高质量发展国家试点医院都是哪些医院？', '瑞金'],
    ['which bodies asked and named in the point: the sentence naming them is quoted', '长宁继续教育培训依托哪几家单位开展？', '区医学会'],
  ])('%s -> not missing: %s', async (_case, question, named) => {
    const a = await ask(question);
    expect(a.missing).toBeUndefined();
    expect(a.answer).toContain(named);
  });

  test('who acts, asked without which (谁负责): a body is not required of the quote', async () => {
    const a = await ask('医疗机构依法执业自查谁来负责？');
    expect(a.missing).not.toBe('who');
  });

  test('a yes/no or "what" question has no slot to miss', async () => {
    const a = await ask('互联网医院是什么？');
    expect(a.missing).toBeUndefined();
    expect(a.intent).toBe('what');
  });
});

describe('a figure question whose best point names the subject without a figure: the point close behind that gives one leads', () => {
  test.each([['中西医结合旗舰医院要建几家'], ['中西医旗舰医院打算搞几家？']])('%s', async (question) => {
    const a = await ask(question);
    expect(a.citations[0]!.docNumber).toBe('沪府办发〔2021〕31号');
    expect(a.citations[0]!.quote).toMatch(/[3３]\s*[－-]\s*[5５]\s*家/);
    expect(a.missing).toBeUndefined();
  });

  test.each([['高质量发展试点单位都哪几类，各几家？'], ['公立医院高质量发展试点单位分为哪几类？各多少家？']])(
    '%s: the point that gives each kind with its count leads, not the one that counts two other sets, in a list too',
    async (question) => {
      const a = await ask(question);
      expect(a.citations[0]!.docNumber).toBe('沪府办发〔2021〕31号');
      expect(a.citations[0]!.quote).toMatch(/高水平社区卫生服务中心\s*[2２][0０]\s*家/);
    },
  );

  test('must not fire: where no point close behind gives the figure, the best point stays and the figure is said missing', async () => {
    const a = await ask('长宁第六批援滇医疗队派多少人？');
    expect(a.citations[0]!.quote).toContain('援滇医疗队');
    expect(a.missing).toBe('figure');
  });
});

describe('a list question is answered from several points, each cited, in the document order', () => {
  test.each([['高质量发展方案里科创引领、产学研那部分都有哪些任务'], ['《2023年上海市卫生健康工作要点》中深化改革、创新驱动部分有哪几项重点任务？']])(
    '%s: a part named by its headings is listed whole and answered with confidence, though no sentence repeats the heading',
    async (question) => {
      const a = await ask(question);
      const cited = a.citations.map((c) => pipeline.corpus.passage(c.id)!);
      expect(cited.length).toBeGreaterThanOrEqual(3);
      expect(new Set(cited.map((p) => blockPath(p).join('/'))).size).toBe(1);
      expect(a.confidence).toBe('high');
      expect(a.answer).not.toContain(LOW_CONFIDENCE_LEAD);
    },
  );

  test('a section named by its heading is listed whole, in the document order', async () => {
    const a = await ask('长宁今年中医药能力提升这块有哪些安排？');
    const cited = a.citations.map((c) => pipeline.corpus.passage(c.id)!);
    expect(cited.length).toBeGreaterThanOrEqual(2);
    expect(new Set(cited.map((p) => p.section)).size).toBe(1);
    expect(cited.map((p) => p.order)).toEqual(cited.map((p) => p.order).sort((x, y) => x - y));
  });

  test.each([['长宁今年中医药能力提升这块有哪些安排？'], ['长宁在中医药方面都有啥安排']])('%s', async (question) => {
    const a = await ask(question);
    expect(a.intent).toBe('list');
    expect(a.citations.length).toBeGreaterThanOrEqual(2);
    expect(a.citations.length).toBeLessThanOrEqual(5);
    const docs = new Set(a.citations.map((c) => c.docNumber));
    expect(docs.size).toBe(1);
    // The point retrieval ranked first stays first (when the list is inside it, it is the answer); the rest follow in document order.
    const order = a.citations.slice(1).map((c) => pipeline.corpus.passage(c.id)!.order);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    // Every cited point is quoted by a claim of its own.
    for (let i = 1; i <= a.citations.length; i++) expect(a.answer).toContain(`[${i}]`);
    expect(unverifiedClaims(a.answer, a.citations, loose)).toEqual([]);
  });

  test('a list whose subject points of the city documents and of a district name cites each document that names it', async () => {
    const a = await ask('公立医院绩效考核，市里和普陀各有哪些安排？');
    expect(a.intent).toBe('list');
    // 普陀's plan and, for 市里, each city document with a point on it (the 2021 plan's 绩效评价机制 and the 2023 priorities' 绩效考核), one point each.
    const docs = a.citations.map((c) => c.docNumber);
    expect(new Set(docs)).toEqual(new Set(['普卫健医〔2025〕3号', '沪卫医〔2023〕32号', '沪府办发〔2021〕31号']));
    // One point each, and a second of a document only where retrieval scored it nearly as high as that document's first
    // (SECOND_POINT_SHARE: the 2021 plan's 建立评价体系 beside its 绩效评价机制).
    for (const doc of new Set(docs)) expect(docs.filter((d) => d === doc).length).toBeLessThanOrEqual(2);
    for (const c of a.citations) {
      const first = a.citations.find((o) => o.docNumber === c.docNumber)!;
      if (c !== first) expect(c.score).toBeGreaterThanOrEqual(first.score * SECOND_POINT_SHARE);
    }
    expect(unverifiedClaims(a.answer, a.citations, loose)).toEqual([]);
  });

  test('a subject named in points of four sections (天山中医医院) is listed from beyond the first points retrieval ranks, each point naming it', async () => {
    const a = await ask('天山中医医院今年都要搞些啥');
    expect(a.intent).toBe('list');
    expect(a.citations.length).toBeGreaterThanOrEqual(4);
    for (const c of a.citations) expect(c.text).toContain('天山中医医院');
    expect(new Set(a.citations.map((c) => pipeline.corpus.passage(c.id)!.section)).size).toBeGreaterThanOrEqual(3);
    expect(unverifiedClaims(a.answer, a.citations, loose)).toEqual([]);
  });

  test('a list is offered low, its points kept, when no sentence of the first points answers as a one-point answer must; high when one does', async () => {
    const unsure = await ask('护理这块，市医政医管要点和两个区的文件都有啥打算');
    expect(unsure.intent).toBe('list');
    expect(unsure.citations.length).toBeGreaterThanOrEqual(2);
    expect(unsure.confidence).toBe('low');
    expect(unsure.answer.startsWith(LOW_CONFIDENCE_LEAD)).toBe(true);
    const sure = await ask('天山中医医院今年都要搞些啥');
    expect(sure.confidence).toBe('high');
  });

  test('有几条，分别是啥 asks the items of a section, not a count', async () => {
    const a = await ask('卫健工作要点最后讲治理能力的那几条都是啥');
    expect(a.intent).toBe('list');
    expect(a.missing).toBeUndefined();
    expect(a.citations.length).toBeGreaterThanOrEqual(3);
  });

  test('two subjects named side by side: the point each names, and no other', async () => {
    const a = await ask('长宁今年护理和继续教育有哪些安排？');
    expect(a.citations.map((c) => splitTitle(c.text))).toEqual(['做好继续教育工作', '做好护理工作']);
  });

  test.each([['医生执业都有啥保险？'], ['普陀要把哪些医疗资源往社区下沉？']])('a list held in one point is not padded with its neighbours: %s', async (question) => {
    const a = await ask(question);
    expect(a.intent).toBe('list');
    expect(a.citations).toHaveLength(1);
  });

  test('in the low tier a list keeps its points, each cited, after the lead that says it is unsure', async () => {
    // The real retriever, its decision read as unsure: what the composer does with a low-tier list.
    class UnsureRetriever extends HybridRetriever {
      override async retrieve(question: string, options?: RetrieveOptions): Promise<RetrievalResult> {
        return { ...(await super.retrieve(question, options)), confidence: 'low' };
      }
    }
    const { corpus, bm25 } = pipeline;
    const answerer = new ExtractiveAnswerer({ retriever: new UnsureRetriever({ corpus, bm25 }, { ...DEFAULT_TUNING, decision: undefined }), corpus, bm25 });
    const a = await answerer.answer('长宁今年护理和继续教育有哪些安排？');
    expect(a.confidence).toBe('low');
    expect(a.answer.startsWith(LOW_CONFIDENCE_LEAD)).toBe(true);
    expect(a.citations).toHaveLength(2);
    for (let i = 1; i <= a.citations.length; i++) expect(a.answer).toContain(`[${i}]`);
    expect(unverifiedClaims(a.answer, a.citations, loose)).toEqual([]);
  });

  test('a list composed of several items is decided with the list held (heldTier): high where the best point alone was low; not a list held in one point, nor with heldTier low', async () => {
    // The real retriever, its decision read as low because the best point's sentences enumerate nothing, and high with the list held.
    const held = (tier: 'high' | 'low') =>
      class extends HybridRetriever {
        override async retrieve(question: string, options?: RetrieveOptions): Promise<RetrievalResult> {
          return { ...(await super.retrieve(question, options)), confidence: 'low', heldTier: tier };
        }
      };
    const { corpus, bm25 } = pipeline;
    const answerer = (tier: 'high' | 'low') => new ExtractiveAnswerer({ retriever: new (held(tier))({ corpus, bm25 }, { ...DEFAULT_TUNING, decision: undefined }), corpus, bm25 });
    const listed = await answerer('high').answer('长宁今年护理和继续教育有哪些安排？');
    expect(listed.citations.length).toBeGreaterThanOrEqual(2);
    expect(listed.confidence).toBe('high');
    expect(listed.answer.startsWith(LOW_CONFIDENCE_LEAD)).toBe(false);
    // must not: the list is held in one point (one citation): its best sentence decides, as any one-point answer.
    const one = await answerer('high').answer('医生执业都有啥保险？');
    expect(one.citations).toHaveLength(1);
    expect(one.confidence).toBe('low');
    // must not: the decision with the list held is low too.
    expect((await answerer('low').answer('长宁今年护理和继续教育有哪些安排？')).confidence).toBe('low');
  });

  test('the retriever gives heldTier only for a list question whose best point holds no enumeration (the slot signal 0)', async () => {
    const decided = await seedPipeline();
    const results = await Promise.all(
      ['普陀今年在陪诊、免陪护这些事上打算咋搞？', '中医这块，市里2023年卫生健康工作要点都要干哪些事？', '医生执业都有啥保险？', '区域性医疗中心按多少人口配置一家？'].map((q) =>
        decided.retriever.retrieve(q),
      ),
    );
    expect(results.some((r) => r.heldTier !== undefined)).toBe(true);
    for (const r of results) expect(r.heldTier !== undefined).toBe(r.intent === 'list' && r.signals?.slot === 0);
    // must not: the members of a kind asked (要交哪些材料) are given only by an enumeration of that kind, never by several points.
    const kind = await decided.retriever.retrieve('限制类医疗技术备案要交哪些材料？');
    expect(kind.intent).toBe('list');
    expect(kind.heldTier).toBeUndefined();
  });

  test('a question that asks no list gets one point', async () => {
    const a = await ask('互联网医院在分流看病配药需求上起什么作用？');
    expect(a.intent).toBe('what');
    expect(a.citations).toHaveLength(1);
  });

  test('a single-point question is not padded into a list', async () => {
    const a = await ask('区域性医疗中心按多少人口配置一家？');
    expect(a.citations.filter((c) => a.answer.includes(`[${a.citations.indexOf(c) + 1}]`))).toHaveLength(1);
  });
});

describe("a list of some of a named part's points says how many the part holds", () => {
  // No part of the five documents holds more than MAX_PART_POINTS points: the changning plan's last
  // part is given four more here (ten in all), as a longer document would have it.
  const CN = '2023-changning-medical-work-plan';
  let longer: Pipeline;
  beforeAll(async () => {
    const extra = [
      '6.规范医疗废物管理。落实医疗废物分类收集和暂存要求。',
      '7.加强消毒供应管理。推进消毒供应中心规范化建设。',
      '8.做好血液管理。推进临床合理用血。',
      '9.加强放射诊疗管理。落实放射防护要求。',
    ]
      .map((point) => `\n\n${point}`)
      .join('');
    const texts = corpusFiles().map(([file, text]) => [file, file.startsWith(CN) ? text.replace(/\n\s*上海市长宁区卫生健康委员会 2023 年 3 月 8 日印发/, `${extra}$&`) : text] as const);
    longer = await createPipeline({ corpus: corpusOf(texts), tuning: { ...DEFAULT_TUNING, decision: undefined } });
  });
  const askLonger = (q: string) => longer.answerer.answer(q, { history: [] });

  test.each([
    ['长宁计划最后那部分专项工作一共列了哪几项'], // a section asked by position
    ['长宁计划里专项工作那块都有哪些任务'], // a block named by its heading's words
  ])('%s -> MAX_PART_POINTS cited of ten, and said so', async (question) => {
    const a = await askLonger(question);
    const last = longer.corpus.passages.filter((p) => p.docId === CN && p.section === 5 && p.kind === 'point' && (p.part?.index ?? 1) === 1);
    expect(last).toHaveLength(10);
    // MAX_PART_POINTS of the part's ten (by position: its first; by heading: those retrieval ranked first), in the document's order.
    const cited = a.citations.map((c) => longer.corpus.passage(c.id)!);
    expect(cited).toHaveLength(MAX_PART_POINTS);
    expect(cited.every((p) => last.some((q) => q.id === p.id))).toBe(true);
    expect(cited.map((p) => p.order)).toEqual(cited.map((p) => p.order).sort((x, y) => x - y));
    if (/最后/.test(question)) expect(cited.map((p) => p.id)).toEqual(last.slice(0, MAX_PART_POINTS).map((p) => p.id));
    expect(a.answer).toContain(`该部分共10条，这里列出其中${MAX_PART_POINTS}条，其余请查看原文。`);
    // The note is not a claim: every claim is still verbatim.
    expect(unverifiedClaims(a.answer, a.citations, loose)).toEqual([]);
    expect(claimsOf(a.answer).join('')).not.toContain('该部分共');
  });

  test('a part cited whole says nothing of the kind', async () => {
    const a = await ask('普陀25年要点里改善医疗服务体验那块有哪些要求');
    expect(a.citations.length).toBeGreaterThanOrEqual(2);
    expect(a.answer).not.toContain('该部分共');
  });

  test("the note is said in the question's language and is never taken for a claim", () => {
    expect(partialListNote(6, 5)).toBe('（该部分共6条，这里列出其中5条，其余请查看原文。）');
    expect(partialListNote(6, 5, true)).toBe(' (That part has 6 points; 5 are listed here. Read the rest in the document.)');
    for (const english of [false, true]) expect(claimsOf(`做好护理工作[1]。${partialListNote(6, 5, english)}`)).toEqual(['做好护理工作']);
  });
});

describe("when a document runs to is answered from its closing clause, in the clause's own words", () => {
  test.each([['公立医院高质量发展那个方案管到啥时候'], ['21年那个公立医院方案啥时候到期']])('%s', async (question) => {
    const a = await ask(question);
    expect(pipeline.corpus.passage(a.citations[0]!.id)!.kind).toBe('closing');
    expect(a.citations[0]!.quote).toContain('有效期至2030年12月31日');
    expect(a.confidence).toBe('high');
    expect(a.answer.startsWith(LOW_CONFIDENCE_LEAD)).toBe(false);
  });

  test('must not: a task of the plan that runs to a year is not the closing clause', async () => {
    const a = await ask('方案里的试点要搞到啥时候');
    expect(pipeline.corpus.passage(a.citations[0]!.id)!.kind).not.toBe('closing');
  });
});

describe('follow-ups', () => {
  test('"另外，…" after a question is a new question: nothing of the earlier topic is searched', async () => {
    const first = await ask('普陀今年护理方面有哪些安排？');
    const a = await ask('另外，重症床位要占总床位的多少？', [turn(first)]);
    expect(a.rewrittenQuestion).toBeUndefined();
    expect(a.citations[0]!.docNumber).not.toBe(first.citations[0]!.docNumber);
  });

  test("a part named by its heading's words, no document named, is the part of the document talked about (组织实施部分)", async () => {
    const first = await ask('公立医院高质量发展实施方案中，试点单位分为哪几类？');
    const docId = first.citations[0]!.id.split('#')[0]!;
    const a = await ask('除试点先行外，组织实施部分还提出了哪些要求？', [turn(first)]);
    const cited = a.citations.map((c) => pipeline.corpus.passage(c.id)!);
    expect(cited.length).toBeGreaterThanOrEqual(4);
    expect(cited.every((p) => p.docId === docId && p.path[0]?.includes('组织实施'))).toBe(true);
    // must not: with no conversation, no document is named and none is taken
    expect(namedSection('除试点先行外，组织实施部分还提出了哪些要求？', pipeline.corpus, buildLexicalIndex(pipeline.corpus))).toBeUndefined();
  });

  test('"第二块讲的啥" after a question about a document cites that document\'s second section', async () => {
    const first = await ask('2023年上海市医政医管工作要点分哪几部分？');
    const a = await ask('第二块讲的啥', [turn(first)]);
    expect(a.abstained).toBe(false);
    const cited = a.citations.map((c) => pipeline.corpus.passage(c.id)!);
    expect(cited.every((p) => p.docId === pipeline.corpus.passage(first.citations[0]!.id)!.docId && p.section === 2)).toBe(true);
  });

  test.each([
    ['2023年上海市卫生健康工作要点分几部分？', '第二块里面，区域性医疗中心是怎么说的？', 2, '区域性医疗中心'],
    ['普陀2025年医政医管工作要点分成哪几块？', '第三部分里护理有哪些要求？', 3, '护'],
  ])('after "%s", "%s" cites the point of that section that speaks to it', async (before, question, n, word) => {
    const first = await ask(before);
    const docId = pipeline.corpus.passage(first.citations[0]!.id)!.docId;
    const a = await ask(question, [turn(first)]);
    expect(a.abstained).toBe(false);
    const top = pipeline.corpus.passage(a.citations[0]!.id)!;
    expect([top.docId, top.section]).toEqual([docId, n]);
    expect(a.citations[0]!.quote).toContain(word);
    // Not what "第二块讲的啥" is answered with: the titles of the section's first points.
    const plain = await ask(`第${n === 2 ? '二' : '三'}块讲的啥`, [turn(first)]);
    expect(plain.citations.map((c) => c.quote)).not.toContain(a.citations[0]!.quote);
  });
});

describe('a section asked of a document the question names, in one question', () => {
  const sectionOf = (a: Answer) => a.citations.map((c) => pipeline.corpus.passage(c.id)!).map((p) => [p.docId, p.section, p.sub]);
  const items = (docId: string, section: number, sub?: number) =>
    pipeline.corpus.passages.filter(
      (p) => p.docId === docId && p.section === section && (sub === undefined || p.sub === sub) && (p.kind === 'point' || p.kind === 'paragraph' || p.kind === 'section') && (p.part?.index ?? 1) === 1,
    );
  const lastOf = (docId: string) => Math.max(...pipeline.corpus.passages.filter((p) => p.docId === docId && p.section !== undefined).map((p) => p.section!));

  test.each([
    ['普陀今年医政医管要点第一部分都有哪几条？', '2025-putuo-medical-administration-priorities', 1],
    ['长宁今年医疗工作计划第一部分讲的啥', '2023-changning-medical-work-plan', 1],
    ['卫生健康工作要点第四部分讲了什么', '2023-shanghai-health-work-priorities', 4],
  ])("%s -> the points of that section, in the document's order, up to MAX_PART_POINTS", async (question, docId, n) => {
    const a = await ask(question);
    expect(a.abstained).toBe(false);
    const want = items(docId, n)
      .slice(0, MAX_PART_POINTS)
      .map((p) => p.id);
    expect(a.citations.map((c) => c.id)).toEqual(want);
    expect(unverifiedClaims(a.answer, a.citations, loose)).toEqual([]);
  });

  test('"最后那部分" is the document\'s last section; its heading\'s own words ask for the whole of it', async () => {
    const docId = '2023-changning-medical-work-plan';
    const a = await ask('长宁计划最后那部分专项工作一共列了哪几项');
    // All of it (six points), not the five a list composed from retrieval cites: a part has a known end.
    expect(a.citations.map((c) => c.id)).toEqual(items(docId, lastOf(docId)).map((p) => p.id));
    expect(a.citations.length).toBeGreaterThan(MAX_LIST_POINTS);
    expect(a.answer).not.toContain('该部分共');
  });

  test("words after the place that none of the section's points holds describe the whole of it (保障措施 of 三、组织实施); words it holds ask inside it", async () => {
    const docId = '2021-shanghai-public-hospital-high-quality-development-plan';
    const a = await ask('公立医院高质量发展方案最后那几条保障措施是啥');
    expect(a.citations.map((c) => c.id)).toEqual(items(docId, lastOf(docId)).map((p) => p.id));
    // must not: 区域性医疗中心 is in the second part, and only its points are quoted
    const first = await ask('2023年上海市医政医管工作要点分哪几部分？');
    const inside = await ask('第二块里面，区域性医疗中心是怎么说的？', [turn(first)]);
    expect(inside.citations.length).toBeLessThan(items(first.citations[0]!.id.split('#')[0]!, 2).length);
    expect(inside.citations.every((c) => c.quote!.includes('区域性医疗中心'))).toBe(true);
  });

  test("words before the ordinal that name a section's heading make it a sub-section of that section", async () => {
    const docId = '2021-shanghai-public-hospital-high-quality-development-plan';
    const a = await ask('高质量发展方案主要任务的第一块都有啥任务？');
    const main = pipeline.corpus.passages.find((p) => p.docId === docId && p.path[0]?.includes('主要任务'))!.section!;
    expect(sectionOf(a).every(([doc, section, sub]) => doc === docId && section === main && sub === 1)).toBe(true);
    expect(a.citations.length).toBe(items(docId, main, 1).length);
  });

  test.each([
    ['医政要点第三块医院管理那部分有哪几条', '2023-shanghai-medical-administration-priorities', 3],
    ['长宁计划第五部分专项工作这块都有啥', '2023-changning-medical-work-plan', 5],
  ])('%s: the heading named again with 那部分, 这块 after the ordinal asks the whole section', async (question, docId, n) => {
    const a = await ask(question);
    expect(a.citations.map((c) => c.id)).toEqual(items(docId, n).map((p) => p.id));
  });

  test('what is asked of the section after naming it picks its points that speak to it', async () => {
    const a = await ask('卫生健康工作要点第四部分里为民办实事项目有哪些？');
    expect(sectionOf(a)[0]!.slice(0, 2)).toEqual(['2023-shanghai-health-work-priorities', 4]);
    expect(a.citations[0]!.quote).toContain('为民办实事');
  });

  test.each([
    ['卫健工作要点疫情那部分，最后三条说的是啥', '2023-shanghai-health-work-priorities', 1, 'end', 3],
    ['《2023年上海市卫生健康工作要点》第二部分的最后两条分别涉及哪些工作？', '2023-shanghai-health-work-priorities', 2, 'end', 2],
    ['普陀的要点第一部分开头两条讲了啥', '2025-putuo-medical-administration-priorities', 1, 'start', 2],
  ])('%s -> those points of the section', async (question, docId, n, from, count) => {
    const a = await ask(question);
    const all = items(docId, n).map((p) => p.id);
    expect(a.citations.map((c) => c.id)).toEqual(from === 'end' ? all.slice(-count) : all.slice(0, count));
  });

  test('"收尾的最后三条": the document\'s last three points', async () => {
    const docId = '2023-shanghai-health-work-priorities';
    const a = await ask('卫健工作要点收尾的最后三条都讲了些什么');
    expect(a.citations.map((c) => c.id)).toEqual(
      items(docId, lastOf(docId))
        .slice(-3)
        .map((p) => p.id),
    );
  });

  test('must not fire: a part no heading names (医保那部分) is not read as the whole document', async () => {
    const docId = '2023-shanghai-health-work-priorities';
    const a = await ask('卫健工作要点里医保那部分最后两条说的啥');
    expect(a.citations.map((c) => c.id)).not.toEqual(
      items(docId, lastOf(docId))
        .slice(-2)
        .map((p) => p.id),
    );
  });

  test.each([
    // No document named and no conversation: nothing to point at.
    ['第三部分讲了啥'],
    // No title holds 2024: no document is named.
    ['2024年医政医管要点第三部分讲了啥'],
  ])('%s is not answered with a section', async (question) => {
    const a = await ask(question);
    expect(a.citations.length === 0 || a.citations.some((c) => pipeline.corpus.passage(c.id)!.section !== 3)).toBe(true);
  });
});

describe('a follow-up asks what its own words ask', () => {
  test('"那它是发给哪些单位的" after a question about when a document was issued asks who', async () => {
    const first = await ask('2023年上海市医政医管工作要点是什么时候印发的？');
    const a = await ask('那它是发给哪些单位的？', [turn(first)]);
    expect(first.intent).toBe('date');
    expect(a.intent).toBe('who');
  });

  test('"那安检设备具体按什么标准配" after a yes/no question asks a method, and the documents give none', async () => {
    const first = await ask('市里2023年要求二级以上医院都开展安检吗？');
    const a = await ask('那安检设备具体按什么标准配？', [turn(first)]);
    expect(a.confidence).toBe('low');
    expect(a.missing).toBe('method');
    expect(a.answer).toContain('但没有给出具体计算方法或评定标准');
  });

  test.each([
    ['市卫健委2023年工作要点里，五个新城的产科儿科资源怎么安排？', '那普陀的文件里儿科是怎么要求的，哪些医院得开儿科？', '二级、三级公立综合医院均应提供儿科医疗服务'],
    ['2023年上海卫生健康工作要点里，区域性医疗中心按多少人口配一家？', '那医政医管要点里补点区域性医疗中心，什么时候完成认定？', '年底完成认定挂牌'],
  ])('a follow-up that names its own document and topic is asked of that document alone: %s -> %s', async (first, second, answer) => {
    const a = await ask(second, [turn(await ask(first))]);
    expect(a.citations[0]!.quote).toContain(answer);
    expect(new Set(a.citations.map((c) => c.docNumber)).size).toBe(1);
  });

  test("one that names a document and nothing to ask of it keeps the conversation's topic: 那市里23年医政要点里呢", async () => {
    const a = await ask('那市里23年医政要点里呢？', [turn(await ask('长宁平安医院建设里警医联动是怎么说的'))]);
    expect(a.rewrittenQuestion).toContain('警医联动');
    expect(a.citations[0]!.docNumber).toBe('沪卫医〔2023〕32号');
  });

  test.each([
    ['普陀对发热门诊有什么要求？', '市里2023年医政医管要点对它的要求是什么？', '发热门诊'],
    ['长宁的安宁疗护怎么安排的？', '那普陀的文件对这块有啥说法', '安宁疗护'],
  ])("one that names another document but points back (它, 这块) asks about the conversation's subject: %s -> %s", async (first, second, subject) => {
    const a = await ask(second, [turn(await ask(first))]);
    expect(a.rewrittenQuestion).toContain(subject);
  });

  test.each([
    ['普陀要求临床路径哪两个指标要往上提？', '这事在2021年那个公立医院高质量发展方案里是怎么说的？', '沪府办发〔2021〕31号', '临床路径'],
    ['市医政医管要点里“平安医院”创建由谁牵头？', '长宁的计划里这事具体要做啥？', '长卫健发〔2023〕20号', '平安医院'],
    // the earlier answer's document, named loosely or not at all by the earlier question, is not searched again
    ['普陀区2025年对医疗卫生行风建设提出了哪些要求？', '市卫健委的医政要点对这方面又是怎么要求的？', '沪卫医〔2023〕32号', '行风'],
    // the earlier question's place is not carried beside the document the follow-up names
    ['长宁区今年的医疗质控工作怎么开展？', '普陀区2025年要点对这方面有什么新的要求？', '普卫健医〔2025〕3号', '质控'],
    ['长宁区今年中医药人才培养有哪些举措？', '2021年那个公立医院高质量发展方案里这件事是怎么说的？', '沪府办发〔2021〕31号', '中医'],
  ])("这事 / 这块 standing for the subject beside another document: that document's point on the subject, not its preamble: %s -> %s", async (first, second, docNumber, subject) => {
    const a = await ask(second, [turn(await ask(first))]);
    expect(a.citations[0]!.docNumber).toBe(docNumber);
    expect(a.citations[0]!.label).not.toBe('前言');
    expect(a.citations[0]!.quote).toContain(subject);
  });

  test("asked inside the previous answer (这里面), a place the question names is part of a name: the conversation's document answers", async () => {
    const a = await ask('这里面要创上海市中医药特色示范站的是哪几家社区中心？', [turn(await ask('长宁今年怎么提升医疗机构的中医药服务能级？'))]);
    // 上海市 opening a name the documents hold is no scope: the city's documents are not searched instead.
    expect(a.rewrittenQuestion).not.toMatch(/^上海市/);
    expect(a.citations[0]!.docNumber).toBe('长卫健发〔2023〕20号');
  });

  test('"那普陀呢" has no question words of its own: it asks what the conversation asked', async () => {
    const first = await ask('长宁专病医联体建了多少个？');
    const a = await ask('那普陀呢？', [turn(first)]);
    expect(first.intent).toBe('figure');
    expect(a.intent).toBe('figure');
  });
});

describe('a part named by what its heading says is listed whole, each point quoted by its sentence that matches the question', () => {
  test("提升医院管理效能方面提了哪几项任务: the section's four points, the sentences that name the work (紧密型城市医疗集团), not only the points' titles", async () => {
    const a = await ask('2023年上海市医政医管工作要点在深化医改、提升医院管理效能方面提了哪几项任务？');
    expect(a.citations.map((c) => c.id.split('#')[1])).toEqual(['3.11', '3.12', '3.13', '3.14']);
    expect(a.answer.replace(/\s+/g, '')).toContain('紧密型城市医疗集团');
  });
});
