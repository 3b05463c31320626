import data from '../retrieval/data/answer-intents.json' with { type: 'json' };
import { parseChineseNumeral } from '../text/chinese-numerals.js';
import { namedYears, SCOPE_WORDS } from '../retrieval/scope-check.js';
import { isSmallTalk, writtenInChinese } from '../retrieval/question-language.js';
import { asksHowPut, isAskingWord, isListFiller, namesNoSubject, readIntent } from '../retrieval/question-intent.js';
import { readSectionOrdinal, type SectionPosition } from '../retrieval/section-ordinal.js';
import { topicTerms } from '../text/tokenize.js';
import type { Turn } from './types.js';

export type FollowUp =
  | { kind: 'none' }
  /**
   * An elliptical question, searched together with the previous topic. `own`: the question without
   * its pointing words, when it names a topic of its own ("那国家中医医学中心要建几家"), and `docId`:
   * the document of the previous answer; a caller may answer `own` alone when it finds that document.
   */
  | { kind: 'rewrite'; question: string; own?: string; docId?: string; base?: string; inside?: boolean }
  /** "第二点…": an item (一是/二是…) or a sibling point of the previous answer's passage, or its n-th citation. */
  | { kind: 'ordinal'; n: number; citedIds: string[]; topic: string }
  /** "这条是哪个文件里的？" */
  | { kind: 'source'; passageId: string; topic: string }
  /**
   * "第三块讲的啥", "最后那部分呢": the n-th section (一、二、三、…), or the last, of the document the conversation is about;
   * "上一部分呢", "下一块讲的啥": the section before or after the one the previous answer's first point (`from`) sits in.
   * `asks`: what the question asks of that section in words of its own ("第二块里面，区域性医疗中心是
   * 怎么说的" → 区域性医疗中心), when it names anything.
   */
  | { kind: 'section'; n: SectionPosition | { step: -1 | 1; from: string }; docId: string; topic: string; asks?: string }
  /**
   * "它所在的那一部分还有哪些其他工作", "这部分讲了几条，都是啥": the block (the innermost headings) of the point the
   * previous answer cited first; `others` when the question asks for the rest of it (其他, 其余, 别的, 还有); `asks`, as for
   * a section, what it names of its own (这部分里医保支付是怎么说的 → 医保支付).
   */
  | { kind: 'block'; passageId: string; others: boolean; topic: string; asks?: string }
  /**
   * "在哪几处提的，分别咋说" after "长宁的计划里安宁疗护有提到吗": the points of the previous answer's document that
   * mention what the earlier question asked about (`topic`, that question).
   */
  | { kind: 'mentions'; docId: string; topic: string };

/** Words that open a new question in a conversation: nothing of the previous topic is carried. */
const NEW_TOPIC = /^(?:另外|对了|还有个问题|还有一个问题|还有个事|换个问题|换个话题|顺便问(?:一?下|个)?|再问(?:一?下|个)?)[，,、：:\s]*/;
/** What a question about a section says of it without naming anything (讲的啥, 里面, 主要内容). */
const SECTION_FILLER = /讲(?:的|了)?(?:啥|什么)|说(?:的|了)?(?:啥|什么)|是(?:啥|什么)|里面|当中|之中|主要|具体|内容|有哪些|有啥|都有|哪些|什么/g;

const ORDINAL = /第\s*([一二三四五六七八九十]|\d{1,2})\s*(?:点|条|个|项|部分)/;
/** The section before or after the one talked about (上一部分, 下一块, 前一个方面), opening the question. */
const NEXT_SECTION = /^(?:那么?)?(上|下|前|后)一\s*(?:个)?(?:大?块|大?部分|方面|板块)/u;
/**
 * Words that ask about the part of the document the previous answer's point sits in: 所在, 在的, 所属, 同属 or 同一
 * before a word for a part (它所在的那一部分, 那它在的那一大块, 与它同属一个部分, 同一部分里), or 这部分 / 这一大块 opening
 * the question (这部分讲了几条), or 这块 opening it to ask for the rest (那这块还有哪些措施, 这块其他的呢). Not 这块 alone,
 * which stands for the subject (这块具体怎么做), nor an ordinal (第三部分).
 */
