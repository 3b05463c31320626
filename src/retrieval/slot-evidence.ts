import data from './data/answer-intents.json' with { type: 'json' };
import kindsData from './data/institution-kinds.json' with { type: 'json' };
import places from './data/places.json' with { type: 'json' };
import { parseChineseNumeral, spellWhichCounts } from '../text/chinese-numerals.js';
import { escapeRegExp } from '../text/escape-reg-exp.js';
import { normalizeWidth } from '../text/normalize-width.js';
import { longestSharedRun, pairShare } from '../text/runs.js';
import { contentBigrams, topicTerms } from '../text/tokenize.js';
import { documentTermsFor } from './everyday-words.js';
import type { AnswerSlot } from '../core/types.js';

const anyOf = (patterns: readonly string[], flags = 'u') => new RegExp(patterns.map((p) => `(?:${p})`).join('|'), flags);
/** `{districts}` in a pattern stands for Shanghai's districts, `{places}` for the other places, as places.json names them. */
const withPlaces = (patterns: readonly string[]) => patterns.map((p) => p.replace('{districts}', places.districts.join('|')).replace('{places}', places.places.join('|')));

const SLOTS: Record<AnswerSlot, RegExp> = {
  figure: anyOf(data.slots.figure),
  date: anyOf(data.slots.date),
  who: anyOf(data.slots.who),
  list: anyOf(data.slots.list),
  method: anyOf(data.slots.method),
  place: anyOf(withPlaces(data.slots.place)),
  consequence: anyOf(data.slots.consequence),
  procedure: anyOf(data.slots.procedure),
  stage: anyOf(data.slots.stage),
  name: anyOf(data.slots.name),
  meaning: anyOf(data.slots.meaning),
};
/** Numbers that are not figures: years, plan names (十四五), versions, hospital grades (二级以上医院), 5.12国际护士节. */
const NOT_FIGURE = anyOf(data.slots.notFigure, 'gu');
/** Years that are not dates: editions such as 《…标准（2022年版）》. */
const NOT_DATE = anyOf(data.slots.notDate, 'gu');

/** A noun counted only vaguely (若干行业分中心, 一系列…活动): the words before it, the noun up to the clause's end or 和/及/与. */
const VAGUE = `(?:${data.slots.vagueQuantity.join('|')})`;
const VAGUE_NOUN = new RegExp(`${VAGUE}([^，,。．.；;！!？?和及与]{2,24})`, 'gu');
const VAGUE_WORD = new RegExp(VAGUE, 'gu');
/** A noun counted only vaguely, with the words that count it (部分市级医院, 一批国内领先): some, not which. */
const VAGUE_COUNTED = new RegExp(`${VAGUE}[^，,。．.；;、和及与]{0,16}`, 'gu');
const FIGURE_ANY = `(?:${data.slots.figure.join('|')})`;

/** What a question's figure or date counts (money, people, a share, a grade, a day), and what a sentence must give for it. */
const MEASURES = data.measures.map((m) => ({ slot: m.slot as AnswerSlot, asks: anyOf(m.asks), gives: anyOf(withPlaces(m.gives)), noun: 'noun' in m ? m.noun : undefined }));

const ENUMERATION = new RegExp(data.enumeration.pattern, 'u');

/** The text names three or more items side by side (门诊号源、检查检验、住院床位): a list held in one sentence. */
export function enumeratesItems(text: string): boolean {
  return ENUMERATION.test(normalizeWidth(text));
}

const flat = (text: string) => normalizeWidth(text).replace(/\s+/g, '');
/** A question as read here: flat, and 哪8个 spelled as 哪八个, as its question words are written (the documents ask nothing). */
const flatQuestion = (question: string) => spellWhichCounts(flat(question));

/** Whole enumerations, the last item closed by 等 or by the end of its clause (data/answer-intents.json `enumeration.runs`). */
const ENUMERATIONS = new RegExp(data.enumeration.runs, 'gu');
/** The noun after a list question word (要交哪些材料, 哪几种保险, 有啥方式), up to the end of its clause. */
const KIND_AFTER = /(?:哪些|哪几[个家种类所位项样条]?|哪[两三四五六七八九十]+[个家种类所位项样条]|啥|什么)([\p{Script=Han}]{1,4}?)(?=[？?，,。！!；;]|吗|呢|啊|呀|吧|$)/u;
/** Which ones of a kind, by what they belong to (哪几个专业的质控中心, 哪些科室的医生): the kind before 的. */
const KIND_OF = /(?:哪些|哪几[个家种类所位项样条]?|哪[两三四五六七八九十]+[个家种类所位项样条])([\p{Script=Han}]{1,4}?)的[\p{Script=Han}]{1,6}?(?=[？?，,。！!；;]|吗|呢|啊|呀|吧|$)/u;
/** The noun before the words that ask for its members (传染病有哪些, 入选的学科具体包括什么, 都是哪些病种, 覆盖的临床专业分别有哪些; not 三大功能分别是什么, which names its items by a count). */
const KIND_BEFORE = /([\p{Script=Han}]{1,6}?)(?:里|中|里面)?(?:都|具体|主要)?(?:(?:分别)?(?:有|包括|包含)|是)(?:哪些|哪几[个家种类所位项样条]?|啥|什么)[？?，,。！!吗呢啊呀]*$/u;
/** A number and measure word the question uses twice, once to count a noun and once to ask which (五个新城…哪五个): the noun. */
const COUNTED_AGAIN = /([两三四五六七八九十]+)个([\p{Script=Han}]{1,4}?)(?=[，,。；;？?]|等|$|是|有|都|具体|分别).*哪\1个/u;
/** A measure word alone (哪几条, 哪几项, 哪几种) counts items; it names no kind. */
const MEASURE_ONLY = /^[个家种类所位项样条块点处]$/u;
/** Words that relate rather than name, closing the words read as a kind (跟中医药相关的都有啥, 哪几处提到了, 涉及的): no kind. */
const RELATES = /(?:相关|有关|提到|涉及|关于)$/u;
/** The same, opening them (哪几条提到康复, 说到医联体的有哪几条): what is mentioned, no kind. */
const RELATES_FIRST = /^(?:提到|提及|说到|讲到|写到|涉及|关于|有关|出现)/u;
/**
 * A document's points or places asked (哪几条, 哪几处, 哪些条目, 哪些地方): the question asks which points, whatever words describe
 * them. Not 哪些条件 (conditions) nor 条例 (regulations).
 */
const POINTS_COUNTED = /哪(?:[几两三四五六七八九十]*[条处]|些(?:条目?|地方|处))(?![件例])/u;
/** Words before the asking ones that end in 的 (改善病人看病感受的都有哪些, 凡是提到区域性医疗中心的都有哪些): a clause whose noun is left out, what is done. */
const HEAD_LEFT_OUT = /的$/u;
/** A kind that names what is done (安排, 保障措施, 能力提升举措, 树立行业形象的工作), a quality or manner (特征, 途径, 程度) or a body: it ends in a list filler, an activity noun or an abstract noun. */
const ASKS_WHAT_IS_DONE = new RegExp(`(?:${[...data.listFillers.words, ...data.activityNouns, ...data.abstractNouns].join('|')})$`, 'u');
/** Characters that name no kind (的, 了, 是, 都, 要). */
const FUNCTION_CHARS = /[的了是都要会能还也就在对把被给和与及或等个些各]/gu;

/**
 * The kind whose members a list question asks (要交哪些材料 → 材料, 哪几种保险 → 保险, 今年重点盯的传染病有哪些 →
 * 重点盯的传染病), as the characters that name it; undefined when it asks what is done or said (哪些安排,
 * 有啥新做法: data/answer-intents.json `$kindAsked`) or names no kind (哪几条). 哪五个 asks the kind the
 * question counts by the same number (五个新城…具体是哪五个 → 新城).
 */
export function kindAsked(question: string): string | undefined {
  const q = flatQuestion(question).replace(/[？?！!。]+$/u, '');
  // "五个新城，具体是哪五个": the noun the question counts by the same number.
  const counted = COUNTED_AGAIN.exec(q);
  if (counted) return counted[2]!.replace(FUNCTION_CHARS, '').slice(-4) || undefined;
  const after = KIND_OF.exec(q)?.[1] ?? KIND_AFTER.exec(q)?.[1];
  const before = after !== undefined && !MEASURE_ONLY.test(after) ? undefined : KIND_BEFORE.exec(q)?.[1];
  const kind = before ?? after;
  if (kind === undefined || (before === undefined && MEASURE_ONLY.test(kind))) return undefined;
  if (ASKS_WHAT_IS_DONE.test(kind) || RELATES.test(kind.replace(/[的了]+$/u, '')) || RELATES_FIRST.test(kind) || POINTS_COUNTED.test(q)) return undefined;
  // "改善病人看病感受的都有哪些": the words before the asking ones end in 的, their noun left out (not 都是哪些科的, where 的 closes the question).
  if (before !== undefined && HEAD_LEFT_OUT.test(before)) return undefined;
  // The noun, not the words before it (今年重点盯的传染病 → 盯传染病 at most four characters).
  const named = kind.replace(FUNCTION_CHARS, '').slice(-4);
  return named.length > 0 ? named : undefined;
}

/** A list filler or an activity noun ends the word (要求, 保障措施, 新做法, 改革). */
const DONE_WORD = new RegExp(`(?:${[...data.listFillers.words, ...data.activityNouns].join('|')})$`, 'u');

/**
 * True when a list question asks what is done or said by a word of its own (有啥要求, 有哪些改革, 都有啥新做法:
 * a list filler or an activity noun after the question word or before the words that ask), not the members
 * of a kind (哪些医疗资源往社区下沉).
 */
export function asksWhatIsDone(question: string): boolean {
  const q = flatQuestion(question).replace(/[？?！!。]+$/u, '');
  const word = KIND_AFTER.exec(q)?.[1] ?? KIND_BEFORE.exec(q)?.[1];
  return word !== undefined && DONE_WORD.test(word);
}

/**
 * True when the text enumerates members of the kind: items that end in a character of its name
 * (医疗执业险、医疗意外伤害险和医疗责任险 for 保险), or items closed by 等 and a word with a character of
 * its name (肿瘤、内分泌、心血管等专科类 for 专科类别; 云南、青海、西藏等地 for 地方). Kinds side by side
 * (权责清单、许可清单、证明事项清单) are not the members of one of them (证明事项).
 */
export function enumeratesKind(text: string, kind: string): boolean {
  const t = flat(text);
  const chars = new Set(kind);
  for (const m of t.matchAll(ENUMERATIONS)) {
    const items = m[0].split(/[、和及与]|等$/u).filter(Boolean);
    const ends = items.map((item) => item.at(-1)!);
    if (ends.length >= 2 && ends.every((c) => chars.has(c))) return true;
    const after = t.slice(m.index + m[0].length, m.index + m[0].length + 4);
    if (m[0].endsWith('等') && [...after].some((c) => chars.has(c))) return true;
  }
  return false;
}

/** A figure asked by its unit (多少张, 几台): data/answer-intents.json `countUnits`. */
const UNIT_ASKED = new RegExp(`(?:多少|几)\\s*(${data.countUnits.join('|')})`, 'u');
const NUMERAL = '[\\d一二三四五六七八九十百千万两]+\\s*(?:余|多)?\\s*';

