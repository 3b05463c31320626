import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, fitText, splitText } from '../../src/slack/fit-text.js';

const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('fitText', () => {
  it.each([
    ['empty', '', 10, '', false],
    ['exactly at the limit', '一二三四五', 5, '一二三四五', false],
    ['one over the limit', '一二三四五六', 5, '一二三四…', true],
    ['trailing space before the cut', 'ab   cdefgh', 6, 'ab…', true],
  ])('%s', (_name, input, max, text, trimmed) => {
    expect(fitText(input, max)).toEqual({ text, trimmed });
  });

  it('never cuts a surrogate pair at the boundary', () => {
    // '😀' is two UTF-16 units; with max 5 the budget before '…' is 4: 'ab' + '😀' fits, a third unit would split.
    for (let max = 3; max <= 8; max++) {
      const { text } = fitText('ab😀😀😀😀', max);
      expect(text.length).toBeLessThanOrEqual(max);
      expect(wellFormed(text)).toBe(true);
    }
    expect(fitText('a😀b', 3).text).toBe('a…');
  });

  it('escapes while fitting, so an entity is never cut in half', () => {
    const { text, trimmed } = fitText('a&b<c>d', 8, { escape: true });
    expect(trimmed).toBe(true);
    expect(text).toBe('a&amp;b…');
    expect(fitText('<@U1>', 20, { escape: true }).text).toBe('&lt;@U1&gt;');
  });

  it('keeps a 3,000-unit limit on the real scale with CJK, emoji and escapes', () => {
    const long = '区域性医疗中心&😀'.repeat(500);
    const { text, trimmed } = fitText(long, 3000, { escape: true });
    expect(trimmed).toBe(true);
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text.endsWith('…')).toBe(true);
    expect(wellFormed(text)).toBe(true);
    expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });
});

describe('splitText', () => {
  it('keeps every character, in order, in chunks within the limit, without splitting a pair', () => {
    const text = '一是加强医疗救治。😀二是提高院前急救转运运力；三是……'.repeat(40);
    const chunks = splitText(text, 100);
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(100);
      expect(wellFormed(chunk)).toBe(true);
    }
  });

  it('prefers to break after a sentence end', () => {
    const chunks = splitText('甲乙丙丁。戊己庚辛壬癸', 8);
    expect(chunks[0]).toBe('甲乙丙丁。');
    expect(chunks.join('')).toBe('甲乙丙丁。戊己庚辛壬癸');
  });

  it('returns nothing for empty text and one chunk for short text', () => {
    expect(splitText('', 10)).toEqual([]);
    expect(splitText('短', 10)).toEqual(['短']);
  });
});

describe('escapeMrkdwn', () => {
  it('escapes the three control characters only', () => {
    expect(escapeMrkdwn('A&B <b> 《标题》*粗*')).toBe('A&amp;B &lt;b&gt; 《标题》*粗*');
  });
});