const SAME_BLOCK =
  /(?:所在|在的|所属|同属|同一)(?:的|一个|那个|这个|那|这)?一?大?(?:部分|块|板块|章|节)|^(?:那么?)?[这那]一?(?:大块|部分|章|节)|^(?:那么?)?[这那]一?块(?:里|中|里面)?(?=还有(?!没)|其他|其它|其余|别的)/u;
/**
 * Words that ask where the document mentions it (在哪几处提的, 分别在哪几条中提到, 哪些地方说了): 哪 with the measure
 * words for a document's places (处, 条, 地方) and a verb of mentioning, either order.
 */
const WHERE_MENTIONED =
  /(?:都|分别|具体)*在?哪(?:几|些)?(?:处|条|个?地方)[中里]?(?:提|说|讲|写|出现)(?:到|过|了)*(?:它|这个|这事)?|(?:提|说|讲|写)(?:到|的|了|过)?(?:在)?哪(?:几|些)?(?:处|条|个?地方)/u;
/** Words that ask for the rest of that part, the point already answered left out. */
const OTHERS = /其他|其它|其余|别的|还有|另外几/u;
/**
 * Words that ask for what is left besides what was just said (除了这条, 除此之外, 这部分还有哪些别的措施, 同一部分的其他改革):
 * they name no subject of their own.
 */
const BESIDES = new RegExp(`除(?:了|去)?(?:这|那|上面|刚才|它)(?:一?条|一?个|一?点|一?处|一?项)?(?:以外|之外)?|除此(?:以外|之外)|${OTHERS.source}`, 'gu');
/**
 * Words that ask which document a passage comes from, or who issued it (这条是哪个部门发的, 是哪个部门的文件); not a body
 * that does the work (它由哪个部门负责组建, 要会同哪个部门完成: a who-question about the subject).
 */
const ASKS_SOURCE = /哪个文件|哪份文件|什么文件|出自|来自哪|哪个文号|文号是|谁发的|谁印发|哪个部门(?:印发|下发|发布|出台|制定|颁布|发的|出的|的文件|的[？?]*$)|哪家单位发/;
/** Words that ask inside the previous answer (这里面, 里头, 其中): what follows is sought in its document, whatever place the words name. */
const INSIDE_WORDS = '这里面|那里面|这里头|那里头|里面|里头|其中';
const INSIDE = new RegExp(`^(?:${INSIDE_WORDS})`);
/** Words that open a question about what was just said: 那, 这个, and the words that ask inside the previous answer. */
const ANAPHORIC_START = new RegExp(`^(那么|${INSIDE_WORDS}|那|还有|还要|还得|还需要?|另外|此外|同样|这个|这些|这一条|这条|如果是)`);
const ANAPHORIC_END = /(呢|怎么说|怎么写的?|怎么规定的?)[？?。.！!]*$/;
/**
 * A short first clause closed by 呢 before what it asks, naming only a place, a year or a document (长宁区里的呢，哪几个社区在创;
 * 那普陀呢，有几家): it points back as 呢 at the end does. Not one with a topic of its own (为什么要建区域性医疗中心呢，…).
 */
const ANAPHORIC_CLAUSE = /^[^，,。？?！!]{1,12}呢[，,]/u;
function pointsBackByClause(q: string): boolean {
  const clause = ANAPHORIC_CLAUSE.exec(q)?.[0];
  return clause !== undefined && ownTerms(clause.replace(SCOPE, ' ').replace(/呢|[，,]/gu, ' ')).every((t) => /^(?:[那这]?[个份边]?|区里|市里|里|的|那边|这边)+$/u.test(t));
}
/** A 文号 or a quoted title. */
const NAMES_DOCUMENT = /[〔[［【(（]\d{4}[〕\]］】)）]\d{1,4}号|《[^》]+》/;
/** Words that stand for the document talked about, not its subject (这个文件, 这份要点, 该方案, 这文件, 这个计划里). */
export const DOCUMENT_POINTER = /(?:这个|这份|该|那个|那份|这一?个?)(?:文件|方案|要点|计划|通知)(?:里面?|中|上)?/u;

