import { parseChineseNumeral } from '../text/chinese-numerals.js';

/** Where a question points in a document's list of sections: the n-th (一、 = 1), or the last. */
export type SectionPosition = number | 'last';

/** A section of a document named by its ordinal: 第三部分, 第三块, 第三大块, 第3部分, 第三方面, 第三板块. */
const SECTION_ORDINAL = /第\s*([一二三四五六七八九十]|\d{1,2})\s*(?:大?块|大?部分|方面|板块)/;
/**
 * The last section, named by its place: 最后一部分, 最后那块, 最后的部分, 最后一大块, 最后一个方面; and by the words for a text's end
 * (收尾那块, 结尾那部分, 末尾那一块); and the points at the end counted by none (最后那几条保障措施是啥: those the text closes with), or
 * whose count is asked (最后的保障措施有几条); what the last part is about may stand between, up to 16 characters (最后讲如何组织落实、保障推进的部分).
 */
const LAST_SECTION =
  /(?:最后|收尾|结尾|末尾|最末)(?:一个|一|那一?|的|这一?)?\s*(?:大?块|大?部分|方面|板块)|(?:最后|末尾|最末)[那这](?:几|些)(?:条|项|点)|(?:最后|末尾|最末)的?[^，,。？?]{2,8}?(?:有|共|一共|总共|列了|分)几(?:条|项|点)|(?:最后|收尾|结尾|末尾)[^，,。？?]{1,16}?(?:[那这]一?\s*(?:大?块|大?部分|方面|板块)|的\s*(?:大?块|大?部分|板块))/;
/** The first section, named by its place: 开头那部分, 开篇的部分, 最前面那块, and with what it is about between (开头讲新冠救治那部分); as the last is named at the text's end, and with what it is about (最后讲专项工作那部分). */
const FIRST_SECTION = /(?:开头|开篇|最前面|最开始)(?:一个|一|那一?|的|这一?)?\s*(?:大?块|大?部分|方面|板块)|(?:开头|开篇|最前面|最开始)[^，,。？?]{1,10}?[那这]一?\s*(?:大?块|大?部分|方面|板块)/;

/**
 * The section a question names by its ordinal or by its place ("第三块讲的啥", "最后那部分讲了什么"),
 * with the words that name it (to be read out of the question). Undefined when it names none; a
 * point (第三条, 第三点) is not a section.
 */
export function readSectionOrdinal(question: string): { position: SectionPosition; words: string } | undefined {
  const q = question.replace(/\s+/g, '');
  const ordinal = SECTION_ORDINAL.exec(q);
  if (ordinal) return { position: /\d/.test(ordinal[1]!) ? Number(ordinal[1]) : parseChineseNumeral(ordinal[1]!), words: ordinal[0] };
  const last = LAST_SECTION.exec(q);
  if (last) return { position: 'last', words: last[0] };
  const first = FIRST_SECTION.exec(q);
  return first ? { position: 1, words: first[0] } : undefined;
}

/** The first or last few points of a section or document: 最后三条, 开头两条, 前三点, 收尾的最后两项. */
const LAST_POINTS = /(?:最后|末尾|最末)\s*([一二三四五六两]|\d)\s*(?:条|点|项)/;
const FIRST_POINTS = /(?:开头|最前面|前面|前|头)\s*([一二三四五六两]|\d)\s*(?:条|点|项)/;

/**
 * The first or last `count` points a question asks of a section or a document ("疫情那部分最后三条",
 * "第二部分开头两条"), with the words that ask it. Undefined when it asks none.
 */
export function readPointRange(question: string): { from: 'start' | 'end'; count: number; words: string } | undefined {
  const q = question.replace(/\s+/g, '');
  const last = LAST_POINTS.exec(q);
  const first = last ? undefined : FIRST_POINTS.exec(q);
  const m = last ?? first;
  if (!m) return undefined;
  const count = /\d/.test(m[1]!) ? Number(m[1]) : m[1] === '两' ? 2 : parseChineseNumeral(m[1]!);
  return { from: last ? 'end' : 'start', count, words: m[0] };
}
