import { describe, expect, test } from 'vitest';
import { blockPoints } from '../../src/answer/block-points.js';
import { askedPoints, namedSection } from '../../src/answer/named-section.js';
import { asksOfSeveralDocuments, composeList, MAX_LIST_POINTS, mentionForm } from '../../src/answer/compose-list.js';
import { buildLexicalIndex } from '../../src/answer/create-pipeline.js';
import { DEFAULT_EXTRACTIVE_TUNING } from '../../src/answer/extractive-answerer.js';
import type { RetrievalResult } from '../../src/core/types.js';
import { seedCorpus } from '../support/seed-pipeline.js';

// composeList is given what retrieval ranked (ids and fused scores, first = 1): each rule is
// tested on a ranking where it must fire and on one where it must not, whatever retrieval does.
const corpus = seedCorpus();
const bm25 = buildLexicalIndex(corpus);
const CN = '2023-changning-medical-work-plan';
const PT = '2025-putuo-medical-administration-priorities';
const MA = '2023-shanghai-medical-administration-priorities';
const HW = '2023-shanghai-health-work-priorities';
const GF = '2021-shanghai-public-hospital-high-quality-development-plan';

function ranked(question: string, points: Array<[string, number]>, k = points.length): RetrievalResult {
  const cited = points.map(([id, score]) => corpus.citation(id, score));
  return { question, abstained: false, confidence: 'low', nearest: [], intent: 'list', citations: cited.slice(0, k), ...(k < points.length ? { pool: cited } : {}) };
}
/** The list composed from a ranking; with `k`, only the first k are citations and the whole ranking is the list pool. */
const list = (question: string, points: Array<[string, number]>, k?: number) =>
  composeList(question, ranked(question, points, k), corpus, bm25, DEFAULT_EXTRACTIVE_TUNING)?.sentences.map((s) => s.passageId);

describe('a block named by its headings: its items, in the document order', () => {
  test('a sub-section heading of the 2021 plan ((五)建设健康和谐的公立医院发展新文化) names its three paragraphs', () => {
    expect(
      list('方案里关于医院文化建设提了哪些？', [
        [`${GF}#2.5.p2`, 1],
        [`${GF}#2.6.p4`, 0.6],
      ]),
    ).toEqual([`${GF}#2.5.p1`, `${GF}#2.5.p2`, `${GF}#2.5.p3`]);
  });

  test('the block is named even when retrieval ranked the preamble first (医院管理 -> 三、…实现高效能医院管理)', () => {
    expect(
      list('医政医管要点里医院管理这块都抓哪些事？', [
        [`${MA}#0`, 1],
        [`${MA}#2.10`, 0.9],
      ]),
    ).toEqual([`${MA}#3.11`, `${MA}#3.12`, `${MA}#3.13`, `${MA}#3.14`]);
  });

  test('a heading named in words the question runs together with particles (在医疗质量与服务管理创新方面 -> 二、重质量，着力创新医疗服务管理)', () => {
    expect(
      list('2025年普陀区医政医管工作要点在医疗质量与服务管理创新方面部署了哪些工作？', [
        [`${PT}#0`, 1],
        [`${PT}#2.9`, 0.83],
        [`${PT}#2.6`, 0.62],
      ]),
    ).toEqual([`${PT}#2.6`, `${PT}#2.7`, `${PT}#2.8`, `${PT}#2.9`]);
  });

  test('a block of more than five items is listed whole (eight here): more than a list composed from retrieval cites, in the document order', () => {
    const cited = list('高品质医疗服务体系建设这块，市卫健委有哪些安排？', [
      [`${HW}#2.14`, 1],
      [`${HW}#2.15`, 0.9],
    ])!;
    const block = corpus.passages.filter((p) => p.docId === HW && p.section === 2 && p.kind === 'point' && (p.part?.index ?? 1) === 1);
    expect(block).toHaveLength(8);
    expect(cited).toEqual(block.map((p) => p.id));
    expect(cited.length).toBeGreaterThan(MAX_LIST_POINTS);
  });

  test('subjects side by side: a heading that wholly names one of them (产学研, in (二)打造科创引领的产学研一体化发展新趋势) names the block', () => {
    expect(
      list('高质量发展方案里，科技创新、产学研这一块都有哪些任务？', [
        [`${GF}#2.2.p3`, 1],
        [`${GF}#2.2.p2`, 0.9],
        [`${GF}#2.2.p1`, 0.65],
        [`${HW}#2.13`, 0.6],
      ]),
    ).toEqual([`${GF}#2.2.p1`, `${GF}#2.2.p2`, `${GF}#2.2.p3`, `${GF}#2.2.p4`, `${GF}#2.2.p5`]);
  });

  test('must not fire: a heading that wholly names one subject (监管, in 四、严监管) in a block other than the first point’s', () => {
    const cited =
      list('普陀今年护理、监管这两块都要做啥', [
        [`${PT}#3.11`, 1],
        [`${PT}#3.12`, 0.5],
      ]) ?? [];
    expect(cited).not.toContain(`${PT}#4.15`);
  });

  test('an issuer named in the question (市政府办公厅) is not a topic word: the heading of (四)…外部治理新动力 names the block', () => {
    expect(
      list('在医疗、医保、医药联动的外部治理方面，市政府办公厅的实施方案部署了哪些改革？', [
        [`${GF}#2.4.p4`, 1],
        [`${GF}#2.4.p5`, 0.9],
      ]),
    ).toEqual([`${GF}#2.4.p1`, `${GF}#2.4.p2`, `${GF}#2.4.p3`, `${GF}#2.4.p4`, `${GF}#2.4.p5`]);
  });

  test('must not fire: a heading elsewhere in the document does not outweigh the point retrieval ranked first (unless the question points at a part: below)', () => {
    const cited =
      list('医政医管要点里医院管理都抓哪些事？', [
        [`${MA}#2.10`, 1],
        [`${MA}#4.16`, 0.8],
      ]) ?? [];
    expect(cited).not.toContain(`${MA}#3.12`);
  });

  test('must not fire: a question on one point whose words a heading shares only in part (内部运营管理 vs 现代化管理新效能)', () => {
    expect(
      list('医院内部运营管理需要完善哪些机制？', [
        [`${GF}#2.3.p1`, 1],
        [`${GF}#2.3.p2`, 0.42],
      ]),
    ).toBeUndefined();
  });
});

