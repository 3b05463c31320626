import { splitSentences } from '../text/split-sentences.js';

/**
 * Splits text longer than `maxChars` at sentence ends into the fewest parts of roughly equal
 * length; a single sentence longer than the limit stays whole. Joining the parts gives the text.
 */
export function splitLongText(text: string, maxChars: number): string[] {
  if (text.length <= maxChars) return [text];
  const sentences = splitSentences(text);
  const count = Math.ceil(text.length / maxChars);
  const target = text.length / count;
  const parts: string[] = [];
  let currentPart = '';
  for (const sentence of sentences) {
    const remainingParts = count - parts.length;
    if (currentPart !== '' && remainingParts > 1 && currentPart.length + sentence.length / 2 > target) {
      parts.push(currentPart);
      currentPart = '';
    }
    currentPart += sentence;
  }
  if (currentPart !== '') parts.push(currentPart);
  return parts;
}
