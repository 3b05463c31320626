const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Parses the small Chinese numerals used for headings (一 … 九十九); NaN otherwise. */
export function parseChineseNumeral(text: string): number {
  if (text === '十') return 10;
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return Number.NaN;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? (DIGITS[tens] ?? Number.NaN) : Number.NaN;
  return (tens ? (DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (DIGITS[ones] ?? 0) : 0);
}

/** Writes 1 … 99 as a Chinese numeral (`12` -> `十二`). */
export function toChineseNumeral(n: number): string {
  const names = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return names[n] ?? '';
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : names[tens]}十${names[n % 10]}`;
}

/** 哪 and a count in digits (哪8个, 哪 3 家): the count spelled as the question words are written (哪八个, 哪三家; 2 as 两). */
const WHICH_COUNT = /哪\s*(\d{1,2})\s*(?=[个家项条所种类位])/gu;

/** A question's "which N" with N in digits (具体是哪8个) written as with a Chinese numeral (哪八个), which the question words name. */
export function spellWhichCounts(text: string): string {
  return text.replace(WHICH_COUNT, (_, n: string) => `哪${Number(n) === 2 ? '两' : toChineseNumeral(Number(n))}`);
}
