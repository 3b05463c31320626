import { describe, expect, test } from 'vitest';
import { parseCorpus, type CorpusSource } from '../../src/ingest/parse-corpus.js';

/** A complete notice in the seeds' shape; the fields vary per test. */
function notice(o: { number?: string; title?: string; date?: string; point?: string } = {}): string {
  const title = o.title ?? '2024年示例区社区诊疗工作计划';
  return [
    '上海市示例区卫生健康委员会文件',
    o.number ?? '示卫健发〔2024〕7号',
    `关于印发《${title}》的通知`,
    '区内各社区卫生服务中心：',
    `现将《${title}》印发给你们，请认真贯彻落实。`,
    '上海市示例区卫生健康委员会',
    o.date ?? '2024年3月15日',
    title,
    '一、扩大社区服务供给',
    `1.${o.point ?? '延长夜间门诊时间。工作日夜间门诊延长至晚上八点。'}`,
    '2.推广家庭病床服务。全年新建家庭病床三百张。',
  ].join('\n');
}

const source = (fileName: string, text: string): CorpusSource => ({ fileName, text, contentHash: `hash-of-${fileName}` });

describe('parseCorpus: one bad file never blocks the rest', () => {
  test('each unparseable file is reported by name with reason and fix; the good one is parsed', () => {
    const result = parseCorpus([
      source('good.txt', notice()),
      source('no-number.txt', notice({ number: '（此处无文号）' })),
      source('no-title.txt', notice().replaceAll('现将《2024年示例区社区诊疗工作计划》印发给你们', '请认真贯彻落实')),
      source('no-date.txt', notice({ date: '三月中旬' })),
    ]);
    expect(result.documents.map((d) => d.sourceFile)).toEqual(['good.txt']);
    expect(result.documents[0]).toMatchObject({ docNumber: '示卫健发〔2024〕7号', contentHash: 'hash-of-good.txt' });
    expect(result.passages.filter((p) => p.kind === 'point').map((p) => p.label)).toEqual(['第一部分第1条', '第一部分第2条']);
    expect(result.problems.map((p) => [p.fileName, p.severity])).toEqual([
      ['no-date.txt', 'error'],
      ['no-number.txt', 'error'],
      ['no-title.txt', 'error'],
    ]);
    const [noDate, noNumber, noTitle] = result.problems;
    expect(noNumber!.reason).toMatch(/文号/);
    expect(noTitle!.reason).toMatch(/title/);
    expect(noDate!.reason).toMatch(/date of issue/);
    for (const p of result.problems) expect(p.fix.length).toBeGreaterThan(10);
  });

  test('two files of one 文号 that do not say revision: both refused, each naming the other', () => {
    const result = parseCorpus([source('a.txt', notice()), source('copy-of-a.txt', notice({ point: '延长夜间门诊时间。延长至晚上九点。' }))]);
    expect(result.documents).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({ fileName: 'a.txt', severity: 'error', reason: expect.stringContaining('copy-of-a.txt') }),
      expect.objectContaining({ fileName: 'copy-of-a.txt', severity: 'error', reason: expect.stringContaining('a.txt') }),
    ]);
    expect(result.problems[0]!.reason).toContain('示卫健发〔2024〕7号');
    expect(result.problems[0]!.fix).toMatch(/修订/);
  });

  test('a later document whose title says 修订 replaces the one with its 文号; the older is a warning', () => {
    const revised = notice({ title: '2024年示例区社区诊疗工作计划（2024年6月修订）', date: '2024年6月20日', point: '延长夜间门诊时间。延长至晚上九点。' });
    const result = parseCorpus([source('plan.txt', notice()), source('plan-revised.txt', revised)]);
    expect(result.documents.map((d) => [d.sourceFile, d.date])).toEqual([['plan-revised.txt', '2024-06-20']]);
    expect(result.passages.find((p) => p.label === '第一部分第1条')!.text).toContain('晚上九点');
    expect(result.problems).toEqual([expect.objectContaining({ fileName: 'plan.txt', severity: 'warning', reason: expect.stringContaining('plan-revised.txt') })]);
  });

  test('修订 in the title of the older document does not make it win, nor does an equal date', () => {
    const older = parseCorpus([source('a.txt', notice({ title: '示例计划（修订）', date: '2024年1月1日' })), source('b.txt', notice({ date: '2024年2月1日' }))]);
    expect(older.documents).toEqual([]);
    const sameDay = parseCorpus([source('a.txt', notice()), source('b.txt', notice({ title: '示例计划（修订）' }))]);
    expect(sameDay.documents).toEqual([]);
    expect(sameDay.problems.every((p) => p.severity === 'error')).toBe(true);
  });

  test('plan.txt and plan.PDF are the same document name: both refused', () => {
    const result = parseCorpus([source('plan.txt', notice()), source('plan.PDF', notice({ number: '示卫健发〔2024〕8号' }))]);
    expect(result.documents).toEqual([]);
    expect(result.problems.map((p) => p.reason)).toEqual([expect.stringContaining('plan.txt'), expect.stringContaining('plan.PDF')]);
  });

  test('a refused file keeps the version the previous index holds, and says so', () => {
    const before = parseCorpus([source('plan.txt', notice()), source('other.txt', notice({ number: '示卫健发〔2024〕9号', title: '示例区护理工作计划' }))]);
    const previous = { documents: before.documents, passages: before.passages };
    const after = parseCorpus([source('plan.txt', '（文件损坏）'), source('other.txt', notice({ number: '示卫健发〔2024〕9号', title: '示例区护理工作计划' }))], { previous });
    expect(after.documents.map((d) => d.sourceFile).sort()).toEqual(['other.txt', 'plan.txt']);
    expect(after.passages.filter((p) => p.docId === 'plan')).toEqual(before.passages.filter((p) => p.docId === 'plan'));
    expect(after.problems).toEqual([
      expect.objectContaining({ fileName: 'plan.txt', severity: 'error', keptPrevious: { docNumber: '示卫健发〔2024〕7号', title: '2024年示例区社区诊疗工作计划', date: '2024-03-15' } }),
    ]);
    // A file never indexed before has nothing to keep.
    const fresh = parseCorpus([source('new.txt', '（文件损坏）')], { previous });
    expect(fresh.documents).toEqual([]);
    expect(fresh.problems[0]!.keptPrevious).toBeUndefined();
  });
});
