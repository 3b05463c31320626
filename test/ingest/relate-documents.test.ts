import { describe, expect, test } from 'vitest';
import { composeAnswerText, claimsOf } from '../../src/answer/compose-text.js';
import type { Citation, PolicyDocument } from '../../src/core/types.js';
import { relateDocuments } from '../../src/ingest/relate-documents.js';

const doc = (id: string, title: string, date: string, issuer = '上海市卫生健康委员会'): PolicyDocument => ({
  id,
  title,
  date,
  issuer,
  docNumber: `沪卫医〔${date.slice(0, 4)}〕${id.length}号`,
  sourceFile: `${id}.txt`,
  contentHash: id,
});

describe('relateDocuments', () => {
  const d2023 = doc('a', '2023年上海市医政医管工作要点', '2023-04-19');
  const d2024 = doc('bb', '2024年上海市医政医管工作要点', '2024-03-01');
  const putuo = doc('ccc', '2025年普陀区医政医管工作要点', '2025-04-18', '上海市普陀区卫生健康委员会');
  const other = doc('dddd', '2023年上海市卫生健康工作要点', '2023-02-21');

  test('a later plan of the same issuer and subject is recorded on the earlier one only', () => {
    const [a, b, c, d] = relateDocuments([d2023, d2024, putuo, other]);
    expect(a!.newerVersion).toEqual({ id: 'bb', docNumber: d2024.docNumber, title: d2024.title, date: '2024-03-01' });
    expect(b!.newerVersion).toBeUndefined();
    expect(c!.newerVersion).toBeUndefined(); // another issuer
    expect(d!.newerVersion).toBeUndefined(); // another subject
  });

  test('the answer says that a newer document exists, and the note is not a claim', () => {
    const citation: Citation = {
      id: 'a#1',
      docNumber: d2023.docNumber,
      title: d2023.title,
      issuer: d2023.issuer,
      date: d2023.date,
      path: [],
      label: '第一部分第1条',
      text: '做好疫情医疗救治监测预警。',
      score: 1,
      newerVersion: { docNumber: d2024.docNumber, title: d2024.title, date: d2024.date },
    };
    const text = composeAnswerText([{ text: '做好疫情医疗救治监测预警。', citation: 1 }], [citation]);
    expect(text).toContain(`同一发文单位已有较新的《2024年上海市医政医管工作要点》（${d2024.docNumber}，2024年3月1日印发），请以较新文件为准。`);
    expect(claimsOf(text)).toEqual(['做好疫情医疗救治监测预警']);
  });

  test('an expired document is flagged', () => {
    const citation: Citation = { id: 'x', docNumber: 'N', title: 'T', issuer: 'I', date: '2001-01-01', path: [], label: 'L', text: '甲。', score: 1, validUntil: '2002-12-31' };
    expect(composeAnswerText([{ text: '甲。', citation: 1 }], [citation])).toContain('该文件有效期至2002年12月31日，已过期。');
  });
});