describe("a part the question points at (那块, 那一部分), its theme in the staff's own words", () => {
  test('看病体验那块 names 三、优服务，着力改善医疗服务体验 though its heading holds less of the topic than an unpointed question needs', () => {
    const ranking: Array<[string, number]> = [
      [`${PT}#3.10`, 0.89],
      [`${PT}#0`, 0.65],
      [`${PT}#1.3`, 0.56],
    ];
    expect(list('普陀今年改善老百姓看病体验那块都要做哪些事', ranking)).toEqual([`${PT}#3.10`, `${PT}#3.11`, `${PT}#3.12`, `${PT}#3.13`]);
    // must not: the same words without pointing at a part do not take a part elsewhere than the first point's
    // (the first point's own part they do take, below: its heading holds more of the topic than its title)
    expect(
      list('普陀今年改善老百姓看病体验都要做哪些事', [
        [`${PT}#1.3`, 0.89],
        [`${PT}#3.10`, 0.6],
      ]),
    ).not.toEqual([`${PT}#3.10`, `${PT}#3.11`, `${PT}#3.12`, `${PT}#3.13`]);
  });

  test('深化改革、推动高质量发展的那一部分: the block its heading names, though retrieval ranked a point of another section first', () => {
    const ranking: Array<[string, number]> = [
      [`${HW}#5.23`, 1],
      [`${HW}#3.18`, 0.95],
      [`${HW}#3.17`, 0.9],
    ];
    expect(list('市卫健委2023年工作要点里，涉及深化改革、推动行业高质量发展的那一部分部署了哪些工作？', ranking)).toEqual([`${HW}#3.16`, `${HW}#3.17`, `${HW}#3.18`]);
    // must not: without pointing at a part, the first point's section is not overruled by a heading elsewhere
    expect(list('市卫健委2023年工作要点里，涉及深化改革、推动行业高质量发展部署了哪些工作？', ranking)?.[0]).toBe(`${HW}#5.23`);
  });
});

describe('the first point’s own heading holds some of the topic, more than its title: its part, the first point first', () => {
  test.each([
    ['普陀要让病人看病体验好一点，具体打算做哪些？', `${PT}#3.10`, [`${PT}#3.10`, `${PT}#3.11`, `${PT}#3.12`, `${PT}#3.13`]],
    [
      '公立医院高质量发展实施方案中，靠医疗、医保、医药协同改革来推动医院发展的外部治理措施有哪几方面？',
      `${GF}#2.4.p2`,
      [`${GF}#2.4.p2`, `${GF}#2.4.p1`, `${GF}#2.4.p3`, `${GF}#2.4.p4`, `${GF}#2.4.p5`],
    ],
  ])('%s', (question, first, part) => {
    expect(
      list(question, [
        [first, 1],
        [`${HW}#1.1`, 0.4],
      ]),
    ).toEqual(part);
  });

  test('must not: the heading of the section above a sub-section (二、主要任务) names no topic (主要 of 主要用在哪些长期住院上)', () => {
    const cited = list('按床日付费主要用在哪些长期住院上？', [
      [`${GF}#2.4.p4`, 1],
      [`${HW}#1.1`, 0.4],
    ]);
    expect(cited === undefined || cited.length < 5).toBe(true);
  });
});

describe('a part named as a whole (那一部分, 那一大块) in words its headings do not share: the first point’s part', () => {
  // Retrieval ranked a point of the part first; the staff's words for it (就医获得感, 接住病人) are not the heading's.
  test.each([
    ['普陀区要点中以提升患者就医获得感为主题的那一部分包括哪几项工作？', [`${PT}#3.10`, 0.83], [`${PT}#3.10`, `${PT}#3.11`, `${PT}#3.12`, `${PT}#3.13`]],
    ['长宁今年新冠这类疫情来了怎么接住病人、备好药和东西那一大块，一共布置了哪几条', [`${CN}#1.2`, 0.9], [`${CN}#1.1`, `${CN}#1.2`, `${CN}#1.3`]],
    ['市里23年卫健要点最后讲管理治理那一块，都要做啥', [`${HW}#5.26`, 0.9], [`${HW}#5.22`, `${HW}#5.23`, `${HW}#5.24`, `${HW}#5.25`, `${HW}#5.26`]],
    ['普陀医政要点里管看病质量那部分有啥', [`${PT}#2.6`, 0.9], [`${PT}#2.6`, `${PT}#2.7`, `${PT}#2.8`, `${PT}#2.9`]],
  ] as Array<[string, [string, number], string[]]>)('%s', (question, first, part) => {
    expect(list(question, [first, [`${PT}#1.3`, 0.5]])).toEqual(part);
  });

  // 这块, 那块 after a topic name the topic (民营医院这块), and 这一块 in a follow-up the topic just asked: not a part.
  test.each([
    ['民营医院、私人诊所这块，市里2023年医政要点都说了啥？', `${MA}#2.10`],
    ['普陀精神卫生和心理这块今年都要干啥', `${PT}#3.13`],
    ['市里医政要点里这一块咋说的', `${MA}#2.10`],
  ])('must not: %s', (question, first) => {
    const cited = list(question, [
      [first, 1],
      [`${HW}#1.1`, 0.3],
    ]);
    expect(cited === undefined || cited.length < blockPoints(corpus, corpus.passage(first)!).length).toBe(true);
  });
});

