import { normalizeWidth } from './normalize-width.js';

const HAN = /\p{Script=Han}/u;
/** Question words and fillers that say nothing about the topic. */
const STOP_BIGRAMS = new Set([
  '什么',
  '哪些',
  '多少',
  '怎么',
  '怎样',
  '如何',
  '是否',
  '有没',
  '没有',
  '哪个',
  '哪里',
  '要求',
  '请问',
  '一下',
  '规定',
  '提到',
  '关于',
  '我们',
  '咱们',
  '这个',
  '那个',
  '具体',
  '内容',
  '可以',
  '需要',
  '应该',
  '有哪',
  '么要',
  '些要',
  '是什',
  '有什',
]);

/** Normalises text for matching: widths, case, whitespace removed. */
export function normalizeForSearch(text: string): string {
  return normalizeWidth(text).toLowerCase().replace(/\s+/g, '');
}

/**
 * Tokens for BM25: Chinese character unigrams and bigrams (no segmenter, runs anywhere),
 * plus ASCII words and numbers whole.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const normalized = normalizeWidth(text).toLowerCase();
  for (const run of normalized.match(/\p{Script=Han}+|[a-z0-9]+(?:[.\-+][a-z0-9]+)*/gu) ?? []) {
    if (!HAN.test(run)) {
      tokens.push(run);
      continue;
    }
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      tokens.push(chars[i]!);
      if (i + 1 < chars.length) tokens.push(chars[i]! + chars[i + 1]!);
    }
  }
  return tokens;
}

/** The bigrams of a question that carry its topic (question words removed), and its Latin words (IDC, MDT, 5g). */
export function contentBigrams(text: string): string[] {
  return [...new Set(tokenize(text).filter((t) => (HAN.test(t) ? [...t].length === 2 && !STOP_BIGRAMS.has(t) : t.length >= 2 && /[a-z]/.test(t))))];
}

/** Words that only shape a question. */
const STOP_WORDS = new Set([
  '什么',
  '哪些',
  '哪个',
  '哪里',
  '多少',
  '怎么',
  '怎样',
  '如何',
  '是否',
  '有没有',
  '没有',
  '具体',
  '内容',
  '要求',
  '规定',
  '提到',
  '关于',
  '我们',
  '咱们',
  '这个',
  '那个',
  '可以',
  '需要',
  '应该',
  '今年',
  '今天',
  '明年',
  '去年',
  '现在',
  '目前',
  '主要',
  '一下',
  '请问',
  '文件',
  '说的',
  '的是',
  '分别',
  '还是',
  '还有',
  '以及',
  '或者',
  '一共',
  '一些',
  '那么',
  '这些',
  '那些',
  '为什么',
  '是不是',
  '能不能',
  '会不会',
  '有哪',
  '哪一',
  '多久',
  '几个',
  '几家',
  '几年',
  '进行',
  '开展',
  '工作',
  '方面',
  '情况',
  '问题',
  '部署',
  '安排',
  '打算',
  '计划',
  '里面',
  // Words that name a document rather than a topic.
  '要点',
  '医政要点',
  '工作要点',
  '工作计划',
  '医疗工作计划',
  '实施方案',
  '方案',
  '卫健委',
  '市卫健委',
]);

let segmenter: Intl.Segmenter | undefined;

/**
 * The words of a question that carry its topic, by the runtime's own dictionary segmenter
 * (Intl.Segmenter: ICU in Node and in workerd, no extra package). Single characters and
 * question words are left out.
 */
export function topicTerms(text: string, options: { joinSingles?: boolean } = {}): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const terms = new Set<string>();
  let run = '';
  const endRun = () => {
    if ([...run].length >= 2) terms.add(run);
    run = '';
  };
  for (const s of segmenter.segment(normalizeWidth(text).toLowerCase())) {
    // A word the dictionary lacks comes out as single characters (急诊 -> 急, 诊): with `joinSingles`, a run of
    // two or more Han characters none of which is a function word is taken as one term.
    if (options.joinSingles && s.isWordLike && /^\p{Script=Han}$/u.test(s.segment) && !FUNCTION_CHARS.test(s.segment)) {
      run += s.segment;
      continue;
    }
    endRun();
    if (!s.isWordLike || [...s.segment].length < 2 || STOP_WORDS.has(s.segment) || /^\d+$/.test(s.segment)) continue;
    terms.add(s.segment);
  }
  endRun();
  return [...terms];
}

/** Characters that are function words when they stand alone (的, 了, 要, 几, 呢): never part of a term joined from single characters. */
const FUNCTION_CHARS = /[的了是在有和与及或也都就要把被对从向为吗呢吧啊么什哪几多少谁怎咋啥这那个些该能会可还再又才将已让给跟同并而且但如若则即按以于其之所各每]/u;
