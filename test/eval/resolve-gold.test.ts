import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Corpus } from '../../src/core/corpus.js';
import { resolveGold } from '../../src/eval/resolve-gold.js';
import { evalCaseSchema } from '../../src/eval/eval-case.js';
import { loadSuite, suiteSchema } from '../../src/eval/load-suite.js';
import { parseDocument } from '../../src/ingest/parse-document.js';
import { CORPUS_DIR } from '../support/corpus-dirs.js';
import { seedCorpus } from '../support/seed-pipeline.js';

const corpus = seedCorpus();
const caseFor = (doc: string, anchor: string) => evalCaseSchema.parse({ id: 'x', question: 'q', kind: 'paraphrase', gold: [{ doc, anchor }] });

describe('every gold anchor of the suite resolves to a passage of its document', () => {
  // An anchor copied with a point's printed number (3.加强发热门诊建设) or across its heading is in
  // seeds/ but in no passage: the case would count as stale, a failure, whatever the answer.
  const suite = loadSuite(suiteSchema.parse(JSON.parse(readFileSync('evals/suite.json', 'utf8'))), (p) => readFileSync(p, 'utf8'));
  test.each(suite.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(resolveGold(c, corpus).missing).toEqual([]);
  });
});

describe('resolveGold', () => {
  test('an anchor in a point resolves to that point', () => {
    const r = resolveGold(caseFor('沪卫医〔2023〕32号', '重症床位和可转换重症床位要达到总床位数的 20%'), corpus);
    expect(r.missing).toEqual([]);
    expect(r.pointIds[0]).toEqual(['2023-shanghai-medical-administration-priorities#1.5']);
  });

  test('an anchor found only in a section heading resolves to every point of that section', () => {
    const section = corpus.passages.find((p) => p.docId === '2023-shanghai-medical-administration-priorities' && p.section === 2 && p.kind === 'point')!;
    const heading = section.path[0]!.replace(/^[一二三四五六七八九十]+、/, '').slice(0, 10);
    const r = resolveGold(caseFor('沪卫医〔2023〕32号', heading), corpus);
    expect(r.missing).toEqual([]);
    const points = [...new Set(corpus.passages.filter((p) => p.docId === section.docId && p.section === 2 && p.kind === 'point').map((p) => p.pointId))];
    expect(r.pointIds[0]!.sort()).toEqual(points.sort());
  });

  test('an anchor in a sub-section heading resolves to that sub-section only, not its whole section', () => {
    const doc = '2021-shanghai-public-hospital-high-quality-development-plan';
    const sub = corpus.passages.find((p) => p.docId === doc && p.kind === 'paragraph' && p.path.length >= 2 && p.path[1]!.includes('打造科创引领'))!;
    const r = resolveGold(caseFor('沪府办发〔2021〕31号', '打造科创引领的产学研一体化发展新趋势'), corpus);
    expect(r.missing).toEqual([]);
    const inSub = [...new Set(corpus.passages.filter((p) => p.docId === doc && p.path[1] === sub.path[1]).map((p) => p.pointId))];
    expect(r.pointIds[0]!.sort()).toEqual(inSub.sort());
    // The section above holds other sub-sections; none of their paragraphs is gold.
    expect(corpus.passages.some((p) => p.docId === doc && p.path[0] === sub.path[0] && p.path[1] !== sub.path[1])).toBe(true);
  });

  test('an anchor found nowhere is missing (the case is stale)', () => {
    expect(resolveGold(caseFor('沪卫医〔2023〕32号', '这句话不在任何文件里出现'), corpus).missing).toEqual(['这句话不在任何文件里出现']);
  });
});