describe('where a document mentions a subject (涉及X的内容, 说到X的地方): the points whose text holds it', () => {
  const composed = (question: string, points: Array<[string, number]>) => composeList(question, ranked(question, points), corpus, bm25, DEFAULT_EXTRACTIVE_TUNING);

  test('涉及中医药的内容: every point of the 2023 priorities that holds 中医药, wherever it sits, in the document order', () => {
    const listed = composed('2023年上海市卫生健康工作要点中，涉及中医药的内容有哪些？', [
      [`${HW}#2.12`, 1],
      [`${HW}#5.23`, 0.8],
    ])!;
    expect(listed.sentences.map((s) => s.passageId.replace(/~\d+$/, ''))).toEqual([`${HW}#1.6`, `${HW}#2.12`, `${HW}#2.14`, `${HW}#4.21`]);
    expect(listed.decided).toBe(true);
  });

  test('subjects joined by 或 or given in brackets: a point holding either (医联体（医疗联合体）)', () => {
    const cited = list('2023年市卫生健康工作要点中提及医联体（医疗联合体）的内容有哪些？', [
      [`${HW}#3.18`, 1],
      [`${HW}#2.15`, 0.9],
    ])!.map((id) => id.replace(/~\d+$/, ''));
    expect(cited).toEqual([`${HW}#1.3`, `${HW}#2.14`, `${HW}#2.15`, `${HW}#3.18`, `${HW}#4.20`]);
  });

  test.each([
    ['卫生健康工作要点里跟中医药沾边的有哪几条'],
    ['2023年卫生健康工作要点里和中医药有关的都有啥'],
    ['卫健工作要点里与中医药相关的内容都列一下'],
    ['市卫健委工作要点里讲中医药的有几处？'],
    ['卫生健康工作要点里关于中医药的内容一共有哪几处'],
    ['卫生健康工作要点里，中医药的事都在哪几条提了'], // where, asked after the subject
    ['卫生健康工作要点里哪些地方提到中医药的'], // where, asked before it
    ['卫生健康工作要点里，中医药在哪出现过'], // where, with no count of places
    ['卫健要点里跟中医药有关的都在哪'],
    ['卫健要点里带“中医药”三个字的都有哪几条'], // the words quoted, as a search would take them
    ['卫健要点里带中医药这个词的有几条'],
    ['卫健工作要点中，涉及中医药的工作安排分布在哪些条目'], // 涉及X的 with a word for what is arranged
    ['《2023年上海市卫生健康工作要点》中，提到中医药的工作都分布在哪几条？'], // where it is spread
    ['卫健要点里讲到中医药的措施都有哪些'],
  ])("staff's words for mentioning (跟X沾边的, 和X有关的, 讲X的有几处, X在哪几条提了): %s -> the points holding 中医药", (question) => {
    const listed = composed(question, [
      [`${HW}#2.12`, 1],
      [`${HW}#5.23`, 0.8],
    ])!;
    expect(listed.sentences.map((s) => s.passageId.replace(/~\d+$/, ''))).toEqual([`${HW}#1.6`, `${HW}#2.12`, `${HW}#2.14`, `${HW}#4.21`]);
  });

  test.each([
    ['卫生健康工作要点里关于中医药的内容有哪些'], // what it says about a subject, not where it is mentioned: the other ways decide
    ['中医药和中西医结合有哪些安排'], // 和 joins subjects, no 有关
    ['中医药这块哪几条最重要'], // which points matter, not where it is mentioned
    ['带量采购的中医药有哪些要求'], // 带 of a term (带量采购), no words quoted or counted
    ['中医药在哪里'], // where a thing is, not where it is mentioned
    ['卫健要点里关于中医药的工作安排有哪些'], // what is arranged about it, not where it is mentioned
  ])('must not read as mentions: %s', (question) => {
    const listed = composed(question, [
      [`${HW}#2.12`, 1],
      [`${HW}#5.23`, 0.8],
    ]);
    expect(listed?.sentences.map((s) => s.passageId.replace(/~\d+$/, ''))).not.toEqual([`${HW}#1.6`, `${HW}#2.12`, `${HW}#2.14`, `${HW}#4.21`]);
  });

  test.each([
    ['公立医院高质量发展实施方案中哪些地方提到了医院评审？'],
    ['高质量发展方案里哪几处说到医院评审'],
    ['21年公立医院方案里涉及医院评审的内容有哪些'],
    ['公立医院高质量发展实施方案中，哪些条目涉及医院评审？'],
  ])('the subject after 哪些地方提到了, though the document is named before it; and a name the text writes with words inside (医院等级评审): %s', (question) => {
    expect(
      list(question, [
        [`${GF}#3.4`, 1],
        [`${GF}#2.2.p5`, 0.9],
      ]),
    ).toEqual([`${GF}#2.2.p5`, `${GF}#2.6.p4`]);
  });

  test.each([['请列出医政医管要点里对区域性医疗中心提出要求的全部条目'], ['医政医管要点对区域性医疗中心作出部署的所有内容有哪些']])(
    'all the places a text asks something of a subject (全部, 所有): %s',
    (question) => {
      expect(
        list(question, [
          [`${MA}#2.7`, 1],
          [`${MA}#2.8`, 0.9],
        ]),
      ).toEqual([`${MA}#1.2`, `${MA}#1.5`, `${MA}#2.7`, `${MA}#2.8`, `${MA}#4.15`]);
    },
  );

  test('the places counted right after 的 (说到社区卫生中心的有哪几条): the points whose text holds it, a name the text writes with words inside (社区卫生服务中心)', () => {
    expect(
      list('普陀2025那份医政要点，说到社区卫生中心的有哪几条啊', [
        [`${PT}#1.1`, 1],
        [`${PT}#1.2`, 0.9],
      ]),
    ).toEqual([`${PT}#1.2`, `${PT}#3.12`]);
  });

  test('people named with 人 are mentioned without it before another noun (老年人 → 老年健康服务体系)', () => {
    const cited = list('2023年上海市卫生健康工作要点中，涉及老年人的工作安排有哪些？', [
      [`${HW}#1.2`, 1],
      [`${HW}#1.5`, 0.9],
    ]);
    expect(cited?.map((id) => id.replace(/~\d+$/, ''))).toEqual([`${HW}#1.2`, `${HW}#1.5`, `${HW}#4.20`]);
    // must not: a subject of one character before 人 (病人) is not cut to one character
    const patients = list('卫健要点里涉及病人的内容有哪些', [
      [`${HW}#1.2`, 1],
      [`${HW}#1.5`, 0.9],
    ]);
    expect(patients ?? []).not.toContain(`${HW}#4.20`);
  });

  test('must not: what is asked of a subject, with no word for every place (医政医管要点对区域性医疗中心提出了哪些要求), is left to the other ways', () => {
    const cited = list('医政医管要点对区域性医疗中心提出了哪些要求', [
      [`${MA}#2.7`, 1],
      [`${MA}#2.8`, 0.9],
    ]);
    expect(cited).not.toEqual([`${MA}#1.2`, `${MA}#1.5`, `${MA}#2.7`, `${MA}#2.8`, `${MA}#4.15`]);
  });

  test("a subject in everyday words is mentioned in the documents' words for it (私立医院 → 社会办医, 民营医院; 老人 → 老年人)", () => {
    expect(
      list('长宁区2023年医疗工作计划中，哪些条目涉及私立医院？', [
        [`${CN}#3.1`, 1],
        [`${CN}#3.2`, 0.9],
      ]),
    ).toEqual([`${CN}#2.2`, `${CN}#3.2`]);
    const elderly = list('卫健工作要点里跟老人有关的都有哪几条', [
      [`${HW}#1.2`, 1],
      [`${HW}#1.5`, 0.9],
    ]);
    expect(elderly?.map((id) => id.replace(/~\d+$/, ''))).toEqual([`${HW}#1.2`, `${HW}#1.5`, `${HW}#4.20`]);
  });

  test('a subject put first with 这块, a document asked all it says of it: the points of the document named that hold it', () => {
    expect(
      list('民营医院、私人诊所这块，市里2023年医政要点都说了啥？', [
        [`${MA}#2.10`, 1],
        [`${MA}#2.8`, 0.9],
      ]),
    ).toEqual([`${MA}#2.10`, `${MA}#3.14`]);
    // The document named, though retrieval ranked another's point first.
    expect(
      list('民营医院、社会办医这块，市医政医管要点都提了啥', [
        [`${CN}#3.2`, 1],
        [`${MA}#2.10`, 0.9],
      ]),
    ).toEqual([`${MA}#2.10`, `${MA}#3.14`]);
    // must not: several documents asked (市里和区里): each document's point, not one document's mentions.
    expect(
      list('社会办医、民营医院这块，市里和区里的文件都提了啥要求？', [
        [`${MA}#2.10`, 1],
        [`${CN}#3.2`, 0.9],
        [`${MA}#3.14`, 0.85],
      ]),
    ).toContain(`${CN}#3.2`);
  });

  test('a name with up to two characters set between two of its words, never fewer than two on a side', () => {
    expect(mentionForm('医院评审').test('医院等级评审')).toBe(true);
    expect(mentionForm('社区卫生中心').test('社区卫生服务中心')).toBe(true);
    expect(mentionForm('医院评审').test('医院的等级评审')).toBe(false);
    expect(mentionForm('医院评审').test('医院评价审核')).toBe(false);
    expect(mentionForm('医联体').test('医疗联合体')).toBe(false);
  });

  test('must not: a subject more than five points hold (提到培训的地方, nine points) is left to the other ways', () => {
    const cited = list('市医政要点里提到搞培训的地方都有哪些', [
      [`${MA}#1.5`, 1],
      [`${MA}#1.4`, 0.95],
    ]);
    expect(cited?.length ?? 0).toBeLessThanOrEqual(MAX_LIST_POINTS);
    expect(cited ?? []).not.toContain(`${MA}#3.12`);
  });
});

