import { beforeAll, describe, expect, test } from 'vitest';
import { ENGLISH_LEAD, englishNoun, missingLead } from '../../src/answer/compose-text.js';
import intents from '../../src/retrieval/data/answer-intents.json' with { type: 'json' };
import type { Pipeline } from '../../src/answer/create-pipeline.js';
import { englishSearchTerms, MIN_TRANSLATED_SHARE_FOR_HIGH } from '../../src/retrieval/english-search-terms.js';
import { seedCorpus, seedPipeline } from '../support/seed-pipeline.js';
import { createPipeline } from '../../src/answer/create-pipeline.js';
import { DEFAULT_TUNING } from '../../src/retrieval/hybrid-retriever.js';

// The real corpus, BM25 and the calibrated decision model (no embedding model): the English path end to end.
let pipeline: Pipeline;
// The same without a decision model: every ranked question would be answered high, so what keeps
// an answer from high is the English rule alone, whatever the calibration of the day.
let uncalibrated: Pipeline;
beforeAll(async () => {
  pipeline = await seedPipeline();
  uncalibrated = await seedPipeline({ answerEveryQuestion: true });
});

describe('an English question whose words only partly translate is never answered high', () => {
  test('the same search terms: answered high when every content word translated, low when some did not', async () => {
    const full = 'Must nurses at tertiary hospitals do it?';
    const partial = "What's the dress code for nurses at tertiary hospitals?";
    // Both are searched with the same Chinese terms; only the untranslated words differ.
    expect(englishSearchTerms(partial)!.query).toBe(englishSearchTerms(full)!.query);
    expect(englishSearchTerms(full)!.translatedShare).toBe(1);
    expect(englishSearchTerms(partial)!.translatedShare).toBeLessThan(MIN_TRANSLATED_SHARE_FOR_HIGH);

    const high = await uncalibrated.answerer.answer(full);
    expect(high.confidence).toBe('high');
    expect(high.answer.startsWith(ENGLISH_LEAD)).toBe(true);
    expect(high.untranslated).toBeUndefined();

    const low = await uncalibrated.answerer.answer(partial);
    expect(low.abstained).toBe(false);
    expect(low.confidence).toBe('low');
    expect(low.signals?.tier).toBe('low');
    expect(low.untranslated).toEqual(['dress', 'code']);
    // The words the search never saw count as unknown to the corpus in the decision's signals.
    expect(low.signals?.unknown).toBeCloseTo(2 / 5, 2);
    expect(high.signals?.unknown).toBe(0);
    expect(low.answer.startsWith(ENGLISH_LEAD)).toBe(false);
    // The nearest point is still offered, quoted in Chinese.
    expect(low.citations[0]?.quote).toMatch(/[\u4e00-\u9fff]/);
  });

  test('a question with one untranslated word among many keeps its confident answer', async () => {
    const question = 'Is Putuo piloting escort-free care for inpatients, urgently?';
    const terms = englishSearchTerms(question)!;
    expect(terms.untranslated).toEqual(['urgently']);
    expect(terms.translatedShare).toBeGreaterThanOrEqual(MIN_TRANSLATED_SHARE_FOR_HIGH);
    const answer = await pipeline.answerer.answer(question);
    expect(answer.confidence).toBe('high');
    expect(answer.citations[0]?.quote).toContain('免陪照护服务');
    expect(answer.untranslated).toEqual(['urgently']);
  });

  test('a Chinese question is not touched by the rule', async () => {
    const answer = await pipeline.answerer.answer('普陀区要开展哪项免陪照护试点？');
    expect(answer.untranslated).toBeUndefined();
    expect(answer.searchTerms).toBeUndefined();
  });
});

describe('retrieval of a translated question: untranslated words are unknown words', () => {
  test('the unknown signal is at least the share the translation could not carry', async () => {
    const terms = englishSearchTerms("What's the dress code for nurses at tertiary hospitals?")!;
    const plain = await pipeline.retriever.retrieve(terms.query);
    const translated = await pipeline.retriever.retrieve(terms.query, { untranslatedShare: 1 - terms.translatedShare });
    expect(plain.signals?.unknown).toBe(0);
    expect(translated.signals?.unknown).toBeCloseTo(0.4, 2);
    // Only the signal moves: the same points are ranked.
    expect(translated.citations.map((c) => c.id)).toEqual(plain.citations.map((c) => c.id));
  });

  test('a question searched as asked (no share given, or none) keeps the signals the corpus gives', async () => {
    const question = '三级医院护士有什么要求？';
    const plain = await pipeline.retriever.retrieve(question);
    const withZero = await pipeline.retriever.retrieve(question, { untranslatedShare: 0 });
    expect(withZero.signals).toEqual(plain.signals);
  });
});