/** One notice as a corpus: the text file, or the same notice as OCR read a scan of it (edited here). */
const PUTUO = '2025-putuo-medical-administration-priorities.txt';
const putuo = readFileSync(join(CORPUS_DIR, PUTUO), 'utf8');
const corpusOf = (text: string) => {
  const { document, passages } = parseDocument(PUTUO, text);
  return new Corpus({ documents: [{ ...document, contentHash: 'x' }], passages });
};
const POINT_3 = '2025-putuo-medical-administration-priorities#1.3';
const POINT_4 = '2025-putuo-medical-administration-priorities#1.4';
// Point 3 holds the anchor; OCR reads one character of it otherwise (力 as カ).
const ANCHOR = '建立健全临床特色专科专病评估能力机制';
const SLIP = '建立健全临床特色专科专病评估能カ机制';
// Point 4 is given a sentence one character away from the anchor: nearer the misread anchor than point 3's own text is.
const withTwin = (text: string) => text.replace('构建高品质医疗服务体系。', '构建高品质医疗服务体系。建立健全临床特色专科专病评价能力机制。');
const ocrCase = caseFor('普卫健医〔2025〕3号', ANCHOR);

describe('resolveGold on a corpus read from scans, with the text it was printed from', () => {
  const reference = corpusOf(withTwin(putuo));
  const scanned = corpusOf(withTwin(putuo).replace(ANCHOR, SLIP));

  test('without the reference, an anchor OCR misread is missing (strict)', () => {
    expect(resolveGold(ocrCase, scanned)).toMatchObject({ pointIds: [[]], missing: [ANCHOR], tolerated: [] });
  });

  test('with it, the anchor stands for the same numbered point, not the other point with a near-identical sentence', () => {
    expect(resolveGold(ocrCase, scanned, reference)).toEqual({ pointIds: [[POINT_3]], missing: [], moved: [], tolerated: [ANCHOR] });
    expect(resolveGold(caseFor('普卫健医〔2025〕3号', '建立健全临床特色专科专病评价能力机制'), scanned, reference).pointIds).toEqual([[POINT_4]]);
  });

  test('a point that OCR left within a few characters of the text is still the point', () => {
    const slips = withTwin(putuo).replace(ANCHOR, SLIP).replace('全面提升本区医疗机构', '全面提升本区医疗机枸').replace('综合诊治中心', '综合诊治中必');
    expect(resolveGold(ocrCase, corpusOf(slips), reference).pointIds).toEqual([[POINT_3]]);
  });

  test('an anchor the corpus holds as written is resolved as without the reference', () => {
    expect(resolveGold(ocrCase, corpusOf(withTwin(putuo)), reference)).toEqual({ pointIds: [[POINT_3]], missing: [], moved: [], tolerated: [] });
  });

  test('the same point number holding other text is not the point: the anchor stays missing', () => {
    // The scanned notice's point 3 reads otherwise (another version, or another point under its number).
    const point3 = putuo.split('\n').find((l) => l.startsWith('3. '))!;
    const other = withTwin(putuo).replace(point3, '3. 加强护理队伍建设。落实护士配备标准，开展护理专科培训，提升护理服务能力，改善患者就医体验。');
    expect(resolveGold(ocrCase, corpusOf(other), reference)).toMatchObject({ pointIds: [[]], missing: [ANCHOR], tolerated: [] });
  });

  test('a point the scan lost is not found under a neighbour: the anchor stays missing', () => {
    // The marker `3.` read as a letter: the chunker takes point 3 into point 2 and refuses the later numbers.
    const lost = withTwin(putuo).replace(ANCHOR, SLIP).replace('\n3. 加强临床', '\nз. 加强临床');
    expect(corpusOf(lost).passages.some((p) => p.pointId === POINT_3)).toBe(false);
    expect(resolveGold(ocrCase, corpusOf(lost), reference)).toMatchObject({ pointIds: [[]], missing: [ANCHOR] });
  });

  test('a document whose 文号 the scan misread is not matched', () => {
    expect(resolveGold(ocrCase, corpusOf(withTwin(putuo).replace('普卫健医〔2025〕3号', '普卫健医〔2025〕8号').replace(ANCHOR, SLIP)), reference).missing).toEqual([ANCHOR]);
  });
});
