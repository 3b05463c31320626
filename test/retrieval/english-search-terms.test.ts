import { describe, expect, test } from 'vitest';
import corpusTerms from '../../src/retrieval/data/english-corpus-terms.json' with { type: 'json' };
import englishTerms from '../../src/retrieval/data/english-terms.json' with { type: 'json' };
import { englishSearchTerms } from '../../src/retrieval/english-search-terms.js';
import { englishKey, englishWordKey, englishWords } from '../../src/text/english-words.js';

const termsOf = (question: string) => englishSearchTerms(question)?.terms ?? [];

describe('englishSearchTerms: English questions -> Chinese search terms', () => {
  test.each([
    ['How many people should one regional medical center cover?', ['区域性医疗中心', '人口']],
    ['What share of beds in regional medical centres must be ICU beds?', ['区域性医疗中心', '重症床位', '比例']],
    ['When does the plan for high-quality development of public hospitals expire?', ['公立医院', '高质量发展', '有效期']],
    ['Do family doctors have new contracted services?', ['家庭医生', '签约服务']],
    ['What should internet hospitals do for residents?', ['互联网医院', '居民']],
    ['Which hospitals in Putuo must provide paediatric services?', ['普陀', '医院', '儿科']],
    ['How is the medical consortium in Changning organised?', ['医联体', '长宁']],
    ['What are the requirements for fever clinics at secondary hospitals?', ['发热门诊', '二级']],
    ['Is chronic disease management mentioned?', ['慢性病', '管理']],
    ['What does the document say about intensive care and critical care capacity?', ['重症', '能力']],
    ['Volume-based procurement of drugs', ['带量采购', '药品']],
    ['What is the target doctor-nurse ratio?', ['医护比', '目标']],
    ['hospice care in community health centers', ['安宁疗护', '社区卫生服务中心']],
    ['career paths for specialist nurses', ['护士']],
    ['Will they crack down on kickbacks?', ['整治', '回扣']],
    ['Is Changning starting a new round of signing with Huadong Hospital?', ['长宁', '新一轮', '签约', '华东医院']],
    ['Will ICU capacity be doubled within 24 hours?', ['重症床位', '增加一倍', '24']],
  ])('%s', (question, expected) => {
    const terms = termsOf(question);
    for (const term of expected) expect(terms, term).toContain(term);
  });

  test('query is the terms joined by spaces, in the order the question raises them', () => {
    const result = englishSearchTerms('Internet hospitals and family doctors');
    expect(result).toBeDefined();
    expect(result!.query).toBe(result!.terms.join(' '));
    expect(result!.terms.indexOf('互联网医院')).toBeLessThan(result!.terms.indexOf('家庭医生'));
  });

  test('the longest phrase wins: "regional medical center" is one term, not 医疗 + 中心', () => {
    expect(termsOf('regional medical center')).toEqual(['区域性医疗中心']);
    expect(termsOf('medical center')).not.toContain('区域性医疗中心');
  });

  test("the corpus's own terms win over CC-CEDICT: medical -> 医疗 (the dictionary's first is 医药)", () => {
    expect(englishTerms.dictionary.medical).not.toContain('医疗');
    expect(termsOf('medical')).toEqual(['医疗']);
  });

  test('case, punctuation, plurals, -ing/-ed and British spelling do not change the terms', () => {
    const base = termsOf('regional medical center hospital');
    expect(termsOf('REGIONAL MEDICAL CENTRES, hospitals!!')).toEqual(base);
    expect(termsOf('Regional medical centers ... Hospitals?')).toEqual(base);
    expect(termsOf('paediatric')).toEqual(termsOf('pediatric'));
    expect(termsOf('hospitalised')).toEqual(termsOf('hospitalized'));
    expect(termsOf('strengthening nursing')).toEqual(termsOf('strengthen nurse'));
    expect(termsOf('vaccinated')).toEqual(termsOf('vaccinate'));
  });

  test('Latin abbreviations the documents use as they are (IDC, DRG, MDT, 5G) are kept as terms', () => {
    expect(termsOf('How many IDC hospitals?')).toContain('IDC');
    expect(termsOf('drg payment')).toContain('DRG');
    expect(termsOf('What about MDT?')).toContain('MDT');
    expect(termsOf('5G applications in hospitals')).toContain('5G');
    expect(englishSearchTerms('DRG')?.query).toContain('DRG');
  });

  test.each([
    ['a question in Chinese', '区域性医疗中心按多少人口配置一家？'],
    ['Chinese mixed with English', 'What is 区域性医疗中心?'],
    ['gibberish', 'asdf qwerty zxcvb'],
    ['stopwords and question words only', 'What should it be, and when, and how many of them does it have?'],
    ['numbers only', 'what about 2025 and 30'],
    ['empty', ''],
    ['punctuation', '?!...'],
    ['a Latin abbreviation the documents never use', 'What about the HMO?'],
  ])('%s -> undefined', (_, question) => {
    expect(englishSearchTerms(question)).toBeUndefined();
  });

  test('a year or count the question names is kept beside the words that translate', () => {
    expect(termsOf('fever clinics in 2023')).toEqual(['发热门诊', '2023']);
  });

  test("the corpus's terms win where the dictionary's first sense is another: sign -> 签约, technology transfer -> 成果转化", () => {
    expect(englishTerms.dictionary.sign).toEqual(['指标']);
    expect(termsOf('signing with family doctors')).toContain('签约');
    expect(termsOf('signing with family doctors')).not.toContain('指标');
    expect(termsOf('tech transfer income')).toContain('成果转化');
    expect(termsOf('tech transfer income')).not.toContain('转诊');
  });

  test("the documents' words for issuing, setting up, older people and clinical-research terms", () => {
    // Fire: the phrase as the documents write it.
    expect(termsOf('When did Putuo send out its 2025 priorities?')).toContain('印发');
    expect(termsOf('When was the plan issued?')).toContain('印发');
    expect(termsOf('Are hospitals encouraged to set up a patient experience department?')).toContain('设立');
    expect(termsOf('Will Putuo help older patients?')).toContain('老年人');
    expect(termsOf('Are multicenter study ethics reviews mutually recognised?')).toEqual(expect.arrayContaining(['多中心', '互认']));
    expect(termsOf('in vitro diagnostic reagents')).toContain('体外诊断');
    expect(termsOf('the drug-resistant TB centre')).toEqual(expect.arrayContaining(['耐药', '结核病']));
    expect(termsOf('medical device use')).toContain('医疗器械');
    expect(termsOf("Will doctors' pay go up?")).toEqual(expect.arrayContaining(['医师', '薪酬']));
    expect(termsOf('Can hospitals use an annual salary system for staff pay?')).toContain('工资');
    expect(termsOf('Should hospitals set up a patient experience department?')).toContain('患者体验部');
    expect(termsOf("What's the city doing about fever clinics?")).toEqual(expect.arrayContaining(['本市', '全市']));
    expect(termsOf('how many pilot units are there citywide')).toContain('全市');
    expect(termsOf("What's the city doing about fever clinics?")).not.toContain('城市');
    // Must not fire: paying for care is not staff pay; sending people is not issuing a document; "set" alone is not "set up".
    expect(termsOf('How will insurance pay for long-stay inpatients?')).toContain('支付');
    expect(termsOf('How will insurance pay for long-stay inpatients?')).not.toContain('薪酬');
    expect(termsOf('Will Shanghai send doctors to Yunnan?')).not.toContain('印发');
    expect(termsOf('a set of standards')).not.toContain('设立');
  });
});