describe('subjects named by the leads of retrieved points: each point, across sections and documents', () => {
  test('护理和继续教育: the two points whose title sentences name them, nothing else', () => {
    expect(
      list('长宁今年护理和继续教育有哪些安排？', [
        [`${CN}#5.3-2`, 1],
        [`${CN}#5.3`, 0.65],
        [`${CN}#4.4`, 0.47],
        [`${CN}#5.1`, 0.46],
      ]),
    ).toEqual([`${CN}#5.3-2`, `${CN}#5.3`]);
  });

  test('one subject that a point of each of two documents names (公立医院绩效考核) cites both documents', () => {
    const cited = list('公立医院绩效考核，市里和普陀各有哪些安排？', [
      [`${PT}#2.7`, 1],
      [`${MA}#3.12`, 0.9],
      [`${GF}#2.3.p2`, 0.69],
    ]);
    expect(cited).toEqual([`${PT}#2.7`, `${MA}#3.12`]);
  });

  test('must not fire: two points titled with part of the question only (推进紧密型医联体建设 for a question on what it unifies)', () => {
    expect(
      list('紧密型医联体内部，成员单位之间哪些要素要统一调配？', [
        [`${HW}#3.18`, 1],
        [`${GF}#2.1.p3`, 0.44],
      ]),
    ).toBeUndefined();
  });
});

describe('subjects side by side, each named in the text of a point of the list pool: that point for each', () => {
  test('分院区管理、血液保障以及民营医疗机构: the point naming each, though the preamble ranked first and the second sits deeper in the pool', () => {
    const cited = list(
      '医政医管要点里分院区管理、血液保障以及民营医疗机构发展有哪些安排？',
      [
        [`${MA}#0`, 1],
        [`${MA}#2.10`, 0.9],
        [`${MA}#4.15`, 0.8],
        [`${MA}#1.1`, 0.7],
        [`${MA}#2.9`, 0.6],
      ],
      2,
    );
    expect(cited).toEqual(expect.arrayContaining([`${MA}#2.9`, `${MA}#2.10`]));
    expect(cited).not.toContain(`${MA}#4.15`);
  });

  test('绩效考核、监测评价和巡查: one point per subject, and a subject two points name counts once', () => {
    const cited = list('普陀对区属医院的绩效考核、监测评价和巡查工作是如何安排的？', [
      [`${PT}#2.7`, 1],
      [`${PT}#4.16`, 0.5],
      [`${PT}#2.8`, 0.45],
    ]);
    expect(cited).toEqual([`${PT}#2.7`, `${PT}#2.8`]);
  });

  test('立法普法和信访: a subject whose words one point alone holds names that point', () => {
    const cited = list('2023年上海市卫生健康工作要点中，立法普法和信访工作各有哪些安排？', [
      [`${HW}#5.26`, 1],
      [`${HW}#5.25`, 0.82],
      [`${HW}#4.19`, 0.47],
    ]);
    expect(cited).toEqual(expect.arrayContaining([`${HW}#5.25`, `${HW}#5.26`]));
  });

  test('must not fire: one subject the points name, the other named by none (无人机配送) adds nothing', () => {
    const cited = list('普陀的绩效考核和无人机配送药品有啥安排？', [
      [`${PT}#2.7`, 1],
      [`${PT}#4.16`, 0.5],
      [`${PT}#1.1`, 0.45],
    ]);
    expect(cited === undefined || cited.length === 1).toBe(true);
  });

  test('subjects named side by side: retrieval’s first point leads when it is an item of a document they name, though no subject names it fully (社区卫生中心提档升级 -> 长宁 2.3)', () => {
    const cited = list(
      '长宁在医联体、还有社区卫生中心提档升级上都要干啥',
      [
        [`${CN}#2.3`, 0.944],
        [`${CN}#2.2`, 0.929],
        [`${CN}#4.2`, 0.845],
        [`${CN}#2.1`, 0.801],
        [`${CN}#3.1`, 0.685],
        [`${CN}#5.5`, 0.681],
        [`${CN}#3.3`, 0.636],
        [`${CN}#1.1`, 0.593],
      ],
      5,
    )!;
    expect(cited[0]).toBe(`${CN}#2.3`);
    expect(cited).toContain(`${CN}#2.2`);
  });

  test('must not: retrieval’s first point is of another document than the points the subjects name: it does not lead', () => {
    const cited = list('在医疗、医保、医药联动的外部治理方面，市政府办公厅的实施方案部署了哪些改革？', [
      [`${HW}#3.18`, 1],
      [`${GF}#2.4.p4`, 0.95],
      [`${GF}#3.1`, 0.9],
      [`${GF}#2.4.p3`, 0.88],
      [`${GF}#2.4.p5`, 0.85],
    ])!;
    expect(cited[0]).not.toBe(`${HW}#3.18`);
  });
});

describe('a subject the first point names in its text: the points of the list pool that name it as fully', () => {
  test('天山中医医院: the five points of four sections that name it, reached beyond the first k; not the city plans that name 中医医院 only', () => {
    const cited = list(
      '天山中医医院今年都要搞些啥',
      [
        [`${CN}#4.3`, 1],
        [`${CN}#4.2`, 0.96],
        [`${CN}#1.3`, 0.82],
        [`${CN}#2.2`, 0.79],
        [`${CN}#2.1`, 0.77],
        [`${GF}#2.1.p5`, 0.35],
        [`${HW}#1.6`, 0.32],
      ],
      2,
    )!;
    expect([...cited].sort()).toEqual([`${CN}#1.3`, `${CN}#2.1`, `${CN}#2.2`, `${CN}#4.2`, `${CN}#4.3`]);
  });

  test('a subject named in two documents (传染病临床诊治中心) cites each', () => {
    expect(
      list(
        '传染病临床诊治中心建设，市医政医管要点和普陀各怎么安排的？',
        [
          [`${PT}#1.5`, 1],
          [`${MA}#2.6`, 0.78],
          [`${PT}#1.3`, 0.72],
        ],
        1,
      ),
    ).toEqual([`${PT}#1.5`, `${MA}#2.6`]);
  });

  test('first comes the point whose sentence matches best, as a one-point answer quotes it (未来智慧医院, ranked second)', () => {
    const cited = list('方案里描述的“未来智慧医院”有哪些特征？', [
      [`${CN}#3.3`, 0.98],
      [`${GF}#2.3.p3`, 0.81],
      [`${HW}#2.10`, 0.67],
    ]);
    expect(cited?.[0]).toBe(`${GF}#2.3.p3`);
  });

  test('must not fire: a point that names the subject but that retrieval scored below half the first point (发热门诊 in 普陀 1.5 at 0.3)', () => {
    expect(
      list(
        '发热门诊这事都有啥要求',
        [
          [`${MA}#1.3`, 1],
          [`${HW}#1.3`, 0.56],
          [`${PT}#1.5`, 0.3],
        ],
        1,
      ),
    ).toEqual([`${MA}#1.3`, `${HW}#1.3`]);
  });

  test('must not fire: a subject more points name than a list holds (区域性医疗中心) is a common term, not what is listed', () => {
    const cited =
      list(
        '对区域性医疗中心的建设，市里几份文件分别提出了哪些要求？',
        [
          [`${MA}#2.7`, 1],
          [`${HW}#2.8`, 0.78],
          [`${GF}#2.1.p2`, 0.77],
          [`${GF}#2.1.p3`, 0.74],
          [`${MA}#1.5`, 0.68],
          [`${MA}#4.15`, 0.64],
          [`${MA}#1.2`, 0.63],
        ],
        1,
      ) ?? [];
    expect(cited).not.toContain(`${MA}#1.5`);
  });

  test('must not fire: the first point does not name the subject (社区卫生服务中心) though points below it do', () => {
    const cited =
      list(
        '普陀那边社区卫生服务中心今年要干点啥',
        [
          [`${PT}#3.13`, 1],
          // Below ELSEWHERE_SCORE_SHARE, above MENTION_SCORE_SHARE: only the rule tested here could take them.
          [`${PT}#1.2`, 0.65],
          [`${PT}#3.12`, 0.6],
        ],
        1,
      ) ?? [];
    expect(cited).not.toContain(`${PT}#1.2`);
  });
});

