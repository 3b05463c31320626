import smallTalk from './data/small-talk.json' with { type: 'json' };
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
