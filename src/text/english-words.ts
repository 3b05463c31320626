/**
 * English words reduced to one key per word, so that a question and a dictionary sense meet
 * whatever the inflection or spelling: "Hospitals" / "hospital", "centres" / "center",
 * "prioritising" / "prioritize", "nursing" / "nurse". Pure; used both when the English
 * dictionary is built (src/cli/build-english-terms.ts) and when a question is read.
 */

/** British spellings -> American (the dictionary's), applied to a whole lower-case word. */
const SPELLING: Array<[RegExp, string]> = [
  [/^(cent|fib|theat|lit|met|spect|calib)red$/, '$1ered'],
  [/^(cent|fib|theat|lit|met|spect|calib)re(s)?$/, '$1er$2'],
  [/^([a-z]{3,})our(s|ed|ing|ite|ites|able|er|ers)?$/, '$1or$2'],
  [/^([a-z]{2,})is(e|es|ed|ing|er|ers|ation|ations)$/, '$1iz$2'],
  [/^([a-z]{2,})ys(e|es|ed|ing)$/, '$1yz$2'],
  [/^(p|orthop|gyn|an|h|leuk|ana)ae/, '$1e'],
  [/^(oe)(dem|soph|strog)/, 'e$2'],
  [/^(f)oet/, '$1et'],
  [/rrhoea/, 'rrhea'],
  [/^programme(s)?$/, 'program$1'],
  [/^(licen|defen|offen|pretens)ce(s)?$/, '$1se$2'],
  [/^(catal|dial|anal)ogue(s)?$/, '$1og$2'],
  [/^(enrol|fulfil|instal)(ment|ments|s)?$/, '$1l$2'],
];

/** Plurals no suffix rule reaches, and words that only look plural. */
const IRREGULAR: Record<string, string> = {
  children: 'child',
  women: 'woman',
  men: 'man',
  criteria: 'criterion',
  consortia: 'consortium',
  news: 'news',
  series: 'series',
  species: 'species',
  built: 'build',
  led: 'lead',
  held: 'hold',
  paid: 'pay',
  given: 'give',
  taken: 'take',
  chosen: 'choose',
  brought: 'bring',
  began: 'begin',
  begun: 'begin',
  written: 'write',
  kept: 'keep',
  sent: 'send',
  spent: 'spend',
  grown: 'grow',
  known: 'know',
  sought: 'seek',
  undertaken: 'undertake',
};

const VOWEL = /[aeiou]/;

function isConsonant(word: string, i: number): boolean {
  const c = word[i]!;
  if (VOWEL.test(c)) return false;
  return c !== 'y' || i === 0 || !isConsonant(word, i - 1);
}

/** Porter's measure: the number of vowel-consonant sequences in a stem. */
function measure(stem: string): number {
  let m = 0;
  let inVowel = false;
  for (let i = 0; i < stem.length; i++) {
    const consonant = isConsonant(stem, i);
    if (inVowel && consonant) m++;
    inVowel = !consonant;
  }
  return m;
}

const hasVowel = (stem: string) => [...stem].some((_, i) => !isConsonant(stem, i));

/** Ends consonant-vowel-consonant, the last not w, x or y (hop, car: keeps their e). */
function endsCvc(stem: string): boolean {
  const n = stem.length;
  return n >= 3 && isConsonant(stem, n - 1) && !isConsonant(stem, n - 2) && isConsonant(stem, n - 3) && !/[wxy]/.test(stem[n - 1]!);
}

/**
 * Porter's steps 1 and 5 (plurals, -ed, -ing, final e and ll): inflections only, so that
 * "nursing" meets "nurse" but "national" stays apart from "nation".
 */
function stem(word: string): string {
  // Short words keep their letters, but a final y after a vowel turns to i as in longer ones, so
  // that "pay" meets "paying" and "pays" (both "pai").
  if (word.length <= 3) return /[aeiou]y$/.test(word) ? `${word.slice(0, -1)}i` : word;
  let w = word;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);

  let trimmed = false;
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) {
    w = w.slice(0, -2);
    trimmed = true;
  } else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) {
    w = w.slice(0, -3);
    trimmed = true;
  }
  if (trimmed) {
    if (/(at|bl|iz)$/.test(w)) w += 'e';
    else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
    else if (measure(w) === 1 && endsCvc(w)) w += 'e';
  }
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;

  if (w.endsWith('e')) {
    const base = w.slice(0, -1);
    const m = measure(base);
    if (m > 1 || (m === 1 && !endsCvc(base))) w = base;
  }
  if (w.endsWith('ll') && measure(w) > 1) w = w.slice(0, -1);
  return w;
}

/** The key of one word: lower case, American spelling, inflection removed. */
export function englishWordKey(word: string): string {
  let w = word.toLowerCase();
  for (const [pattern, replacement] of SPELLING) w = w.replace(pattern, replacement);
  return IRREGULAR[w] ?? (/^[a-z]+$/.test(w) ? stem(w) : w);
}

/**
 * The words of an English text, as written (lower case): hyphens and slashes split words
 * ("follow-up", "A&E"), a possessive 's is dropped and other apostrophes joined ("Jing'an").
 */
export function englishWords(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[’‘`]/g, "'")
      .replace(/'s\b/g, '')
      .replace(/([a-z])'([a-z])/g, '$1$2')
      .match(/[a-z0-9]+/g) ?? []
  );
}

/** The key of a phrase: its words' keys joined by single spaces. */
export function englishKey(phrase: string): string {
  return englishWords(phrase).map(englishWordKey).join(' ');
}
