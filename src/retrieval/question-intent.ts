import data from './data/answer-intents.json' with { type: 'json' };
import { spellWhichCounts } from '../text/chinese-numerals.js';
import { normalizeForSearch } from '../text/tokenize.js';
import { asksComparison, asksWhichBody, citedDocumentAsked, contentsAsked, WHAT_SLOTS, whatSlotAsks } from './slot-evidence.js';

import type { AnswerIntent, AnswerSlot } from '../core/types.js';

/**
 * What kind of answer a question asks: a figure or quantity, a date or deadline, a responsible
 * body, a list of items, a yes/no (or permission), or what something is (the rest). The kinds
 * with a slot (figure, date, who, list) are those a sentence either holds or not; a what-question
 * may still ask one (`slotAsked`: a method, a place, a named set's contents).
 */
export type { AnswerIntent, AnswerSlot };

const INTENTS: ReadonlyArray<{ intent: AnswerIntent; asks: RegExp }> = data.intents.map((entry) => ({
  intent: entry.intent as AnswerIntent,
  asks: new RegExp(entry.asks.join('|'), 'u'),
}));

/**
 * Reads the kind of answer a question asks from its question words (data/answer-intents.json
 * says where they come from and in which order the kinds are tried). English questions are read
 * by their own question words.
 */
export function readIntent(question: string): AnswerIntent {
  const q = spellWhichCounts(normalizeForSearch(question));
  if (!/\p{Script=Han}/u.test(q)) return readEnglishIntent(question.trim().toLowerCase().replace(/\s+/g, ' '));
  // 啥 is the spoken 什么 (现代汉语八百词): a question word the lists give with 什么 only (包括什么, 什么单位) asks the same with 啥.
  const forms = q.includes('啥') ? [q, q.replaceAll('啥', '什么')] : [q];
  return INTENTS.find((entry) => forms.some((form) => entry.asks.test(form)))?.intent ?? 'what';
}

/** The slot of an intent, when it has one. */
export function slotOf(intent: AnswerIntent): AnswerSlot | undefined {
  return intent === 'figure' || intent === 'date' || intent === 'who' || intent === 'list' ? intent : undefined;
}

const CONTENTS_OUTRIGHT = /具体|内容|条款|哪/u;
/** The sets that are their items (标准, 清单, 目录, 指标体系: data/answer-intents.json `contents.itemsOnly`): asking what one is asks its contents. */
const SET_OF_ITEMS = new RegExp(`(?:${data.contents.itemsOnly.join('|')})$`, 'u');

/** The words that ask how one applies for or does a thing (咋申请, 要走啥流程, 要准备啥材料). */
const PROCEDURE = whatSlotAsks('procedure');
const CONSEQUENCE = whatSlotAsks('consequence');
/** Words that ask the conditions or standards a thing must meet (需满足哪些条件, 啥资格). */
const CONDITIONS = /(?:哪些|什么|啥|哪几个?)(?:样的)?(?:条件|资格|标准)/u;

/**
 * The slot a question asks: its intent's, or for a what-question one it names (data/answer-intents.json
 * `whatSlots`): how a thing is computed or scored (每个人头的钱是怎么算出来的 → method), where it is (临时接种点都设在哪儿
 * → place), what a named standard or rule set holds (十项不得的具体内容是什么, 改进目标具体是啥 → list, its
 * contents); undefined when it asks what something is.
 */