describe('otherwise the first point and the points of its block retrieval scored nearly as high', () => {
  test('fires: the points of the first point’s block scored near it; not a point of another block scored as high', () => {
    expect(
      list('长宁今年新冠救治有哪些安排？', [
        [`${CN}#1.1`, 1],
        [`${CN}#1.3`, 0.81],
        [`${CN}#5.2`, 0.75],
        [`${CN}#1.2`, 0.72],
        [`${CN}#3.1`, 0.62],
      ]),
    ).toEqual([`${CN}#1.1`, `${CN}#1.2`, `${CN}#1.3`]);
  });

  test('three of a block’s four points listed: the fourth joins (党建: (六) of the 2021 plan, its leadership-team paragraph matched no word of the question)', () => {
    const cited = list('公立医院党建这块，2021年那个高质量发展方案要医院做哪些？', [
      [`${GF}#2.6.p4`, 1],
      [`${GF}#2.6.p1`, 0.95],
      [`${GF}#2.6.p3`, 0.9],
      [`${GF}#1.1`, 0.5],
    ]);
    expect(cited).toContain(`${GF}#2.6.p2`);
    expect(cited?.[0]).toBe(`${GF}#2.6.p4`);
  });

  test('must not: two of a block’s four points listed do not make it the list (长宁 一、: 1.1 and 1.3 of three are all, 五、 none)', () => {
    const cited = list('长宁今年新冠救治有哪些安排？', [
      [`${CN}#1.1`, 1],
      [`${CN}#1.3`, 0.81],
      [`${CN}#5.2`, 0.75],
    ]);
    expect(cited).not.toContain(`${CN}#5.1`);
    expect(cited).not.toContain(`${CN}#5.4`);
  });

  test('must not fire: the first point’s best sentence names the items itself (门诊号源、检查检验、住院床位)', () => {
    expect(
      list('普陀要把哪些医疗资源往社区下沉？', [
        [`${PT}#1.2`, 0.93],
        [`${PT}#1.1`, 0.86],
        [`${PT}#1.5`, 0.49],
      ]),
    ).toBeUndefined();
  });

  test('must not fire: the first point’s lead names the whole topic (做好护理工作。一是…四是…)', () => {
    expect(
      list('长宁护理这块今年有啥安排？', [
        [`${CN}#5.3`, 1],
        [`${CN}#5.2`, 0.8],
        [`${CN}#5.3-2`, 0.8],
        [`${CN}#5.5`, 0.75],
      ]),
    ).toBeUndefined();
  });

  test('件事 is an item word, not the topic: 监管这一块要抓哪几件事 names the block 四、严监管', () => {
    expect(
      list('普陀那边监管这一块要抓哪几件事', [
        [`${PT}#4.14`, 1],
        [`${PT}#4.15`, 0.9],
        [`${PT}#4.16`, 0.89],
        [`${PT}#1.1`, 0.7],
      ]),
    ).toEqual([`${PT}#4.14`, `${PT}#4.15`, `${PT}#4.16`]);
  });

  test('fires: a question that points at a block (党建那块) lists its near points, though the first point’s sentence enumerates (卫生健康、教育、国资等部门); and the first point’s title names the topic but lists no items of its own', () => {
    const ranking: Array<[string, number]> = [
      [`${GF}#2.6.p4`, 1],
      [`${GF}#2.6.p1`, 0.88],
      [`${GF}#2.6.p3`, 0.81],
      [`${GF}#3.3`, 0.61],
    ];
    // (three of the block's four paragraphs listed: the fourth joins them)
    expect(list('高质量发展方案里党建那块讲了几方面', ranking)).toEqual([`${GF}#2.6.p4`, `${GF}#2.6.p1`, `${GF}#2.6.p2`, `${GF}#2.6.p3`]);
    // must not: the same ranking, asked without pointing at a block: the enumeration holds the list in the first point.
    expect(list('高质量发展方案对党建工作的责任有哪些规定', ranking)).toBeUndefined();
    // fires: a question that counts the points (分几条, 哪几条, 提了几处) asks for them, not for one sentence's items.
    expect(list('公立医院高质量发展实施方案在医院党建方面分几条作了部署？各是什么？', ranking)).toEqual([`${GF}#2.6.p4`, `${GF}#2.6.p1`, `${GF}#2.6.p2`, `${GF}#2.6.p3`]);
    // must not: 条件 is not a point counted.
    expect(list('高质量发展方案对党建工作有哪些条件', ranking)).toBeUndefined();
  });

  test('fires: the first point’s sentence enumerates (高品质、多样化和创新性医疗服务), but another point matches the topic better and retrieval scored it nearly as high: the enumeration is a detail, not the list', () => {
    const ranking = (second: number): Array<[string, number]> => [
      [`${PT}#1.1`, 0.965],
      [`${PT}#1.2`, second],
      [`${PT}#0`, 0.881],
      [`${PT}#1.3`, 0.788],
    ];
    expect(list('普陀对区里的区域医疗中心有啥要求', ranking(0.932))).toEqual(expect.arrayContaining([`${PT}#1.1`, `${PT}#1.2`]));
    // must not: the better-matching point scored well below the first (under ELSEWHERE_SCORE_SHARE): the enumeration holds the list.
    expect(list('普陀对区里的区域医疗中心有啥要求', ranking(0.6))).toBeUndefined();
  });

  test('fires: the first point’s sentence enumerates, but retrieval all but tied another point of the document with it (收费定价 and 医保支付, 2.4 paragraphs 3 and 4): both are listed', () => {
    const ranking = (second: number): Array<[string, number]> => [
      [`${GF}#2.4.p3`, 1],
      [`${GF}#2.4.p4`, second],
      [`${GF}#3.4`, 0.45],
      [`${GF}#3.1`, 0.449],
    ];
    expect(list('看病收费定价跟医保怎么付钱，高质量发展方案里有啥改革？', ranking(0.951))).toEqual([`${GF}#2.4.p3`, `${GF}#2.4.p4`]);
    // must not: scored clearly below the first (under TIED_SCORE_SHARE), the enumeration holds the list.
    expect(list('看病收费定价跟医保怎么付钱，高质量发展方案里有啥改革？', ranking(0.8))).toBeUndefined();
  });

  test('fires in another document: 周桥 named in a point elsewhere that matches better (长宁 2.3 enumerates, 4.2 names 周桥 in full)', () => {
    const cited = list('周桥社区卫生服务中心今年在长宁计划里要去创建哪些名头？', [
      [`${CN}#2.3`, 1],
      [`${CN}#4.2`, 0.98],
      [`${CN}#3.1`, 0.84],
    ]);
    expect(cited).toEqual(expect.arrayContaining([`${CN}#2.3`, `${CN}#4.2`]));
  });

  test('must not fire: the other points of the block were scored far below the first', () => {
    expect(
      list('长宁今年对口援建有哪些工作？', [
        [`${CN}#5.2`, 1],
        [`${CN}#5.5`, 0.32],
        [`${CN}#1.2`, 0.29],
        [`${CN}#5.3`, 0.25],
      ]),
    ).toBeUndefined();
  });
});

