import { normalizeWidth } from '../ingest/normalize-width.js';

const HAN = /\p{Script=Han}/u;
/** Question words and fillers that say nothing about the topic. */
const STOP_BIGRAMS = new Set([
  '什么', '哪些', '多少', '怎么', '怎样', '如何', '是否', '有没', '没有', '哪个', '哪里', '要求', '请问', '一下', '规定', '提到',
  '关于', '我们', '咱们', '这个', '那个', '具体', '内容', '可以', '需要', '应该', '有哪', '么要', '些要', '是什', '有什',
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

/** The bigrams of a question that carry its topic (question words removed). */
export function contentBigrams(text: string): string[] {
  return [...new Set(tokenize(text).filter((t) => [...t].length === 2 && HAN.test(t) && !STOP_BIGRAMS.has(t)))];
}
