import { describe, expect, test } from 'vitest';
import { resolveGold } from '../../src/eval/resolve-gold.js';
import { evalCaseSchema } from '../../src/eval/eval-case.js';
import { seedCorpus } from '../support/seed-pipeline.js';

const corpus = seedCorpus();
const caseFor = (doc: string, anchor: string) => evalCaseSchema.parse({ id: 'x', question: 'q', kind: 'paraphrase', gold: [{ doc, anchor }] });

describe('resolveGold', () => {
  test('an anchor in a point resolves to that point', () => {
    const r = resolveGold(caseFor('沪卫医〔2023〕32号', '重症床位和可转换重症床位要达到总床位数的 20%'), corpus);
    expect(r.missing).toEqual([]);
    expect(r.pointIds[0]).toEqual(['2023-shanghai-medical-administration-priorities#1.5']);
  });

  test('an anchor found only in a section heading resolves to every point of that section', () => {
    const section = corpus.passages.find((p) => p.docId === '2023-shanghai-medical-administration-priorities' && p.section === 2 && p.kind === 'point')!;
    const heading = section.path[0]!.replace(/^[一二三四五六七八九十]+、/, '').slice(0, 10);
    const r = resolveGold(caseFor('沪卫医〔2023〕32号', heading), corpus);
    expect(r.missing).toEqual([]);
    const points = [...new Set(corpus.passages.filter((p) => p.docId === section.docId && p.section === 2 && p.kind === 'point').map((p) => p.pointId))];
    expect(r.pointIds[0]!.sort()).toEqual(points.sort());
  });

  test('an anchor in a sub-section heading resolves to that sub-section only, not its whole section', () => {
    const doc = '2021-shanghai-public-hospital-high-quality-development-plan';
    const sub = corpus.passages.find((p) => p.docId === doc && p.kind === 'paragraph' && p.path.length >= 2 && p.path[1]!.includes('打造科创引领'))!;
    const r = resolveGold(caseFor('沪府办发〔2021〕31号', '打造科创引领的产学研一体化发展新趋势'), corpus);
    expect(r.missing).toEqual([]);
    const inSub = [...new Set(corpus.passages.filter((p) => p.docId === doc && p.path[1] === sub.path[1]).map((p) => p.pointId))];
    expect(r.pointIds[0]!.sort()).toEqual(inSub.sort());
    // The section above holds other sub-sections; none of their paragraphs is gold.
    expect(corpus.passages.some((p) => p.docId === doc && p.path[0] === sub.path[0] && p.path[1] !== sub.path[1])).toBe(true);
  });

  test('an anchor found nowhere is missing (the case is stale)', () => {
    expect(resolveGold(caseFor('沪卫医〔2023〕32号', '这句话不在任何文件里出现'), corpus).missing).toEqual(['这句话不在任何文件里出现']);
  });
});