describe("otherwise, points elsewhere in the first point's document that match and that retrieval scored nearly as high", () => {
  test('the first point does not name the subject (社区卫生服务中心), points of other sections scored nearly as high do: they follow it', () => {
    const cited = list(
      '普陀那边社区卫生服务中心今年要干点啥',
      [
        [`${PT}#3.13`, 1],
        [`${PT}#1.2`, 0.96],
        [`${PT}#3.12`, 0.95],
      ],
      1,
    );
    expect(cited).toEqual([`${PT}#3.13`, `${PT}#1.2`, `${PT}#3.12`]);
  });

  test('must not fire: a point of another section scored as high whose sentences do not speak of the subject (普陀 6 加强医疗质量管理)', () => {
    const cited =
      list(
        '普陀那边社区卫生服务中心今年要干点啥',
        [
          [`${PT}#3.13`, 1],
          [`${PT}#2.6`, 0.97],
          [`${PT}#1.2`, 0.96],
        ],
        1,
      ) ?? [];
    expect(cited).toContain(`${PT}#1.2`);
    expect(cited).not.toContain(`${PT}#2.6`);
  });
});

describe("otherwise, a point of the first point's document that retrieval scored nearly as high joins, however its sentence matches", () => {
  test('控制医疗费用: the performance point that controls cost growth and the abnormal-stay check of another part, ranked within RANKED_CLOSE_SHARE of it', () => {
    const cited = list(
      '普陀区在控制医疗费用方面有哪些措施？',
      [
        [`${PT}#2.7`, 1],
        [`${PT}#4.16`, 0.8],
      ],
      1,
    );
    expect(cited).toEqual([`${PT}#2.7`, `${PT}#4.16`]);
  });

  test('must not fire: the same point ranked well below the first', () => {
    const cited = list(
      '普陀区在控制医疗费用方面有哪些措施？',
      [
        [`${PT}#2.7`, 1],
        [`${PT}#4.16`, 0.6],
      ],
      1,
    );
    expect(cited ?? [`${PT}#2.7`]).toEqual([`${PT}#2.7`]);
  });
});

describe('a preamble ranked first: the first item retrieval ranked leads, and the list is not decided', () => {
  const composed = (question: string, points: Array<[string, number]>) => composeList(question, ranked(question, points), corpus, bm25, DEFAULT_EXTRACTIVE_TUNING);

  test('互联网诊疗 in the 2021 plan: the preamble left out, the two points that speak of it listed (2.1 para 6, 2.4 para 3)', () => {
    const listed = composed('《关于推进上海市公立医院高质量发展的实施方案》中涉及互联网诊疗的内容有哪些？', [
      [`${GF}#0`, 0.96],
      [`${GF}#2.1.p6`, 0.89],
      [`${GF}#2.4.p3`, 0.72],
    ])!;
    expect(listed.sentences.map((s) => s.passageId)).toEqual([`${GF}#2.1.p6`, `${GF}#2.4.p3`]);
    expect(listed.decided).toBe(false);
  });

  test('must not change: an item ranked first leads a decided list as before', () => {
    const listed = composed('《关于推进上海市公立医院高质量发展的实施方案》中涉及互联网诊疗的内容有哪些？', [
      [`${GF}#2.1.p6`, 0.96],
      [`${GF}#2.4.p3`, 0.9],
    ])!;
    expect(listed.sentences[0]!.passageId).toBe(`${GF}#2.1.p6`);
    expect(listed.decided).toBe(true);
  });
});

describe('the items of a block and of a section, one passage per point', () => {
  test('a 2021 paragraph belongs to its sub-section; a numbered point to its section', () => {
    expect(blockPoints(corpus, corpus.passage(`${GF}#2.6.p3`)!).map((p) => p.id)).toEqual([`${GF}#2.6.p1`, `${GF}#2.6.p2`, `${GF}#2.6.p3`, `${GF}#2.6.p4`]);
    expect(blockPoints(corpus, corpus.passage(`${PT}#4.15`)!).map((p) => p.id)).toEqual([`${PT}#4.14`, `${PT}#4.15`, `${PT}#4.16`]);
  });

  test('a long point split in parts counts once, by its first part', () => {
    const ids = askedPoints({ docId: HW, n: 4 }, corpus).map((p) => p.id);
    expect(ids).toEqual([`${HW}#4.19`, `${HW}#4.20~1`, `${HW}#4.21`]);
  });

  test('headed sub-sections are the items of a section that has no numbered points (2021 三、组织实施)', () => {
    expect(askedPoints({ docId: GF, n: 3 }, corpus).map((p) => p.id)).toEqual([`${GF}#3.1`, `${GF}#3.2`, `${GF}#3.3`, `${GF}#3.4`, `${GF}#3.5`]);
  });

  test('the last section, and a sub-section of a section, by position', () => {
    expect(askedPoints({ docId: GF, n: 'last' }, corpus).map((p) => p.id)).toEqual(askedPoints({ docId: GF, n: 3 }, corpus).map((p) => p.id));
    expect(askedPoints({ docId: GF, n: 2, sub: 6 }, corpus).map((p) => p.id)).toEqual([`${GF}#2.6.p1`, `${GF}#2.6.p2`, `${GF}#2.6.p3`, `${GF}#2.6.p4`]);
    expect(askedPoints({ docId: GF, n: 2, sub: 'last' }, corpus).map((p) => p.id)).toEqual(askedPoints({ docId: GF, n: 2, sub: 6 }, corpus).map((p) => p.id));
    expect(askedPoints({ docId: GF, n: 9 }, corpus)).toEqual([]);
  });
});