describe('a clause that sets something aside is not searched', () => {
  test('fires: "apart from", "other than", "besides", "except for" up to the next comma or the end', () => {
    const set = englishSearchTerms('Apart from the COVID measures, what do these policies say about older patients?')!;
    expect(set.terms).not.toContain('新冠');
    expect(set.terms).toContain('老年人');
    // The words set aside are not content left untranslated either.
    expect(set.translatedShare).toBe(1);
    expect(termsOf('What must secondary hospitals keep open other than fever clinics?')).not.toContain('发热门诊');
    expect(termsOf('Besides fever clinics, what must secondary hospitals do?')).toEqual(expect.arrayContaining(['二级']));
    expect(termsOf('Besides fever clinics, what must secondary hospitals do?')).not.toContain('发热门诊');
    expect(termsOf('Which districts, except for Putuo, run sleep clinics?')).not.toContain('普陀');
  });

  test('must not fire: "other", "apart" or "except" elsewhere, and a question without such a clause', () => {
    expect(termsOf('What other measures does Putuo take for fever clinics?')).toEqual(expect.arrayContaining(['普陀', '发热门诊']));
    expect(termsOf('What does the COVID plan say about older patients?')).toEqual(expect.arrayContaining(['新冠', '老年人']));
  });
});

describe('translatedShare: how much of the question the terms stand for', () => {
  test('every content word translated: 1, nothing untranslated', () => {
    expect(englishSearchTerms('Must fever clinics at secondary hospitals keep open?')).toMatchObject({ translatedShare: 1, untranslated: [] });
  });

  test('words that translate to nothing are listed and lower the share', () => {
    const result = englishSearchTerms("What's the dress code for nurses at tertiary hospitals?")!;
    expect(result.untranslated).toEqual(['dress', 'code']);
    // nurses, tertiary, hospitals translated; dress, code not.
    expect(result.translatedShare).toBeCloseTo(3 / 5);
  });

  test('stopwords, their inflections, number words and bare numbers are not content: they never lower the share', () => {
    expect(englishSearchTerms('What is needed, and how quickly, for the three fever clinics in 2023?')).toMatchObject({ translatedShare: 1, untranslated: [] });
    expect(englishSearchTerms('helping fever clinics')).toMatchObject({ translatedShare: 1, untranslated: [] });
  });

  test('a stopword inside a phrase of the corpus terms still translates with it ("new round")', () => {
    expect(termsOf('a new round of signing')).toEqual(['新一轮', '签约']);
  });
});

