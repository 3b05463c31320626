import { beforeAll, describe, expect, test } from 'vitest';
import { buildLexicalIndex } from '../../src/answer/create-pipeline.js';
import { isItem, type Corpus } from '../../src/core/corpus.js';
import { InvariantError } from '../../src/core/errors.js';
import type { Bm25Index } from '../../src/retrieval/bm25-index.js';
import { readScope } from '../../src/retrieval/scope-check.js';
import { citePoints } from '../../src/retrieval/stages/cite-points.js';
import { decisionSignals, nothingMatches } from '../../src/retrieval/stages/decision-signals.js';
import { findCitedPoint } from '../../src/retrieval/stages/find-cited-point.js';
import { fuseCandidates } from '../../src/retrieval/stages/fuse-candidates.js';
import { gatherCandidates, type Candidates } from '../../src/retrieval/stages/gather-candidates.js';
import type { RankedPoint } from '../../src/retrieval/stages/ranked-point.js';
import { rerankPoints } from '../../src/retrieval/stages/rerank-points.js';
import { routeByKind } from '../../src/retrieval/stages/route-by-kind.js';
import { scopeDecline } from '../../src/retrieval/stages/scope-decline.js';
import { normalizeForSearch } from '../../src/text/tokenize.js';
import { FlatIndex } from '../../src/vector-index/flat-index.js';
import { seedCorpus } from '../support/seed-pipeline.js';

let corpus: Corpus;
let bm25: Bm25Index;
let corpusText: string;
const text = (id: string) => normalizeForSearch(corpus.passage(id)!.text);
const passageText = (id: string) => corpus.passage(id)!.text;
beforeAll(() => {
  corpus = seedCorpus();
  bm25 = buildLexicalIndex(corpus);
  corpusText = corpus.passages.map((p) => normalizeForSearch(p.text)).join('\n');
});
const docNumberOf = (id: string) => corpus.document(corpus.passage(id)!.docId).docNumber;
const point = (id: string, score: number, extra: Partial<RankedPoint> = {}): RankedPoint => ({ id, score, ...extra });

describe('findCitedPoint (direct citation)', () => {
  test('a 文号 and a number name the point', () => {
    const p = findCitedPoint('沪卫医〔2023〕32号第5条讲了什么？', corpus)!;
    expect([docNumberOf(p.id), p.point]).toEqual(['沪卫医〔2023〕32号', 5]);
  });
  test.each([['区域性医疗中心按多少人口配置一家？'], ['沪卫医〔2023〕32号第99条讲了什么？']])('%s names no point', (q) => expect(findCitedPoint(q, corpus)).toBeUndefined());
});

describe('scopeDecline (scope)', () => {
  const decline = (q: string) => scopeDecline(q, readScope(q, [...corpus.documents.values()], corpusText), [...corpus.documents.values()], corpusText);
  test.each([
    ['你好', /不涉及现有政策文件/],
    ['杭州的发热门诊要24小时开吗？', /不涉及杭州/],
    ['2019年的医政工作要点有哪些？', /没有2019年/],
  ])('%s is declined', (q, reason) => expect(decline(q)).toMatch(reason));
  test.each([['区域性医疗中心按多少人口配置一家？'], ['南京西路的社区医院发烧门诊要开着吗？'], ['2023年的护理工作有哪些？']])('%s goes on', (q) => expect(decline(q)).toBeUndefined());
});

