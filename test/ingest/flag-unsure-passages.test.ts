import { describe, expect, test } from 'vitest';
import type { Passage } from '../../src/core/types.js';
import { flagUnsurePassages } from '../../src/ingest/flag-unsure-passages.js';

const passage = (id: string, text: string): Passage => ({ id, pointId: id, docId: 'd', kind: 'point', path: [], label: id, marker: '', text, order: 0 });

// Two printed lines of point 6 of the Putuo plan, as the chunker joins them.
const LINE_1 = '6.加强医疗质量管理。持续推进全面提升医疗质量行动，推';
const LINE_2 = '进“织网行动”，进一步健全区级质控组织体系，覆盖主要临床';
const POINT = passage('d#6', `${LINE_1}${LINE_2}`);

describe('flagUnsurePassages', () => {
  test('a passage read mostly from unsure lines is flagged', () => {
    expect(flagUnsurePassages([POINT], [LINE_1, LINE_2])[0]!.ocrUnsure).toBe(true);
  });

  test('a short unsure stretch is not most of the passage', () => {
    expect(flagUnsurePassages([POINT], [LINE_2.slice(0, 10)])[0]!.ocrUnsure).toBeUndefined();
  });

  test('lines are found across the spaces the layout put in and widths OCR read', () => {
    expect(flagUnsurePassages([POINT], ['6.加强医疗质量管理。持续推进全面提升医疗质量行动， 推', '进“织网行动”，进一步健全区级质控组织体系，覆盖主要临床'])[0]!.ocrUnsure).toBe(true);
  });

  test('short unsure lines (a stray 号) never flag a passage that happens to hold them', () => {
    expect(flagUnsurePassages([passage('d#1', '号')], ['号'])[0]!.ocrUnsure).toBeUndefined();
  });

  test('no unsure lines: the passages as they were', () => {
    expect(flagUnsurePassages([POINT], [])).toEqual([POINT]);
  });
});
