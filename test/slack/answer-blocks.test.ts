import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/answer/create-pipeline.js';
import type { Answer } from '../../src/answer/types.js';
import type { Citation } from '../../src/core/types.js';
import { answerMessage, feedbackValue, LOW_CONFIDENCE_NOTE, MISSING_NOTES } from '../../src/slack/answer-blocks.js';
import { passageModal } from '../../src/slack/passage-modal.js';
import { seedPipeline } from '../support/seed-pipeline.js';
import { validateMessageBlocks, validateModal } from './support/validate-blocks.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await seedPipeline();
});

type Blocks = Array<Record<string, any>>;

function citation(overrides: Partial<Citation> = {}): Citation {
  return {
    id: 'doc#1.1',
    docNumber: '沪卫发〔2023〕2号',
    title: '2023年上海市卫生健康工作要点',
    issuer: '上海市卫生健康委员会',
    date: '2023-02-21',
    path: ['一、', '1'],
    label: '第一部分第1条',
    text: '全文。',
    score: 1,
    quote: '引文。',
    ...overrides,
  };
}

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    answerId: '6f1c2a4e-0000-4000-8000-000000000001',
    question: '问题？',
    answer: '回答[1]。',
    mode: 'extractive',
    abstained: false,
    citations: [citation()],
    nearest: [],
    retrievedIds: ['doc#1.1'],
    ...overrides,
  };
}

