import { describe, expect, it } from 'vitest';
import { validateMessageBlocks, validateModal } from './support/validate-blocks.js';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

// The validator guards every other Slack test: it must catch what Slack would refuse.
describe('validateMessageBlocks', () => {
  it('accepts a well-formed message', () => {
    const blocks = [
      section('回答[1]'),
      { type: 'context', elements: [{ type: 'mrkdwn', text: '注' }] },
      { type: 'actions', elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: '👍' }, value: 'v' }] },
    ];
    expect(validateMessageBlocks(blocks, '回答')).toEqual([]);
  });

  it.each([
    ['51 blocks', Array.from({ length: 51 }, () => section('x')), /51 blocks; the limit is 50/],
    ['a 3,001-character text', [section('x'.repeat(3001))], /3001 characters; the limit is 3000/],
    ['an empty text', [section('')], /non-empty/],
    ['half of a surrogate pair', [section('abc\uD83D')], /lone surrogate/],
    ['a context with 11 elements', [{ type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'x' })) }], /1 to 10 elements/],
    ['a 76-character button label', [{ type: 'actions', elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'x'.repeat(76) } }] }], /limit is 75/],
    ['a 2,001-character button value', [{ type: 'actions', elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'x' }, value: 'v'.repeat(2001) }] }], /limit is 2000/],
    ['two buttons with one action_id in a block', [{ type: 'actions', elements: [1, 2].map(() => ({ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'x' } })) }], /not unique/],
    [
      'a repeated block_id',
      [
        { ...section('a'), block_id: 'b' },
        { ...section('b'), block_id: 'b' },
      ],
      /block_id b is not unique/,
    ],
    ['a mrkdwn header', [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }], /not in plain_text/],
    ['an unknown block type', [{ type: 'sectoin' }], /unexpected block type/],
  ])('refuses %s', (_name, blocks, problem) => {
    expect(validateMessageBlocks(blocks).join('\n')).toMatch(problem);
  });

  it('refuses a missing fallback text', () => {
    expect(validateMessageBlocks([section('x')], '')).toEqual(['text: fallback text must be a non-empty string']);
  });
});

describe('validateModal', () => {
  it('refuses a title over 24 characters and more than 100 blocks', () => {
    const problems = validateModal({ type: 'modal', title: { type: 'plain_text', text: 'x'.repeat(25) }, blocks: Array.from({ length: 101 }, () => section('x')) });
    expect(problems.join('\n')).toMatch(/view.title.text: 25 characters/);
    expect(problems.join('\n')).toMatch(/101 blocks; the limit is 100/);
  });
});
