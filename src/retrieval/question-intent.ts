import data from './data/answer-intents.json' with { type: 'json' };
import { normalizeForSearch } from '../text/tokenize.js';

import type { AnswerIntent, AnswerSlot } from '../core/types.js';

/**
 * What kind of answer a question asks: a figure or quantity, a date or deadline, a responsible
 * body, a list of items, a yes/no (or permission), or what something is (the rest). The kinds
 * with a slot (figure, date, who, list) are those a sentence either holds or not.
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
  const q = normalizeForSearch(question);
  if (!/\p{Script=Han}/u.test(q)) return readEnglishIntent(question.trim().toLowerCase().replace(/\s+/g, ' '));
  return INTENTS.find((entry) => entry.asks.test(q))?.intent ?? 'what';
}

/** The slot of an intent, when it has one. */
export function slotOf(intent: AnswerIntent): AnswerSlot | undefined {
  return intent === 'figure' || intent === 'date' || intent === 'who' || intent === 'list' ? intent : undefined;
}

/**
 * "What's the budget for …", "By what percentage will … go up", "what is the salary cap": the thing
 * asked is an amount, as 多少 asks one in Chinese ("…预算多少"), though no "how much" is written.
 * Only nouns that are amounts by themselves; "what's the target for …" may ask a task.
 */
const ENGLISH_FIGURE_NOUN =
  /\bby what (?:percentage|proportion|share|rate|margin)\b|^what(?:'s| is| are| was| were)? (?:the |its |their )?(?:[a-z-]+ ){0,3}?(?:budget|cost|price|fee|amount|percentage|proportion|ratio|quota|funding|subsidy|cap)s?\b/;

/**
 * A list asked without "what are": what several documents say ("What do the documents say about …",
 * as 几个文件里都咋说的 in Chinese), or what falls under a part of a document (那部分有哪些).
 */
const ENGLISH_LIST =
  /\bwhat (?:do|did) (?:the|these|those|both|all|all the|the two|the three|the city's|the city and (?:the )?district) (?:[a-z'-]+ ){0,3}?(?:documents|policies|plans|papers|files|texts|rules)\b[^?]*\bsay\b|\bwhat (?:falls|comes|is covered|is included) (?:under|in)\b/;

function readEnglishIntent(q: string): AnswerIntent {
  if (/^(?:when\b|by when|what (?:year|date|time)|how long|until when|deadline)/.test(q) || /\bdeadline\b|\bby what (?:year|date)/.test(q)) return 'date';
  if (/^(?:who\b|which (?:department|body|agency|office|unit|organi[sz]ation)s?\b)/.test(q) || /\bresponsible\b|\bin charge\b|\bleads?\b/.test(q)) return 'who';
  if (/^(?:how (?:many|much)|what (?:percentage|proportion|ratio|share|number))/.test(q) || /\bhow (?:many|much)\b/.test(q) || ENGLISH_FIGURE_NOUN.test(q)) return 'figure';
  if (/^(?:what|which) (?:are|measures|steps|tasks)\b|\blist\b|\bwhat measures\b/.test(q) || ENGLISH_LIST.test(q)) return 'list';
  if (/^(?:can|could|may|must|should|is|are|do|does|will|shall)\b/.test(q)) return 'yes-no';
  return 'what';
}

const LIST_FILLERS = new RegExp(data.listFillers.words.join('|'), 'gu');

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
