import data from './data/answer-intents.json' with { type: 'json' };
import { normalizeWidth } from '../text/normalize-width.js';
import type { AnswerSlot } from './question-intent.js';

const anyOf = (patterns: readonly string[], flags = 'u') => new RegExp(patterns.map((p) => `(?:${p})`).join('|'), flags);

const SLOTS: Record<AnswerSlot, RegExp> = {
  figure: anyOf(data.slots.figure),
  date: anyOf(data.slots.date),
  who: anyOf(data.slots.who),
  list: anyOf(data.slots.list),
};
/** Numbers that are not figures: years, plan names (十四五), versions, hospital grades (二级以上医院), 5.12国际护士节. */
const NOT_FIGURE = anyOf(data.slots.notFigure, 'gu');
/** Years that are not dates: editions such as 《…标准（2022年版）》. */
const NOT_DATE = anyOf(data.slots.notDate, 'gu');

/** What a question's figure or date counts (money, people, a share, a grade, a day), and what a sentence must give for it. */
const MEASURES = data.measures.map((m) => ({ slot: m.slot as AnswerSlot, asks: anyOf(m.asks), gives: anyOf(m.gives) }));

const ENUMERATION = new RegExp(data.enumeration.pattern, 'u');

/** The text names three or more items side by side (门诊号源、检查检验、住院床位): a list held in one sentence. */
export function enumeratesItems(text: string): boolean {
  return ENUMERATION.test(normalizeWidth(text));
}

const flat = (text: string) => normalizeWidth(text).replace(/\s+/g, '');

/** The measure a question names for its slot ("每家补贴多少钱" counts money), if any. */
function measureOf(slot: AnswerSlot, question: string) {
  const q = flat(question);
  return MEASURES.find((m) => m.slot === slot && m.asks.test(q));
}

/**
 * True when the text holds an answer of the slot's kind: a figure with a unit or a share, a date
 * or time limit, a body or role that acts, several items. A year alone is a date, not a figure;
 * an edition year (2022年版) is neither. With the question, a figure or date must also be of the
 * measure it names: 20家 does not answer 每家补贴多少钱, 2023年 does not answer 哪天起实施.
 */
export function holdsSlot(slot: AnswerSlot, text: string, question?: string): boolean {
  const t = question === undefined ? flat(text) : withoutWhatIsAsked(slot, flat(text), flat(question));
  const measure = question === undefined ? undefined : measureOf(slot, question);
  // A named measure decides alone: for 评到几级 the grade (三级乙等) is the answer, not a grade to set aside.
  if (measure) return measure.gives.test(t);
  if (slot === 'figure') return SLOTS.figure.test(t.replace(NOT_FIGURE, ' '));
  if (slot === 'date') return SLOTS.date.test(t.replace(NOT_DATE, ' '));
  return SLOTS[slot].test(t);
}

/**
 * The text without the figures and bodies the question itself names: an answer tells something
 * new. "那10家高水平医院每家补多少" is not answered by 10家; "区康复医院跟哪家医院合作" not by 区康复医院.
 */
function withoutWhatIsAsked(slot: AnswerSlot, text: string, question: string): string {
  if (slot !== 'figure' && slot !== 'who') return text;
  const pattern = new RegExp(SLOTS[slot].source, 'gu');
  return text.replace(pattern, (m) => {
    const core = slot === 'who' ? m.slice(-4) : m;
    return question.includes(core) ? ' ' : m;
  });
}

/** What the answer says the documents do not give: the question's measure (人数, 金额, 日期) or the slot's plain noun (数字, 时间). */
export function missingNoun(slot: AnswerSlot, question: string): string {
  const measure = data.measures.find((m) => m.slot === slot && anyOf(m.asks).test(flat(question)));
  return (measure && 'noun' in measure ? measure.noun : undefined) ?? data.slotNouns[slot];
}
