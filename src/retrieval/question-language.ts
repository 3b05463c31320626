import smallTalk from './data/small-talk.json' with { type: 'json' };
import intents from './data/answer-intents.json' with { type: 'json' };
import { escapeRegExp } from '../text/escape-reg-exp.js';
import { normalizeForSearch } from '../text/tokenize.js';

const HAN = /\p{Script=Han}/u;

/** True when the question has Chinese in it (the documents are Chinese; bge-small-zh matches some English). */
export function writtenInChinese(question: string): boolean {
  return HAN.test(question);
}

const PHRASE = `(?:${smallTalk.phrases.join('|')})[,，.。!！?？~～啊呀呢吧哦哈啦嘛]*`;
const SMALL_TALK = new RegExp(`^(?:${PHRASE})+$`, 'i');

/** Greetings, thanks and questions about the assistant itself: never answered from the documents. */
export function isSmallTalk(question: string): boolean {
  return SMALL_TALK.test(normalizeForSearch(question).replace(/^(?:请问|那|嗯)/, ''));
}

const TERM_ONLY_CHARACTERS = new RegExp(`^[${intents.termOnly.characters}]*$`, 'u');
/** Latin-letter terms, a digit or + inside allowed (IDC, MDT, H7N9, 5G). */
const LATIN_TERMS = /[a-z0-9]*[a-z][a-z0-9+]*/gu;
/** Han characters the documents write before an acronym they define in brackets: 多学科诊疗(MDT), 传染病临床诊治中心（IDC）. */
const DEFINING_CHARS = 10;

/**
 * A question that names nothing but Latin-letter terms (IDC是啥, MDT那块咋弄: the rest only asks what they are or how they
 * are done, data/answer-intents.json `termOnly`), each term preceded by the words the documents define it with in
 * brackets (推广多学科诊疗(MDT) → 多学科诊疗MDT是啥): the local embedding model was not trained on such acronyms and
 * reads the Chinese name. Unchanged otherwise, and for a term no document defines. `corpusText` is normalised.
 */
export function withLatinTermsDefined(question: string, corpusText: string): string {
  const q = normalizeForSearch(question);
  const terms = (q.match(LATIN_TERMS) ?? []).filter((t) => t.length >= 2);
  if (terms.length === 0 || !TERM_ONLY_CHARACTERS.test(q.replace(LATIN_TERMS, '').replace(/[\p{P}\p{S}]/gu, ''))) return question;
  let defined = q;
  for (const term of new Set(terms)) {
    const at = corpusText.search(new RegExp(`[(（]${escapeRegExp(term)}[)）]`, 'u'));
    if (at < 0) continue;
    const name = /\p{Script=Han}+$/u.exec(corpusText.slice(Math.max(0, at - DEFINING_CHARS), at))?.[0];
    if (name) defined = defined.replace(term, `${name}${term}`);
  }
  return defined === q ? question : defined;
}