/**
 * A post asked who holds (副组长由谁担任, 主任是谁: data/answer-intents.json `roles`), or who leads a group (援滇医疗队谁带队,
 * 由哪家医院带队: `leads`), which is a post too.
 */
const POST_ASKED = new RegExp(
  `(副?(?:${data.roles.join('|')}))(?:一职)?(?:由|是|为|让)?(?:谁|哪位|什么人|哪个人)|(?:谁|哪位|什么人|哪个人)(?:来)?(?:当|任|担任|做|出任)(副?(?:${data.roles.join('|')}))|(?:谁|哪位|什么人|哪个人|哪[家个所位][\\p{Script=Han}]{0,4}?)(?:来)?(?:负责)?(${data.leads.join('|')})(?!伍)`,
  'u',
);
const LEADS: readonly string[] = data.leads;
/** Who leads a group is said by any word for leading it, or by naming its head (由市政府主要领导担任…组长 answers 谁来挂帅). */
const LEADS_HELD = [...data.leads, ...data.leadHeads].join('|');
/** Where the working office of a group sits (办公室设在哪个部门, 秘书处放在哪): data/answer-intents.json `offices`. */
const OFFICE_ASKED = new RegExp(`(?:${data.offices.join('|')})[^，,。？?]{0,2}?(?:(?:设|放|挂靠|挂|落|安)(?:在|于)?|归口?|是|在)[^，,。？?]{0,4}?(?:哪|什么|啥)`, 'u');
/** The office named: by its word, or by a short name ending in 办 (市医改办; not 举办, 主办, 承办, 开办: the who slot's exclusions, and not 办公用房). */
const OFFICE_NAMED = new RegExp(`${data.offices.join('|')}|[\\p{Script=Han}]{1,6}(?<![举承主协开申督包代会创兴])办(?![医学理好法公])`, 'u');
/** The post a question asks who holds (副组长由谁担任, 谁当组长, 谁带队), if any. */
const postAsked = (question: string) => {
  const m = POST_ASKED.exec(question);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
};

/** A count of bodies asked (几家, 多少所; not 家庭, 家属, 家长). */
const BODIES_COUNTED_ASKED = /(?:多少|几)\s*(?:家|所)(?![庭属长人])/u;
/** How many things asked by 个 (要建几个, 多少个), not a share (百分之几, 占比多少, 几成) nor a span (几个月). */
const ITEMS_COUNTED_ASKED = /(?:几|多少)\s*个(?![月小])/u;
/** A number counted by a measure word (5个, 3－5家, 10所, 两类): what answers how many things, as 几个 may be answered by 5家 too. */
const ITEMS_COUNT_GIVEN = new RegExp(`${NUMERAL}(?:${data.itemMeasures.join('|')}|名|位)(?![月小])`, 'u');
/** The thing 几个 counts when the question names it after (最多能开几个分院 → 分院); not words that close the question (出来, 左右, 方面). */
const ITEM_NOUN_ASKED = /(?:几|多少)\s*个(?!出来|左右|以上|方面)(\p{Script=Han}{2,4})/u;
/** Each number counted by a measure word, with the words after it (五个新城 → 新城, 创建10家以上国家医学中心 → 以上国家医学中心). */
const COUNTS_WITH_NOUN = new RegExp(`${NUMERAL}(?:${data.itemMeasures.join('|')})(\\p{Script=Han}{0,8})`, 'gu');

/**
 * The text without the counts of other things than the question counts after 几个 (最多能开几个分院: 五个新城 counts 新城): a count
 * followed by a noun that shares no two characters with the one asked goes; one with no noun after it (建成21个) stays.
 */
function withoutOtherItems(text: string, question: string): string {
  const asked = ITEM_NOUN_ASKED.exec(question)?.[1];
  if (asked === undefined) return text;
  const pairs = [...asked].slice(1).map((c, i) => asked[i]! + c);
  return text.replace(COUNTS_WITH_NOUN, (m, noun: string) => (noun.length >= 2 && !pairs.some((p) => noun.includes(p)) ? ' ' : m));
}
/** A rate per population asked (按多少人口配一家, 每多少万人口设一个, 多少常住人口配置一家). */
const POPULATION_RATE_ASKED = /(?:多少|几)\s*万?(?:常住)?人口/u;
/** A rate per population given and what it counts (每30-50万人口配置一家区域性医疗中心 → 区域性医疗中心). */
const POPULATION_RATES = /每[^，,。；;]{0,12}人口[^，,。；;]{0,4}?(?:配置|设置|设立|建设|配备|建|设|配)?(?:一|1)\s*[家个所座处](\p{Script=Han}{2,12})/gu;
/** Institutions a question names, as a rate counts them (社区卫生服务中心, 急救分站: data/answer-intents.json `rateInstitutions`); not one it points back at (这类中心). */
const INSTITUTIONS_NAMED = new RegExp(`(?:(?![这那该此])\\p{Script=Han}){2,10}?(?:${data.rateInstitutions.join('|')})`, 'gu');
/** Characters at the end of an institution's name that tell it from another (医疗中心 of 区域性医疗中心, 服务中心 of 社区卫生服务中心). */
const COUNTED_TAIL = 4;

/**
 * False when the question asks a rate per population for an institution it names (社区卫生服务中心按多少人口设一个) and every
 * such rate the text gives counts another (每30-50万人口配置一家区域性医疗中心): the rate is of what it counts. True
 * otherwise: the question names none (这类中心按多少人口配置一家), or the text gives no rate that counts one.
 */
function ratesCountAsked(text: string, question: string): boolean {
  if (!POPULATION_RATE_ASKED.test(question)) return true;
  const asked = [...question.matchAll(INSTITUTIONS_NAMED)].map((m) => m[0].slice(-COUNTED_TAIL));
  const counts = [...flat(text).matchAll(POPULATION_RATES)].map((m) => m[1]!);
  return asked.length === 0 || counts.length === 0 || counts.some((noun) => asked.some((tail) => noun.endsWith(tail)));
}

/** A count of bodies in a sentence (30家, 两所, 21个专病医联体): what answers a count of bodies asked; not a level (三级救治网络), a span (三年), people (10名). */
const BODIES_COUNT_GIVEN = new RegExp(`${NUMERAL}(?:家|所|个)(?![人月])`, 'u');

/** The measure a question names for its slot ("每家补贴多少钱" counts money; "多少张" beds counted in 张), if any. */
function measureOf(slot: AnswerSlot, question: string) {
  const q = flatQuestion(question);
  const named = MEASURES.find((m) => m.slot === slot && m.asks.test(q));
  if (named || slot !== 'figure') return named;
  const unit = UNIT_ASKED.exec(q)?.[1];
  return unit === undefined ? undefined : { slot, asks: UNIT_ASKED, gives: new RegExp(`${NUMERAL}${unit}`, 'u'), noun: data.slotNouns.count.zh };
}

/**
 * True when the text holds an answer of the slot's kind: a figure with a unit or a share, a date
 * or time limit, a body or role that acts, several items. A year alone is a date, not a figure;
 * an edition year (2022年版) is neither. With the question, a figure or date must also be of the
 * measure it names: 20家 does not answer 每家补贴多少钱, 2023年 does not answer 哪天起实施. Which
 * ones by name (哪两家单位) are not answered by a kind counted (2家…中心); a fact stated for other
 * kinds of institution (三级医院) does not answer for the kind asked (二级医院).
 */
