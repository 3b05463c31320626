/**
 * Turns CC-CEDICT (Chinese -> English) into the English -> Chinese map that English questions are
 * searched with, kept to the headwords the corpus uses. Pure: `build-english-terms.ts` does the I/O.
 */
import { z } from 'zod';
import { UpstreamError } from '../core/errors.js';
import { normalizeWidth } from '../text/normalize-width.js';
import { englishKey } from '../text/english-words.js';

/** One dictionary entry as `cc-cedict`'s data/all.js has it: traditional, simplified, pinyin, meanings, … */
export interface CedictEntry {
  simplified: string;
  meanings: string[];
}

const allJs = z.object({
  all: z.array(z.tuple([z.string(), z.string(), z.string(), z.union([z.string(), z.array(z.string())])], z.unknown())),
});

/**
 * Parses the text of `cc-cedict`'s data/all.js (`export default {"all":[[trad, simp, pinyin,
 * meanings, …]], …}`) as JSON, never by running it.
 */
export function parseCedictModule(source: string): CedictEntry[] {
  const body = source
    .trim()
    .replace(/^export\s+default\s+/, '')
    .replace(/;$/, '');
  if (body === source.trim()) throw new UpstreamError('cc-cedict', 'data/all.js does not start with `export default`: the package layout has changed.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new UpstreamError('cc-cedict', `data/all.js is not a JSON object after \`export default\`: ${(error as Error).message}`);
  }
  const result = allJs.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UpstreamError('cc-cedict', `data/all.js: ${issue.path.join('.')} ${issue.message} (expected all: [[traditional, simplified, pinyin, meanings]])`);
  }
  return result.data.all.map(([, simplified, , meanings]) => ({ simplified, meanings: typeof meanings === 'string' ? [meanings] : meanings }));
}

/** Senses that point elsewhere or name nothing a question would ask about. */
const NOT_A_SENSE =
  /^(?:variant of|old variant|archaic variant|japanese variant|erhua variant|also written|see |see also|cl:|surname|abbr\.|used in|\(?old\)|\(archaic\)|\(literary\)|\(classical\)|\(dialect\))/i;

/**
 * The English phrases of one meaning, best first: parentheses, pinyin and Chinese cross-references
 * removed, a leading "to (be)"/"a"/"the" and a trailing preposition dropped ("to be responsible
 * for" -> "responsible"), synonyms split at commas and semicolons.
 */
export function sensePhrases(meaning: string): string[] {
  if (NOT_A_SENSE.test(meaning.trim())) return [];
  return meaning
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\S*[\p{Script=Han}|]\S*/gu, ' ')
    .split(/[;,]/)
    .map((part) =>
      part
        .trim()
        .replace(/^(?:to\s+)?(?:be\s+)?(?:(?:a|an|the)\s+)?/i, '')
        .replace(/\s+etc\.?$/i, '')
        .replace(/\s+(?:for|of|to|in|on|with|at|by|from|about)$/i, '')
        .trim(),
    )
    .filter((part) => part !== '' && /^[a-z][a-z' -]*$/i.test(part) && !/\b(?:sb|sth|one's|oneself)\b/i.test(part));
}

export interface ReverseOptions {
  /** English words never translated (and never the first or last word of a key). */
  stopwords: ReadonlySet<string>;
  /** Chinese headwords kept per English key (default 3). */
  perKey?: number;
  /** Longest English key, in words (default 4). */
  maxWords?: number;
  /** A headword is kept for a key only when it scores at least this share of the key's best (default 0.5). */
  minShare?: number;
}

const HAN_ONLY = /^\p{Script=Han}{2,}$/u;

/** Every substring of `text` of 2..`longest` characters, to test headwords against in one look-up. */
function substrings(text: string, longest: number): Set<string> {
  const chars = [...text];
  const all = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    let piece = chars[i]!;
    for (let j = i + 1; j < Math.min(chars.length, i + longest); j++) {
      piece += chars[j]!;
      all.add(piece);
    }
  }
  return all;
}

function countIn(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) n++;
  return n;
}

/**
 * English key (src/text/english-words.ts) -> the Chinese headwords (two or more Han characters)
 * that occur in `corpusText`, best first. A headword ranks higher the earlier the sense (first
 * meaning, first synonym) and the more often the corpus uses it.
 */
export function reverseCedict(entries: readonly CedictEntry[], corpusText: string, options: ReverseOptions): Record<string, string[]> {
  const perKey = options.perKey ?? 3;
  const maxWords = options.maxWords ?? 4;
  const minShare = options.minShare ?? 0.5;
  const text = normalizeWidth(corpusText).replace(/\s+/g, '');
  const present = substrings(text, 12);
  const counts = new Map<string, number>();
  const scores = new Map<string, Map<string, number>>();
  for (const entry of entries) {
    const word = entry.simplified;
    if (!HAN_ONLY.test(word) || !present.has(word)) continue;
    let count = counts.get(word);
    if (count === undefined) counts.set(word, (count = countIn(text, word)));
    for (const [senseRank, meaning] of entry.meanings.entries()) {
      for (const [partRank, phrase] of sensePhrases(meaning).entries()) {
        const words = phrase
          .toLowerCase()
          .split(/[\s-]+/)
          .filter(Boolean);
        if (words.length > maxWords || options.stopwords.has(words[0]!) || options.stopwords.has(words.at(-1)!)) continue;
        const key = englishKey(phrase);
        if (key === '') continue;
        const score = Math.log2(1 + count) / (1 + senseRank) / (1 + 0.5 * partRank);
        const forKey = scores.get(key) ?? new Map<string, number>();
        forKey.set(word, Math.max(forKey.get(word) ?? 0, score));
        scores.set(key, forKey);
      }
    }
  }
  const map: Record<string, string[]> = {};
  for (const key of [...scores.keys()].sort()) {
    const ranked = [...scores.get(key)!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const best = ranked[0]![1];
    map[key] = ranked
      .filter(([, score]) => score >= best * minShare)
      .slice(0, perKey)
      .map(([word]) => word);
  }
  return map;
}

/** The Latin-script words of the corpus (IDC, DRG, MDT, 5G), as the documents spell them. */
export function corpusLatinWords(corpusText: string): string[] {
  const words = normalizeWidth(corpusText).match(/[A-Za-z0-9]+/g) ?? [];
  return [...new Set(words.filter((w) => w.length >= 2 && /[A-Za-z]/.test(w)))].sort();
}