/**
 * Nouns that name no subject of their own, only what was said of one (这个比例, 这个目标, 这一要求, 该版本): after 这个 they
 * point back as 这个 alone does. Not a noun that names a subject (这个发热门诊, 这个医联体 are read with their own words).
 */
const SHELL_NOUNS = '比例|目标|要求|数字|指标|标准|任务|版本|规定|期限|时限|节点';
/**
 * Words that point back at the previous answer wherever they stand (它的有效期, 上面说的那条, 这样做是出于什么考虑, 是都得这样吗), and
 * 这事, 这块, 这方面 standing for the subject itself (长宁的计划里这事具体要做啥, 医政医管要点对这块又是怎么要求的)
 * and 这个文件, 该方案 for its document (该方案什么时候失效): at the start, or after a word that governs them (对, 在, 里);
 * after a noun they mark that noun as the topic (长宁护理这块今年有啥安排), and after a year or a place they name a
 * document of their own (2021年那个方案), pointing at nothing. 这个 standing alone (对这个又是如何部署的), not before its noun (这个发热门诊);
 * 这 with a count wherever it stands (这五个中心分别指哪几个, 这两家, 这几项: the ones just counted); 相关, 有关 with no noun of
 * their own before them (要点里开展的相关主题活动叫什么: related to what was just asked; not 中医药相关的, 跟X有关, 会同有关部门).
 */
export const REFERS_BACK = new RegExp(
  String.raw`它|这样|这么(?=[做搞弄办干])|上面|上述|刚才|前面(?:说|提|讲)|这一点|这项|这条|那条|该条|该项|(?:^|(?<=[对在把就于里从按给跟和与]|[^\p{Script=Han}]))(?:这事|这件事|这块|这一块|那块|那一块|这一?方面|这个方面|${DOCUMENT_POINTER.source})|这个(?=[又是还也都就在里中呢的，,。？?！!]|$)|(?:这个|这一|该)(?=${SHELL_NOUNS})|这[两三四五六七八九十几]+(?:个|家|项|条|所|类|大|支|批)|(?:^|(?<=[的里中在对有是那这]))(?:相关|有关)(?=[\p{Script=Han}])`,
  'u',
);
/**
 * Words of a question that ask rather than name (大概几家, 是第几批了, 谁牵头): a second turn made of
 * them alone names no topic of its own and is read with the conversation's.
 */
const ASKING = /^(?:几|多少|第几|大概|大约|大致|具体|一共|总共)/;
/**
 * Most characters (punctuation left out) of a second turn read as naming nothing of its own: 是第几批了, 具体怎么做, 是哪家医院牵头搞.
 * 8 on the dev split (turns-dev-29); 6 before it held the forms with a verb of doing.
 */
const ELLIPTICAL_CHARS = 8;
/**
 * Most characters of a second turn read as naming nothing of its own when its words only ask what becomes of the subject
 * (建成以后主要发挥什么作用, 最后要达到啥标准, 主要鼓励朝哪些方向发展: `namesNoSubject`), or come from the conversation.
 */
const COURSE_CHARS = 14;
/** Verbs of doing that name no subject (弄完, 搞, 做好): 牵头搞 asks who leads, 啥时候弄完 when it is done. */
const DOING = /(?:弄|搞|做|干|办)(?:完|好|成)?$/u;
/** Words for a time, split by the segmenter from the question word that asks it (啥 | 时候). */
const TIME_WORD = /^(?:时候|时间)$/u;
/** A question mark, or a word that makes a sentence a question (怎么, 咋, 吗, 呢). */
const ASKS = /[？?]|怎么|咋|如何|吗|呢|嘛|啥|什么|哪/;
/** When a follow-up names its own place or year, the previous ones are dropped from the topic. */
const SCOPE = SCOPE_WORDS;