describe('gatherCandidates (candidates)', () => {
  const unit = (i: number) => Array.from({ length: 4 }, (_, j) => (j === i ? 1 : 0));
  test('lexical mode asks BM25 only, kept to the allowed points', async () => {
    const allowed = corpus.passages.filter((p) => p.docId === '2023-changning-medical-work-plan').map((p) => p.id);
    const c = await gatherCandidates({ bm25 }, '护理', { mode: 'lexical', pool: 10, keep: (id) => allowed.includes(id) });
    expect(c.lexical.length).toBeGreaterThan(0);
    expect(c.lexical.every((h) => allowed.includes(h.id))).toBe(true);
    expect([c.points.size, c.sentences.size]).toEqual([0, 0]);
  });
  test('dense modes take each point’s best sentence', async () => {
    const [a, b] = corpus.passages.map((p) => p.id);
    const vectors = new FlatIndex([
      { id: a!, vector: unit(0) },
      { id: b!, vector: unit(1) },
    ]);
    const sentenceVectors = new FlatIndex([
      { id: `${a}@0`, vector: [0.6, 0, 0.8, 0] },
      { id: `${a}@1`, vector: [0.9, 0, 0, 0.1] },
      { id: `${b}@0`, vector: unit(2) },
    ]);
    const c = await gatherCandidates({ bm25, vectors, sentenceVectors }, 'q', { mode: 'dense', pool: 5, keep: () => true, vector: Promise.resolve(unit(0)) });
    expect(c.points.get(a!)).toBeCloseTo(1);
    expect(c.sentences.get(a!)).toEqual({ id: `${a}@1`, score: expect.closeTo(0.9) });
    expect(c.lexical).toEqual([]);
  });
  test("every point's cosine is kept beside the pool: a point past the pool (found by BM25 or a sentence) is read at its own cosine, not 0", async () => {
    const [a, b, d] = corpus.passages.map((p) => p.id);
    const vectors = new FlatIndex([
      { id: a!, vector: unit(0) },
      { id: b!, vector: [0.8, 0.6, 0, 0] },
      { id: d!, vector: [0.6, 0.8, 0, 0] },
    ]);
    const c = await gatherCandidates({ bm25, vectors }, 'q', { mode: 'dense', pool: 1, keep: (id) => id !== b, vector: Promise.resolve(unit(0)) });
    expect([...c.points.keys()]).toEqual([a]);
    expect(c.cosines.get(d!)).toBeCloseTo(0.6);
    expect(c.cosines.has(b!)).toBe(false); // what `keep` leaves out is not kept here either
    // Fused, the point past the pool carries its cosine; its fused score still uses the pool's floor.
    const fused = fuseCandidates({ ...c, lexical: [{ id: d!, score: 5 }] }, { lexicalShare: 0.5, sentenceWeight: 0 }, 'hybrid', 5);
    expect(fused.find((r) => r.id === d)?.point).toBeCloseTo(0.6);
  });
  test('a dense mode without vectors is a programming error', async () => {
    await expect(gatherCandidates({ bm25 }, 'q', { mode: 'hybrid', pool: 5, keep: () => true })).rejects.toBeInstanceOf(InvariantError);
  });
});

describe('fuseCandidates (fuse)', () => {
  // Point a matches as a whole, point b by one sentence.
  const c: Candidates = {
    lexical: [],
    points: new Map([
      ['a', 0.8],
      ['b', 0.5],
    ]),
    sentences: new Map([
      ['a', { id: 'a@0', score: 0.6 }],
      ['b', { id: 'b@2', score: 0.95 }],
    ]),
    cosines: new Map([
      ['a', 0.8],
      ['b', 0.5],
    ]),
  };
  test('the sentence weight decides between a whole-point and a sentence match', () => {
    expect(fuseCandidates(c, { lexicalShare: 0, sentenceWeight: 0 }, 'dense', 5).map((r) => r.id)).toEqual(['a', 'b']);
    expect(fuseCandidates(c, { lexicalShare: 0, sentenceWeight: 1 }, 'dense', 5).map((r) => r.id)).toEqual(['b', 'a']);
  });
  test('keeps what each retriever said, scores 0..1, at most n', () => {
    const [first] = fuseCandidates(c, { lexicalShare: 0.7, sentenceWeight: 0.5 }, 'hybrid', 1);
    expect(first).toMatchObject({ point: expect.any(Number), sentence: expect.any(Number), sentenceId: expect.stringMatching(/@/) });
    expect(first!.score).toBeGreaterThanOrEqual(0);
    expect(first!.score).toBeLessThanOrEqual(1);
  });
  test('lexical mode is BM25 alone', () => {
    const lexical: Candidates = {
      lexical: [
        { id: 'x', score: 3 },
        { id: 'y', score: 6 },
      ],
      points: new Map(),
      sentences: new Map(),
      cosines: new Map(),
    };
    expect(fuseCandidates(lexical, { lexicalShare: 0.1, sentenceWeight: 0.5 }, 'lexical', 5).map((r) => [r.id, r.score])).toEqual([
      ['y', 1],
      ['x', 0.5],
    ]);
  });
});