describe('a translated figure question whose best point gives no figure', () => {
  const squash = (s: string) => s.replace(/\s+/g, '');

  test('a point ranked nearly as high that names the subject and gives the figure leads, and nothing is said missing', async () => {
    const question = 'How many people should each regional medical center serve?';
    // The retriever itself puts it first (SLOT_HOLDER_SHARE): the best point by score names 区域性医疗中心 and gives no figure.
    const retrieval = await pipeline.retriever.retrieve(englishSearchTerms(question)!.query, { intent: 'figure' });
    expect(retrieval.missing).toBeUndefined();
    expect(squash(retrieval.citations[0]!.text)).toContain('万人口配置一家');

    const a = await pipeline.answerer.answer(question);
    expect(a.missing).toBeUndefined();
    expect(squash(a.citations[0]!.text)).toContain('万人口配置一家区域性医疗中心');
  });

  test('the same in Chinese keeps saying the figure is missing: the Chinese words tie the question to its point', async () => {
    const a = await pipeline.answerer.answer('区域性医疗中心还要补点多少家？');
    expect(a.confidence).toBe('low');
    expect(a.missing).toBe('figure');
  });

  test('no near point gives the asked measure (money): still said to be missing', async () => {
    const a = await pipeline.answerer.answer('How much money does each family doctor get per visit?');
    expect(a.confidence).toBe('low');
    expect(a.missing).toBe('figure');
  });
});

describe('a translated figure question whose best point does give the figure in a sentence the terms match', () => {
  test('is not said to be missing, and the best point stays first', async () => {
    const question = 'How many Changning alliances for specific diseases are there?';
    const retrieval = await pipeline.retriever.retrieve(englishSearchTerms(question)!.query, { intent: 'figure' });
    // The retriever's own check (on its on-topic sentences) finds no figure here ...
    expect(retrieval.missing).toBe('figure');
    const a = await pipeline.answerer.answer(question);
    // ... but the point says 已建立 21 个专病医联体: nothing is said missing, and it is cited first.
    expect(a.missing).toBeUndefined();
    expect(a.confidence).toBe('low');
    expect(a.citations[0]!.id).toBe(retrieval.citations[0]!.id);
    expect(a.citations[0]!.text.replace(/\s+/g, '')).toContain('21个专病医联体');
  });
});

describe("a translated question is held to the translated questions' own high threshold", () => {
  const question = 'Is Putuo piloting escort-free care for inpatients?';
  /** The pipeline with the calibrated models, the keyword-only one given a translated threshold. */
  const withTranslatedHigh = (translatedHigh: number) => {
    const models = DEFAULT_TUNING.decision!;
    const lexical = { ...models.lexical, thresholds: { ...models.lexical.thresholds, translatedHigh } };
    return createPipeline({ corpus: seedCorpus(), tuning: { ...DEFAULT_TUNING, decision: { ...models, lexical } } });
  };

  test('fires: a probability between the two thresholds is high for the Chinese terms, low for the English question', async () => {
    const confident = await pipeline.answerer.answer(question);
    expect(confident.confidence).toBe('high');
    const p = confident.signals!.p!;
    const strict = withTranslatedHigh(Math.min(1, p + 0.01));
    const held = await strict.answerer.answer(question);
    expect(held.confidence).toBe('low');
    expect(held.signals?.tier).toBe('low');
    expect(held.citations[0]?.id).toBe(confident.citations[0]?.id);
    // The same Chinese terms searched as a Chinese question are not held to it.
    const searched = await strict.retriever.retrieve(englishSearchTerms(question)!.query);
    expect(searched.confidence).toBe('high');
  });

  test('must not fire: at or above its own threshold a translated question stays high', async () => {
    const confident = await pipeline.answerer.answer(question);
    const answer = await withTranslatedHigh(confident.signals!.p! - 0.001).answerer.answer(question);
    expect(answer.confidence).toBe('high');
  });
});

describe('what an English answer says is missing names what was asked', () => {
  const nouns = [
    ...Object.entries(intents.slotNouns).flatMap(([key, noun]) => (key.startsWith('$') || typeof noun === 'string' ? [] : [noun.zh])),
    ...intents.measures.flatMap((m) => ('noun' in m ? [m.noun] : [])),
  ];
  test.each(nouns)('%s has its own English noun, not the fallback', (noun) => {
    expect(englishNoun(noun)).not.toBe('details');
  });
  test('every measure that names a noun gives its English beside it', () => {
    for (const m of intents.measures) if ('noun' in m) expect('english' in m ? m.english : undefined, m.noun).toMatch(/^[a-z]/);
  });
  test('contents and names are not said to be a missing figure', () => {
    expect(missingLead('内容', true)).toContain('give no contents');
    expect(missingLead('医院名称', true)).toContain('give no hospital names');
    expect(missingLead('数字', true)).toContain('give no figure');
  });
});
