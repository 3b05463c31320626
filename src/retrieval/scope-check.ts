import type { PolicyDocument } from '../core/types.js';
import placeData from './data/places.json' with { type: 'json' };
import { normalizeForSearch } from '../text/tokenize.js';

const { places: PLACES, districts: DISTRICTS, streetSuffixes, latin } = placeData;
const LATIN = Object.entries(latin).map(([name, place]) => [new RegExp(`\\b${name.replace(/[' ]/g, "[' ]?")}\\b`, 'i'), place] as const);

/** A place name followed by a road suffix is a Shanghai street (南京西路), not the place. */
const STREET = new RegExp(`^(?:${streetSuffixes.join('|')})`);
/** Words that say which document or year a question is about, not what it asks (places, years, 市里). */
export const SCOPE_WORDS = new RegExp(`(20\\d{2}年?度?|全市|本市|市里|上海市?|(?:${DISTRICTS.join('|')})(?:新区|区)?)`, 'g');

/** True when the place occurs in the text as a place, not only as the start of a street name. */
function namesPlace(text: string, place: string): boolean {
  for (let at = text.indexOf(place); at >= 0; at = text.indexOf(place, at + 1)) {
    if (!STREET.test(text.slice(at + place.length))) return true;
  }
  return false;
}

/** Places from data/places.json that the question names (whole names, not street names; pinyin too). */
export function namedPlaces(question: string): string[] {
  const q = normalizeForSearch(question);
  const spelled = new Set(LATIN.filter(([name]) => name.test(question)).map(([, place]) => place));
  return PLACES.filter((p) => namesPlace(q, p) || spelled.has(p));
}

export interface Scope {
  /** Places named in the question that the corpus never mentions. */
  unknownPlaces: string[];
  /** Years named in the question. */
  years: string[];
  /**
   * Groups of documents the question is about, one per named scope: a district whose plan is in
   * the corpus (普陀, 长宁), and the city (市里, 全市, 上海) when named beside a district. Retrieval
   * keeps to these documents; an answer takes a claim from each group. Empty: no restriction.
   */
  groups: string[][];
}

/** The city named as a scope (市级 is a kind of hospital, not a scope; 市级文件, 市级层面, 市级和普陀 name the city's documents; 市级和区级医院 are kinds of hospital). */
const CITY = /市里|全市|本市|市卫|市医政|市政府|上海市|市层面|市的|市要点|市级(?:的)?(?:文件|层面|要点|计划|政策)|市级(?=[和跟与及、])(?![和跟与及、]区级)/;
/**
 * 上海市 opening a name the documents hold (上海市中医药特色示范卫生服务站, a title 长宁's plan gives): part of that name, not
 * the city named as a scope; 上海市 opening a document's title (上海市医政医管工作要点) names the city's document.
 */
const CITY_OPENING_NAME = /上海市[\u4e00-\u9fff]{4}/gu;

/** The question without the names that 上海市 opens (CITY_OPENING_NAME), as the scope reads it. */
function withoutCityNames(q: string, documents: readonly PolicyDocument[], corpusText: string): string {
  return q.replace(CITY_OPENING_NAME, (m) => (corpusText.includes(m) && !documents.some((d) => normalizeForSearch(d.title).includes(m)) ? ' ' : m));
}

/** A title that names a district (2025年普陀区医政医管工作要点), the district captured. */
export const DISTRICT_IN_TITLE = /([\u4e00-\u9fff]{2})区/;
/**
 * The districts named together, not one by one (市里和区里, 区里的文件, 两个区): not 区里医院 (a
 * district hospital), nor 各区, which a city plan addresses.
 */
const DISTRICTS_TOGETHER = /市里.{0,2}[和跟与及].{0,2}区里|区里的?(?:文件|计划|要点)|[两几]个区(?!域)|两区/;

/**
 * A year written with two digits where it names a document (21年那个方案, 23年的要点, 25年普陀要点): before the words
 * that name one, not a count of years (工作20年, 15年内).
 */
const SHORT_YEAR = /(?<![\d.])(1[89]|2\d|30)年(?=的|那个|那份|这个|这份|市|全市|本市|上海|普陀|长宁|区|医政|卫健|卫生|公立|高质量|要点|方案|计划|文件|出的|发的|印发)/gu;

/** The years a question names (2023年, 2023-2025, 23年的要点), as four digits. */
export function namedYears(question: string): string[] {
  const q = normalizeForSearch(question);
  return [...new Set([...[...q.matchAll(/(20\d{2})(?=年|-|$|[^\d])/g)].map((m) => m[1]!), ...[...q.matchAll(SHORT_YEAR)].map((m) => `20${m[1]}`)])];
}

/** Reads the places and years a question is about and checks them against the corpus. */
export function readScope(question: string, documents: readonly PolicyDocument[], corpusText: string): Scope {
  const q = normalizeForSearch(question);
  const named = namedPlaces(question);
  const unknownPlaces = named.filter((p) => !corpusText.includes(p));
  const years = namedYears(question);
  const districtDocs = (place: string) => documents.filter((d) => DISTRICT_IN_TITLE.exec(d.title)?.[1] === place).map((d) => d.id);
  const groups = named.map(districtDocs).filter((g) => g.length > 0);
  // "区里", "两个区的文件": the districts' plans together, beside those a question names.
  if (DISTRICTS_TOGETHER.test(q)) {
    const districts = documents.filter((d) => DISTRICT_IN_TITLE.test(d.title)).map((d) => d.id);
    if (districts.length > 0 && !groups.some((g) => g.some((id) => districts.includes(id)))) groups.push(districts);
  }
  if (CITY.test(withoutCityNames(q, documents, corpusText))) groups.unshift(documents.filter((d) => !DISTRICT_IN_TITLE.test(d.title)).map((d) => d.id));
  return { unknownPlaces, years, groups };
}
