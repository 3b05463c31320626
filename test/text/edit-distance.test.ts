import { describe, expect, test } from 'vitest';
import { editDistance, editShare } from '../../src/text/edit-distance.js';

describe('editDistance', () => {
  test('counts insertions, deletions and substitutions', () => {
    expect(editDistance('评估能力机制', '评估能力机制')).toBe(0);
    expect(editDistance('评估能力机制', '评估能カ机制')).toBe(1);
    expect(editDistance('组团式”援藏', '组团式援藏')).toBe(1);
    expect(editDistance('特别是', '·特别是')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  test('editShare is the distance over the longer text', () => {
    expect(editShare('', '')).toBe(0);
    expect(editShare('abcd', 'abce')).toBe(0.25);
    expect(editShare('abc', 'xyz')).toBe(1);
  });
});
