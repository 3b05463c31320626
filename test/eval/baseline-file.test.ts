import { describe, expect, test } from 'vitest';
import { type Baseline, baselineSchema, formatBaseline } from '../../src/eval/compare-baseline.js';

const point = { id: 'doc#1.2', docNumber: '沪卫发〔2023〕2号', label: '第一部分第2条', text: '加强重点人群疫情防控。' };
const other = { id: 'doc#2.8', docNumber: '沪卫发〔2023〕2号', label: '第二部分第8条', text: '实现每30-50万人口配置一家区域性医疗中心。' };
const baseline: Baseline = baselineSchema.parse({
  recordedAt: '2026-12-06T00:00:00.000Z',
  metrics: { answeredCorrectly: 0.9 },
  gold: { a: [point], b: [point, other], c: [other] },
  cases: { a: { rank: 1, abstained: false, factRecall: 1 } },
});

describe('the baseline file', () => {
  test('stores each gold point once, each case naming its points, and reads back as it was', () => {
    const text = formatBaseline(baseline);
    const stored = JSON.parse(text) as { goldPoints: Record<string, unknown>; gold: Record<string, string[]> };
    expect(Object.keys(stored.goldPoints)).toEqual(['doc#1.2', 'doc#2.8']);
    expect(stored.gold).toEqual({ a: ['doc#1.2'], b: ['doc#1.2', 'doc#2.8'], c: ['doc#2.8'] });
    expect(text.split(point.text)).toHaveLength(2); // the shared point's text, once
    expect(baselineSchema.parse(JSON.parse(text))).toEqual(baseline);
    expect(text.endsWith('}\n')).toBe(true);
  });

  test('a baseline written before, with the gold points in full per case, reads the same', () => {
    const legacy = { ...baseline, gold: { a: [point], b: [point, other], c: [other] } };
    expect(baselineSchema.parse(JSON.parse(JSON.stringify(legacy)))).toEqual(baseline);
  });

  test('one recorded without gold points is written as it is', () => {
    const { gold: _gold, ...bare } = baseline;
    expect(JSON.parse(formatBaseline(bare))).toEqual(JSON.parse(JSON.stringify(bare)));
  });
});