/**
 * True when the question only points back ("第四项是什么？", "这个呢？") and names no topic of its
 * own: without a conversation it has nothing to refer to and is not guessed.
 */
export function onlyRefersBack(question: string): boolean {
  const q = question.replace(/\s+/g, '');
  // "沪卫医〔2023〕32号第5条" and "《…》第三条" name their document: a direct citation, not a pointer.
  if (NAMES_DOCUMENT.test(q)) return false;
  const pointer = ORDINAL.exec(q)?.[0] ?? (ANAPHORIC_START.exec(q)?.[0] || REFERS_BACK.exec(q)?.[0]);
  if (!pointer) return false;
  return topicTerms(q.replace(pointer, '').replace(ANAPHORIC_END, '')).length === 0;
}

/**
 * Resolves a follow-up against the conversation passed in by the caller: ordinals refer to the
 * previous answer, "which document" to its first citation, and elliptical questions are
 * searched with the previous question's topic. Rules only, no model; no state is kept here.
 */
export function resolveFollowUp(question: string, history: readonly Turn[] | undefined): FollowUp {
  const last = history?.at(-1);
  if (!last) return { kind: 'none' };
  const cited = last.citations ?? [];
  const spaced = question.replace(/\s+/g, '');
  // "另外，…" / "对了，…" opens a new question; what follows is read on its own, and carries the
  // previous topic only if it points back itself ("对了，它到哪年为止？").
  const opener = NEW_TOPIC.exec(spaced)?.[0];
  const q = opener ? spaced.slice(opener.length) : spaced;
  if (opener && !(ANAPHORIC_START.test(q) || ANAPHORIC_END.test(q) || REFERS_BACK.test(q) || ORDINAL.test(q) || readSectionOrdinal(q))) return { kind: 'none' };

  if (ASKS_SOURCE.test(q) && cited[0] && q.length <= 24) return { kind: 'source', passageId: cited[0].id, topic: topicOf(history!) };

  // "在哪几处提的，分别咋说": naming nothing of its own, it asks where the document talked about mentions the earlier subject.
  if (
    WHERE_MENTIONED.test(q) &&
    q.length <= 24 &&
    docIdOf(cited[0]?.id) &&
    ownTerms(q.replace(WHERE_MENTIONED, ' ').replace(BESIDES, ' ')).every((t) => isListFiller(t) || ASKING.test(t) || asksHowPut(t))
  ) {
    return { kind: 'mentions', docId: docIdOf(cited[0]!.id)!, topic: topicOf(history!) };
  }

  const block = SAME_BLOCK.exec(q)?.[0];
  if (block && q.length <= 24 && cited[0]) {
    const asks = sectionAsks(q, block);
    return { kind: 'block', passageId: cited[0].id, others: OTHERS.test(q), topic: topicOf(history!), ...(asks ? { asks } : {}) };
  }

  const section = readSectionOrdinal(q);
  if (section && q.length <= 24 && docIdOf(cited[0]?.id)) {
    const asks = sectionAsks(q, section.words);
    return { kind: 'section', n: section.position, docId: docIdOf(cited[0]!.id)!, topic: topicOf(history!), ...(asks ? { asks } : {}) };
  }
  const beside = NEXT_SECTION.exec(q);
  if (beside && q.length <= 24 && cited[0]) {
    const asks = sectionAsks(q, beside[0]);
    const step = /[上前]/u.test(beside[1]!) ? -1 : 1;
    return { kind: 'section', n: { step, from: cited[0].id }, docId: docIdOf(cited[0].id)!, topic: topicOf(history!), ...(asks ? { asks } : {}) };
  }

  const ordinal = ORDINAL.exec(q);
  if (ordinal && q.length <= 24 && cited.length > 0) {
    const n = /\d/.test(ordinal[1]!) ? Number(ordinal[1]) : parseChineseNumeral(ordinal[1]!);
    return { kind: 'ordinal', n, citedIds: cited.map((c) => c.id), topic: topicOf(history!) };
  }

  // A follow-up refers back; a short question on a topic of its own ("互联网医院", "DRG付费？") is
  // a new question and inherits nothing, neither topic nor place nor year. An English question is
  // never read as a follow-up of a Chinese one.
  const refersBack = ANAPHORIC_START.test(q) || ANAPHORIC_END.test(q) || pointsBackByClause(q) || REFERS_BACK.test(q);
  if (!writtenInChinese(q)) return { kind: 'none' };
  // "谁牵头", "是第几批了", "大概几家": a short question that names nothing of its own asks about the
  // conversation's topic; so does one whose words all come from the conversation, the earlier question or
  // what its answer quoted ("要培养多少名" after 长宁要培养医联体的基层中医药人才吗; "是哪家医院牵头搞" after an answer
  // that names the hospital), and one that names only another place ("普陀也搞吗" after 长宁…互联网+护理: the place
  // replaces the earlier one below). Short, because the segmenter does not know every term ("陪诊那块具体怎么做").
  // Asking words that open it (具体是哪些医院, 一共有几家) and verbs of doing (啥时候弄完) are not counted.
  const earlier = topicOf(history!);
  const said = `${earlier}${(last.answer ?? '').replace(/\s+/g, '')}`;
  // "建成以后主要发挥什么作用", "最后要达到啥标准": words that ask what becomes of a subject name none, so a longer turn made of them is read
  // with the conversation too; a noun of its own (护理有啥要求) is a subject.
  const chars = [...q.replace(/[\p{P}\s]/gu, '').replace(ASKING, '')].length;
  const terms = ownTerms(q.replace(SCOPE, ' '));
  const elliptical =
    !opener &&
    ((chars <= ELLIPTICAL_CHARS && terms.every((t) => said.includes(t))) || (chars <= COURSE_CHARS && terms.some(namesNoSubject) && terms.every((t) => said.includes(t) || namesNoSubject(t)))) &&
    (readIntent(q) !== 'what' || ASKS.test(q)) &&
    !isSmallTalk(q);
  if (!refersBack && !elliptical) return { kind: 'none' };
  const ownScope = q.match(SCOPE) ?? [];
  // Asked inside the previous answer (这里面要创上海市…的是哪几家), the place it names is part of a name: the earlier place stays.
  const base = ownScope.length > 0 && !INSIDE.test(q) ? earlier.replace(SCOPE, '') : earlier;
  const own = q.replace(ANAPHORIC_START, '');
  const docId = docIdOf(cited[0]?.id);
  // "它还要争创啥等级" after 长宁同仁医院五大中心是哪五个: 它 (not 它们, several) is the hospital the earlier question names, asked
  // of it with the earlier place; the rest of the earlier question (五大中心) would find its point again.
  const hospital = /它(?!们)/u.test(q) ? hospitalNamed(earlier) : undefined;
  if (hospital !== undefined) return { kind: 'rewrite', question: `${own.replace(/它/u, hospital)} ${(earlier.match(SCOPE) ?? []).join(' ')}`.trim() };
  return {
    kind: 'rewrite',
    question: `${own} ${base}`,
    // Its own words: a topic, or a year that names a document (21年那个方案里呢).
    ...((ownTerms(own.replace(REFERS_BACK, ' ').replace(ANAPHORIC_END, '')).some((t) => !namesNoSubject(t)) || namedYears(own).length > 0) && docId
      ? { own, docId, base, ...(INSIDE.test(q) ? { inside: true } : {}) }
      : {}),
  };
}

