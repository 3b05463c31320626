import { describe, expect, it } from 'vitest';
import { verifySentence, type FailureReason, type SentenceKind } from '../../src/answer/llm/verify-sentence.js';
import { seedCorpus } from '../support/seed-pipeline.js';

// Real passages: [1] uses Chinese punctuation and ASCII digits; [2] (the 2021 plan) ASCII
// punctuation, `.` as full stop and nested “” quotes; [3] cites other documents by 文号 in «»;
// [4] is the 2023 medical-administration point on regional medical centres.
const corpus = seedCorpus();
const passages = [
  corpus.citation('2023-shanghai-health-work-priorities#2.8', 1),
  corpus.citation('2021-shanghai-public-hospital-high-quality-development-plan#2.1.p3', 1),
  corpus.citation('2021-shanghai-public-hospital-high-quality-development-plan#0', 1),
  corpus.citation('2023-shanghai-medical-administration-priorities#2.7', 1),
];

interface Row {
  name: string;
  sentence: string;
  kind: SentenceKind;
  ok: boolean;
  reason?: FailureReason;
  /** The exact original spans the verified quotes must come back as, with their passage. */
  quotes?: Array<[number, string]>;
}

const rows: Row[] = [
  { name: 'exact quote', sentence: '本市要「实现每30-50万人口配置一家区域性医疗中心」[1]。', kind: 'claim', ok: true, quotes: [[1, '实现每30-50万人口配置一家区域性医疗中心']] },
  { name: 'full-width digits in the quote', sentence: '本市要「实现每３０-５０万人口配置一家区域性医疗中心」[1]。', kind: 'claim', ok: true, quotes: [[1, '实现每30-50万人口配置一家区域性医疗中心']] },
  { name: 'full-width digits in the marker', sentence: '本市要「实现每30-50万人口配置一家区域性医疗中心」［１］。', kind: 'claim', ok: true, quotes: [[1, '实现每30-50万人口配置一家区域性医疗中心']] },
  { name: 'whitespace inside the quote', sentence: '本市要“实现每 30-50 万人口配置一家区域性医疗中心”[1]。', kind: 'claim', ok: true, quotes: [[1, '实现每30-50万人口配置一家区域性医疗中心']] },
  {
    name: 'Chinese commas against a passage written with ASCII commas',
    sentence: '方案要求「强化资源整合，构建“管理、责任、利益、服务”共同体」[2]。',
    kind: 'claim',
    ok: true,
    quotes: [[2, '强化资源整合,构建“管理、责任、利益、服务”共同体']],
  },
  {
    name: 'quote spanning two sentences of the passage',
    sentence: '文件写道「提高危重疑难病症诊疗水平。二是推进本市区域性医疗中心服务能力标准化建设」[1]。',
    kind: 'claim',
    ok: true,
    quotes: [[1, '提高危重疑难病症诊疗水平。二是推进本市区域性医疗中心服务能力标准化建设']],
  },
  { name: 'nested quotes in another style than the source', sentence: '要「构建『管理、责任、利益、服务』共同体」[2]。', kind: 'claim', ok: true, quotes: [[2, '构建“管理、责任、利益、服务”共同体']] },
  { name: 'ASCII double quotes', sentence: '要"实现每30-50万人口配置一家区域性医疗中心"[1]。', kind: 'claim', ok: true, quotes: [[1, '实现每30-50万人口配置一家区域性医疗中心']] },
  { name: 'quote found in the second of two cited passages', sentence: '两份文件分别要求「创新分级诊疗协同机制」[1][2]。', kind: 'claim', ok: true, quotes: [[2, '创新分级诊疗协同机制']] },
  { name: 'marker group [1, 2]', sentence: '两份文件分别要求「创新分级诊疗协同机制」[1, 2]。', kind: 'claim', ok: true, quotes: [[2, '创新分级诊疗协同机制']] },
  { name: 'paraphrase with a marker and numbers from the passage', sentence: '每30至50万人口配置一家区域性医疗中心[1]。', kind: 'claim', ok: true },
  { name: 'source phrase with the cited title, 文号 and label', sentence: '根据《2023年上海市卫生健康工作要点》（沪卫发〔2023〕2号）第二部分第8条，要打造一批医疗中心[1]。', kind: 'claim', ok: true },
  { name: '文号 written with square brackets', sentence: '根据沪卫发[2023]2号，要打造一批医疗中心[1]。', kind: 'claim', ok: true },
  { name: 'a document the passage itself names', sentence: '方案依据«国务院办公厅关于推动公立医院高质量发展的意见»(国办发〔2021〕18号)制定[3]。', kind: 'claim', ok: true },
  { name: 'connective lead-in', sentence: '根据现有文件：', kind: 'connective', ok: true },
  { name: 'connective naming a given document', sentence: '根据《2023年上海市卫生健康工作要点》：', kind: 'connective', ok: true },
  { name: 'connective with 文号 and label', sentence: '根据《2023年上海市卫生健康工作要点》（沪卫发〔2023〕2号）第二部分第8条：', kind: 'connective', ok: true },
  { name: 'connective 具体如下', sentence: '具体如下：', kind: 'connective', ok: true },
  { name: 'paraphrase worded as in the cited passage', sentence: '各区要落实区域性医疗中心建设，由市里进行指导、监督和评估[4]。', kind: 'claim', ok: true },
  { name: 'not found', sentence: '未在现有文件中找到。', kind: 'not-found', ok: true },
  { name: 'partly not found', sentence: '关于2026年的安排，未在现有文件中找到。', kind: 'not-found', ok: true },
  { name: 'markers only', sentence: '[1]', kind: 'empty', ok: true },

  { name: 'fabricated wording inside the quote', sentence: '本市要「实现每10万人口配置三家区域性医疗中心」[1]。', kind: 'claim', ok: false, reason: 'quote-not-in-cited-passage' },
  { name: 'one changed character', sentence: '本市要「实现每30-50万人口设置一家区域性医疗中心」[1]。', kind: 'claim', ok: false, reason: 'quote-not-in-cited-passage' },
  { name: 'true quote cited to the wrong passage', sentence: '要「构建“管理、责任、利益、服务”共同体」[1]。', kind: 'claim', ok: false, reason: 'quote-not-in-cited-passage' },
  { name: 'two quotes, the second fabricated', sentence: '要「打造一批国内领先」并「每年新增十家医学中心」[1]。', kind: 'claim', ok: false, reason: 'quote-not-in-cited-passage' },
  { name: 'empty quote', sentence: '文件说「」[1]。', kind: 'claim', ok: false, reason: 'quote-not-in-cited-passage' },
  { name: 'marker to a passage not given', sentence: '要打造一批医疗中心[7]。', kind: 'claim', ok: false, reason: 'marker-out-of-range' },
  { name: 'marker [0]', sentence: '要打造一批医疗中心[0]。', kind: 'claim', ok: false, reason: 'marker-out-of-range' },
  { name: 'claim without a marker', sentence: '区域性医疗中心按每30-50万人口配置一家。', kind: 'claim', ok: false, reason: 'claim-without-marker' },
  {
    name: 'long lead-in is a claim',
    sentence: '本市要求各区政府落实区域性医疗中心建设，并由市级医院给予支撑，同时还要做好分级诊疗和社区卫生服务能级提升工作，具体如下：',
    kind: 'claim',
    ok: false,
    reason: 'claim-without-marker',
  },
  { name: 'quote in a not-found sentence', sentence: '未在现有文件中找到「打造一批」。', kind: 'not-found', ok: false, reason: 'quote-without-marker' },
  { name: 'a claim after a not-found statement', sentence: '未在现有文件中找到明确规定，但一般认为每家医院应配置医生。', kind: 'claim', ok: false, reason: 'claim-without-marker' },
  { name: 'a claim dressed as a lead-in', sentence: '医院须配10名医生：', kind: 'claim', ok: false, reason: 'claim-without-marker' },
  { name: 'paraphrase worded outside the cited passage', sentence: '区域性医疗中心由各区医保局负责考核[4]。', kind: 'claim', ok: false, reason: 'claim-not-in-cited-passage' },
  {
    name: 'a verified quote with an invented clause beside it',
    sentence: '文件要求「打造一批国内领先」，各区还须新建医院并由医保局年度考核[1]。',
    kind: 'claim',
    ok: false,
    reason: 'claim-not-in-cited-passage',
  },
  { name: 'title of a document that was not cited', sentence: '根据《2023年长宁区医疗工作计划》，要打造一批医疗中心[1]。', kind: 'claim', ok: false, reason: 'source-not-cited' },
  { name: '文号 of a document that was not cited', sentence: '根据长卫健发〔2023〕20号，要打造一批医疗中心[1]。', kind: 'claim', ok: false, reason: 'source-not-cited' },
  { name: 'connective naming a document not given', sentence: '根据《北京市医疗卫生服务体系规划》：', kind: 'connective', ok: false, reason: 'source-not-cited' },
  { name: 'number not in the cited passage', sentence: '每20万人口配置一家区域性医疗中心[1]。', kind: 'claim', ok: false, reason: 'number-not-in-cited-passage' },
  { name: 'unbalanced quote', sentence: '本市要「实现每30-50万人口配置一家[1]。', kind: 'claim', ok: false, reason: 'unbalanced-quote' },
];

describe('verifySentence', () => {
  it.each(rows)('$name', ({ sentence, kind, ok, reason, quotes }) => {
    const check = verifySentence(sentence, passages);
    expect({ kind: check.kind, ok: check.ok, reason: check.reason }).toEqual({ kind, ok, reason });
    if (quotes) {
      expect(check.quotes.map((q) => [q.passage, q.text])).toEqual(quotes);
      // What is returned as a quote is always an exact span of the passage, whatever the model wrote.
      for (const q of check.quotes) expect(passages[q.passage - 1]!.text).toContain(q.text);
    }
  });
});

describe('verifySentence: 文号 of a different issuer with the same year and number', () => {
  it('is not taken for the cited one', () => {
    expect(verifySentence('根据普卫发〔2023〕2号，要打造一批医疗中心[1]。', passages).reason).toBe('source-not-cited');
  });
});
