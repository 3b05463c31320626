import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../src/answer/llm/answer-prompts.js';
import { buildMessages, formatHistory } from '../../src/answer/llm/build-messages.js';
import { seedCorpus } from '../support/seed-pipeline.js';

const corpus = seedCorpus();
const cited = corpus.citation('2023-shanghai-health-work-priorities#2.8', 1);

describe('formatHistory', () => {
  it('says there is none', () => {
    expect(formatHistory(undefined)).toBe('（无）');
    expect(formatHistory([])).toBe('（无）');
  });

  it('keeps the last three turns, drops old markers and names the points each turn cited', () => {
    const turns = ['一', '二', '三', '四'].map((q) => ({ question: `问题${q}`, answer: `回答${q}[1][2]。`, citations: [cited] }));
    const text = formatHistory(turns);
    expect(text).not.toContain('问题一');
    expect(text).toContain('第3轮 问：问题四');
    expect(text).not.toMatch(/\[\d\]/);
    expect(text).toContain(`第1条 《${cited.title}》${cited.label}`);
  });

  it('cuts a long previous answer', () => {
    const text = formatHistory([{ question: '问', answer: '长'.repeat(1000) }]);
    expect(text.length).toBeLessThan(400);
    expect(text).toContain('…');
  });
});

describe('fillTemplate / buildMessages', () => {
  it('fills each placeholder once and never re-reads what it filled in', () => {
    expect(fillTemplate('{{passages}}|{{question}}|{{history}}', { passages: '含{{question}}的条目', history: 'h', question: 'q' })).toBe('含{{question}}的条目|q|h');
  });

  it('makes a system message from the system prompt and a user message with the numbered passages', () => {
    const [system, user] = buildMessages({ system: '系统', user: '{{passages}}\n{{history}}\n{{question}}' }, [cited], '问什么？', undefined);
    expect(system!.content).toBe('系统');
    expect(system!.getType()).toBe('system');
    expect(user!.getType()).toBe('human');
    expect(user!.content).toBe(`[1] 《${cited.title}》（${cited.docNumber}）${cited.label}｜${cited.issuer} 2023年2月21日印发\n${cited.text}\n（无）\n问什么？`);
  });
});
