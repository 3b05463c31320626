import type { PolicyDocument } from '../core/types.js';
import { normalizeForSearch } from './tokenize.js';

/**
 * Places staff may name. Only used to notice a question about somewhere the corpus never
 * mentions (another city, another district); places the corpus does mention pass.
 */
const PLACES = [
  '北京', '天津', '重庆', '广州', '深圳', '杭州', '南京', '苏州', '武汉', '成都', '西安', '长沙', '郑州', '济南', '青岛', '厦门',
  '福州', '合肥', '宁波', '无锡', '沈阳', '大连', '哈尔滨', '长春', '昆明', '贵阳', '南宁', '海口', '石家庄', '太原', '兰州',
  '西宁', '银川', '乌鲁木齐', '拉萨', '南昌', '香港', '澳门', '台湾', '江苏', '浙江', '广东', '安徽', '山东', '河南', '河北',
  '湖北', '湖南', '四川', '云南', '贵州', '陕西', '山西', '福建', '江西', '辽宁', '吉林', '黑龙江', '甘肃', '青海', '海南',
  '新疆', '西藏', '内蒙古', '宁夏', '广西', '黄浦', '徐汇', '长宁', '静安', '普陀', '虹口', '杨浦', '闵行', '宝山', '嘉定',
  '浦东', '金山', '松江', '青浦', '奉贤', '崇明', '东京', '纽约', '伦敦', '香港',
];

const DISTRICTS = ['黄浦', '徐汇', '长宁', '静安', '普陀', '虹口', '杨浦', '闵行', '宝山', '嘉定', '浦东', '金山', '松江', '青浦', '奉贤', '崇明'];

/** Words that say which document or year a question is about, not what it asks (places, years, 市里). */
export const SCOPE_WORDS = new RegExp(`(20\\d{2}年?度?|全市|本市|市里|上海市?|(?:${DISTRICTS.join('|')})(?:新区|区)?)`, 'g');

/** Places from the list above that the question names. */
export function namedPlaces(question: string): string[] {
  const q = normalizeForSearch(question);
  return PLACES.filter((p) => q.includes(p));
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

/** The city named as a scope (市级 is a kind of hospital, not a scope). */
const CITY = /市里|全市|本市|市卫|市医政|市政府|上海市|市层面|市的|市要点/;
const DISTRICT_IN_TITLE = /([\u4e00-\u9fff]{2})区/;

/** Reads the places and years a question is about and checks them against the corpus. */
export function readScope(question: string, documents: readonly PolicyDocument[], corpusText: string): Scope {
  const q = normalizeForSearch(question);
  const named = namedPlaces(question);
  const unknownPlaces = named.filter((p) => !corpusText.includes(p));
  const years = [...new Set([...q.matchAll(/(20\d{2})(?=年|-|$|[^\d])/g)].map((m) => m[1]!))];
  const districtDocs = (place: string) => documents.filter((d) => DISTRICT_IN_TITLE.exec(d.title)?.[1] === place).map((d) => d.id);
  const groups = named.map(districtDocs).filter((g) => g.length > 0);
  if (CITY.test(q)) groups.unshift(documents.filter((d) => !DISTRICT_IN_TITLE.test(d.title)).map((d) => d.id));
  return { unknownPlaces, years, groups };
}