/**
 * What a question about a section asks of it in words of its own, after the words that name the
 * section ("第二块里面，区域性医疗中心是怎么说的" → 区域性医疗中心; the words before them name the
 * document or describe the section: 面向市民健康的第四部分); undefined when it names nothing.
 */
export function sectionAsks(question: string, sectionWords: string): string | undefined {
  const q = question.replace(/\s+/g, '');
  const own = q
    .slice(q.indexOf(sectionWords) + sectionWords.length)
    .replace(ANAPHORIC_END, ' ')
    .replace(SECTION_FILLER, ' ');
  // 还有哪些别的措施, 其他改革都有哪些: the rest is asked, by words that name no subject (措施, 改革, 安排: namesNoSubject).
  return topicTerms(own.replace(BESIDES, ' ')).some((t) => !namesNoSubject(t)) ? own : undefined;
}

/** 由 and 来 before a verb only say who does it or that it is done (由哪家来牵头: 来牵头 is 牵头): the segmenter joins them to it. */
const LIGHT_VERB = /^[由来](?=\p{Script=Han}{2})/u;
/** 哪 with its measure word (哪家, 哪几类, 哪一年), which the segmenter may join to the next character (由哪家来牵头: 家来). */
const WHICH = /哪[一几]?[家个些类位种所项条样块天年月批]/gu;