describe("english-corpus-terms.json: the corpus's own terms", () => {
  test('no English phrase is listed twice with different terms (the later would silently win)', () => {
    const seen = new Map<string, string>();
    for (const term of corpusTerms.terms) {
      for (const phrase of term.en) {
        const key = englishKey(phrase);
        const zh = term.zh.join(' ');
        expect(seen.get(key) ?? zh, phrase).toBe(zh);
        seen.set(key, zh);
      }
    }
  });

  test('no phrase is a single stopword or an inflection of one (it could never be reached)', () => {
    const stopwords = new Set(corpusTerms.stopwords.map(englishWordKey));
    for (const term of corpusTerms.terms) for (const phrase of term.en) expect(stopwords.has(englishKey(phrase)), phrase).toBe(false);
  });

  test('each entry added since the sources were recorded says where its words come from', () => {
    const sourced = corpusTerms.terms.filter((term) => 'source' in term);
    expect(sourced.length).toBeGreaterThan(10);
    for (const term of sourced) for (const zh of term.zh) expect((term as { source: string }).source, zh).toMatch(/\S{8,}/);
  });
});

describe('english words: one key per word', () => {
  test.each([
    ['hospitals', 'hospital'],
    ['centres', 'center'],
    ['centred', 'center'],
    ['prioritising', 'prioritizing'],
    ['nursing', 'nurse'],
    ['caring', 'care'],
    ['ageing', 'aging'],
    ['labour', 'labor'],
    ['programmes', 'program'],
    ['children', 'child'],
    ['built', 'build'],
    ['policies', 'policy'],
    ['paying', 'pay'],
    ['pays', 'pay'],
  ])('%s ~ %s', (a, b) => {
    expect(englishWordKey(a)).toBe(englishWordKey(b));
  });

  test.each([
    ['news', 'new'],
    ['national', 'nation'],
    ['care', 'car'],
  ])('%s and %s stay apart', (a, b) => {
    expect(englishWordKey(a)).not.toBe(englishWordKey(b));
  });

  test("words split at hyphens and slashes; a possessive 's goes, other apostrophes join", () => {
    expect(englishWords("Jing'an's follow-up A/E hospitals' 5G")).toEqual(['jingan', 'follow', 'up', 'a', 'e', 'hospitals', '5g']);
  });

  test('english-terms.json was built with these rules (else `npm run build:english-terms`)', () => {
    expect(englishKey(englishTerms.keyProbe.text)).toBe(englishTerms.keyProbe.key);
  });
});
