/**
 * A sentence ends at 。！？； (or their ASCII forms), together with any closing quotes or
 * brackets that follow. An ASCII `.` ends a sentence only when it is not inside a number
 * (`3.0版`, `5.12`): one document of the corpus uses `.` as its full stop.
 */
const SENTENCE = /(?:[^。！？；!?;.]|\.(?=\d))*(?:[。！？；!?;]|\.(?!\d)|$)[”’」』）)》»]*/g;

/** Splits text into sentences; joining the result gives back the text exactly. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const match of text.matchAll(SENTENCE)) {
    const piece = match[0];
    if (piece === '') continue;
    pending += piece;
    // A `.` right after a digit and before a non-digit may still be a list marker like `1.`
    // at the very start; never leave a sentence that is only a marker.
    if (/^\s*\d{1,2}[.．]$/.test(pending)) continue;
    out.push(pending);
    pending = '';
  }
  if (pending !== '') out.push(pending);
  return out;
}

/** True when the text ends a sentence (used to tell headings and lead sentences from body). */
export function endsSentence(text: string): boolean {
  return /(?:[。！？；!?;:：]|(?<!\d)\.)[”’」』）)》»]*$/.test(text);
}

/** True when the text holds a sentence end anywhere. */
export function hasSentenceEnd(text: string): boolean {
  return /[。！？；!?;]|\.(?!\d)/.test(text.replace(/^\s*\d{1,2}[.．]/, ''));
}
