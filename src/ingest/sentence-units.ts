import type { Passage } from '../core/types.js';
import { splitSentences } from '../text/split-sentences.js';
import { normalizeForSearch } from '../text/tokenize.js';

/** A sentence of a passage, embedded on its own: the unit a question is matched against. */
export interface SentenceUnit {
  /** `<passage id>@<n>`, n counting the passage's sentences from 0. */
  id: string;
  passageId: string;
  text: string;
}

/** Sentences shorter than this (after removing spaces) say too little to match on their own. */
const MIN_CHARS = 6;

/** The sentences of a passage worth embedding on their own (a point's number marker dropped). */
export function sentenceUnits(passage: Passage): SentenceUnit[] {
  return splitSentences(passage.text).flatMap((sentence, n) => {
    const text = sentence.replace(/^\s*\d{1,2}[.．]\s*/, '').replace(/\s+/g, '');
    return normalizeForSearch(text).length < MIN_CHARS ? [] : [{ id: `${passage.id}@${n}`, passageId: passage.id, text }];
  });
}

/** The passage a sentence unit belongs to. */
export function passageOfSentence(sentenceId: string): string {
  return sentenceId.slice(0, sentenceId.lastIndexOf('@'));
}