/** The topic words of a question, less the verbs of doing at their end (牵头搞 → 牵头), its asking words (几批, 大概, 牵头, 时候 of 啥时候) left out; words the segmenter lacks (急诊) kept. */
function ownTerms(question: string): string[] {
  return topicTerms(question.replace(WHICH, ' '), { joinSingles: true })
    .map((t) => t.replace(DOING, '').replace(LIGHT_VERB, ''))
    .filter((t) => t !== '' && !TIME_WORD.test(t) && !ASKING.test(t) && !isAskingWord(t));
}

/** A hospital by its own name (同仁医院, 天山中医医院): up to four characters before 医院, not only words for a kind of hospital. */
const HOSPITAL_NAME = /(\p{Script=Han}{2,4}?)医院/u;
/** Words for a kind of hospital, not a name (公立医院, 三级医院, 区康复医院, 市级定点医院): data/answer-intents.json `hospitalKinds`. */
const HOSPITAL_KIND = new RegExp(`^(?:[市区]|${data.hospitalKinds.words.join('|')})+$`, 'u');
/** Characters no hospital's name holds, which close or ask rather than name (区里公立医院, 哪几家医院, 对医院). */
const NOT_IN_NAME = /[里的对在要把被给和与及或等哪几多少各每该其是有都]/u;
/** A document named (实施方案, 工作计划, 要点): 它 may stand for it. */
const NAMES_A_PLAN = /方案|计划|要点|文件|规划/u;

/**
 * The hospital an earlier question names by its own name (长宁同仁医院五大中心是哪五个 → 同仁医院), which 它 in a follow-up stands
 * for; undefined when it names none, or names a document too (它 may be the document: 它管到哪一年).
 */
export function hospitalNamed(earlier: string): string | undefined {
  if (NAMES_A_PLAN.test(earlier)) return undefined;
  const named = HOSPITAL_NAME.exec(earlier.replace(SCOPE, ' ').replace(/[那这][个家所]/gu, ' '));
  return named && !HOSPITAL_KIND.test(named[1]!) && !NOT_IN_NAME.test(named[1]!) ? named[0] : undefined;
}

/** The document of a passage id (`doc#point`). */
const docIdOf = (passageId: string | undefined) => passageId?.split('#')[0] || undefined;

/** The last question that was not itself a follow-up, so that chains of "那…呢？" keep the topic. */
function topicOf(history: readonly Turn[]): string {
  for (let i = history.length - 1; i >= 0; i--) {
    const q = history[i]!.question.replace(/\s+/g, '');
    if (!ANAPHORIC_START.test(q) && !ANAPHORIC_END.test(q)) return q;
  }
  return history.at(-1)!.question;
}