export function slotAsked(question: string, intent: AnswerIntent): AnswerSlot | undefined {
  const q = spellWhichCounts(normalizeForSearch(question));
  // 要走啥手续, 要准备哪些材料 read as lists by their question word: the steps or materials of a procedure are asked;
  // not when the conditions are asked too (需满足哪些条件、办理什么手续): the list of them stays asked.
  if (intent === 'list' && PROCEDURE.test(q) && !CONDITIONS.test(q)) return 'procedure';
  // 有哪些具体处罚措施, 会受到哪些处分: the sanctions that follow are asked, not any list.
  if (intent === 'list' && CONSEQUENCE.test(q)) return 'consequence';
  if (intent !== 'what') return slotOf(intent);
  // Which of two is more (哪个区的专病医联体多, 比普陀区多还是少): the figure of each side is asked.
  if (asksComparison(q)) return 'figure';
  // Its contents asked outright (具体内容是什么, 具体是啥), not what it is (医疗质量管理制度是什么).
  if (CONTENTS_OUTRIGHT.test(q) && contentsAsked(q) !== undefined) return 'list';
  const named = WHAT_SLOTS.find((entry) => entry.asks.test(q))?.slot;
  if (named !== undefined) return named;
  // What a standard, a list or a catalogue is (标杆点的建设标准是什么, 证明事项清单是啥): such a set is its items, asked when
  // the set is (not a rule set, which may be asked what it is: 医疗质量管理制度是什么).
  if (contentsAsked(q)?.some((name) => SET_OF_ITEMS.test(name))) return 'list';
  // Or what a document the seed documents cite holds (依法执业自查管理办法里要求医院怎么自查), when no other slot is asked
  // (《…条例》的立法要经过怎样的程序 asks a procedure).
  return citedDocumentAsked(q) !== undefined ? 'list' : undefined;
}

/**
 * The slots the quoted sentence must itself hold, else the answer says which is missing: every slot but a list (which
 * several points compose) and a body asked in general (谁负责: a plan's tasks fall to its issuer); a body when the
 * question asks which one (哪家医院, 哪个单位, who holds a post).
 */
export function quoteMustHold(slot: AnswerSlot | undefined, question: string): slot is Exclude<AnswerSlot, 'list'> {
  return slot !== undefined && slot !== 'list' && (slot !== 'who' || asksWhichBody(question));
}

/** English questions' own question words, in the order they are tried (data/answer-intents.json `englishIntents`). */
const ENGLISH_INTENTS: ReadonlyArray<{ intent: AnswerIntent; asks: RegExp }> = data.englishIntents.map((entry) => ({
  intent: entry.intent as AnswerIntent,
  asks: new RegExp(entry.asks.join('|'), 'u'),
}));

function readEnglishIntent(q: string): AnswerIntent {
  return ENGLISH_INTENTS.find((entry) => entry.asks.test(q))?.intent ?? 'what';
}

const LIST_FILLERS = new RegExp(data.listFillers.words.join('|'), 'gu');

const ASKING_WORD = new RegExp(`^(?:${data.intents.flatMap((entry) => entry.asks).join('|')})$`, 'u');

/** A word that only asks what kind of answer is wanted (牵头, 截止, 有效期, 哪些): it names no topic. */
export function isAskingWord(word: string): boolean {
  return ASKING_WORD.test(word);
}

const LIST_FILLER_WORD = new RegExp(`^(?:${data.listFillers.words.join('|')})+$`, 'u');

const HOW_PUT = /^(?:是)?(?:怎么|咋|如何)(?:说|讲|写|提|规定|要求|安排)的?$/u;

/** A word that asks how something is put (怎么说, 咋讲的, 是如何规定的): no word of the subject. */
export function asksHowPut(word: string): boolean {
  return HOW_PUT.test(word);
}

/** A word that asks for items rather than naming a topic (都有, 包括, 内容). */
export function isListFiller(word: string): boolean {
  return LIST_FILLER_WORD.test(word);
}

const NAMES_NO_SUBJECT = new RegExp(`^(?:${[...data.listFillers.words, ...data.activityNouns, ...data.abstractNouns, ...data.courseWords].join('|')})+$`, 'u');

/**
 * A word that asks what becomes of a subject rather than naming one (作用, 标准, 方向, 建成以后, 达到, 鼓励,
 * 安排, 做法: data/answer-intents.json `courseWords` with the list fillers, activity and abstract nouns).
 */
export function namesNoSubject(word: string): boolean {
  return NAMES_NO_SUBJECT.test(word);
}

/** A list question without the words that ask for items (哪些安排, 什么措施): what remains names its topic. */
export function listTopic(question: string): string {
  return question.replace(LIST_FILLERS, ' ');
}

const LIST_JOINERS = new RegExp(data.listJoiners.words.join('|'), 'u');

/** The subjects a list question names side by side (护理和继续教育 -> 护理, 继续教育); one when it names one. */
export function listSubjects(topic: string): string[] {
  return topic
    .split(LIST_JOINERS)
    .map((s) => s.trim())
    .filter(Boolean);
}
