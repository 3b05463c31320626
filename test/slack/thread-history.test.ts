import { describe, expect, it } from 'vitest';
import { compareTs, questionText, threadHistory, type ThreadMessage } from '../../src/slack/thread-history.js';

const bot = { botId: 'BBOT', botUserId: 'UBOT' };
const answer = (ts: string, question: string | undefined, ids: string[], text = '回答') => ({
  ts,
  user: 'UBOT',
  bot_id: 'BBOT',
  text,
  metadata: { event_type: 'policydesk_answer', event_payload: { ...(question ? { question } : {}), cited: ids.map((id) => ({ id })) } },
});

describe('threadHistory', () => {
  it('pairs each of our answers with its question and cited passages, in order', () => {
    const messages: ThreadMessage[] = [
      { ts: '100.000001', user: 'U1', text: '<@UBOT> 问题一？' },
      { ts: '100.000002', user: 'UBOT', bot_id: 'BBOT', text: '查询中…' }, // a placeholder never updated
      answer('100.000003', '问题一？', ['a#1', 'a#2'], '回答一'),
      { ts: '100.000004', user: 'U2', text: '同问' },
      { ts: '100.000005', user: 'U1', text: '<@UBOT> 那问题二呢？' },
      answer('100.000006', undefined, ['b#1'], '回答二'),
      { ts: '100.000007', user: 'U1', text: '<@UBOT> 第二点呢？' },
    ];
    expect(threadHistory(messages, { ...bot, before: '100.000007' })).toEqual([
      { question: '问题一？', answer: '回答一', citations: [{ id: 'a#1' }, { id: 'a#2' }] },
      { question: '那问题二呢？', answer: '回答二', citations: [{ id: 'b#1' }] },
    ]);
  });

  it('reads cited ids from block ids when metadata is missing', () => {
    const messages: ThreadMessage[] = [
      { ts: '1.1', user: 'U1', text: '问题？' },
      { ts: '1.2', bot_id: 'BBOT', text: '回答', blocks: [{ block_id: 'x' }, { block_id: 'cite:2:doc#2.8' }, { block_id: 'cite:1:doc#1.3' }] },
    ];
    expect(threadHistory(messages, { ...bot, before: '9.9' })).toEqual([{ question: '问题？', answer: '回答', citations: [{ id: 'doc#1.3' }, { id: 'doc#2.8' }] }]);
  });

  it("ignores other bots, other apps' metadata, and anything at or after the question", () => {
    const messages: ThreadMessage[] = [
      { ts: '1.1', user: 'U1', text: '问题？' },
      { ts: '1.2', bot_id: 'BOTHER', text: '别的机器人', metadata: { event_type: 'policydesk_answer', event_payload: { cited: [{ id: 'x#1' }] } } },
      { ts: '1.3', user: 'UBOT', bot_id: 'BBOT', text: '别的元数据', metadata: { event_type: 'something_else' } },
      answer('1.4', '问题？', ['a#1']),
      answer('1.5', '以后的问题？', ['z#1']),
    ];
    expect(threadHistory(messages, { ...bot, before: '1.5' })).toEqual([{ question: '问题？', answer: '回答', citations: [{ id: 'a#1' }] }]);
  });

  it('keeps the last maxTurns turns', () => {
    const messages = Array.from({ length: 12 }, (_, i) => answer(`1.${String(i + 10)}`, `问${i}`, [`d#${i}`]));
    const turns = threadHistory(messages, { ...bot, before: '2.0', maxTurns: 3 });
    expect(turns.map((t) => t.question)).toEqual(['问9', '问10', '问11']);
  });
});

describe('questionText', () => {
  it.each([
    ['<@UBOT> 区域性医疗中心？', '区域性医疗中心？'],
    ['<@UBOT|policydesk>  A &amp; B &lt;b&gt;', 'A & B <b>'],
    ['<@UBOT>', ''],
  ])('%s', (input, expected) => {
    expect(questionText(input)).toBe(expected);
  });
});

describe('compareTs', () => {
  it.each([
    ['1700000000.000100', '1700000000.000101', -1],
    ['1700000000.999999', '1700000001.000000', -1],
    ['999999999.000000', '1700000000.000000', -1],
    ['1700000000.0001', '1700000000.000100', 0],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareTs(a, b))).toBe(sign);
    expect(Math.sign(compareTs(b, a))).toBe(sign === 0 ? 0 : -sign);
  });
});
