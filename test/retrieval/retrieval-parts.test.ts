import { describe, expect, test } from 'vitest';
import { Bm25Index } from '../../src/retrieval/bm25-index.js';
import { fuseScores } from '../../src/retrieval/fuse-scores.js';
import { contentBigrams, tokenize, topicTerms } from '../../src/text/tokenize.js';
import { FlatIndex } from '../../src/vector-index/flat-index.js';

describe('tokenize', () => {
  test('Chinese unigrams and bigrams, ASCII words whole, widths normalised', () => {
    expect(tokenize('医护比１∶２ IDC医院')).toEqual(['医', '医护', '护', '护比', '比', '1', '2', 'idc', '医', '医院', '院']);
  });
  test('numbers with dots and ranges stay one token', () => expect(tokenize('3.0版 30-50万')).toEqual(['3.0', '版', '30-50', '万']));
  test('empty', () => expect(tokenize('')).toEqual([]));
  test('question words are not topic bigrams', () => expect(contentBigrams('什么是区域性医疗中心')).not.toContain('什么'));
  test('topic terms drop question words and single characters', () => {
    expect(topicTerms('牙科种植收费标准是多少？')).toEqual(['牙科', '种植', '收费', '标准']);
  });
  test('joinSingles: a word the segmenter lacks, left in single characters, is joined; function characters are not', () => {
    expect(topicTerms('急诊方面有什么要求')).not.toContain('急诊');
    expect(topicTerms('急诊方面有什么要求', { joinSingles: true })).toContain('急诊');
    expect(topicTerms('那要建几家呢', { joinSingles: true })).toEqual([]);
  });
});

describe('Bm25Index', () => {
  const docs = [
    { id: 'a', text: '区域性医疗中心服务能力标准化建设' },
    { id: 'b', text: '发热门诊应设尽设' },
    { id: 'c', text: '区域性医疗中心重症床位' },
  ];
  const index = Bm25Index.build(docs);

  test('ranks by shared rare tokens', () => {
    expect(index.search('发热门诊', 3).map((h) => h.id)).toEqual(['b']);
    expect(index.search('区域性医疗中心重症', 3).map((h) => h.id)).toEqual(['c', 'a']);
  });
  test('k limits the results; a query with no shared token finds nothing', () => {
    expect(index.search('区域性医疗中心', 1)).toHaveLength(1);
    expect(index.search('牙科', 5)).toEqual([]);
  });
  test('round-trips through plain data (what the Worker ships)', () => {
    const copy = new Bm25Index(JSON.parse(JSON.stringify(index.data)));
    expect(copy.search('区域性医疗中心重症', 3)).toEqual(index.search('区域性医疗中心重症', 3));
  });
  test('document frequency', () => expect(index.documentFrequency('区域')).toBe(2));
});

describe('fusion', () => {
  test('score fusion scales each list and weighs them', () => {
    const dense = [
      { id: 'x', score: 0.8 },
      { id: 'y', score: 0.7 },
      { id: 'z', score: 0.6 },
    ];
    const lexical = [
      { id: 'z', score: 12 },
      { id: 'y', score: 6 },
    ];
    expect(fuseScores(dense, lexical, 0.75).map((h) => h.id)).toEqual(['z', 'y', 'x']);
    expect(fuseScores(dense, lexical, 0).map((h) => h.id)).toEqual(['x', 'y', 'z']);
    expect(fuseScores([], lexical, 0.5).map((h) => h.id)).toEqual(['z', 'y']);
  });
});

describe('FlatIndex', () => {
  test('exact inner-product ranking, k respected', async () => {
    const index = new FlatIndex([
      { id: 'a', vector: [1, 0] },
      { id: 'b', vector: [0.6, 0.8] },
      { id: 'c', vector: [0, 1] },
    ]);
    expect((await index.search([0, 1], 2)).map((h) => h.id)).toEqual(['c', 'b']);
  });
});
