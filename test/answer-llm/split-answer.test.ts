import { describe, expect, it } from 'vitest';
import { markersOf, quotedSpans, renumberMarkers, takeSentences } from '../../src/answer/llm/split-answer.js';

describe('takeSentences', () => {
  it.each([
    { name: 'markers before the full stop', text: '甲是一[1]。乙是二[2]。', sentences: ['甲是一[1]。', '乙是二[2]。'] },
    { name: 'markers after the full stop stay with their sentence', text: '甲是一。[1]乙是二。[2][3]', sentences: ['甲是一。[1]', '乙是二。[2][3]'] },
    { name: 'a quote holding a full stop is one sentence', text: '文件写道「甲。乙」[1]。丙[2]。', sentences: ['文件写道「甲。乙」[1]。', '丙[2]。'] },
    { name: 'nested quotes', text: '要「构建“管理。责任”共同体」[1]。', sentences: ['要「构建“管理。责任”共同体」[1]。'] },
    { name: 'line breaks end sentences', text: '根据现有文件：\n1. 甲[1]\n2. 乙[2]', sentences: ['根据现有文件：\n', '1. 甲[1]\n', '2. 乙[2]'] },
    { name: 'an unclosed quote runs to the end', text: '甲「乙。丙[1]。', sentences: ['甲「乙。丙[1]。'] },
    { name: 'empty', text: '', sentences: [] },
  ])('$name', ({ text, sentences }) => {
    expect(takeSentences(text, true)).toEqual({ sentences, rest: '' });
  });

  it('holds back a sentence while a marker may still follow it', () => {
    expect(takeSentences('甲是一。', false)).toEqual({ sentences: [], rest: '甲是一。' });
    expect(takeSentences('甲是一。[', false)).toEqual({ sentences: [], rest: '甲是一。[' });
    expect(takeSentences('甲是一。[1', false)).toEqual({ sentences: [], rest: '甲是一。[1' });
    expect(takeSentences('甲是一。[1]乙', false)).toEqual({ sentences: ['甲是一。[1]'], rest: '乙' });
    expect(takeSentences('甲「乙。', false)).toEqual({ sentences: [], rest: '甲「乙。' });
  });

  it('gives the same sentences fed one character at a time as in one piece', () => {
    const text = '根据《甲》（沪卫发〔2023〕2号）：本市要「实现每30-50万人口配置一家。二是」[1]。另据乙，要做好护理[2][3]。未在现有文件中找到。';
    let buffer = '';
    const streamed: string[] = [];
    for (const ch of text) {
      const taken = takeSentences(buffer + ch, false);
      streamed.push(...taken.sentences);
      buffer = taken.rest;
    }
    streamed.push(...takeSentences(buffer, true).sentences);
    expect(streamed).toEqual(takeSentences(text, true).sentences);
    expect(streamed).toHaveLength(3);
  });
});

describe('markers', () => {
  it('reads every marker style the models write', () => {
    expect(markersOf('甲[1]乙［２］丙【3】丁[4, 5]戊[6、7]')).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  it('leaves years and 文号 brackets alone', () => {
    expect(markersOf('沪卫发[2023]2号〔2023〕')).toEqual([]);
  });
  it('renumbers groups into single markers', () => {
    expect(renumberMarkers('甲[3]乙[3, 5]', (n) => (n === 3 ? 1 : 2))).toBe('甲[1]乙[1][2]');
  });
});

describe('quotedSpans', () => {
  it('returns outermost spans and flags unbalanced quotes', () => {
    expect(quotedSpans('「甲“乙”丙」和“丁”')).toEqual({ spans: ['甲“乙”丙', '丁'], unbalanced: false });
    expect(quotedSpans('「甲')).toEqual({ spans: [], unbalanced: true });
  });
});