describe('rerankPoints (rerank)', () => {
  const ranked = () => corpus.passages.slice(0, 4).map((p, i) => point(p.id, 1 - i / 10));
  test('reorders the first points by the reranker; the rest keep their place', async () => {
    const reversed = { name: 'fake', rerank: async (_q: string, texts: readonly string[]) => texts.map((_, i) => i) };
    const out = await rerankPoints(reversed, 'q', ranked(), 3, corpus);
    expect(out.map((r) => r.id)).toEqual([ranked()[2]!.id, ranked()[1]!.id, ranked()[0]!.id, ranked()[3]!.id]);
  });
  test('a failing reranker leaves the fused order', async () => {
    const failing = { name: 'down', rerank: async () => Promise.reject(new InvariantError('down')) };
    expect((await rerankPoints(failing, 'q', ranked(), 3, corpus)).map((r) => r.id)).toEqual(ranked().map((r) => r.id));
  });
});

describe('routeByKind', () => {
  const kindOf = (kind: string) => corpus.passages.find((p) => p.kind === kind)!.id;
  const body = () => corpus.passages.find((p) => p.kind === 'point')!.id;
  test('the cover notice answers only questions about issuing', () => {
    const ranked = [point(kindOf('notice'), 1), point(body(), 0.9)];
    expect(routeByKind('护理工作有哪些？', ranked, corpus, [], text).map((r) => r.id)).toEqual([body()]);
    expect(routeByKind('这个文件什么时候印发的？', ranked, corpus, [], text).map((r) => r.id)).toEqual([kindOf('notice'), body()]);
  });
  test('the closing clause comes first for validity questions', () => {
    const ranked = [point(body(), 1), point(kindOf('closing'), 0.5)];
    expect(routeByKind('有效期到什么时候？', ranked, corpus, [], text)[0]!.id).toBe(kindOf('closing'));
  });
  test.each([
    ['它管到哪一年'],
    ['它哪年到期？'],
    ['那它啥时候开始执行的'],
    ['这个文件到什么时候为止'],
    ['该方案什么时候失效'],
    ['现在还有效吗'],
    ['这个方案的有效期到哪年'],
    ['高质量发展实施方案有效期多久'],
    ['这个方案从哪天起实施'],
    // the document named in full before what is asked of it
    ['这个公立医院高质量发展实施方案管到哪天为止？'],
    ['市政府办公厅那份公立医院高质量发展实施方案管到啥时候为止？'],
    ['高质量发展那个计划用到哪年'],
    ['公立医院高质量发展那个方案管到啥时候'], // 啥 for 什么
    ['这个要点用到何时'],
  ])('%s: the document itself runs to, starts or expires -> the closing clause first', (question) => {
    const ranked = [point(body(), 1), point(kindOf('closing'), 0.5)];
    expect(routeByKind(question, ranked, corpus, [], text)[0]!.id).toBe(kindOf('closing'));
  });
  test.each([
    ['DRG付费什么时候开始实施？'],
    ['这项工作到哪年完成'],
    ['实施方案主要讲了啥'],
    ['胸痛中心建设要执行哪些标准'],
    ['它要在哪些医院推开'],
    ['护士执业注册的有效期是几年？'],
    ['医师资格证书有效期多长'],
    ['三级医院评审标准上海实施细则哪天起实施？'], // a rule text the documents announce
    ['限制类技术目录什么时候生效'],
    ['方案里的改革任务要干到哪年为止'], // a task of the plan, not the plan
    ['要点里说的第三批康复中心建到哪年为止'],
    ['方案里的试点要搞到啥时候'], // a task of the plan, not the plan
  ])('%s: a work item, not the document -> retrieval order kept', (question) => {
    const ranked = [point(body(), 1), point(kindOf('closing'), 0.5)];
    expect(routeByKind(question, ranked, corpus, [], text)[0]!.id).toBe(body());
  });
  test('named years keep the passages of those years', () => {
    const routed = routeByKind(
      '护理',
      corpus.passages.map((p) => point(p.id, 0.5)),
      corpus,
      ['2025'],
      text,
    );
    expect(routed.length).toBeGreaterThan(0);
    expect(routed.every((r) => corpus.document(corpus.passage(r.id)!.docId).date.startsWith('2025') || text(r.id).includes('2025'))).toBe(true);
  });
  test('several scopes named, a year that one has: the scope without a document of that year keeps its passages (市里两份2023年要点和普陀的文件)', () => {
    const city = ['2023-shanghai-health-work-priorities', '2023-shanghai-medical-administration-priorities'];
    const putuo = ['2025-putuo-medical-administration-priorities'];
    const all = corpus.passages.map((p) => point(p.id, 0.5));
    const docsOf = (routed: RankedPoint[]) => new Set(routed.map((r) => corpus.passage(r.id)!.docId));
    expect(docsOf(routeByKind('儿科', all, corpus, ['2023'], text, [city, putuo]))).toContain(putuo[0]);
    // must not: one scope, or scopes none of which has a document of the year: the year filters as before.
    expect(docsOf(routeByKind('儿科', all, corpus, ['2023'], text))).not.toContain(putuo[0]);
    expect(routeByKind('儿科', all, corpus, ['2019'], text, [city, putuo]).every((r) => text(r.id).includes('2019'))).toBe(true);
  });
});