export function holdsSlot(slot: AnswerSlot, text: string, question?: string): boolean {
  const q = question === undefined ? undefined : flatQuestion(question);
  const whole = flat(text);
  if (q !== undefined && aboutOtherKind(text, q)) return false;
  // A rate per population asked for one thing (社区卫生服务中心按多少人口设一个): a rate that counts another is no answer.
  if (slot === 'figure' && q !== undefined && !ratesCountAsked(text, q)) return false;
  // Who holds a post (副组长由谁担任): the sentence must name the post asked, 副 and all (组长 is not the 副组长).
  const post = slot === 'who' && q !== undefined ? postAsked(q) : undefined;
  if (post !== undefined && !(post.startsWith('副') ? whole.includes(post) : new RegExp(`(?<!副)(?:${LEADS.includes(post) ? LEADS_HELD : post})`, 'u').test(whole))) return false;
  // Where a group's working office sits (领导小组的办公室设在哪个部门): a sentence that names the office, not the group or its head.
  if (slot === 'who' && q !== undefined && OFFICE_ASKED.test(q) && !OFFICE_NAMED.test(whole)) return false;
  // "试点单位分哪几类，各多少家": items each with its count (高水平医院10家、示范型区域性医疗中心10家…), not a count or two of other things.
  if ((slot === 'list' || slot === 'figure') && q !== undefined && asksCountsEach(q)) return COUNTED_ITEMS.test(whole);
  // What a named standard, list or rule set holds (创建标准包括哪些内容): a sentence that names it answers with its items, given with its name.
  const sets = slot === 'list' && q !== undefined ? contentsAsked(q) : undefined;
  const given = sets === undefined ? undefined : givesContents(text, sets);
  if (given !== undefined) return given;
  // Which body does it (哪个部门负责保障, 主管部门是哪个): not the bodies named as partners (与公安部门的警医联动, 卫生、司法等部门的沟通配合).
  const doers = slot === 'who' && q !== undefined && asksWhichBody(q) && !PARTNERS_ASKED.test(q) ? whole.replace(PARTNERS, ' ') : whole;
  const named = q === undefined ? doers : withoutWhatIsAsked(slot, doers, q);
  // "分别是哪两家单位", "哪几家医院": bodies counted as a kind (2家…指导中心, 若干行业分中心, 高水平医院10家) name none of them.
  const asked = (slot === 'who' || slot === 'list') && q !== undefined && (ASKS_WHICH.test(q) || asksNames(q)) ? withoutKinds(named) : named;
  const measure = q === undefined ? undefined : measureOf(slot, q);
  // A named measure decides alone: for 评到几级 the grade (三级乙等) is the answer, not a grade to set aside.
  if (slot === 'figure' && q !== undefined && !ratioGiven(asked, q)) return false;
  // A figure of another status or scope than asked (已建立21个 for 新增几个, 创建10家以上 for 现在已经有几家, 3－5家 for 每个区几家) is no answer.
  const t = slot === 'figure' && q !== undefined ? withoutOtherFigures(asked, q) : asked;
  // Which of two is more (长宁跟普陀比哪个区的专病医联体多, 比普陀区多还是少): a figure of each side, or a ratio, which has both.
  if (slot === 'figure' && q !== undefined && asksComparison(q)) return figuresGiven(t.replace(NOT_FIGURE, ' ').replace(VAGUE_WORD, ' '), q) >= 2;
  // Which body does an act (绩效评价由哪家机构来评, 最后由哪个部门来验收): a body the sentence names as the doer, not one it names
  // as what is acted on (开展公立医院高质量发展绩效评价, 评估结果应用于医院财政投入); not partners asked (跟哪个部门一起) nor a post.
  if (slot === 'who' && q !== undefined && post === undefined && AGENT_ASKED.test(q) && !PARTNERS_ASKED.test(q) && !agentNamed(doers, q)) return false;
  // Names asked (那10家高水平医院是哪几家): names counted as another number (中山、瑞金两家) or given by the question name none of them.
  const names = (slot === 'list' || slot === 'who') && q !== undefined && (asksNames(q) || measure?.noun === HOSPITAL_NAMES_NOUN);
  // The names of what was asked (普陀区的区域性医疗中心是哪几家医院) stand beside it: a sentence that does not speak
  // of it (NAMED_WITH_SHARE of its character pairs) names other bodies (区康复医院, 区精神卫生中心).
  const subject = names ? subjectNamed(q!) : undefined;
  if (subject !== undefined && pairShare(whole, subject) < NAMED_WITH_SHARE) return false;
  const others = names ? withoutOtherCounts(withoutNamesGiven(t, q!), q!) : t;
  // A deadline asked (什么时间之前完成, 最晚哪天) is a point in time: a span (24小时内) or a frequency (定期) gives none.
  const dated = slot === 'date' && q !== undefined ? forDeadline(others, q) : others;
  // By what a thing is chosen or rated (评选标准是啥, 按什么指标定, 依据什么来打分): a basis the sentence gives, not the thing asked as another's basis.
  if (measure && slot === 'method' && q !== undefined) return basisGiven(dated, q, measure.gives);
  if (measure) return (slot === 'figure' || slot === 'date') && q !== undefined ? valueBeside(dated, q, measure.gives) : measure.gives.test(dated);
  // The members of a kind that is no body nor place (哪几个专业, 哪几个病): an enumeration of that kind, not names.
  const kind = slot === 'list' && q !== undefined ? kindAsked(q) : undefined;
  if (kind !== undefined && !BODY_OR_PLACE.test(kind)) return enumeratesKind(t, kind);
  // Hospitals by name (旗舰医院是哪几家，有名单吗): a hospital named as such, not another body the sentence names (国家中医药传承创新中心).
  if (names) return (q!.includes('医院') ? HOSPITAL_NAME : NAMED_BODY).test(others) || namesShort(others);
  // Which ones, by count (哪几家医院, 哪几个社区) or by name (名单, 那2家中心分别设在哪些单位): names answer, a body named as such or short names side by side; not any enumeration.
  if (slot === 'list' && q !== undefined && ASKS_WHICH_ONES.test(q)) return NAMED_BODY.test(t) || namesShort(t);
  // Which bodies, not by name (哪些医院必须提供儿科服务): a body or a kind of institution answers (二级、三级公立综合医院), as for who;
  // hospitals asked, a hospital or a kind of hospital; some of them (依托部分市级医院, 一批医院) do not say which.
  const bodies = slot === 'list' && q !== undefined ? ASKS_BODIES.exec(q)?.[1] : undefined;
  if (bodies !== undefined) {
    const said = t.replace(VAGUE_COUNTED, ' ');
    return bodies === '医院' ? /医院/.test(said) : SLOTS.who.test(said);
  }
  if (slot === 'who' && q !== undefined && ASKS_WHICH.test(q) && namesShort(doers)) return true;
  // The members of a kind (要交哪些材料, 哪几种保险, 成员单位有哪些): an enumeration of that kind, not any sentence of several clauses.
  if (kind !== undefined) return enumeratesKind(t, kind);
  // 一批, 若干 are not figures, and a noun counted so has none (若干行业分中心 for 行业分中心建几个).
  // Bodies counted (几家, 多少所) are counted in 家, 所 or 个: not in people (培养10名以上基层中医药人才 does not say how many 成员单位),
  // levels (三级救治网络) or years (三年行动计划).
  if (slot === 'figure') {
    const counted = (q !== undefined && ITEMS_COUNTED_ASKED.test(q) ? withoutOtherItems(t, q) : t).replace(NOT_FIGURE, ' ').replace(VAGUE_WORD, ' ');
    // How many things asked (每家要建几个): a number counted by a measure word answers, not a share, a ratio, a span or a multiple (20%, 1∶2, 24小时内, 增加一倍).
    const figure = q === undefined ? SLOTS.figure : BODIES_COUNTED_ASKED.test(q) ? BODIES_COUNT_GIVEN : ITEMS_COUNTED_ASKED.test(q) ? ITEMS_COUNT_GIVEN : SLOTS.figure;
    const given = q === undefined ? figure.test(counted) : valueBeside(counted, q, figure) && !countedVaguely(t, q);
    return given || (q !== undefined && majorsCounted(t, q));
  }
  if (slot === 'date') return q === undefined ? SLOTS.date.test(t.replace(NOT_DATE, ' ')) : valueBeside(forDeadline(t.replace(NOT_DATE, ' '), q), q, SLOTS.date);
  // Where (设在哪儿, 选址在哪个街道): a place the question does not name itself (普陀 of 普陀区域急救中心), or a hospital named as such;
  // in the part of the sentence that names what is asked, when the sentence names it (placeBeside).
  if (slot === 'place') return q === undefined ? placesIn(t).length > 0 : placeBeside(t, q);
  // What a term means or how it works (“双带头人”培育工程具体指什么): a sentence that explains the term where it names it.
  if (slot === 'meaning') {
    const term = q === undefined ? undefined : termAsked(q);
    return term === undefined ? SLOTS.meaning.test(t) : explainsTerm(whole, term);
  }
  // What a thing is called (那个频道叫啥, 新院区叫什么名字): a name quoted or given as such (“免陪照护服务”, 名为, IDC); of a body
  // asked (院区, 医院, 中心), a body named as such (区精神卫生中心桃浦院区) or short names side by side.
  if (slot === 'name') return SLOTS.name.test(t) || (q !== undefined && BODY_NAME_ASKED.test(q) && (NAMED_BODY.test(t) || namesShort(t) || CAMPUS_NAMED.test(t)));
  return SLOTS[slot].test(t);
}

const COMPARISON = anyOf(data.comparison);

/** Whether a question asks which of two is more or less (哪个区的专病医联体多, 比普陀区多还是少, 跟市里要求的20%比高了还是低了). */
export function asksComparison(question: string): boolean {
  return COMPARISON.test(flatQuestion(question));
}

/**
 * How many figures a text gives that the question does not state itself (跟全市1:2左右的目标相比 is not answered by
 * 医护比总体提到1∶2左右): a ratio (1∶2) gives both of its sides.
 */
function figuresGiven(text: string, question: string): number {
  const stated = new Set(question.match(NUMBER) ?? []);
  return [...text.matchAll(FIGURES)].reduce((n, m) => {
    const numbers = m[0].match(NUMBER) ?? [];
    if (numbers.length > 0 && numbers.every((x) => stated.has(x))) return n;
    return n + (RATIO.test(m[0]) ? 2 : 1);
  }, 0);
}

