import { describe, expect, test } from 'vitest';
import { endsSentence, splitSentences } from '../../src/text/split-sentences.js';
import { splitLongText } from '../../src/ingest/split-long-text.js';
import { parseChineseNumeral, toChineseNumeral } from '../../src/text/chinese-numerals.js';

describe('splitSentences', () => {
  test.each([
    ['一是加强监测。二是提高运力。', ['一是加强监测。', '二是提高运力。']],
    ['推出“便捷就医服务”数字化转型3.0版。持续推进。', ['推出“便捷就医服务”数字化转型3.0版。', '持续推进。']],
    ['开展5.12国际护士节活动，宣扬典型事迹。', ['开展5.12国际护士节活动，宣扬典型事迹。']],
    ['争创国家医学中心.创建10家以上国家医学中心.', ['争创国家医学中心.', '创建10家以上国家医学中心.']],
    ['提出“应设尽设、应开尽开”。下一句', ['提出“应设尽设、应开尽开”。', '下一句']],
    ['没有句号的文本', ['没有句号的文本']],
    ['', []],
  ])('%s', (text, expected) => {
    const sentences = splitSentences(text);
    expect(sentences).toEqual(expected);
    expect(sentences.join('')).toBe(text);
  });
});

describe('endsSentence', () => {
  test.each([
    ['做好应急预案。', true],
    ['推进社区卫生服务高质量发展.', true],
    ['主要工作要点如下：', true],
    ['开展 5.12', false],
    ['高标准疫情医疗救治能力', false],
  ])('%s -> %s', (text, expected) => expect(endsSentence(text)).toBe(expected));
});

describe('splitLongText', () => {
  const sentence = (i: number) => `第${i}句内容比较长一些用来凑足长度。`;
  test('short text stays whole', () => expect(splitLongText('短文本。', 10)).toEqual(['短文本。']));
  test('at the limit stays whole, one over splits', () => {
    const text = sentence(1) + sentence(2);
    expect(splitLongText(text, text.length)).toEqual([text]);
    expect(splitLongText(text, text.length - 1)).toEqual([sentence(1), sentence(2)]);
  });
  test('parts are near-equal, end at sentence ends and join back to the text', () => {
    const text = Array.from({ length: 9 }, (_, i) => sentence(i + 1)).join('');
    const parts = splitLongText(text, Math.ceil(text.length / 3));
    expect(parts.join('')).toBe(text);
    expect(parts).toHaveLength(3);
    for (const part of parts) expect(part.endsWith('。')).toBe(true);
  });
});

describe('Chinese numerals', () => {
  test.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十六', 26],
  ])('%s <-> %i', (cn, n) => {
    expect(parseChineseNumeral(cn)).toBe(n);
    expect(toChineseNumeral(n)).toBe(cn);
  });
  test.each(['', '零', 'abc', '十十'])('not a numeral: %s', (cn) => expect(parseChineseNumeral(cn)).toBeNaN());
});
