import data from './data/everyday-words.json' with { type: 'json' };

interface Entry {
  say: string[];
  means: string[];
  notAfter?: RegExp;
  notBefore?: RegExp;
}

const ENTRIES: Entry[] = data.entries.map((e) => ({
  say: e.say,
  means: e.means,
  ...('notAfter' in e && e.notAfter ? { notAfter: new RegExp(`(?:${e.notAfter})$`) } : {}),
  ...('notBefore' in e && e.notBefore ? { notBefore: new RegExp(`^(?:${e.notBefore})`) } : {}),
}));

/** Every document term the table maps to (for the test that checks each occurs in the corpus). */
export const DOCUMENT_TERMS: readonly string[] = [...new Set(ENTRIES.flatMap((e) => e.means))];

/** True when `word` occurs in `text` in a place where it means what the table says. */
function occurs(text: string, word: string, entry: Entry): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text.slice(Math.max(0, at - 4), at);
    const after = text.slice(at + word.length, at + word.length + 4);
    if (entry.notAfter?.test(before) || entry.notBefore?.test(after)) continue;
    return true;
  }
  return false;
}

/**
 * The document terms for the everyday words of a question (发烧 -> 发热, 大医院 -> 三级医院),
 * leaving out terms the question already has. See data/everyday-words.json for the sources.
 */
export function documentTermsFor(question: string): string[] {
  const added = new Set<string>();
  for (const entry of ENTRIES) {
    if (!entry.say.some((w) => occurs(question, w, entry))) continue;
    for (const term of entry.means) if (!question.includes(term)) added.add(term);
  }
  return [...added];
}

/** The question with the document terms of its everyday words appended. */
export function expandEverydayWords(question: string): string {
  const extra = documentTermsFor(question);
  return extra.length > 0 ? `${question} ${extra.join(' ')}` : question;
}
