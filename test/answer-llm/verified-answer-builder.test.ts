import { describe, expect, it } from 'vitest';
import { takeSentences } from '../../src/answer/llm/split-answer.js';
import { VerifiedAnswerBuilder, type BuildOutcome } from '../../src/answer/llm/verified-answer-builder.js';
import { seedCorpus } from '../support/seed-pipeline.js';

const corpus = seedCorpus();
const passages = [
  corpus.citation('2023-shanghai-medical-administration-priorities#2.7', 0.9),
  corpus.citation('2023-shanghai-health-work-priorities#2.8', 0.8),
  corpus.citation('2021-shanghai-public-hospital-high-quality-development-plan#2.1.p3', 0.7),
];

function build(output: string): { shown: string[]; outcome: BuildOutcome } {
  const builder = new VerifiedAnswerBuilder(passages);
  const shown: string[] = [];
  for (const s of takeSentences(output, true).sentences) {
    const piece = builder.add(s);
    if (piece !== undefined) shown.push(piece);
  }
  return { shown, outcome: builder.finish() };
}

describe('VerifiedAnswerBuilder', () => {
  it('renumbers markers to the passages cited, in the order first cited', () => {
    const { outcome } = build('本市要「实现每30-50万人口配置一家区域性医疗中心」[2]。并要「构建“管理、责任、利益、服务”共同体」[3]。再看「实现每30-50万人口配置一家区域性医疗中心」[2]。');
    expect(outcome.kind).toBe('answer');
    if (outcome.kind !== 'answer') return;
    expect(outcome.mode).toBe('llm');
    expect(outcome.text).toBe('本市要「实现每30-50万人口配置一家区域性医疗中心」[1]。并要「构建“管理、责任、利益、服务”共同体」[2]。再看「实现每30-50万人口配置一家区域性医疗中心」[1]。');
    expect(outcome.citations.map((c) => c.id)).toEqual([passages[1]!.id, passages[2]!.id]);
    expect(outcome.citations.map((c) => c.quote)).toEqual(['实现每30-50万人口配置一家区域性医疗中心', '构建“管理、责任、利益、服务”共同体']);
  });

  it('quotes the closest sentence of a passage cited without a quote, verbatim', () => {
    const { outcome } = build('各区要落实区域性医疗中心建设，由市里指导、监督和评估[1]。');
    if (outcome.kind !== 'answer') throw new Error(outcome.reason);
    const quote = outcome.citations[0]!.quote!;
    expect(passages[0]!.text).toContain(quote);
    expect(quote).toContain('指导、监督和评估');
  });

  it('holds a lead-in until a verified claim follows, and keeps list lines', () => {
    const { shown, outcome } = build('根据现有文件：\n1. 要「完善区域性医疗中心布局」[1]\n2. 要「编造的内容」[2]\n3. 要「创新分级诊疗协同机制」[3]');
    if (outcome.kind !== 'answer') throw new Error(outcome.reason);
    expect(shown).toEqual(['根据现有文件：\n1. 要「完善区域性医疗中心布局」[1]', '\n3. 要「创新分级诊疗协同机制」[2]']);
    expect(outcome.text).toBe(shown.join(''));
    expect(outcome.mode).toBe('llm-repaired');
    expect(outcome.notice).toContain('1句');
    expect(outcome.text).not.toContain('编造');
  });

  it('drops a trailing lead-in and keeps a closing not-found sentence', () => {
    const { outcome } = build('要「完善区域性医疗中心布局」[1]。未在现有文件中找到具体数量。具体如下：');
    if (outcome.kind !== 'answer') throw new Error(outcome.reason);
    expect(outcome.tail).toBe('未在现有文件中找到具体数量。');
    expect(outcome.text).toBe('要「完善区域性医疗中心布局」[1]。未在现有文件中找到具体数量。');
    expect(outcome.mode).toBe('llm');
  });

  it.each([
    { output: '', reason: 'empty-output' },
    { output: '  \n ', reason: 'empty-output' },
    { output: '未在现有文件中找到。', reason: 'model-abstained' },
    { output: '区域性医疗中心很重要，应当加强建设。', reason: 'no-verified-claim' },
    { output: '要「每10万人口配置三家」[2]。', reason: 'no-verified-claim' },
    { output: '根据现有文件：', reason: 'no-verified-claim' },
  ])('falls back on $reason: "$output"', ({ output, reason }) => {
    const { shown, outcome } = build(output);
    expect(shown).toEqual([]);
    expect(outcome).toMatchObject({ kind: 'fallback', reason });
  });
});