describe('a heading quoted before 部分 names its section, as an ordinal would', () => {
  test.each([
    ['普陀区2025年医政医管要点的“优服务”部分部署了哪几项工作？', { docId: PT, n: 3 }],
    ['沪府办发〔2021〕31号在“组织实施”部分提出了哪些保障措施？', { docId: GF, n: 3 }],
    ['公立医院高质量发展方案里「三医联动」那块有啥要求', { docId: GF, n: 2, sub: 4 }],
  ])('%s', (question, section) => {
    expect(namedSection(question, corpus, bm25)).toEqual(section);
  });

  test.each([
    // quoted words that no heading holds (a name inside a point's text)
    '普陀区2025年医政医管要点的“精神卫生服务年”部分讲了啥',
    // no document named: which document's heading is not known
    '“优服务”部分部署了哪几项工作？',
    // quoted words that are not followed by a part
    '普陀区2025年医政医管要点里“优服务”是啥意思',
  ])('must not: %s', (question) => {
    expect(namedSection(question, corpus, bm25)).toBeUndefined();
  });
});

describe('a list question names a part by what its heading says, before 部分, 方面 or 环节', () => {
  test.each([
    ['沪府办发〔2021〕31号在组织实施环节提出了哪些保障措施？', { docId: GF, n: 3 }],
    ['市政府办公厅的公立医院高质量发展实施方案中，“三医联动”外部治理方面有哪些改革举措？', { docId: GF, n: 2, sub: 4 }],
    ['2023年上海市卫生健康工作要点中，靠改革创新推动事业发展的部分列了哪几项重点工作？', { docId: HW, n: 3 }],
    // 医院高质量发展 is a run of the 2021 plan's title, and a topic in the 长宁 plan's words
    ['长宁计划里推动医院高质量发展那部分主要抓哪些事', { docId: CN, n: 3 }],
    ['普卫健医〔2025〕3号在严监管方面有哪几项任务？', { docId: PT, n: 4 }],
  ])('%s', (question, section) => {
    // Its items are quoted by the question's topic (described), not by their first sentences.
    expect(namedSection(question, corpus, bm25)).toEqual({ ...section, described: expect.any(String) });
  });

  test.each([
    ['2023年上海市医政医管工作要点在医疗质量安全监督管理方面，关于护理是怎么说的？', { docId: MA, n: 4, asks: '护理' }],
    ['长宁计划中医药能力提升那部分，中医药文化宣传方面有什么安排？', { docId: CN, n: 4, asks: '中医药文化宣传' }],
    ['沪府办发〔2021〕31号在整合型医疗服务体系那部分，对社区卫生服务提了什么要求？', { docId: GF, n: 2, sub: 1, asks: '社区卫生服务' }],
  ])('a subject asked inside the part (对, 关于, or a clause before 方面) is asked of its sentences: %s', (question, section) => {
    expect(namedSection(question, corpus, bm25)).toEqual({ ...section, askedInside: true });
  });

  test.each([
    // no document named
    '推动医院高质量发展那部分主要抓哪些事',
    // not a list question, and no subject asked inside the part
    '长宁计划里推动医院高质量发展那部分是谁牵头',
    // words no heading holds (a topic inside points)
    '2023年上海市医政医管工作要点在护理方面提出了哪些要求？',
    '普陀区2025年医政医管要点在儿科方面有哪些安排',
  ])('must not: %s', (question) => {
    expect(namedSection(question, corpus, bm25)).toBeUndefined();
  });
});

describe("a heading that shares a word of the topic does not outweigh the first point's own title", () => {
  test('做好继续教育工作 under headings that share only 继续 (继续抓实, 继续做好): the point leads, not the section in document order', () => {
    const ranking: Array<[string, number]> = [
      [`${CN}#5.3-2`, 1],
      [`${CN}#5.5`, 0.43],
      [`${CN}#5.2`, 0.38],
      [`${CN}#5.1`, 0.35],
    ];
    const cited = list('长宁区今年的继续教育工作有哪些安排？', ranking);
    expect(cited?.[0] ?? `${CN}#5.3-2`).toBe(`${CN}#5.3-2`);
  });
});

describe("a subject whose words one point alone holds is that point's, not its block's", () => {
  const ranking: Array<[string, number]> = [
    [`${PT}#3.11`, 1],
    [`${PT}#3.10`, 0.6],
    [`${PT}#1.1`, 0.4],
  ];
  test('免陪照护服务有何安排: the point that holds 免陪照护 leads; the part whose heading shares 服务 (三、优服务…) is not listed in its order', () => {
    const cited = list('普陀区今年对免陪照护服务有何安排？', ranking);
    expect(cited?.[0] ?? `${PT}#3.11`).toBe(`${PT}#3.11`);
  });
  test('must not: a topic of common words (改善就医体验) still names the part', () => {
    const cited = list('普陀25年要点里改善看病体验那一大块都有哪些事', ranking)!;
    expect(cited.length).toBeGreaterThan(2);
  });
});