describe('answerMessage', () => {
  it('escapes the notification text too: an answer holding <!channel> or <@U1> pings no one', () => {
    const message = answerMessage(answer({ answer: '请 <!channel> 注意 <@U123> & 其他[1]。' }));
    expect(message.text).toBe('请 &lt;!channel&gt; 注意 &lt;@U123&gt; &amp; 其他[1]。');
    expect(JSON.stringify(message.blocks)).not.toContain('<!channel>');
  });

  it('every answer to the eval questions fits Slack (real pipeline, real corpus)', async () => {
    const cases = readFileSync(join(import.meta.dirname, '../../evals/cases.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { question: string });
    expect(cases.length).toBeGreaterThan(100);
    for (const { question } of cases) {
      for (const ephemeral of [false, true]) {
        const message = answerMessage(await pipeline.answerer.answer(question), { ephemeral });
        expect(validateMessageBlocks(message.blocks, message.text), question).toEqual([]);
      }
    }
  });

  it('lays out the answer, then one section per citation with title, 文号, label, date, quote and a 查看全文 button', () => {
    const a = answer({ answer: '甲[1]；乙[2]。', citations: [citation(), citation({ id: 'doc#2.8', label: '第二部分第8条', quote: '乙引文。' })] });
    const blocks = answerMessage(a).blocks as Blocks;
    expect(blocks.map((b) => b.type)).toEqual(['section', 'section', 'section', 'actions']);
    expect(blocks[0]!.text.text).toBe('甲[1]；乙[2]。');
    expect(blocks[2]!.text.text).toBe('*[2]* 《2023年上海市卫生健康工作要点》（沪卫发〔2023〕2号）第二部分第8条 · 2023年2月21日\n>乙引文。');
    expect(blocks[2]!.block_id).toBe('cite:2:doc#2.8');
    expect(blocks[2]!.accessory).toMatchObject({ action_id: 'open_passage:2', value: 'doc#2.8' });
    expect(blocks[3]!.elements.map((e: { action_id: string }) => e.action_id)).toEqual(['feedback_up', 'feedback_down']);
  });

  it('trims a long answer and a long quote at a code-point boundary, with a note pointing to the full passage', () => {
    // 2,999 units then an emoji: the limit falls inside the surrogate pair.
    const long = `${'政'.repeat(2999)}😀${'策'.repeat(100)}`;
    const message = answerMessage(answer({ answer: long, citations: [citation({ quote: `${'引'.repeat(599)}😀尾` })] }));
    expect(validateMessageBlocks(message.blocks, message.text)).toEqual([]);
    const blocks = message.blocks as Blocks;
    expect(blocks[0]!.text.text.endsWith('…')).toBe(true);
    expect(blocks[1]!.text.text.endsWith('…')).toBe(true);
    expect(JSON.stringify(blocks)).toContain('引文较长，已截断；点「查看全文」阅读完整条文。');
  });

  it('keeps to 50 blocks however many citations there are, and says how many were left out', () => {
    const many = Array.from({ length: 60 }, (_, i) => citation({ id: `doc#${i}`, label: `第${i}条` }));
    const message = answerMessage(answer({ citations: many }), { ephemeral: true, askedBy: 'U1' });
    expect(validateMessageBlocks(message.blocks, message.text)).toEqual([]);
    const blocks = message.blocks as Blocks;
    expect(blocks.length).toBeLessThanOrEqual(50);
    const shown = blocks.filter((b) => String(b.block_id).startsWith('cite:')).length;
    expect(JSON.stringify(blocks)).toContain(`另有 ${60 - shown} 条引用未能显示`);
    expect(message.metadata.event_payload.cited).toHaveLength(60);
  });

  it('keeps the whole message under about 12,000 characters of text (Slack: msg_too_long), saying how many citations were left out', () => {
    const long = '第二部分第8条规定，推进本市区域性医疗中心服务能力标准化建设。'.repeat(30);
    const many = Array.from({ length: 30 }, (_, i) => citation({ id: `doc#${i}`, label: `第${i}条`, quote: long, text: long }));
    const message = answerMessage(answer({ answer: '回答。'.repeat(1000), citations: many }), { ephemeral: true, askedBy: 'U1' });
    expect(validateMessageBlocks(message.blocks, message.text)).toEqual([]);
    // Counted here independently: every text object Slack renders.
    const texts: string[] = [];
    JSON.stringify(message.blocks, (key, value) => {
      if (key === 'text' && typeof value === 'string') texts.push(value);
      return value;
    });
    expect(texts.join('').length).toBeLessThanOrEqual(12_000);
    const shown = (message.blocks as Blocks).filter((b) => String(b.block_id).startsWith('cite:')).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(30);
    expect(JSON.stringify(message.blocks)).toContain(`另有 ${30 - shown} 条引用未能显示`);
  });

  it('escapes mrkdwn control characters from the corpus and the question', () => {
    const message = answerMessage(answer({ question: '<!channel> & <@U1>', answer: 'a < b & c > d[1]', citations: [citation({ title: 'A&B<script>' })] }), { askedBy: 'U2' });
    // What Slack renders (button values are data, not shown).
    const rendered = (message.blocks as Blocks).flatMap((b) => [b.text?.text, ...(b.type === 'context' ? b.elements.map((e: { text: string }) => e.text) : [])]).join('\n');
    expect(rendered).toContain('a &lt; b &amp; c &gt; d[1]');
    expect(rendered).toContain('A&amp;B&lt;script&gt;');
    expect(rendered).toContain('<@U2> 问：&lt;!channel&gt; &amp; &lt;@U1&gt;');
    expect(rendered).not.toContain('<!channel>');
  });

  it('an abstention shows the reason and at most three nearest points, marked as not evidence', () => {
    const nearest = Array.from({ length: 5 }, (_, i) => citation({ id: `n#${i}`, quote: undefined, text: '近似条目'.repeat(100) }));
    const message = answerMessage(answer({ abstained: true, answer: '未在现有文件中找到这个问题的答案。', citations: [], nearest }));
    expect(validateMessageBlocks(message.blocks, message.text)).toEqual([]);
    const blocks = message.blocks as Blocks;
    expect(blocks[1]!.elements[0].text).toBe('最接近的条目（仅供参考，不作为依据）：');
    expect(blocks.filter((b) => b.accessory).map((b) => b.accessory.value)).toEqual(['n#0', 'n#1', 'n#2']);
    expect(message.metadata.event_payload).toMatchObject({ abstained: true, cited: [] });
  });

  it('a low-confidence answer (real pipeline) is marked 仅供参考 above its text; a confident one is not', async () => {
    const low = await pipeline.answerer.answer('护士夜班补贴有规定吗？');
    const high = await pipeline.answerer.answer('区域性医疗中心按多少人口配置一家？');
    expect([low.confidence, high.confidence]).toEqual(['low', 'high']);
    const [lowBlocks, highBlocks] = [answerMessage(low).blocks as Blocks, answerMessage(high).blocks as Blocks];
    expect(validateMessageBlocks(lowBlocks, low.answer)).toEqual([]);
    expect(lowBlocks[0]!.elements[0].text).toBe(LOW_CONFIDENCE_NOTE);
    expect(JSON.stringify(highBlocks)).not.toContain('仅供参考*');
  });

  it('an answer that says what the documents do not give (missing) is marked with that, not the generic note', async () => {
    const missing = await pipeline.answerer.answer('春昇杯医学创新人才大赛一等奖奖金多少？');
    expect(missing.missing).toBe('figure');
    const blocks = answerMessage(missing).blocks as Blocks;
    expect(validateMessageBlocks(blocks, missing.answer)).toEqual([]);
    expect(blocks[0]!.elements[0].text).toBe(MISSING_NOTES.figure);
    expect(JSON.stringify(blocks)).not.toContain(LOW_CONFIDENCE_NOTE);
  });

  it.each([
    ['按人头付费，每个人头的钱是怎么算出来的？', 'method'],
    ['临时接种点都设在哪儿啊？', 'place'],
    ['普陀提出的“穿透式”监管具体是什么含义？', 'meaning'],
  ] as const)('a method, place or meaning not given is marked as such: %s', async (question, kind) => {
    const missing = await pipeline.answerer.answer(question);
    expect(missing.missing).toBe(kind);
    const blocks = answerMessage(missing).blocks as Blocks;
    expect(validateMessageBlocks(blocks, missing.answer)).toEqual([]);
    expect(blocks[0]!.elements[0].text).toBe(MISSING_NOTES[kind]);
  });
});

describe('feedbackValue', () => {
  it.each([
    ['a short question', '问题？'],
    ['a 2,000-character question', '问'.repeat(2000)],
    ['quotes and newlines that JSON escapes', '"\\\n'.repeat(900)],
    ['control characters JSON escapes six-fold', '\u0001'.repeat(1500)],
  ])('fits %s into 2,000 characters as JSON', (_name, question) => {
    const value = feedbackValue('6f1c2a4e-0000-4000-8000-000000000001', question);
    expect(value.length).toBeLessThanOrEqual(2000);
    const parsed = JSON.parse(value) as { a: string; q: string };
    expect(parsed.a).toBe('6f1c2a4e-0000-4000-8000-000000000001');
    expect(question.startsWith(parsed.q.replace(/…$/, ''))).toBe(true);
  });
});

describe('passageModal', () => {
  it('every passage of the corpus opens in a valid modal that shows its whole text', () => {
    for (const passage of pipeline.corpus.passages) {
      const view = passageModal(pipeline.corpus, passage.id);
      expect(validateModal(view), passage.id).toEqual([]);
      const shown = (view.blocks as Blocks)
        .filter((b) => b.type === 'section')
        .map((b) => b.text.text)
        .join('');
      expect(shown).toBe(passage.text);
    }
  });
});