describe('decisionSignals (decide)', () => {
  const fever = () => corpus.passages.find((p) => text(p.id).includes('发热门诊'))!.id;
  const other = () => corpus.passages.find((p) => !text(p.id).includes('发热'))!.id;
  test('coverage by the point that holds the words, unknown words, margin', () => {
    const ctx = { bm25, text, passageText, corpusText };
    const s = decisionSignals('发热门诊', [point(fever(), 1), point(other(), 0.4)], [point(fever(), 1)], 'lexical', ctx);
    expect(s.coverage).toBe(1);
    expect(s.unknown).toBe(0);
    expect(s.margin).toBeCloseTo(0.6);
    expect(s.sentence).toBeUndefined();
    const off = decisionSignals('火星殖民计划', [point(other(), 1)], [point(other(), 1)], 'hybrid', ctx);
    expect(off.coverage).toBe(0);
    expect(off.unknown).toBeGreaterThan(0);
    expect(off).toMatchObject({ point: 0, sentence: 0 });
  });
  test('after a reranker the first point may score below the second: the margin is 0, not negative', () => {
    const s = decisionSignals('发热门诊', [point(fever(), 0.3), point(other(), 0.9)], [point(fever(), 0.3)], 'lexical', { bm25, text, passageText, corpusText });
    expect(s.margin).toBe(0);
  });
  test('slot: a list is held by a point that names items, not by the preamble that announces them', () => {
    // The 2023 health work plan's preamble and one of its points, both with clauses listed by commas.
    const preamble = corpus.passages.find((p) => p.kind === 'preamble' && /[，,][^，,。]{2,}[，,]/.test(p.text))!;
    const ctx = { bm25, text, passageText, corpusText, asked: { intent: 'list' as const, question: '今年有哪些工作？' }, isItem: (id: string) => isItem(corpus.passage(id)!) };
    const topic = text(preamble.id).slice(0, 12);
    expect(decisionSignals(topic, [point(preamble.id, 1)], [point(preamble.id, 1)], 'lexical', { ...ctx, isItem: () => true }).slot).toBe(1);
    expect(decisionSignals(topic, [point(preamble.id, 1)], [point(preamble.id, 1)], 'lexical', ctx).slot).toBe(0);
  });
  test('slot: whether the sentences about the topic hold a figure of the asked kind', () => {
    // A point of the corpus with a share in it, and one on the same topic with no figure.
    const share = corpus.passages.find((p) => /重症床位/.test(p.text) && /\d+\s*%/.test(p.text))!.id;
    const ctx = { bm25, text, passageText, corpusText };
    expect(decisionSignals('重症床位占比', [point(share, 1)], [point(share, 1)], 'lexical', { ...ctx, asked: { intent: 'figure', question: '重症床位占比要到多少？' } }).slot).toBe(1);
    // The same point, asked for money it does not give.
    expect(decisionSignals('重症床位经费', [point(share, 1)], [point(share, 1)], 'lexical', { ...ctx, asked: { intent: 'figure', question: '重症床位每张补贴多少钱？' } }).slot).toBe(0);
    // Nothing specific asked: the slot signal is 1.
    expect(decisionSignals('重症床位', [point(share, 1)], [point(share, 1)], 'lexical', { bm25, text, passageText, corpusText }).slot).toBe(1);
  });
  test("slot: a sentence that holds the topic's rarest word and half the best weight is read too, not one without it", () => {
    // The 2023 medical administration plan's point on IDC: a sentence on the network, then 遴选新的30家左右IDC医院挂牌.
    const idc = corpus.passages.find((p) => /遴选新的30家左右IDC医院挂牌/.test(p.text))!.id;
    const ctx = { bm25, text, passageText, corpusText };
    const held = (topic: string, question: string) => decisionSignals(topic, [point(idc, 1)], [point(idc, 1)], 'lexical', { ...ctx, asked: { intent: 'figure', question } }).slot;
    expect(held('传染病IDC医院新挂牌', '传染病那种IDC医院今年要新挂牌几家')).toBe(1);
    // Asked of the network, whose words the figure's sentence does not hold: no count of it is given.
    expect(held('传染病临床诊治中心三级救治网络', '传染病临床诊治中心的三级救治网络要建几家')).toBe(0);
  });
  test('slot: a point that names the list whose contents are asked, and gives none of its items, does not hold them', () => {
    // The 2023 health work plan's point that publishes 权责清单、许可清单、证明事项清单 (the lists side by side, not their items).
    const lists = corpus.passages.find((p) => /证明事项清单/.test(p.text) && /二是/.test(p.text))!.id;
    const ctx = { bm25, text, passageText, corpusText, isItem: (id: string) => isItem(corpus.passage(id)!) };
    const asked = (question: string) => decisionSignals('证明事项清单', [point(lists, 1)], [point(lists, 1)], 'lexical', { ...ctx, asked: { intent: 'list', question } }).slot;
    expect(asked('证明事项清单都列了哪些')).toBe(0);
    // Asked which lists are published, the point holds them.
    expect(asked('要动态发布的是哪几张清单')).toBe(1);
  });
});