describe('a list asked of several documents: the best points of each document', () => {
  const fever: Array<[string, number]> = [
    [`${MA}#1.3`, 1],
    [`${MA}#1.2`, 0.9],
    [`${MA}#2.7`, 0.8],
    [`${CN}#1.1`, 0.7],
    [`${HW}#1.3`, 0.6],
    [`${PT}#1.5`, 0.45],
    [`${HW}#2.8`, 0.4],
  ];
  test('几个文件里都咋说的: each document whose first point retrieval scored at least ACROSS_SCORE_SHARE of the first, the first point first', () => {
    const cited = list('发热门诊这事几个文件里都咋说的', fever, 3)!;
    expect(cited[0]).toBe(`${MA}#1.3`);
    // 普陀's point (0.45) is below the share; the others are not.
    expect(new Set(cited.map((id) => id.split('#')[0]))).toEqual(new Set([MA, CN, HW]));
    expect(cited.length).toBeLessThanOrEqual(MAX_LIST_POINTS);
  });

  test('a document scored half the first or more joins (ACROSS_SCORE_SHARE)', () => {
    const lower = fever.map(([id, score]): [string, number] => [id, id === `${CN}#1.1` ? 0.55 : score]);
    const cited = list('发热门诊这事几个文件里都咋说的', lower, 3)!;
    expect(new Set(cited.map((id) => id.split('#')[0]))).toEqual(new Set([MA, CN, HW]));
  });

  test.each([
    ['市里两份2023年要点里发热门诊都咋说的', true],
    ['市卫健委的两份工作要点对发热门诊分别有啥要求', true],
    ['发热门诊这事几个文件里都咋说的', true],
    ['2023年卫生健康工作要点里发热门诊咋说的', false], // one document
    ['两个社区要创示范站，要点里咋说的', false], // two of something else
    ['示范性社区康复中心，市里区里都怎么提的？', true], // the city and the districts, with no word between
    ['市里跟区里的文件都咋说', true],
    ['市里要求区里怎么做', false], // the city asking the districts, not both asked
  ])('documents counted by their kind (两份…要点) ask each of them: %s -> %s', (question, several) => {
    expect(asksOfSeveralDocuments(question)).toBe(several);
  });

  test("a second point of a document joins only when retrieval scored it nearly as high as that document's first; the point ranked first leads", () => {
    const cited = list(
      '发热门诊这事几个文件里都咋说的',
      [
        [`${MA}#2.7`, 1],
        [`${MA}#1.3`, 0.97],
        [`${MA}#1.2`, 0.9],
        [`${CN}#1.1`, 0.7],
        [`${HW}#1.3`, 0.65],
      ],
      3,
    )!;
    expect(cited[0]).toBe(`${MA}#2.7`);
    expect(cited).toContain(`${MA}#1.3`);
    expect(cited).not.toContain(`${MA}#1.2`);
    expect(cited.filter((id) => id.startsWith(MA))).toHaveLength(2);
  });

  test('asked in English (what do the documents say about …): the translated terms are listed across documents', () => {
    const centres: Array<[string, number]> = [
      [`${MA}#2.7`, 1],
      [`${HW}#2.8`, 0.78],
      [`${GF}#2.1.p2`, 0.77],
      [`${GF}#2.1.p3`, 0.74],
      [`${MA}#1.5`, 0.68],
    ];
    const terms = '区域性医疗中心 建设';
    const docs = (asked: string) => new Set((composeList(terms, ranked(terms, centres, 1), corpus, bm25, DEFAULT_EXTRACTIVE_TUNING, asked)?.sentences ?? []).map((s) => s.passageId.split('#')[0]));
    expect(docs('What do the documents say about building regional medical centres?')).toEqual(new Set([MA, HW, GF]));
    // The same terms asked of no documents in particular: not listed document by document.
    expect(docs('How should regional medical centres be built?').size).toBeLessThan(3);
  });

  test('市里文件咋说的: asked of the city documents, each document of them, not one point for the city', () => {
    const centres: Array<[string, number]> = [
      [`${HW}#2.8`, 1],
      [`${MA}#2.7`, 0.8],
      [`${HW}#2.9`, 0.75],
      [`${GF}#2.1.p2`, 0.45],
    ];
    // One point of each document, the first of each: HW's second point (0.75) is not nearly as high as its first.
    expect(list('区域性医疗中心怎么布点、按多少人口配一家，市里文件咋说的？', centres, 3)).toEqual([`${HW}#2.8`, `${MA}#2.7`]);
    // Asked of no documents, the list is not read document by document: HW's second point joins.
    expect(list('区域性医疗中心怎么布点、按多少人口配一家？', centres, 3)).toContain(`${HW}#2.9`);
  });

  test('市里 beside a district: each city document that speaks of the topic answers for itself, not one point for the city', () => {
    const ranking: Array<[string, number]> = [
      [`${CN}#2.3`, 1],
      [`${HW}#4.21`, 0.9],
      [`${MA}#4.15`, 0.8],
      [`${CN}#3.1`, 0.5],
    ];
    const scoped = (q: string) => composeList(q, { ...ranked(q, ranking, 4), scopeGroups: [[GF, HW, MA], [CN]] }, corpus, bm25, DEFAULT_EXTRACTIVE_TUNING)!.sentences.map((s) => s.passageId);
    expect(scoped('示范性社区康复中心，市里跟长宁都是咋安排的')).toEqual(expect.arrayContaining([`${CN}#2.3`, `${HW}#4.21`, `${MA}#4.15`]));
    // must not: a city document named by its title is the city's scope, one point for it, and the city's others are not asked.
    const titled = scoped('示范性社区康复中心，市医政医管工作要点跟长宁分别咋安排的');
    expect(titled.filter((id) => id.startsWith(HW) || id.startsWith(MA))).toEqual([`${MA}#4.15`]);
  });

  test('two city documents named by title beside districts: each answers for itself', () => {
    const ranking: Array<[string, number]> = [
      [`${HW}#2.15`, 1],
      [`${PT}#1.4`, 0.9],
      [`${CN}#5.2`, 0.85],
      [`${MA}#4.19`, 0.8],
      [`${GF}#2.1.p1`, 0.75],
    ];
    const q = '2023年市卫健工作要点、市医政要点以及长宁、普陀的文件中，对口支援工作分别有哪些安排？';
    const cited = composeList(q, { ...ranked(q, ranking, 5), scopeGroups: [[GF, HW, MA], [CN], [PT]] }, corpus, bm25, DEFAULT_EXTRACTIVE_TUNING)!.sentences.map((s) => s.passageId);
    expect(cited).toEqual(expect.arrayContaining([`${HW}#2.15`, `${MA}#4.19`, `${CN}#5.2`, `${PT}#1.4`]));
    expect(cited).not.toContain(`${GF}#2.1.p1`); // the city document not named is not asked
  });

  test('a document named in words that fit no one title (实施方案) keeps the scope’s other documents asked, together', () => {
    const ranking: Array<[string, number]> = [
      [`${HW}#2.13`, 1],
      [`${CN}#5.1`, 0.98],
      [`${GF}#2.2.p2`, 0.8],
    ];
    const q = '实施方案、市卫健要点和长宁计划在临床研究与科研管理方面分别有哪些部署？';
    const cited = composeList(q, { ...ranked(q, ranking, 3), scopeGroups: [[GF, HW, MA], [CN]] }, corpus, bm25, DEFAULT_EXTRACTIVE_TUNING)!.sentences.map((s) => s.passageId);
    expect(cited).toEqual(expect.arrayContaining([`${HW}#2.13`, `${CN}#5.1`, `${GF}#2.2.p2`]));
  });

  test('must not fire: asked across documents, but only one document speaks of the topic', () => {
    expect(
      list('互联网医院几个文件里都咋说的', [
        [`${MA}#3.14`, 1],
        [`${CN}#1.1`, 0.2],
      ]),
    ).toBeUndefined();
  });

  test('a preamble retrieval ranked first does not lead a list across documents: the best item chosen does (各自有哪些要求)', () => {
    const ranking: Array<[string, number]> = [
      [`${PT}#0`, 1],
      [`${CN}#5.3`, 0.86],
      [`${MA}#0`, 0.823],
      [`${PT}#3.11`, 0.805],
      [`${PT}#1.4`, 0.781],
      [`${CN}#5.5`, 0.773],
      [`${MA}#2.9`, 0.6],
    ];
    // The three documents named are the scopes asked about, as retrieval reads them.
    const q = '护理工作方面，市医政医管要点、普陀和长宁各自有哪些要求';
    const scoped = (points: Array<[string, number]>) =>
      composeList(q, { ...ranked(q, points, 5), scopeGroups: [[MA], [PT], [CN]] }, corpus, bm25, DEFAULT_EXTRACTIVE_TUNING)!.sentences.map((s) => s.passageId);
    const cited = scoped(ranking);
    expect(cited[0]).toBe(`${CN}#5.3`);
    expect(cited).not.toContain(`${PT}#0`);
    // must not: an item ranked first still leads.
    expect(scoped([[`${PT}#3.11`, 1], ...ranking.slice(1)])[0]).toBe(`${PT}#3.11`);
  });
});
