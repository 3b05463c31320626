const FULLWIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g;

/**
 * Turns full-width digits and Latin letters into ASCII (`２０２１` -> `2021`) and the
 * ideographic space into a plain one. Chinese punctuation is left as it is.
 */
export function normalizeWidth(text: string): string {
  return text.replace(FULLWIDTH_ALNUM, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
