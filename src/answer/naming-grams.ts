import data from '../retrieval/data/answer-intents.json' with { type: 'json' };
import type { Corpus } from '../core/corpus.js';
import type { Bm25Index } from '../retrieval/bm25-index.js';
import { expandEverydayWords } from '../retrieval/everyday-words.js';
import { DOC_NUMBERS, withTitleWordsInFull } from '../retrieval/parse-citation-query.js';
import type { PolicyDocument } from '../core/types.js';
import { SCOPE_WORDS } from '../retrieval/scope-check.js';
import { contentBigrams, normalizeForSearch, topicTerms } from '../text/tokenize.js';
import { withoutTitleRuns } from '../text/runs.js';

/** A run of this many characters of a document's title in a question names the document (医政医管, 高质量发展), not a block or a point. */
const TITLE_RUN = 3;

/**
 * The words of a topic that can name a heading or a lead: bigrams (everyday words mapped to the
 * documents' terms; places, years and runs of a document's title or issuer left out: 医政医管,
 * 市政府办公厅) found in at least two passages and holding no function character (在医, 与服 of
 * 在医疗质量与服务管理). A bigram across two words ("理这", "情救") is found in one passage or none,
 * and would weigh the most.
 */
export function namingGrams(text: string, corpus: Corpus, bm25: Bm25Index, named?: PolicyDocument): string[] {
  return contentBigrams(expandEverydayWords(withoutDocumentNames(text, corpus, named))).filter((g) => bm25.documentFrequency(g) >= 2 && !NAMING_STOPS.test(g));
}

/**
 * The bigrams of a topic that one passage alone holds (免陪, 陪照, 照护 of 免陪照护服务), document names, places and years left
 * out, and none across two words (holding a function character): the words that name a subject of one point.
 */
export function rareGrams(text: string, corpus: Corpus, bm25: Bm25Index): string[] {
  return contentBigrams(expandEverydayWords(withoutDocumentNames(text, corpus))).filter((g) => bm25.documentFrequency(g) === 1 && !NAMING_STOPS.test(g));
}

/**
 * The text without the words that name documents rather than a topic: 文号, runs of a title or issuer (医政医管, 市政府办公厅),
 * places and years (not a place the documents write as part of a name: 健康上海); with `named`, the document a question names, only its title and issuer (医院高质量发展, a run of the
 * 2021 plan's title, is a topic in 长宁计划里推动医院高质量发展那部分).
 */
export function withoutDocumentNames(text: string, corpus: Corpus, named?: PolicyDocument): string {
  const names = named ? [normalizeForSearch(named.title), normalizeForSearch(named.issuer)] : documentNames(corpus).titlesAndIssuers;
  const plain = withoutTitleRuns(normalizeForSearch(withTitleWordsInFull(text.replace(DOC_NUMBERS, ' '))), names, TITLE_RUN);
  // A place after a word that the documents write with it as one name (健康上海 of 健康上海行动) names a programme, not where.
  const written = corpusText(corpus);
  return plain.replace(SCOPE_WORDS, (place: string, _group: string, at: number) => {
    const before = plain.slice(Math.max(0, at - 2), at);
    return /^\p{Script=Han}{2}$/u.test(before) && written.includes(before + place) ? place : ' ';
  });
}

const TEXTS = new WeakMap<Corpus, string>();

/** The passages' text, normalised once per corpus. */
function corpusText(corpus: Corpus): string {
  let text = TEXTS.get(corpus);
  if (text === undefined) {
    text = corpus.passages.map((p) => normalizeForSearch(p.text)).join('\n');
    TEXTS.set(corpus, text);
  }
  return text;
}

const NAMES = new WeakMap<Corpus, { titles: string[]; titlesAndIssuers: string[] }>();

/** The corpus's titles and issuers, normalised once per corpus: every list question reads them several times. */
function documentNames(corpus: Corpus): { titles: string[]; titlesAndIssuers: string[] } {
  let names = NAMES.get(corpus);
  if (!names) {
    const documents = [...corpus.documents.values()];
    const titles = documents.map((d) => normalizeForSearch(d.title));
    names = { titles, titlesAndIssuers: [...titles, ...documents.map((d) => normalizeForSearch(d.issuer))] };
    NAMES.set(corpus, names);
  }
  return names;
}

/** IDF-weighted share of `grams` that `text` holds. */
export function share(grams: readonly string[], text: string, bm25: Bm25Index): number {
  const total = grams.reduce((s, g) => s + bm25.idf(g), 0);
  return total === 0 ? 0 : grams.reduce((s, g) => s + (text.includes(g) ? bm25.idf(g) : 0), 0) / total;
}

const THEME_STOPS = new RegExp(`[${data.themeStops.chars}]`, 'u');
const NAMING_STOPS = new RegExp(`[${data.themeStops.namingChars}]`, 'u');

/**
 * The words of a list's subject that name it inside a point's text: its naming words (with `rare`, when it has none,
 * the bigrams inside its own words that one passage alone holds: 立法, 带量), less those of any document's title (要点, 计划, 医疗, 公立医院 name a
 * document, or nearly every point) and those that hold a function character (院要, 心的, 对区: a run across two words).
 * Empty when nothing is left.
 */
export function themeGrams(subject: string, corpus: Corpus, bm25: Bm25Index, options: { rare?: boolean } = {}): string[] {
  const { titles } = documentNames(corpus);
  const keep = (g: string) => !THEME_STOPS.test(g) && !titles.some((t) => t.includes(g));
  const grams = namingGrams(subject, corpus, bm25).filter(keep);
  if (grams.length > 0 || !options.rare) return grams;
  // With `rare`, a subject none of whose words two passages hold (立法普法, 带量采购) is named by the bigrams inside its
  // words that one passage alone holds: inside a word, such a bigram is no run across two.
  return topicTerms(expandEverydayWords(withoutDocumentNames(subject, corpus)), { joinSingles: true })
    .flatMap((w) => contentBigrams(w))
    .filter((g) => bm25.documentFrequency(g) === 1 && !NAMING_STOPS.test(g) && keep(g));
}