const QUOTED_TERM = /[“"「『]([^”"」』]{2,20})[”"」』]/u;
/** The words that ask each slot of a what-question (data/answer-intents.json `whatSlots`), in the data's order; compiled once here for question-intent too. */
export const WHAT_SLOTS: ReadonlyArray<{ slot: AnswerSlot; asks: RegExp }> = data.whatSlots.map((entry) => ({
  slot: entry.slot as AnswerSlot,
  asks: new RegExp(entry.asks.join('|'), 'u'),
}));
/** The words that ask one what-slot. */
export const whatSlotAsks = (slot: AnswerSlot): RegExp => WHAT_SLOTS.find((entry) => entry.slot === slot)!.asks;

/** The words that ask what a term means or how it works (whatSlots `meaning`). */
const MEANING_ASKED = whatSlotAsks('meaning');
/** What stands between a term and the words that ask about it, and before it (那个, 里面说的): none of the term. */
const TERM_AFTER = /(?:具体|到底|究竟|的|是|就是|这个|那个|一词)+$/u;
const TERM_BEFORE = /^(?:里面|文中|这里|那里)?(?:说的|提到的|讲的|提的)?(?:那个|这个|的)?/u;
/** Fewest characters, and most, of a term read before the words that ask (穿透式监管 → 式监管 is too little; the run's last four). */
const TERM_CHARS = 4;
const LATIN_TERM = /[A-Za-z][A-Za-z0-9.+-]*$/u;

/**
 * The term whose meaning or workings a question asks: the first it quotes (“双带头人”培育工程具体指什么 → 双带头人), else a term
 * in Latin letters before the words that ask (文中的IDC指的是什么 → IDC), else the last four characters there
 * (长宁医联体内人员资源共享和交流培养机制具体如何运作 → 培养机制).
 */
export function termAsked(question: string): string | undefined {
  const q = flatQuestion(question);
  const quoted = QUOTED_TERM.exec(q)?.[1];
  if (quoted !== undefined) return quoted;
  const asked = MEANING_ASKED.exec(q);
  if (!asked) return undefined;
  const before = q
    .slice(0, asked.index)
    .replace(TERM_AFTER, '')
    .replace(/^.*[，,。；;：:]/u, '')
    .replace(TERM_BEFORE, '');
  const latin = LATIN_TERM.exec(before)?.[0];
  if (latin !== undefined) return latin;
  return before.length >= 2 ? before.slice(-TERM_CHARS) : undefined;
}

/** What explains a term right after it: its head noun (培育工程, 机制, 平台) at most, a comma, then 即, 是指, a colon or a bracket. */
const EXPLAINED_AFTER = new RegExp(`^[”"」』]?[^，,。；;“"]{0,6}?[，,]?(?:${data.slots.meaning.join('|')})`, 'u');
/** The term bracketed after what it stands for (研究者发起的临床试验(IIT), 传染病临床诊治中心（IDC）). */
const BRACKETED_BEFORE = /[（(][“"「]?$/u;
/** A quoted term after the clause that describes it (把业务骨干培养成党员、把党员培养成业务骨干的“双培养”机制), or items closed by 等 (A、B等“五大中心”). */
const DESCRIBED_BEFORE = /(?:[^，,。；;]{4,}的|、[^，,。；;]{1,30}等)[“"「]?$/u;

/**
 * Whether the text explains the term where it names it (src/retrieval/data/answer-intents.json `$whatSlots`, meaning): a
 * term in Latin letters wherever it is named (the words around it spell it out); else one explained right after it, or
 * bracketed after what it stands for, or described by the clause before it. A sentence that does not name the term
 * does not explain it. Both are read flat (widths normalised, no whitespace), as holdsSlot and termAsked give them.
 */
function explainsTerm(t: string, term: string): boolean {
  let at = t.indexOf(term);
  if (at < 0) return false;
  if (/^[A-Za-z]/u.test(term)) return true;
  for (; at >= 0; at = t.indexOf(term, at + term.length)) {
    const before = t.slice(0, at);
    if (EXPLAINED_AFTER.test(t.slice(at + term.length)) || BRACKETED_BEFORE.test(before) || DESCRIBED_BEFORE.test(before)) return true;
  }
  return false;
}

/** A deadline asked: a point in time by which (什么时间之前, 哪个期限前, 最晚哪天, 截止), not how long. */
const DEADLINE_ASKED = /(?:什么时候|什么时间|啥时候|哪个期限|哪天|哪一天|何时|几月份?|哪年|哪一年|哪个月)(?:之|以)?前|截止|期限前|最晚|最迟/u;
/**
 * Spans of hours (24小时内: how fast a thing is done when needed) and how often (定期, 每月): not a date by which. Not spans of
 * days (5个工作日内完成), which may set a deadline from an event.
 */
const SHORT_SPANS = /[\d一二三四五六七八九十两]+\s*(?:个)?(?:小时|分钟)\s*(?:内|以内|之内)|定期|每年|每月|每周|每季度?/gu;

/** The text as a deadline asked reads it: without the spans and frequencies, which give none. */
function forDeadline(text: string, question: string): string {
  return DEADLINE_ASKED.test(question) ? text.replace(SHORT_SPANS, ' ') : text;
}

const ITEM_COUNT = String.raw`[\d一二三四五六七八九十两]+(?:\s*[－\-~～至到]\s*[\d一二三四五六七八九十两]+)?\s*(?:家|个|所|名|张|项|类|人|支|批|台)`;
/** Several items each counted, side by side (高水平医院10家、示范型区域性医疗中心10家; 1－2家国家中医医学中心、1家…; 护士N名，医师M名). */
const COUNTED_ITEMS = new RegExp(`${ITEM_COUNT}[^，,。；;：:]{0,30}[、，,][^，,。；;：:]{0,30}?${ITEM_COUNT}`, 'u');
/** Counts asked of each of several things: 各多少家, 各几家, 各选多少家, 每类多少家, 每样各弄几家, 各类分别有多少家, 分别建多少个, 各要占总床位百分之几; not 各区要建几家 (a count for each district), nor 分别是哪几家 (which ones). */
const COUNTS_EACH = /(?:各(?=[多几选挑评配有是建设占要类自弄搞])|每一?[类种样]|分别)(?:类|自)?[^，,。？?；;]{0,4}?(?:多少|(?<!哪)几)|各(?:要|自|需|得)?占[^，,。？?；;]{0,8}?(?:多少|几)/u;

/** Whether a question asks several things and the count of each (试点单位分哪几类，各多少家). */
export function asksCountsEach(question: string): boolean {
  return COUNTS_EACH.test(flatQuestion(question));
}

const MAJORS = /[二三四五六七八九十两]大([\p{Script=Han}]{2})/gu;

/**
 * True when the text counts the question's noun as 五大中心, 三大任务 (a numeral, 大, the noun) and the question asks
 * that count: 几大 (同仁医院要建几大中心), or the noun itself (盯着几个环节 by 五大环节). Not a count of anything
 * else: 五大中心 does not say how many staff a team needs.
 */
function majorsCounted(text: string, question: string): boolean {
  return [...text.matchAll(MAJORS)].some((m) => question.includes('几大') || question.includes(m[1]!));
}

/** The name of a standard, list or rule set whose contents a question asks (创建标准包括哪些内容, 证明事项清单里都有啥, 九不准和十项不得具体是哪几条): data/answer-intents.json `contents`. */
const ASKS_CONTENTS = new RegExp(
  `([\\p{Script=Han}\\d+“”"‘’《]{1,16}?(?:${data.contents.nouns.join('|')}))[”"’》]?(?:（[^）]{0,16}）|\\([^)]{0,16}\\))?(?:里面|里|中|上)?[，,]?(?:那|这)?(?:\\d+|[一二三四五六七八九十两几]+)?[个张项条份]?(?:具体|主要|都|一共|分别|到底|究竟)*(?:${data.contents.asks.join('|')})(?:啥|什么|哪些|哪几|哪[一二三四五六七八九十两]+)`,
  'u',
);

/**
 * The names of the set whose contents the question asks (示范区的创建标准 → 示范区的创建标准; 九不准和十项不得
 * → 九不准, 十项不得), split at the list joiners; undefined when it asks no set's contents (要发布哪几张清单
 * asks the members of a kind, 清单; 监测评价哪些内容 names no set).
 */
export function contentsAsked(question: string): string[] | undefined {
  const q = flatQuestion(question);
  const name = ASKS_CONTENTS.exec(q)?.[1] ?? citedDocumentAsked(q);
  if (name === undefined) {
    // "那21个专病医联体都有哪些": the members of a set the question counts, unless it is a kind of body (40家试点单位 asks names).
    const counted = COUNTED_SET.exec(q)?.[1];
    return counted !== undefined && !BODY_OR_PLACE.test(counted) ? [counted] : undefined;
  }
  return name
    .split(/[和及与、]/u)
    .map((n) => n.replace(/[“”"‘’《》]/gu, '').replace(/^(?:那个|这个|那|这)/u, ''))
    .filter((n) => n.length >= 2);
}

/**
 * A document the seed documents cite by title, whose contents a question asks (…示范区建设方案里确定的改革任务有哪些, 依法执业自查管理办法里
 * 要求医院怎么自查, 《…“十四五”规划》主要讲了啥): its name up to the noun that ends it, the words of asking within a dozen characters
 * after it (data/answer-intents.json `citedDocuments`). Not the seed documents themselves (实施方案, 医政要点, 长宁计划), nor a kind
 * of document qualified with 的 (要修订的管理办法有哪些: which ones, not what one holds).
 */
const CITED_DOCUMENT_ASKED = new RegExp(
  `《?((?:(?!的)[\\p{Script=Han}\\d“”"‘’（）()\\-－]){4,30}?(?:${data.citedDocuments.nouns.join('|')}))》?(?:（[^）]{0,16}）|\\([^)]{0,16}\\))?(?:里面|里头|里|中|上)?[，,]?[^，,。？?；;]{0,12}?(?:[，,](?:都|具体|分别|主要)+(?:有|是)?)?(?:${data.citedDocuments.asks.join('|')})`,
  'u',
);
export const citedDocumentAsked = (question: string): string | undefined => CITED_DOCUMENT_ASKED.exec(flatQuestion(question))?.[1]?.replace(/（[^）]*）|\([^)]*\)/gu, '');

/** What introduces a set's items after its name: 包括, 即, 分别是, 如下, a colon or a bracket, a few words between (主要包括); not 为 alone (以…改进目标为指引). */
const CONTENTS_AFTER = /^[”"’》」）)]{0,2}[^，,。；;]{0,4}?(?:包括|包含|涵盖|即|分别[是为]|主要[是为]|如下|：|:|（|\()/u;
/** Items closed by 等 or a count right before a set's name (A、B、C等九项准则, 嘉定、青浦…南汇五个新城); not words that date or qualify the name (《2021年、2022年和2023年国家…改进目标》). */
const CONTENTS_BEFORE = /、[^，,。；;《]{1,30}(?:等(?:[一二三四五六七八九十\d]+[项条个类种])?|[一二三四五六七八九十\d]+[项条个类种])$/u;
/**
 * A set the question counts and asks the members of (那21个专病医联体，都是哪些病种; 长宁之前建的那21个专病医联体都有哪些;
 * 21个专病医联体分别针对哪些病种; 7个文件分别是啥; 五个新城具体是指哪几个地方): its noun.
 */
const COUNTED_SET =
  /(?:\d+|[一二三四五六七八九十两]+)(?:个|项|类|种)([\p{Script=Han}]{2,8}?)[，,]?(?:都|具体|分别)*(?:(?:包括|包含|针对|涉及|覆盖)(?:的)?(?:是|有)?|有|是指?|指的?是?|叫)?(?:哪些|哪几|啥|什么)/u;

/**
 * Whether the text gives the items of one of the sets named (…清单包括A、B、C; A、B等准则): undefined when it
 * names none of them, by the longest tail of three characters or more of a name; false when it names one
 * and gives no items with it (对照全国基层中医药工作示范区创建标准，加快落实; 动态完善发布权责清单、许可清单、
 * 证明事项清单: the lists side by side, not their items).
 */
export function givesContents(text: string, names: readonly string[]): boolean | undefined {
  // Quotes out, as out of the names (《长宁区“平安医院”建设工作方案》 names 平安医院建设工作方案).
  const t = flat(text).replace(/[“”"‘’]/gu, '');
  let named = false;
  for (const name of names) {
    const tail = tailIn(name, t);
    if (tail === undefined) continue;
    named = true;
    for (let at = t.indexOf(tail); at >= 0; at = t.indexOf(tail, at + 1)) {
      const after = t.slice(at + tail.length);
      const introduced = CONTENTS_AFTER.exec(after);
      if (introduced && ENUMERATION.test(after.slice(introduced[0].length).split(/[。；;]/u)[0]!)) return true;
      const clauseBefore = t
        .slice(0, at)
        .split(/[。；;，,]/u)
        .at(-1)!;
      if (CONTENTS_BEFORE.test(clauseBefore)) return true;
    }
  }
  return named ? false : undefined;
}

/** The name of a body asked (新院区叫什么名字, 那家医院叫啥). */
const BODY_NAME_ASKED = /(?:医院|院区|分院|中心|机构|单位)[^，,。？?]{0,6}?(?:叫|名字|名称)/u;
/** A campus or branch named by its place (桃浦院区, 无锡分院). */
const CAMPUS_NAMED = /\p{Script=Han}{2}(?:院区|分院)/u;
/** A question asking which bodies, by name (哪两家, 哪几家医院, 分别是哪, 名单). */
const ASKS_WHICH = /哪[几两一三四五六七八九十些]*[家所个位]|分别是|名单|名称|叫什么|叫啥/;
/** A kind that names bodies or places (社区, 成员单位, 区), whose members are answered by names. */
const BODY_OR_PLACE = /医院|院区|机构|单位|中心|社区|街道|镇|区|部门|学会|协会|基地|站|所/u;
/** Which ones, by count: 哪几家, 哪两家, 哪几个, 哪八个 (具体是哪8个). */
const ASKS_WHICH_ONES = /哪[几两三四五六七八九十]+[家所个位]/;
/** Which bodies (哪些医院, 哪些医疗机构, 哪些单位): answered as a who question is. */
const ASKS_BODIES = /哪些(医院|医疗机构|机构|单位)/;
/** A list of names asked (名单, 名称, 叫什么). */
const ASKS_NAME_LIST = /名单|名称|叫什么|叫啥/;
/** Bodies the question counts (2家, 30来家, 那两家, 10所, 多少家); not the 几家 of 哪几家, which asks the count's members as 哪几家 does anywhere, nor 家庭, 家属, 家长, 家人 (as BODIES_COUNTED_ASKED). */
const BODIES_COUNTED = /(?<![哪\d一二三四五六七八九十两几])(?:\d+|[一二三四五六七八九十两几]+|多少)\s*(?:来|多|余)?\s*[家所](?![庭属长人])/;
/** Which of them (哪些, 哪几, 分别设在哪). */
const WHICH_OF = /哪些|哪几|分别[^，,。？?]{0,3}哪/;

/**
 * Bodies named as partners of the work, not as who does it: after 与, 同 or 跟 and before a verb of working together
 * (加强与海关、民政、教育、水务等部门分工协同, 推进与公安部门的警医联动机制建设), or before one with 的 (卫生、司法、高院、保监等部门的沟通配合).
 * The verbs are the documents' own for working with others (seeds/: 协同, 联动, 配合, 沟通, 合作, 衔接, 对接).
 */
const PARTNERS =
  /(?:与|同|跟)[^，,。；;]{1,30}?(?:部门|单位|机构)(?:之间)?的?(?:分工)?(?:协同|联动|配合|沟通|合作|衔接|对接)|[^，,。；;与同跟]{1,30}?(?:部门|单位|机构)(?:之间)?的(?:沟通|协同|配合|联动|合作|衔接|对接)/gu;
/** A question that asks the partners themselves (要跟哪几个部门多沟通配合, 和哪些单位协同); not 跟踪, 跟进, 同步 (跟踪评价委托哪家机构). */
const PARTNERS_ASKED = /(?:与|同(?!步|时|样)|跟(?!踪|进|随)|和)[^，,。？?]{0,6}哪|协同|联动|配合|沟通|合作|衔接|对接/u;

/** A question that asks which body does an act (绩效评价由哪家机构来评, 委托哪家第三方评估机构承担, 哪个部门负责): data/answer-intents.json `agents`. */
const AGENT_ASKED = new RegExp(data.agents.asks.join('|'), 'u');
/** The ends of a body's name (委, 局, 中心, 医院, 部门: the who slot's first pattern, less the run before it) and the posts that act (主要领导, 党委), less the verbs among them. */
const BODY_END = data.slots.who[0]!.replace('[\\p{Script=Han}]{1,14}?', '');
const ACTING_POSTS = data.slots.who[1]!.split('|')
  .filter((word) => !data.agents.after.includes(word))
  .join('|');
/** And the bodies a who-question's measure names (感染科, 医务处: `measures`), but a district, which is where, not who. */
const MEASURED_BODIES = data.measures.filter((m) => m.slot === 'who').flatMap((m) => m.gives.filter((g) => !/\{[a-z]+\}/u.test(g)));
const DOER = [BODY_END, ACTING_POSTS, ...MEASURED_BODIES].map((p) => `(?:${p})`).join('|');
/**
 * A body named as the doer: after a preposition of the agent (由市政府主要领导担任, 经国务院药品监管部门批准, 依托区卫生健康事业发展中心),
 * or before a verb of directing or doing (组织部门牵头抓总, 国资等部门具体负责, 以天山中医医院为中心).
 */
const AGENT_NAMED = new RegExp(`(?:${data.agents.before.join('|')})[^，,。；;：:]{0,24}?(?:${DOER})|(?:${DOER})(?:${data.agents.between.join('|')})*(?:${data.agents.after.join('|')})`, 'u');
/**
 * A body, or short names side by side, before a verb of carrying a task out that the question names too, within 20 characters of one
 * sentence (中心开展 for 由哪两家中心开展太极健康宣教, 支持综合性医院建立 for 由哪类医院来建立, 推动周桥、新华、华阳创建 for 由哪几家来创建,
 * 支持三级医院…合作,组织和参与 for 支持哪类医院去牵头组织).
 */
const DOING_NAMED = data.agents.doing.map((verb) => ({ verb, named: new RegExp(`(?:${DOER}|[\\p{Script=Han}]{1,3}(?:、[\\p{Script=Han}]{1,3})+)[^。；;：:]{0,20}?${verb}`, 'u') }));
/** A body before a modal verb of duty (区域性医疗中心要做好…收治准备, 各级急救中心要制定…预案): the subject that must act. */
const DUTY_NAMED = new RegExp(`(?:${DOER})(?:${data.agents.between.join('|')})*(?:${data.agents.modal.join('|')})`, 'u');
/** The text names a doer of the act the question asks: as the agent, as the subject that must act, or before the verb the question names. */
const agentNamed = (text: string, question: string) => AGENT_NAMED.test(text) || DUTY_NAMED.test(text) || DOING_NAMED.some((d) => question.includes(d.verb) && d.named.test(text));

/**
 * A who-question asks which body (哪家医院, 哪个单位承办, 哪个部门牵头, 名单), not who acts in general (谁负责, 由谁牵头):
 * the sentence quoted must name one, as it must give the figure a figure question asks. A plan's tasks fall to its
 * issuer when no body is named, which answers 谁负责 but not 哪家.
 */
export function asksWhichBody(question: string): boolean {
  const q = flatQuestion(question);
  return ASKS_WHICH.test(q) || postAsked(q) !== undefined || MEASURES.some((m) => m.slot === 'who' && m.asks.test(q));
}

/**
 * The question asks bodies by name: a list of names (试点医院的名单是什么), which ones of the bodies
 * it counts (那2家指导中心分别设在哪些单位, 新挂牌的30来家IDC医院都是哪些医院), which ones were chosen (试点选在了哪些医院), or which ones of a kind of
 * hospital it names (IDC医院具体是哪些医院, 自行研制体外诊断试剂的试点医院有哪些). Otherwise 哪些医院 may be answered by a kind (二级、三级公立综合医院均应提供儿科医疗服务).
 */
export function asksNames(question: string): boolean {
  const q = flatQuestion(question);
  return ASKS_NAME_LIST.test(q) || (BODIES_COUNTED.test(q) && WHICH_OF.test(q)) || KIND_THEN_WHICH.test(q) || CHOSEN_WHICH.test(q);
}
/** Which ones were chosen (试点选在了哪些医院, 挑了哪几家): the chosen are named; a kind (三级医院) says who may be, not who was. Not the kinds chosen (选了哪几类单位), nor what an award selects (评选哪些“十佳”). */
const CHOSEN_WHICH = /(?<!评)(?:选|挑)(?:在|了|的|中)*哪(?:些(?![类种])|几[家所个位])/u;
/**
 * A kind of hospital the question names, then which hospitals it is (今年新遴选挂牌的IDC医院具体是哪些医院,
 * 市级定点医院，具体是哪些医院, 试点医院有哪些): the names of that kind's members, as a count asked again is. Not a generic word
 * (公立医院绩效考核考哪些医院: a narrower kind answers it, 区属公立医院), nor what the hospitals have (试点医院有哪些要求).
 */
const KIND_THEN_WHICH = /(?:[A-Za-z]+|(?!公立|综合|专科)[\p{Script=Han}]{2})医院(?:[^？?。]{0,8}?(?:是|有)哪些医院|(?:都|具体|分别|一共|主要)*(?:是|有)哪些(?=[？?。，,]|$))/u;
/**
 * The noun a question asks the names of, right before 是哪 or 有哪, after its last 的 (普陀区的区域性医疗中心是哪几家医院
 * → 区域性医疗中心). Not a hospital's role (签约的合作医院是哪家): the hospital named in it is the answer, however the
 * sentence words the role (与华东医院签约).
 */
const NAMED_SUBJECT = /([\p{Script=Han}]+?)(?:都|具体|到底|分别)?(?:是|有|为)哪/u;
/** Fewest characters of such a noun read as naming a thing of its own (区域性医疗中心; not 医院, 单位). */
const NAMED_SUBJECT_CHARS = 4;
/** Least share of that noun's character pairs a sentence must hold to speak of it (新生儿大楼 for 新声儿大楼: 儿大, 大楼; 社区康复中心 for 社区中心). */
const NAMED_WITH_SHARE = 0.5;

function subjectNamed(question: string): string | undefined {
  const run = NAMED_SUBJECT.exec(question)?.[1];
  const noun = run?.slice(run.lastIndexOf('的') + 1).replace(NAMES_WORDS, '');
  return noun !== undefined && noun.length >= NAMED_SUBJECT_CHARS && !noun.endsWith('医院') ? noun : undefined;
}
/** Words that ask for names, not part of the noun named (社区中心名单有哪些). */
const NAMES_WORDS = /(?:名单|名称|名字)$/u;

/** A hospital named as such (天山中医医院, 同仁医院), not a kind of hospital (区级医院, 三级医院): the who measure 医院名称. */
const HOSPITAL_NAMES_NOUN = '医院名称';
const HOSPITAL_NAME = new RegExp(data.measures.find((m) => m.noun === HOSPITAL_NAMES_NOUN)!.gives[0]!, 'u');
/** A body named as such (区卫生健康事业发展中心, 区医学会, 天山中医医院), not a kind (医疗机构, 试点单位, 部门). */
const NAMED_BODY = new RegExp(`${HOSPITAL_NAME.source}|[\\p{Script=Han}]{2,10}(?:中心|学会|协会|委员会|卫生健康委|(?<![布格大全结当开时残])局|集团|研究院|研究所)`, 'u');
/** Sites named side by side and counted (华阳、虹桥两家): names, and where a thing is done. */
const SITES_COUNTED = /[\p{Script=Han}]{2}、[\p{Script=Han}]{2}[两三四五几]家/u;
/** Short names side by side (周桥、新华、华阳; 中山、瑞金两家). */
const SHORT_NAMES = new RegExp(`[\\p{Script=Han}]{1,3}、[\\p{Script=Han}]{1,3}(?:、[\\p{Script=Han}]{1,3})+|${SITES_COUNTED.source}`, 'u');
/**
 * Short names side by side that name bodies: not a family of one word's kinds (援疆、援藏、援青、援滇: kinds of aid, no body),
 * whose items after the first all open with one character that the first holds too (it may be read with the words before
 * it: 批援疆). Three items at least: two names that share a character (新华、新泾) still name, and so do 周桥、新华、新泾.
 */
function namesShort(text: string): boolean {
  for (const m of text.matchAll(SHORT_NAMES_EVERYWHERE)) {
    const [first, ...rest] = m[0].split('、');
    const opening = rest[0]![0]!;
    if (!(rest.length >= 2 && rest.every((item) => item[0] === opening) && first!.includes(opening))) return true;
  }
  return false;
}
/** A count of bodies: 2家, 十个, 几所. */
const COUNT = '(?:\\d+|[一二三四五六七八九十两几]+)\\s*(?:家|个|所)';
/** A kind of body counted, not named: a count before it (2家…指导中心, 若干行业分中心), or after it (高水平医院10家); not a count after names (中山、瑞金两家). */
const COUNTED_KIND = new RegExp(
  `(?:(?<!、[\\p{Script=Han}]{2,4})${COUNT}|${VAGUE})[^，,。．.；;、和及与]{0,16}[、和及与]?|[\\p{Script=Han}]{0,8}(?:医院|中心|机构|单位)\\s*(?:\\d+|[一二三四五六七八九十两]+)\\s*(?:家|个|所)[、和及与]?`,
  'gu',
);

/**
 * The text without the bodies it speaks of as kinds, not by name: those it counts (2家…指导中心,
 * 若干区域性医疗中心建设单位, 高水平医院10家), wherever it mentions them again (完善区域性医疗中心建设
 * 协调推进机制), and the kinds of institution (社区卫生服务中心, 三级医院: data/institution-kinds.json).
 */
function withoutKinds(text: string): string {
  const counted = [...text.matchAll(COUNTED_KIND)].flatMap((m) => [...m[0].replace(COUNT_WORDS, ' ').matchAll(KIND_NOUN)].map((k) => k[0]));
  let out = text.replace(COUNTED_KIND, ' ');
  for (const noun of new Set(counted)) out = out.replaceAll(noun, ' ');
  for (const names of KIND_NAMES_EVERYWHERE) out = out.replace(names, ' ');
  return out;
}

/** The count itself (2家, 若干, 一批), left out of the noun it counts. */
const COUNT_WORDS = new RegExp(`${COUNT}|${VAGUE}`, 'gu');
/** The noun a count counts: the longest run ending in 中心, 医院, 机构 or 单位 (示范型区域性医疗中心). */
const KIND_NOUN = /[\p{Script=Han}]{2,12}?(?:医疗中心|中心|医院|机构|单位)/gu;

/**
 * The text without the figures, dates and bodies the question itself names: an answer tells
 * something new. "那10家高水平医院每家补多少" is not answered by 10家; "区康复医院跟哪家医院合作" not
 * by 区康复医院; "2022年度考核结果什么时候公布" not by 2022年度.
 */
function withoutWhatIsAsked(slot: AnswerSlot, text: string, question: string): string {
  if (slot !== 'figure' && slot !== 'who' && slot !== 'date' && slot !== 'place') return text;
  const pattern = new RegExp(SLOTS[slot].source, 'gu');
  return text.replace(pattern, (m) => {
    const core = slot === 'who' || slot === 'place' ? m.slice(-4) : m;
    // A body's match runs from the words before it (瑞金两家高质量发展国家试点医院): only the body named goes, the names before it stay.
    return question.includes(core) ? `${m.slice(0, m.length - core.length)} ` : m;
  });
}

const HOSPITAL_NAMES = new RegExp(HOSPITAL_NAME.source, 'gu');

/** A pattern's global form, built once per pattern (a measure's, the figure's, the date's): valueBeside reads every value. */
const GLOBAL_FORMS = new WeakMap<RegExp, RegExp>();
function everywhere(pattern: RegExp): RegExp {
  let global = GLOBAL_FORMS.get(pattern);
  if (!global) GLOBAL_FORMS.set(pattern, (global = new RegExp(pattern.source, 'gu')));
  return global;
}

/** Clause marks: a value in another clause (到2025年，建成…) is read as before. */
const CLAUSE_MARKS = /[，,；;。：:]/gu;
/** The words that join items side by side within a clause (、, 和, 与, 及: data `listJoiners`). */
const ITEM_JOINERS = new RegExp(data.listJoiners.words.join('|'), 'gu');
/** Fewest characters of the thing asked that locate it in a sentence, for a figure or a date. */
const VALUE_SUBJECT_RUN = 4;

/**
 * A figure or date of another item of a clause is not the one asked (瑞金无锡分院二期和仁济宁波分院建设: 二期 is the 瑞金无锡分院's;
 * 国家队联合演练和季度公共卫生联合风险评估: 季度 is the 评估's): a value in an item before the one that names what is asked, or
 * opening an item after it. A value in the predicate after the items (市级定点医院、区域性医疗中心的重症床位…要达到总床位数的20%)
 * is shared by them and answers; so does one in another clause (到2025年，建成…), or any, when the sentence does not name what is
 * asked (its longest run of the question's words, VALUE_SUBJECT_RUN characters or more).
 */
function valueBeside(text: string, question: string, pattern: RegExp): boolean {
  const values = [...text.matchAll(everywhere(pattern))].map((m) => ({ at: m.index, end: m.index + m[0].length }));
  if (values.length === 0) return false;
  // No items side by side: every value is the clause's own.
  const joiners = [...text.matchAll(ITEM_JOINERS)].map((m) => ({ at: m.index, end: m.index + m[0].length }));
  if (joiners.length === 0) return true;
  const subject = longestSharedRun(flatQuestion(question).replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, ' '), text);
  if ([...subject].length < VALUE_SUBJECT_RUN) return true;
  const from = text.indexOf(subject);
  const clauses = [...text.matchAll(CLAUSE_MARKS)].map((m) => m.index);
  const clauseOf = (at: number) => clauses.filter((c) => c < at).length;
  const clauseStart = (at: number) => Math.max(-1, ...clauses.filter((c) => c < at));
  const itemOf = (at: number) => joiners.filter((j) => j.end <= at && j.at > clauseStart(at)).length;
  return values.some(({ at, end }) => {
    if (clauseOf(at) !== clauseOf(from)) return true;
    const item = itemOf(at);
    const own = itemOf(from);
    if (item === own) return true;
    // Before what is asked: the value that closes an item is that item's (瑞金无锡分院二期和…); one that counts what follows it
    // (创建10家以上国家医学中心和国家区域医疗中心) counts the items together.
    if (item < own) {
      const closed = joiners.find((j) => j.at > at);
      return closed === undefined || closed.at - end > 1;
    }
    // After what is asked: the value opens an item of its own (和季度…评估), or stands in the items' shared predicate.
    const opened = joiners.filter((j) => j.end <= at).at(-1);
    return opened === undefined || at - opened.end > 1;
  });
}

/** Fewest characters of a basis the question does not hold: fewer, and the basis is what the question asks about. */
const BASIS_NEW_CHARACTERS = 2;

/**
 * A basis stated (依据…, 根据…创建标准, 结合…等因素, 以医德、能力、业绩为重点) that says something the question does not: one
 * whose every character but one is the question's names the thing asked, used as the basis of another (依据医疗机构的
 * 信用评级，在监管方式…采取差异化措施 does not say by what the credit rating is set).
 */
function basisGiven(text: string, question: string, gives: RegExp): boolean {
  const asked = new Set(question);
  return [...text.matchAll(everywhere(gives))].some((m) => [...m[0].replace(BASIS_MARKER, '')].filter((c) => !asked.has(c)).length >= BASIS_NEW_CHARACTERS);
}
/** The words that introduce a basis (依据, 根据, 按照, 结合, 以…为), left out when reading what it says. */
const BASIS_MARKER = /^(?:依据|根据|按照|参照|对照|对标|结合|以|符合)|(?:等?因素|为(?:重点|主|依据|标准|导向|核心|基础|准))$/gu;

/** Where the places a sentence names start: a place (a district, a street, a campus, 设在…), a hospital named as such, or sites side by side (华阳、虹桥两家). */
function placesIn(text: string): Array<{ at: number; end: number }> {
  return [PLACE_ANY, HOSPITAL_NAMES, SITES_COUNTED_ANY].flatMap((pattern) => [...text.matchAll(pattern)].map((m) => ({ at: m.index, end: m.index + m[0].length })));
}
const PLACE_ANY = new RegExp(SLOTS.place.source, 'gu');
const SITES_COUNTED_ANY = new RegExp(SITES_COUNTED.source, 'gu');

/** The words that ask where a thing is (设在哪, 开在哪, 在哪里): data/answer-intents.json `whatSlots`, place. */
const PLACE_ASKED = whatSlotAsks('place');
/** What parts a sentence into the things a place may belong to: clauses and items side by side (、, 和, 与, 及: data `listJoiners`). */
const SENTENCE_PARTS = new RegExp(`[，,；;。]|${data.listJoiners.words.join('|')}`, 'gu');
/** Fewest characters of the thing asked that locate it in a sentence. */
const PLACE_SUBJECT_RUN = 3;

/**
 * A place stands beside what is asked where it is: in the same part of the sentence (区精神卫生中心桃浦院区 gives the site of
 * the 精神卫生中心, not of the 区康复医院 named before it; 推动华阳、虹桥两家…开展宣教活动 does not site the 太极健康实践基地
 * of the clause before). The thing asked is the longest run of the words before the question's 在哪 that the sentence holds,
 * at least PLACE_SUBJECT_RUN characters; a sentence that does not name it is read as before, any place answering.
 */
function placeBeside(text: string, question: string): boolean {
  const places = placesIn(text);
  if (places.length === 0) return false;
  const asked = PLACE_ASKED.exec(question);
  const subject = asked ? longestSharedRun(question.slice(0, asked.index), text) : '';
  if ([...subject].length < PLACE_SUBJECT_RUN) return true;
  const partAt = (at: number) => [...text.slice(0, at).matchAll(SENTENCE_PARTS)].length;
  const from = text.indexOf(subject);
  const to = from + subject.length;
  // The thing asked is no place of its own (推进区康复医院 read as a hospital's name ends within it); a place is in the part
  // where it starts or ends (设在社区卫生服务中心和村卫生室; 卫生中心桃浦院区).
  const own = partAt(from);
  return places.some((p) => !(p.end > from && p.end <= to) && (partAt(p.at) === own || partAt(p.end - 1) === own));
}
const COUNTED_NAMES = new RegExp(SITES_COUNTED.source.replace('[两三四五几]家', '([两三四五几])家'), 'gu');
const COUNT_ASKED = /(?<![哪\d])(\d+|[一二三四五六七八九十两]+)\s*(?:来|多|余)?\s*[家所个]/u;

/**
 * The text without names counted as another number than the bodies the question counts (全市40家试点单位的名单:
 * 中山、瑞金两家 are two, the names of another set).
 */
function withoutOtherCounts(text: string, question: string): string {
  const asked = COUNT_ASKED.exec(question)?.[1];
  if (asked === undefined) return text;
  const n = parseChineseCount(asked);
  return text.replace(COUNTED_NAMES, (m, count: string) => (parseChineseCount(count) === n ? m : ' '));
}

/** 40, 两, 十二: a count in digits or in Chinese numerals (两 is 二). */
function parseChineseCount(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text.replaceAll('两', '二'));
}
const SHORT_NAMES_EVERYWHERE = new RegExp(SHORT_NAMES.source, 'gu');

/**
 * The text without the names the question itself gives (除了中山和瑞金，剩下那些试点单位是哪些医院:
 * 以中山、瑞金两家…试点医院 names no other): a hospital whose name, less 医院, the question holds, and
 * short names side by side that the question holds every one of.
 */
function withoutNamesGiven(text: string, question: string): string {
  const given = (name: string) => name.length >= 2 && question.includes(name);
  return text
    .replace(HOSPITAL_NAMES, (m) => (given(m.replace(/医院$/u, '')) ? ' ' : m))
    .replace(SHORT_NAMES_EVERYWHERE, (m) =>
      m
        .replace(/[两三四五几]家$/u, '')
        .split('、')
        .every(given)
        ? ' '
        : m,
    );
}

/** What the answer says the documents do not give: the question's measure (人数, 金额, 日期), the names asked (名单) or the slot's plain noun (数字, 时间). */
export function missingNoun(slot: AnswerSlot, question: string): string {
  if ((slot === 'list' || slot === 'who') && asksNames(question)) return data.slotNouns.names.zh;
  if (slot === 'list' && contentsAsked(question) !== undefined) return data.slotNouns.contents.zh;
  const measure = measureOf(slot, question)?.noun;
  if (measure !== undefined) return measure;
  return slot === 'who' && asksWhichBody(question) ? data.slotNouns.which.zh : data.slotNouns[slot].zh;
}

/**
 * True when the question asks the number of something the text counts only vaguely (若干行业分中心
 * for 行业分中心要建几个) and no figure of the text counts it: the figure asked is not given, even
 * though the sentence gives another noun's (成立2家职业病危害工程防护指导中心和若干行业分中心). The
 * question must hold the noun, or its last three characters or more (分中心, 科学家): a shorter
 * tail (中心) names too many things.
 */
function countedVaguely(text: string, question: string): boolean {
  for (const match of text.matchAll(VAGUE_NOUN)) {
    const noun = match[1]!;
    const tail = tailIn(noun, question);
    if (tail === undefined) continue;
    const counted = new RegExp(`${FIGURE_ANY}[^，,。．.；;！!？?和及与]{0,16}${escapeRegExp(tail)}`, 'u');
    if (!counted.test(text.replace(VAGUE_WORD, ' '))) return true;
  }
  return false;
}

/** The longest tail of the noun, of three characters or more (or the whole noun), that the text holds (a question, a sentence). */
function tailIn(noun: string, question: string): string | undefined {
  for (let start = 0; start <= noun.length - Math.min(3, noun.length); start++) {
    const tail = noun.slice(start);
    if (question.includes(tail)) return tail;
  }
  return undefined;
}

const YES_NO_MARKER = new RegExp(data.yesNoMarkers.join('|'), 'gu');
const YES_NO_TAIL = /(?:吗|呢|不|没|么|吧)?[？?。.！!]*$/u;

/**
 * What a yes/no question asks of its topic: the words after its last modal or yes/no word, without
 * the closing particle (老人打新冠疫苗要自己掏钱吗 → 自己掏钱). Undefined when there is no such word
 * or nothing of substance follows it (有提吗).
 */
export function askedPredicate(question: string): string | undefined {
  const q = flatQuestion(question);
  const markers = [...q.matchAll(YES_NO_MARKER)];
  const last = markers.at(-1);
  if (!last) return undefined;
  const predicate = q.slice(last.index + last[0].length).replace(YES_NO_TAIL, '');
  return contentBigrams(predicate).length > 0 ? predicate : undefined;
}

/**
 * True when the text speaks to what a yes/no question asks: at least half the predicate's words
 * are in it, or a document term its everyday words stand for (掏钱 → 费用). A question with no
 * predicate asks nothing specific. 免陪照护病人要另外付钱吗 is not answered by 开展免陪照护服务试点.
 * `known`: whether a two-character word is one the documents use (the decision passes the BM25
 * vocabulary); its words that the segmenter missed count beside its own, not those that overlap them.
 */
export function holdsPredicate(text: string, question: string, known?: (word: string) => boolean): boolean {
  if (aboutOtherKind(text, question)) return false;
  if (!namesQualifiers(text, question)) return false;
  if (!namesBodyAsked(text, question, known)) return false;
  const predicate = askedPredicate(question);
  if (predicate === undefined) return true;
  const t = flat(text);
  // Words where the segmenter finds them (在车上直接用医保移动支付 → 车上, 直接, 医保, 移动, 支付), and, with `known`,
  // the two-character words of the documents it missed inside colloquial runs (刷医保 → 医保, 备后备人手 → 后备); else bigrams.
  const words = topicTerms(predicate);
  const missed = known ? contentBigrams(predicate).filter((b) => known(b) && !words.some((w) => w.includes(b) || b.includes(w[0]!) || b.includes(w.at(-1)!))) : [];
  const found = [...words, ...missed];
  const units = found.length > 0 ? found : contentBigrams(predicate);
  if (units.filter((w) => t.includes(w)).length * 2 >= units.length) return true;
  return documentTermsFor(predicate).some((term) => t.includes(flat(term)));
}

const QUALIFIERS = data.qualifiers.map((g) => ({ asked: anyOf(g.asked), named: anyOf(g.named) }));

/** A community, street or town named by its own name before the word for its kind (data `namedBodies.kinds`: 江苏路社区卫生服务中心, 长风社区, 曹杨新村街道; not the 社区 of 社区医院, a kind). */
const BODY_BY_NAME = new RegExp(`(\\p{Script=Han}{2,4}?)(?:${data.namedBodies.kinds.join('|')})`, 'gu');
/** Words that describe a kind rather than name one (示范性社区, 各社区, 这个社区): data `hospitalKinds` and `namedBodies.notNames`. */
const NOT_A_NAME = new RegExp(`^(?:${[...data.hospitalKinds.words, ...data.namedBodies.notNames].join('|')})+$`, 'u');
/** What a question puts before a name that is none of it (2023年程家桥, 让江苏路, 在长风). */
const BEFORE_NAME = /^[年的在有是和与及跟到把让给由]+/u;
/** Characters of a name's end that locate it in a sentence (家桥 of 程家桥, 苏路 of 江苏路). */
const NAME_TAIL = 2;

/**
 * False when a yes/no question asks whether a community, street or town it names by its own name is among those the
 * documents name (江苏路社区卫生服务中心今年也在创示范性社区康复中心吗, 第二批示范服务站有长风社区吗) and the text does not
 * settle it: it names others side by side (推动周桥、新华、华阳创建示范性社区康复中心) but not that one, or, with `known`,
 * the name is one the documents never use.
 */
function namesBodyAsked(text: string, question: string, known?: (word: string) => boolean): boolean {
  const t = flat(text);
  for (const m of flatQuestion(question).matchAll(BODY_BY_NAME)) {
    const name = m[1]!.replace(BEFORE_NAME, '');
    if (name.length < 2 || NOT_A_NAME.test(name) || t.includes(name.slice(-NAME_TAIL))) continue;
    if (SHORT_NAMES.test(t)) return false;
    if (known && contentBigrams(name).every((b) => !known(b))) return false;
  }
  return true;
}

/**
 * False when a yes/no question narrows its rule to some people, a time or an owner (退休的老医生能不能评,
 * 周末开不开, 民营医院能不能加入: data/answer-intents.json `qualifiers`) and the text names none of them:
 * 建立医务人员职业荣誉制度 does not say whether retired doctors may be chosen.
 */
function namesQualifiers(text: string, question: string): boolean {
  const q = flatQuestion(question);
  const t = flat(text);
  return QUALIFIERS.every((g) => !g.asked.test(q) || g.named.test(t));
}

const RATIO_NOUN = new RegExp(data.slots.ratioNoun, 'u');
/** A ratio's two sides (1∶2, 一比二). */
const RATIO_SIDES = String.raw`\d+(?:\.\d+)?\s*[:：∶]\s*\d+(?:\.\d+)?|[一二三四五六七八九十\d]+\s*比\s*[一二三四五六七八九十\d]+`;
const RATIO_FIGURE = String.raw`(?:${RATIO_SIDES}|\d+(?:\.\d+)?\s*[%％])`;
/** A figure that is a ratio: it gives both sides of a comparison. */
const RATIO = new RegExp(RATIO_SIDES, 'u');

/**
 * A ratio named by its two terms (床位跟人员的比例, 医生和护士的比, 医生和护士应按什么比例配): the first character of each, then 比
 * (床人比, 医护比); the first term is the word right before 跟 or 和, of one or two characters (公立医院床位跟护士 → 床护比, not 医护比).
 */
const RATIO_OF_TERMS = /(\p{Script=Han})\p{Script=Han}?(?:跟|和|与|同)(\p{Script=Han})\p{Script=Han}{0,3}?的?(?:(?:应|要|得)?(?:按照?|以)(?:什么|啥|多少|怎样的|何种)?)?(?:比例|配比|比)/gu;

/**
 * The ratio a question asks: one named by its two terms (医护比说要到1比2，那床位跟人的比例定的多少 asks 床人比,
 * the other is what the asker knows), else the first it names by its noun after what the asker states first
 * (医护比要提高到1:2左右，那床人比定为多少 asks 床人比), else the first it names (那床人比定的是多少 with the
 * conversation's question after it).
 */
function ratioNamed(question: string): string | undefined {
  const terms = [...question.matchAll(RATIO_OF_TERMS)].at(-1);
  if (terms) return `${terms[1]}${terms[2]}比`;
  const asked = STATED_FIRST.exec(question);
  return (asked ? RATIO_NOUN.exec(question.slice(asked.index + asked[0].length)) : null)?.[0] ?? RATIO_NOUN.exec(question)?.[0];
}
/** A clause the asker states before asking (…1:2左右，那…): what follows 那 after a comma is asked. */
const STATED_FIRST = /[，,]\s*那么?/u;

/**
 * False when the question asks a ratio by name (床人比具体定多少) and the text gives no figure of
 * that ratio in its clause: 设定公立医院床人比,逐步使医护比总体提到1∶2 gives 医护比's, not 床人比's.
 * True when no ratio is named.
 */
function ratioGiven(text: string, question: string): boolean {
  const named = ratioNamed(question);
  if (named === undefined) return true;
  return new RegExp(`${escapeRegExp(named)}[^，,。．.；;]{0,12}?${RATIO_FIGURE}`, 'u').test(text);
}

const KINDS = kindsData.kinds.map((k) => ({ kind: k.kind, names: anyOf(k.names) }));
/** The same names, each found wherever it stands (withoutKinds blanks them all). */
const KIND_NAMES_EVERYWHERE = KINDS.map((k) => new RegExp(k.names.source, 'gu'));
const COVERS = kindsData.covers.map((c) => ({ kinds: c.kinds, words: anyOf(c.words) }));

const STATUS = data.figureStatus;
const ASKS_CURRENT = anyOf(STATUS.asksCurrent);
const ASKS_PLAN = anyOf(STATUS.asksPlan);
const ASKS_NEW = anyOf(STATUS.asksNew);
const ASKS_PER_UNIT = anyOf(STATUS.asksPerUnit);
const ASKS_TOTAL = anyOf(STATUS.asksTotal);
const ADDED = anyOf(STATUS.added);
const TARGET = anyOf(STATUS.target);
const EXISTING = anyOf(STATUS.existing);
const PER_UNIT = anyOf(STATUS.perUnit);
const ORDINAL = /第[一二三四五六七八九十\d]+(?:批|届|轮|期)/u;
/** A figure said for each one (每, 各): a rate, not how many there are in all. */
const RATE = anyOf(STATUS.rate);
const ASKS_ORDINAL = /第几/u;
/** The batches before the one a sentence counts (前两批, 之前一共): data `figureStatus.earlier`. */
const ASKS_EARLIER = anyOf(STATUS.earlier);
/**
 * What a figure question leaves out (不含国家医学中心, 不算这批的话, 刨掉中医类的, 不是区域性医疗中心的普通区级医院): the
 * member named after the word of leaving out, up to the words that close it; or, before 以外的 (…以外的其他医院), the
 * members named there.
 */
const EXCLUDED = new RegExp(`(?<![算含包计是])(?:${STATUS.excludes.join('|')})(\\p{Script=Han}{2,16}?)(?=的话|那种|那些|这种|这批|在内|还|剩|以后|之后|[的，,。？?；;、（(）)]|$)`, 'u');
const OUTSIDE = new RegExp(`(\\p{Script=Han}{2,24}?)(?:${STATUS.outside.join('|')})`, 'u');
/** The joiners between the members a question leaves out (市级定点医院和区域性医疗中心以外的), and the words that close one (中医类的). */
const MEMBER_JOINERS = /[和及与、跟]|以及/u;
const MEMBER_TAIL = /(?:类|那种|那些|这种)$/u;
/** A clause that leaves something out itself (不含中医, 除…外, 以外): its figure is of the rest, as the question asks. */
const LEAVES_OUT = /不含|不包括|不计|除[^，,。；;]{0,16}外|以外|之外/u;
/** A count of its own before a member (若干行业分中心, 一批, 3家): the figure before it does not count that member. */
const OWN_COUNT = /若干|一批|数个|[\d一二三四五六七八九十两]+\s*(?:家|个|所|名|张|项|类|批|支|台)/u;
/** A sub-clause: clause breaks and the enumeration comma (市级定点医院、区域性医疗中心的重症床位…20%: the 20% is of the second). */
const SUB_CLAUSE_START = /[，,。．；;：:！!？?、][^，,。．；;：:！!？?、]*$/u;
const SUB_CLAUSE_END = /[，,。．；;：:！!？?、]/u;

/**
 * The part of a whole a figure question asks (那批试点单位里头，中医院占几家; 21个专病医联体中，由同仁医院牵头的有几个; 其中分给科研人员个人的
 * 比例是多少): what follows 其中, or 里头, 里面, 当中 or 中 closing a clause after a whole counted (21个, 那批, 这些; not 建设中，
 * 试点单位中，which name no set the asker counts), up to 占, 有 or 是 before 几 or 多少; without 由 before it, 的 after it and
 * the measure it asks by (比例, 数量).
 */
const PART_ASKED =
  /(?:其中|(?<=(?:\d+|[一二两三四五六七八九十]+)\s*[个家所名项批张][^，,。？?]{0,12}|[那这][批些][^，,。？?]{0,12})(?:里头|里面|当中|之中|中(?=[，,])))[，,]?(?:的|那些)?(\p{Script=Han}{2,14}?)(?:能|要|会|可以?|得)?(?:占|有|是)(?:多少|几)/u;
const PART_TRIM = /^由|(?:的)?(?:比例|比重|数量|人数|数目|个数)?的?$/gu;
/** Fewest characters at the end of the part asked that a figure's sub-clause must name (入选试点的社区卫生服务中心 → 服务中心). */
const PART_TAIL = 4;

/** The part of a whole a figure question asks, as a figure's sub-clause must name it (中医院, 服务中心), if it asks one. */
export function partAsked(question: string): string | undefined {
  const named = PART_ASKED.exec(flatQuestion(question))?.[1]?.replace(PART_TRIM, '');
  return named === undefined || named.length < 2 ? undefined : named.slice(-PART_TAIL);
}

/** The sub-clause before a figure, from the last clause break or enumeration comma. */
const subClauseHead = (before: string) => before.slice((SUB_CLAUSE_START.exec(before)?.index ?? -1) + 1);
/** The sub-clause after a figure, up to the next clause break or enumeration comma. */
function subClauseTail(after: string): string {
  const end = SUB_CLAUSE_END.exec(after);
  return end ? after.slice(0, end.index) : after;
}
/** A figure with its sub-clause (高水平社区卫生服务中心20家; 配合新建改建20个园区（楼宇）健康服务点). */
const subClauseOf = (before: string, figure: string, after: string) => subClauseHead(before) + figure + subClauseTail(after);

/** The members a figure question leaves out (不含国家医学中心 → 国家医学中心; 市级定点医院和区域性医疗中心以外的 → both), if any. */
export function leftOut(question: string): string[] {
  const q = flatQuestion(question);
  const named = EXCLUDED.exec(q)?.[1] ?? OUTSIDE.exec(q)?.[1];
  if (named === undefined) return [];
  return named
    .split(MEMBER_JOINERS)
    .map((m) => m.replace(MEMBER_TAIL, ''))
    .filter((m) => m.length >= 2);
}

/**
 * True when a figure, read with its sub-clause, counts a member the question leaves out together with the rest
 * (重症床位和可转换重症床位要达到总床位数的20% for 不含可转换重症床位; 创建10家以上国家医学中心和国家区域医疗中心 for 不含国家医学中心):
 * the member is named there without a count of its own between (成立2家指导中心和若干行业分中心 counts 2 of the centres alone),
 * and the clause itself leaves nothing out.
 */
function countsLeftOut(before: string, figure: string, after: string, members: readonly string[]): boolean {
  const head = subClauseHead(before);
  const tail = subClauseTail(after);
  const clause = head + figure + tail;
  if (LEAVES_OUT.test(clause)) return false;
  return members.some((m) => {
    if (head.includes(m)) return true;
    const at = tail.indexOf(m);
    return at >= 0 && !OWN_COUNT.test(tail.slice(0, at));
  });
}
const FIGURES = new RegExp(SLOTS.figure.source, 'gu');
/** The last clause break of a text and what follows it: the clause a figure stands in starts after it. */
const CLAUSE_START = /[，,。．；;：:！!？?][^，,。．；;：:！!？?]*$/u;

/**
 * The text without the figures of another status or scope than the question asks (data/answer-intents.json
 * `figureStatus`): a target (创建10家以上) when it asks how many there are now, a figure marked done (已建立21个) when it
 * asks how many are added, a total (3－5家) when it asks the figure for each one, a rate (每30-50万人口配置一家) when it
 * asks how many bodies there are in all, another batch (第三批20家) when it names one (第一批) or the ones before (前两批), a
 * figure that counts a member the question leaves out with the rest (国家医学中心和国家区域医疗中心 for 不含国家医学中心). Each
 * figure is read with the clause before it.
 */
function withoutOtherFigures(text: string, question: string): string {
  const current = ASKS_CURRENT.test(question) && !ASKS_PLAN.test(question);
  const added = ASKS_NEW.test(question);
  const perUnit = ASKS_PER_UNIT.test(question);
  // How many there are in all (一共, 总数): a figure of those added (新建改建20个) is not the total; nor, of bodies in all
  // or added (全市一共有多少家, 总共要建成多少家, 还要新补几家), a rate (每30-50万人口配置一家, 各区1家).
  const total = ASKS_TOTAL.test(question) && !perUnit;
  const bodiesInAll = (current || total || added) && !perUnit && BODIES_COUNTED_ASKED.test(question);
  const ordinal = ORDINAL.exec(question)?.[0];
  const earlier = ASKS_EARLIER.test(question);
  const members = leftOut(question);
  const part = partAsked(question);
  if (!current && !added && !perUnit && !total && ordinal === undefined && !earlier && members.length === 0 && part === undefined) return text;
  let out = '';
  let from = 0;
  for (const m of text.matchAll(FIGURES)) {
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    const clause = before.slice((CLAUSE_START.exec(before)?.index ?? -1) + 1);
    // An ordinal (第三批, 第六轮) counts nothing: it answers only the ordinal asked (第几批; 第三批 when the question names it), and
    // none when the batches before it are asked (前两批).
    const ordinalHere = before.endsWith('第');
    const other = ordinalHere
      ? earlier || (ordinal !== undefined ? !ordinal.startsWith(`第${m[0]}`) : !ASKS_ORDINAL.test(question))
      : (current && TARGET.test(clause) && !EXISTING.test(clause)) ||
        (added && EXISTING.test(clause)) ||
        (perUnit && !PER_UNIT.test(clause)) ||
        (bodiesInAll && RATE.test(clause)) ||
        (total && !added && ADDED.test(clause)) ||
        // (第三批 named by the question too is gone from the text already: 建设第 20家.)
        (earlier && (ORDINAL.test(clause) || clause.trimEnd().endsWith('第'))) ||
        (ordinal !== undefined && ORDINAL.test(clause) && !clause.includes(ordinal)) ||
        (members.length > 0 && countsLeftOut(before, m[0], after, members)) ||
        (part !== undefined && !subClauseOf(before, m[0], after).includes(part));
    out += text.slice(from, m.index) + (other ? ' ' : m[0]);
    from = m.index + m[0].length;
  }
  return out + text.slice(from);
}

/** The kinds of institution a text names (三级医院, 社区卫生服务中心), those its collective words cover (二级以上医院) included. */
function kindsNamed(text: string): Set<string> {
  const named = new Set<string>();
  for (const c of COVERS) if (c.words.test(text)) for (const k of c.kinds) named.add(k);
  for (const k of KINDS) if (k.names.test(text)) named.add(k.kind);
  return named;
}

/**
 * True when the question asks about a kind of institution (二级医院, 社区卫生服务中心) and the text
 * states its fact for other kinds only (三级医院开展…试点; 鼓励二三级医疗机构护士): that does not
 * answer for the kind asked. A text that names no kind (医疗机构, 医院) speaks of every kind.
 * Kinds and the words for them: data/institution-kinds.json.
 */
export function aboutOtherKind(text: string, question: string): boolean {
  const asked = kindsNamed(flatQuestion(question));
  if (asked.size === 0) return false;
  const stated = kindsNamed(flat(text));
  return stated.size > 0 && ![...asked].some((k) => stated.has(k));
}

/** A choice offered with 还是: the clause before it (its first alternative) and what follows up to the clause's end. */
const CHOICE = /([^，,。；;？?！!]*)还是([^，,。；;？?！!]+)/u;
/** What closes a choice question after its second alternative (啊, 呢, 计算 of 按常住人口计算 is kept: it is shared, so it drops out). */
const CHOICE_TAIL = /[啊呀呢吧嘛哈]+$/u;
/** Numbers stand for themselves in a choice (24小时内还是48小时内, 2025年还是2030年). */
const NUMBER = /\d+(?:\.\d+)?/gu;

/**
 * The alternatives a choice question offers, each less what both share (是全面铺开还是先试点 → 全面铺开 | 先试点;
 * 是以按病种付费为主，还是以按服务项目付费为主 → 按病种 | 按服务项目): the first is read from the clause before
 * 还是, after its last 是; a question that ends in 吗 asks yes or no (还是要自己掏钱吗: 还是 means "still"), and
 * 还是 with nothing of substance on either side offers no choice. Undefined when no choice is offered.
 */
export function askedChoice(question: string): [string[], string[]] | undefined {
  const q = flatQuestion(question);
  if (/吗[？?。.！!]*$/u.test(q)) return undefined;
  const m = CHOICE.exec(q);
  if (!m) return undefined;
  // "…为主，还是以…为主": the first alternative is the clause before the comma.
  const clause =
    m[1]!.length > 0
      ? m[1]!
      : (q
          .slice(0, m.index)
          .replace(/[，,]$/u, '')
          .split(/[，,。；;]/u)
          .at(-1) ?? '');
  const first = clause.slice(clause.lastIndexOf('是') + 1);
  const second = m[2]!.replace(CHOICE_TAIL, '');
  const units = (s: string) => [...contentBigrams(s), ...(s.match(NUMBER) ?? [])];
  const [a, b] = [units(first), units(second)];
  const own = (xs: string[], ys: string[]) => xs.filter((x) => !ys.includes(x));
  const [onlyA, onlyB] = [own(a, b), own(b, a)];
  return onlyA.length > 0 && onlyB.length > 0 ? [onlyA, onlyB] : undefined;
}

/**
 * True when the text settles a choice question (…是全面铺开还是先试点 by 开展免陪照护服务试点): it holds at least half
 * of one alternative's own words, weighed by `weight` (the decision passes their IDF, 0 for a word the documents never
 * use; a number weighs as the rarest word). A sentence on the topic that names neither alternative (按户籍还是常住 for
 * 结合人口分布等因素) does not say which. True when no choice is offered.
 */
export function holdsChoice(text: string, question: string, weight: (word: string) => number): boolean {
  const choice = askedChoice(question);
  return choice === undefined || settlesChoice(text, choice, weight);
}

/** Whether the text holds at least half of one alternative's own words, weighed (holdsChoice, the choice already read). */
export function settlesChoice(text: string, choice: readonly [string[], string[]], weight: (word: string) => number): boolean {
  const t = flat(text);
  const rarest = Math.max(0, ...choice.flat().map(weight));
  const w = (u: string) => (/^\d/u.test(u) ? rarest || 1 : weight(u));
  return choice.some((units) => {
    const total = units.reduce((s, u) => s + w(u), 0);
    const held = units.reduce((s, u) => s + (t.includes(u) ? w(u) : 0), 0);
    return total > 0 && held * 2 >= total;
  });
}
