/**
 * CJK Radicals Supplement characters that stand for a whole ideograph, and that ideograph
 * (Unicode's EquivalentUnifiedIdeograph.txt, the forms that occur in running text).
 */
const SUPPLEMENT: Record<string, string> = Object.fromEntries(
  [
    '⺁厂',
    '⺄乙',
    '⺊卜',
    '⺌小',
    '⺎兀',
    '⺐尢',
    '⺒巳',
    '⺓幺',
    '⺗心',
    '⺝月',
    '⺞歺',
    '⺟母',
    '⺠民',
    '⺢氺',
    '⺦丬',
    '⺧牛',
    '⺩王',
    '⺪疋',
    '⺬示',
    '⺮竹',
    '⺷羊',
    '⺻聿',
    '⺼肉',
    '⺽臼',
    '⻁虎',
    '⻄西',
    '⻅见',
    '⻆角',
    '⻉贝',
    '⻊足',
    '⻋车',
    '⻑長',
    '⻓长',
    '⻔门',
    '⻕阜',
    '⻗雨',
    '⻘青',
    '⻙韦',
    '⻚页',
    '⻛风',
    '⻜飞',
    '⻝食',
    '⻢马',
    '⻣骨',
    '⻤鬼',
    '⻥鱼',
    '⻦鸟',
    '⻧卤',
    '⻨麦',
    '⻩黄',
    '⻪黾',
    '⻬齐',
    '⻮齿',
    '⻰龙',
    '⻳龟',
  ].map((pair) => [pair[0]!, pair[1]!]),
);
const RADICAL = /[\u2e80-\u2ef3\u2f00-\u2fd5]/g;

/**
 * Replaces code points that PDF text layers use for what is printed as ordinary text: writers
 * (Chromium's Skia among them) map some glyphs of CJK fonts back to Kangxi radicals, so 生 reads
 * as ⽣ (U+2F63) and 长 as ⻓ (U+2ED3), and a font's ligature for a run of dashes (——) reads as
 * ⸺ or ⸻. Neither a 文号 pattern nor a search would match them.
 */
export function unifyGlyphs(text: string): string {
  return text
    .replace(RADICAL, (ch) => SUPPLEMENT[ch] ?? (ch >= '\u2f00' ? ch.normalize('NFKC') : ch))
    .replace(/\u2e3a/g, '——')
    .replace(/\u2e3b/g, '———');
}