describe('citePoints (cite)', () => {
  test('the first k, and the best point of each named scope besides', () => {
    const changning = corpus.passages.filter((p) => p.docId === '2023-changning-medical-work-plan').map((p) => p.id);
    const putuo = corpus.passages.filter((p) => p.docId === '2025-putuo-medical-administration-priorities').map((p) => p.id);
    const ranked = [point(changning[0]!, 1), point(changning[1]!, 0.9), point(putuo[3]!, 0.5, { sentenceId: `${putuo[3]}@1` })];
    const { citations, matchedSentences } = citePoints(ranked, [['2023-changning-medical-work-plan'], ['2025-putuo-medical-administration-priorities']], 2, corpus);
    expect(citations.map((c) => c.id)).toEqual([changning[0], changning[1], putuo[3]]);
    expect(matchedSentences).toEqual({});
    expect(citePoints(ranked, [], 3, corpus).matchedSentences).toEqual({ [putuo[3]!]: `${putuo[3]}@1` });
  });
});

describe('nothingMatches (decide: the rule beside the model)', () => {
  test.each([
    [{ coverage: 0, unknown: 1 }, true], // 考研报名啥时候开始
    [{ coverage: 0, unknown: 0.75 }, true],
    [{ coverage: 0, unknown: 0.5 }, false], // half the words are the corpus's: the model decides
    [{ coverage: 0.04, unknown: 1 }, false], // one topic word in the point: something matches
    [{ coverage: 0.6, unknown: 0 }, false],
  ])('%o -> %s', (signals, declined) => {
    expect(nothingMatches(signals)).toBe(declined);
  });

  test('on the corpus: off-topic questions match nothing; everyday wording of a topic does', () => {
    const signalsOf = (q: string) => {
      const ranked = [point(corpus.passages.find((p) => text(p.id).includes('发热门诊'))!.id, 1)];
      return decisionSignals(q, ranked, ranked, 'lexical', { bm25, text, passageText, corpusText });
    };
    expect(nothingMatches(signalsOf('考研报名啥时候开始'))).toBe(true);
    expect(nothingMatches(signalsOf('职工停车费多少钱一个月'))).toBe(true);
    expect(nothingMatches(signalsOf('发烧门诊要一直开着吗'))).toBe(false); // 发烧 is 发热 in the documents
  });
});
