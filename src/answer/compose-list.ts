import data from '../retrieval/data/answer-intents.json' with { type: 'json' };
import { isItem, type Corpus } from '../core/corpus.js';
import type { Passage, RetrievalResult } from '../core/types.js';
import type { Bm25Index } from '../retrieval/bm25-index.js';
import { documentStretches, findNamedDocument, NAMES_A_DOCUMENT, namedDocuments } from '../retrieval/parse-citation-query.js';
import { documentTermsFor } from '../retrieval/everyday-words.js';
import { namedPlaces } from '../retrieval/scope-check.js';
import { listSubjects, listTopic } from '../retrieval/question-intent.js';
import { asksWhatIsDone, enumeratesItems } from '../retrieval/slot-evidence.js';
import { escapeRegExp } from '../text/escape-reg-exp.js';
import { splitSentences } from '../text/split-sentences.js';
import { normalizeForSearch } from '../text/tokenize.js';
import { blockPath, blockPoints, firstParts, pointText } from './block-points.js';
import { namingGrams, rareGrams, share, themeGrams, withoutDocumentNames } from './naming-grams.js';
import { RANK_PENALTY, scoreSentences, type ScoredSentence } from './select-sentences.js';

/**
 * A list composed: its sentences, one per point, the first leading; `decided` when it is led by the
 * point retrieval ranked first (or by a part the question names), so that the decision read with the
 * list held speaks for it.
 */
export interface ComposedList {
  sentences: ScoredSentence[];
  decided: boolean;
  /** The question names the part listed by its headings (医院管理这块): the headings, not a sentence, match what was asked. */
  headed?: true;
  /** The part named holds more points than a list cites (MAX_PART_POINTS): how many it holds, so the answer says it lists some of them. */
  of?: number;
}

/** Most points a list answer cites: more is a document to read, not an answer. */
export const MAX_LIST_POINTS = 5;
/**
 * Most points cited when a part is asked as a whole (医院管理这块都有啥, 最后那部分一共列了哪几项): a part
 * has a known end, and citing five of its six points leaves one out of what was asked. Beyond this
 * many, the answer says how many the part holds and cites the first.
 */
export const MAX_PART_POINTS = 8;
/** A point joins the list when its best sentence matches the question at least this share as well as the first point's. */
export const LIST_SHARE = 0.7;
/** A block whose headings hold at least this IDF-weighted share of the question's topic is what the list asks for. */
export const SECTION_HEADING_SHARE = 0.4;
/**
 * The same when the question points at a part (看病体验那块, 新冠救治这块, 那一部分: data/answer-intents.json
 * `blockWords`), whose theme words staff write in their own words; and a block elsewhere than the first
 * point's is what such a question asks when its headings hold at least POINTED_ELSEWHERE_SHARE (chosen
 * on the dev split: 0.25 and 0.3, 0.4 and 0.5 gave the same lists).
 */
export const POINTED_HEADING_SHARE = 0.3;
export const POINTED_ELSEWHERE_SHARE = 0.5;
/** The first point's own innermost heading names the list when it holds at least this share of the topic, more than the first point's title does, and the part holds at most MAX_LIST_POINTS points (chosen on the dev split: 0.2, 0.25 and 0.3 gained 7, 6 and 5 lists, none lost). */
export const OWN_HEADING_SHARE = 0.2;
/** A point of the first point's document outside its block joins the list when its best sentence matches at least ELSEWHERE_MATCH_SHARE as well as the first point's, and retrieval scored it at least ELSEWHERE_SCORE_SHARE of the first point's score (chosen on the dev split: a replay of the 31 dev lists that reach this rule, then the whole dev split). */
export const ELSEWHERE_MATCH_SHARE = 0.6;
export const ELSEWHERE_SCORE_SHARE = 0.7;
/** A point of the first point's document that retrieval scored at least this share of the first point's score is all but tied with it: an enumeration inside the first point does not hold alone a list of what is done (chosen on the dev split: 0.85 and 0.9 gave the same lists). */
export const TIED_SCORE_SHARE = 0.9;
/**
 * A point of the first point's document, in its block or elsewhere, joins the list when retrieval scored it at least this share of
 * the first point's score, however its best sentence matches the topic (控制医疗费用: 控制医疗费用不合理增长 and 异常住院费用病例核查, in two
 * parts). Chosen on the dev split (session 22): 0.85, 0.75, 0.7 and 0.65 gave list coverage 0.920, 0.921, 0.921, 0.922 and citation
 * precision of lists 0.918, 0.917, 0.916, 0.914 (hybrid; without the rule 0.919 and 0.917); 0.75 took the gain for little loss.
 */
export const RANKED_CLOSE_SHARE = 0.75;
/** A retrieved point of the first point's block joins the list when retrieval scored it at least this share of the first point's score. */
export const BLOCK_SCORE_SHARE = 0.7;
/** When the list holds at least this share of the first point's block (of at most MAX_LIST_POINTS points), the rest of the block joins (chosen on the dev split: 0.6 also added points to lists that had none of their gold; 0.75 gained eight lists and lost none). */
export const BLOCK_COMPLETE_SHARE = 0.75;
/**
 * A point of the list pool names a subject in its text when one of its sentences holds at least this
 * share of the subject's theme words that the pool's best holder holds, the best holding at least
 * MENTION_FLOOR of them, and retrieval scored it at least MENTION_SCORE_SHARE of the first point's score.
 */
export const MENTION_SHARE = 0.85;
export const MENTION_FLOOR = 0.6;
export const MENTION_SCORE_SHARE = 0.5;
/**
 * A list asked of several documents: a document's first point joins when retrieval scored it at least this share of the pool's
 * first; a second of the same document, at least SECOND_POINT_SHARE of its first (chosen on the dev split; session 21, with
 * the dev lists across documents grown to 259: 0.6, 0.55, 0.5 and 0.4 gave list coverage 0.911, 0.914, 0.916, 0.917 and
 * citation precision of lists 0.926, 0.922, 0.919, 0.914 (hybrid); 0.5 took most of the gain for half the loss. Then the
 * second point, 0.95, 0.9 and 0.85: coverage 0.916, 0.919, 0.919, precision 0.919, 0.917, 0.915).
 */
export const ACROSS_SCORE_SHARE = 0.5;
export const SECOND_POINT_SHARE = 0.9;
/** Words that ask a list of several documents at once (data/answer-intents.json `acrossDocuments`). */
const ACROSS_DOCUMENTS = new RegExp(data.acrossDocuments.join('|'), 'u');
const ACROSS_DOCUMENTS_EN = new RegExp(data.acrossDocumentsEnglish.join('|'), 'u');

/** The question asks a list of several documents at once (几个文件, 两份工作要点; `asked`: the English question a translation searches). */
export function asksOfSeveralDocuments(question: string, asked?: string): boolean {
  return ACROSS_DOCUMENTS.test(normalizeForSearch(question)) || (asked !== undefined && ACROSS_DOCUMENTS_EN.test(asked.toLowerCase()));
}

/** A point names one of several subjects of a list question when its text holds at least this IDF-weighted share of the subject's theme words. */
export const SUBJECT_SHARE = 0.6;

/** A point's lead (its title sentence, or its own heading) names a subject of the question when it holds at least this IDF-weighted share of the subject's words. */
export const LEAD_SHARE = 0.6;
/** Fewest bigrams one passage alone holds that name a question's subject as that point's (免陪, 陪照, 照护): one may run across two words. */
const OWN_SUBJECT_GRAMS = 2;

/**
 * A list question ("…有哪些安排？", "…都有哪些措施？") answered from several points, one sentence
 * each, up to MAX_LIST_POINTS. Asked of several documents at once ("几个文件里都咋说的", or two
 * scopes named: 市里跟普陀), the best point of each document that speaks to the topic. Else these ways
 * a list is found, tried in this order:
 * - the question asks where the first point's document mentions a subject ("涉及中医药的内容有哪些"):
 *   the points whose text holds it, in the document's order, when two to MAX_LIST_POINTS do;
 * - the question names a block of the first point's document by its headings ("医院管理这块",
 *   "公立医院文化建设那块"): the items under those headings, in the document's order; the block
 *   must hold the first point, unless that is a preamble or a notice, or the question points at the
 *   part (那一部分) and its headings hold at least POINTED_ELSEWHERE_SHARE of the topic;
 * - the first point's own innermost heading holds OWN_HEADING_SHARE of the topic and more than its title does (看病体验好一点 under
 *   三、优服务，着力改善医疗服务体验, the first point titled 持续改善医疗服务): its part, the first point first;
 * - the question names a part as a whole (那一部分, 那一大块, “优服务”部分: data/answer-intents.json `partWords`) in
 *   words its headings do not share: the items of the first point's part, in the document's order;
 * - the question names subjects that the leads of retrieved points name ("护理和继续教育",
 *   "对口支援" in two documents): each of those points, across sections and documents;
 * - the first point names the question's subject in its text, and at most MAX_LIST_POINTS points of
 *   the list pool (retrieval.pool, deeper than the citations) name it as fully ("天山中医医院今年都要
 *   搞些啥"): those points, the one whose sentence matches best first;
 * - else the first point (the first item retrieval ranked, when it ranked a preamble first: such a
 *   list is not `decided`), then the retrieved points of its block whose best sentence matches the
 *   question's topic (its item words such as 安排, 措施 left out) nearly as well as the first's, or
 *   that retrieval scored nearly as high; and when they hold three quarters of that block (BLOCK_COMPLETE_SHARE), the rest of it; unless the first point holds the list itself: its best
 *   sentence names the items (门诊号源、检查检验、住院床位; not when the question points at a block:
 *   党建那块), or its lead names the whole topic and it lists items of its own (一是…四是…, which
 *   also stops the third way).
 * Undefined when fewer than two points qualify: the question is answered like any other, so a
 * list held inside one point ("医生执业都有啥保险") is not padded with its neighbours.
 */
export function composeList(question: string, retrieval: RetrievalResult, corpus: Corpus, bm25: Bm25Index, tuning: { minSentenceScore: number }, asked?: string): ComposedList | undefined {
  const ids = retrieval.citations.map((c) => c.id);
  const top = corpus.passage(ids[0] ?? '');
  if (!top) return undefined;
  const topic = listTopic(question);
  const sentenceOf = (p: Passage) => bestSentence(topic, p, corpus, bm25);

  // "几个文件里都咋说的", "市里跟普陀的文件都提了哪些要求": the best points of each document.
  // `asked`: the question as written, when what is searched is its translation (What do the documents say about …).
  const acrossWords = asksOfSeveralDocuments(question, asked);
  const several = acrossWords || (retrieval.scopeGroups?.length ?? 0) > 1;
  if (several) {
    // Asked of each document (几个文件), or of each scope named (市医政要点和普陀: that document's best, 普陀's best; 市里和普陀: each city document's best).
    const across = acrossDocuments(topic, retrieval, corpus, bm25, tuning, acrossWords || !retrieval.scopeGroups ? undefined : scopesAnswering(question, retrieval.scopeGroups, corpus));
    if (across) return { sentences: across, decided: true };
  }

  // "涉及中医药的内容有哪些": the points of the document whose text holds the subject, wherever they sit; not when several
  // documents are asked (市里和区里的文件), of which one document's mentions are a part.
  const mentioning = several ? undefined : mentionedIn(question, top, corpus);
  if (mentioning) return { sentences: mentioning.map(sentenceOf), decided: mentioning.some((p) => p.pointId === top.pointId) };

  // How much of the topic the first point's own title holds (做好继续教育工作): read against the headings, and for a point that is the list itself.
  const topPoint = firstPartOf(top, corpus)!;
  const grams = namingGrams(topic, corpus, bm25);
  const leadShare = share(grams, normalizeForSearch(leadOf(topPoint)), bm25);
  // "普陀区今年对免陪照护服务有何安排": the words that name the subject are the first point's alone (免陪, 陪照, 照护); a heading
  // that shares the rest of the topic (服务 of 优服务) does not make the question ask its block or part.
  const rare = rareGrams(topic, corpus, bm25);
  const topText = normalizeForSearch(pointText(topPoint, corpus));
  const ownSubject = rare.length >= OWN_SUBJECT_GRAMS && rare.every((g) => topText.includes(g));
  const block = ownSubject ? undefined : namedBlock(topic, top, corpus, bm25, { grams, leadShare, pointed: BLOCK_WORDS.test(question) });
  if (block && block.length >= 2) {
    return { sentences: inDocumentOrder(preferRetrieved(block, ids, corpus)).map(sentenceOf), decided: true, headed: true, ...(block.length > MAX_PART_POINTS ? { of: block.length } : {}) };
  }

  // The first point's own part, when the question asks it: its innermost heading holds some of the topic, and more than
  // the first point's title does ("普陀要让病人看病体验好一点，具体打算做哪些" under 三、优服务，着力改善医疗服务体验, the first
  // point titled 持续改善医疗服务), the first point first, as a one-point answer would cite it (the innermost heading only:
  // 二、主要任务 above a sub-section names no topic, 主要 of 主要用在哪些长期住院上); or the question names a part as a whole
  // in the staff's own words, which its headings need not share ("以提升患者就医获得感为主题的那一部分包括哪几项工作"), in the
  // document's order.
  if (!block && isItem(top) && blockPath(top).length > 0) {
    const part = blockPoints(corpus, top);
    const headed = share(grams, normalizeForSearch(blockPath(top).at(-1)!), bm25);
    if (!ownSubject && part.length >= 2 && part.length <= MAX_LIST_POINTS && headed >= OWN_HEADING_SHARE && headed > leadShare) {
      const first = part.find((p) => p.pointId === top.pointId) ?? topPoint;
      return { sentences: [first, ...part.filter((p) => p.pointId !== first.pointId)].map(sentenceOf), decided: true };
    }
    if (part.length >= 2 && PART_WORDS.test(question)) {
      return { sentences: inDocumentOrder(preferRetrieved(part, ids, corpus)).map(sentenceOf), decided: true, ...(part.length > MAX_PART_POINTS ? { of: part.length } : {}) };
    }
  }

  // The points whose lead names a subject ("护理和继续教育"), and the point each subject names in its text
  // ("发烧门诊、急诊、重症床位分别要准备到啥程度": 发热门诊, 急诊, 重症床位), wherever they sit.
  const leads = namedByLeads(topic, ids, corpus, bm25);
  const named = [...leads, ...namedBySubjects(topic, retrieval, corpus, bm25).filter((p) => !leads.some((n) => n.pointId === p.pointId))];
  if (named.length >= 2) {
    // Retrieval's first point leads, as a one-point answer would cite it, when it is an item of a document they name.
    const first = named.find((p) => p.pointId === top.pointId) ?? (isItem(topPoint) && named.some((p) => p.docId === top.docId) ? topPoint : named[0]!);
    // The points of the first point's block that retrieval scored nearly as high belong with them ("加强监管、抓行风": 监管, 行风 and 病例核查).
    const near = first.pointId === top.pointId ? rankedNear(retrieval, top, corpus).filter((p) => !named.some((n) => n.pointId === p.pointId)) : [];
    const sentences = [first, ...inRetrievedDocumentOrder([...named.filter((p) => p.pointId !== first.pointId), ...near], ids, corpus)].slice(0, MAX_LIST_POINTS).map(sentenceOf);
    return { sentences, decided: true };
  }

  // The first point's title names the whole topic and it lists items of its own (做好护理工作。一是…四是…): it is the list.
  if (leadShare >= LEAD_SHARE && ownsList(top, corpus)) return undefined;

  // "天山中医医院今年都要搞些啥": the points, anywhere in the documents asked about, whose text names the subject the first point names.
  const naming = namedInText(topic, retrieval, corpus, bm25);
  if (naming.length >= 2) {
    // First the point whose sentence matches the question best, less a penalty per retrieval rank, as a one-point answer would quote it; then the others.
    const pool = (retrieval.pool ?? retrieval.citations).map((c) => corpus.passage(c.id)?.pointId);
    const quoted = naming.map(sentenceOf);
    const weighed = (s: ScoredSentence) => s.score - pool.indexOf(corpus.passage(s.passageId)!.pointId) * RANK_PENALTY;
    // The retriever put the point that gives what was asked first (各几家: the kinds with their counts): it leads.
    const led = retrieval.ledBySlot ? quoted.find((s) => corpus.passage(s.passageId)!.pointId === top.pointId) : undefined;
    const first = led ?? quoted.reduce((best, s) => (weighed(s) > weighed(best) ? s : best));
    const rest = inRetrievedDocumentOrder(
      naming.filter((p) => p.id !== first.passageId),
      ids,
      corpus,
    );
    return { sentences: [first, ...rest.map((p) => quoted[naming.indexOf(p)]!)], decided: true };
  }

  // The list pool, deeper than the citations, holds the points elsewhere in the document; first score per point.
  const pool = retrieval.pool ?? retrieval.citations;
  const scoreOf = new Map<string, number>();
  for (const c of pool) {
    const point = corpus.passage(c.id)?.pointId;
    if (point !== undefined && !scoreOf.has(point)) scoreOf.set(point, c.score);
  }
  // A preamble or notice ranked first states what the document is for, not an item of the list: the first item retrieval ranked leads.
  const head = isItem(top) ? top : (ids.map((id) => firstPartOf(corpus.passage(id), corpus)).find((p) => p !== undefined && p.docId === top.docId && isItem(p)) ?? top);
  const topScore = scoreOf.get(head.pointId) ?? retrieval.citations[0]?.score ?? 0;
  const bestOf = new Map<string, ScoredSentence>();
  const searched = [...ids, ...pool.map((c) => c.id).filter((id) => !ids.includes(id))];
  for (const s of scoreSentences(topic, searched, corpus, bm25)) if (!bestOf.has(s.passageId)) bestOf.set(s.passageId, s);
  const lead = bestOf.get(head.id);
  if (!lead || matchScore(lead) < tuning.minSentenceScore) return undefined;
  const topBlock = blockPath(head).join('\n');
  const inTopBlock = (s: ScoredSentence) => blockPath(corpus.passage(s.passageId)!).join('\n') === topBlock;
  const near = new Set(rankedNear(retrieval, head, corpus, topScore).map((p) => p.pointId));
  // The first point's best sentence names the items (门诊号源、检查检验、住院床位): the list is held in it; unless the
  // question points at a block (党建那块讲了几方面), which asks for the block's items whatever one sentence enumerates,
  // or another point of the document matches the topic better and retrieval scored it nearly as high, or the question
  // asks what is done (有啥改革, 有啥要求) and retrieval all but tied another point with the first (收费定价 and 医保支付,
  // two paragraphs of one reform): the enumeration is then a detail of one item ("提供高品质、多样化和创新性医疗服务"),
  // not the list asked for. Members of a kind asked (哪些医疗资源往社区下沉) are the enumeration's items.
  const whatIsDone = asksWhatIsDone(question);
  const betterElsewhere = [...bestOf.values()].some((s) => {
    const p = corpus.passage(s.passageId)!;
    if (p.docId !== head.docId || !isItem(p) || p.pointId === head.pointId) return false;
    const score = scoreOf.get(p.pointId) ?? 0;
    return (matchScore(s) > matchScore(lead) && score >= topScore * ELSEWHERE_SCORE_SHARE) || (whatIsDone && score >= topScore * TIED_SCORE_SHARE);
  });
  if (!BLOCK_WORDS.test(question) && enumeratesItems(lead.sentence) && !betterElsewhere) return undefined;
  const others = [...bestOf.values()]
    .filter((s) => {
      const p = corpus.passage(s.passageId)!;
      if (p.docId !== head.docId || !isItem(p)) return false;
      const matches = (share: number) => matchScore(s) >= tuning.minSentenceScore && matchScore(s) >= matchScore(lead) * share;
      const score = scoreOf.get(p.pointId) ?? 0;
      // Anywhere in the document: a point retrieval scored nearly as high as the first, one of whose sentences speaks to the topic at all.
      if (matchScore(s) >= tuning.minSentenceScore && score >= topScore * RANKED_CLOSE_SHARE) return true;
      // Elsewhere in the document: a point that matches and that retrieval scored nearly as well as the first.
      if (!inTopBlock(s)) return matches(ELSEWHERE_MATCH_SHARE) && score >= topScore * ELSEWHERE_SCORE_SHARE;
      return matches(LIST_SHARE) || near.has(p.pointId);
    })
    // One sentence per point: parts of one long point count once.
    .filter((s, i, all) => all.findIndex((o) => corpus.passage(o.passageId)!.pointId === corpus.passage(s.passageId)!.pointId) === i)
    .filter((s) => corpus.passage(s.passageId)!.pointId !== head.pointId)
    // Its block's points before those elsewhere in the document.
    .sort((a, b) => Number(inTopBlock(b)) - Number(inTopBlock(a)))
    .slice(0, MAX_LIST_POINTS - 1);
  if (others.length === 0) return undefined;
  // Most of the first point's block listed (党建: three of its four paragraphs), the block is what the question lists: the rest of it joins,
  // before points elsewhere in the document.
  const headBlock = blockPoints(corpus, head);
  const listed = headBlock.filter((p) => p.pointId === head.pointId || others.some((s) => corpus.passage(s.passageId)!.pointId === p.pointId));
  if (headBlock.length <= MAX_LIST_POINTS && listed.length < headBlock.length && listed.length >= headBlock.length * BLOCK_COMPLETE_SHARE) {
    const rest = headBlock.filter((p) => !listed.includes(p)).map(sentenceOf);
    const inBlock = [...others.filter(inTopBlock), ...rest];
    const elsewhere = others.filter((s) => !inTopBlock(s)).slice(0, Math.max(0, MAX_LIST_POINTS - 1 - inBlock.length));
    others.splice(0, others.length, ...inBlock, ...elsewhere);
  }
  // The first point stays first (when the list is inside it, it is the answer); the others follow in the document's order.
  // Led by the first item after a preamble, the list stands on points retrieval did not put first: not `decided`.
  return { sentences: [lead, ...others.sort((a, b) => corpus.passage(a.passageId)!.order - corpus.passage(b.passageId)!.order)], decided: head === top };
}

/** How well a sentence matches the question, its retrieval rank's penalty taken back: points of a list are compared by their match, not their rank. */
const matchScore = (s: ScoredSentence) => s.score + s.rank * RANK_PENALTY;

/** The retrieved points of the first point's block (first parts, the first point left out) that retrieval scored at least BLOCK_SCORE_SHARE of its score (`topScore`, else the first citation's). */
function rankedNear(retrieval: RetrievalResult, top: Passage, corpus: Corpus, topScore = retrieval.citations[0]?.score ?? 0): Passage[] {
  const block = blockPath(top).join('\n');
  const out: Passage[] = [];
  for (const c of retrieval.citations) {
    const p = firstPartOf(corpus.passage(c.id), corpus);
    if (!p || p.pointId === top.pointId || p.docId !== top.docId || !isItem(p) || blockPath(p).join('\n') !== block) continue;
    if (topScore > 0 && c.score >= topScore * BLOCK_SCORE_SHARE && !out.some((o) => o.pointId === p.pointId)) out.push(p);
  }
  return out;
}

/**
 * The items of the first point's document under the headings that hold most of the topic (`grams`, its naming grams),
 * when they hold enough (less when the question points at a part: `pointed`) and more of it than the first point's
 * own title does (`leadShare`).
 */
function namedBlock(topic: string, top: Passage, corpus: Corpus, bm25: Bm25Index, read: { grams: string[]; leadShare: number; pointed: boolean }): Passage[] | undefined {
  const { grams, leadShare, pointed } = read;
  const parts = listSubjects(topic);
  const subjects = parts.length > 1 ? parts.map((t) => themeGrams(t, corpus, bm25)).filter((g) => g.length >= 2) : [];
  let best: { item: Passage; share: number } | undefined;
  const seen = new Set<string>();
  for (const p of corpus.passages) {
    const path = blockPath(p);
    if (p.docId !== top.docId || !isItem(p) || path.length === 0) continue;
    const key = path.join('\n');
    if (seen.has(key)) continue;
    seen.add(key);
    const heading = normalizeForSearch(path.join(''));
    // Several subjects side by side (科技创新、产学研): a heading that names one of them wholly names the block too.
    const s = Math.max(share(grams, heading, bm25), ...subjects.map((g) => (share(g, heading, bm25) === 1 ? 1 : 0)));
    // On a tie, the block of the first point.
    if (s >= (pointed ? POINTED_HEADING_SHARE : SECTION_HEADING_SHARE) && (!best || s > best.share || (s === best.share && key === blockPath(top).join('\n')))) best = { item: p, share: s };
  }
  if (!best) return undefined;
  // Retrieval found the answer in the first point: a heading elsewhere that shares the words does not outweigh it,
  // unless the question points at a part (那一部分) whose heading holds half its topic or more.
  if (isItem(top) && blockPath(best.item).join('\n') !== blockPath(top).join('\n') && !(pointed && best.share >= POINTED_ELSEWHERE_SHARE)) return undefined;
  // The first point's own title names the topic better than the heading does (做好继续教育工作 under a heading that
  // shares only 继续): the question asks that point's subject, not the block's.
  if (!pointed && isItem(top) && leadShare > best.share) return undefined;
  return blockPoints(corpus, best.item);
}

/**
 * For a question that names two or more subjects side by side ("发烧门诊、急诊、重症床位", "绩效考核、
 * 监测评价和巡查"), the point of the list pool (first parts, items) that names each subject most
 * fully in its text, at least SUBJECT_SHARE of the subject's theme words; on a tie, the one whose
 * lead names it more, then the one retrieval ranked higher. Each subject gives at most one point;
 * empty unless two or more points are named.
 */
function namedBySubjects(topic: string, retrieval: RetrievalResult, corpus: Corpus, bm25: Bm25Index): Passage[] {
  // Each subject side by side names one point, by its rarest words too (立法普法和信访: 立法, 普法 stand in one point alone).
  const subjects = listSubjects(topic)
    .map((s) => themeGrams(s, corpus, bm25, { rare: true }))
    .filter((g) => g.length > 0);
  if (subjects.length < 2) return [];
  const points: Array<{ point: Passage; text: string; lead: string }> = [];
  for (const c of retrieval.pool ?? retrieval.citations) {
    const p = firstPartOf(corpus.passage(c.id), corpus);
    if (!p || !isItem(p) || points.some((o) => o.point.pointId === p.pointId)) continue;
    points.push({ point: p, text: normalizeForSearch(pointText(p, corpus)), lead: normalizeForSearch(leadOf(p)) });
  }
  const out: Passage[] = [];
  for (const grams of subjects) {
    let best: { point: Passage; text: number; lead: number } | undefined;
    for (const o of points) {
      const text = share(grams, o.text, bm25);
      const lead = share(grams, o.lead, bm25);
      if (text >= SUBJECT_SHARE && (!best || text > best.text || (text === best.text && lead > best.lead))) best = { point: o.point, text, lead };
    }
    if (best && !out.includes(best.point)) out.push(best.point);
  }
  return out.length >= 2 ? out : [];
}

/**
 * The retrieved points whose lead names a subject of the question, first parts, in retrieval
 * order: each subject of "护理和继续教育" names its own point, and "对口支援" may name a point in
 * each of two documents.
 */
function namedByLeads(topic: string, ids: readonly string[], corpus: Corpus, bm25: Bm25Index): Passage[] {
  const subjects = listSubjects(topic)
    .map((s) => namingGrams(s, corpus, bm25))
    .filter((g) => g.length > 0);
  const out: Passage[] = [];
  for (const id of ids) {
    const p = firstPartOf(corpus.passage(id), corpus);
    if (!p || !isItem(p) || out.some((o) => o.pointId === p.pointId)) continue;
    const lead = normalizeForSearch(leadOf(p));
    if (subjects.some((grams) => share(grams, lead, bm25) >= LEAD_SHARE)) out.push(p);
  }
  return out;
}

/**
 * The points of the list pool (first parts, in retrieval order, at most MAX_LIST_POINTS) that name a
 * subject of the question in one of their sentences as fully as the pool's best holder does; empty
 * unless the first point is one of them, and empty when more than MAX_LIST_POINTS of the pool name it.
 * A subject several points name by the same words (天山中医医院, 传染病临床诊治中心, 社区康复中心) is
 * what the question lists, wherever the points sit; one that more points name than a list holds
 * (社区卫生服务中心, 科研) is a common term, and a list of some of them would be arbitrary.
 */
function namedInText(topic: string, retrieval: RetrievalResult, corpus: Corpus, bm25: Bm25Index): Passage[] {
  const subjects = listSubjects(topic)
    .map((s) => themeGrams(s, corpus, bm25))
    .filter((g) => g.length > 0);
  const pool = retrieval.pool ?? retrieval.citations;
  const topScore = pool[0]?.score ?? 0;
  if (subjects.length === 0 || topScore <= 0) return [];
  const points: Array<{ point: Passage; score: number; shares: number[] }> = [];
  for (const c of pool) {
    const p = firstPartOf(corpus.passage(c.id), corpus);
    if (!p || !isItem(p) || points.some((o) => o.point.pointId === p.pointId)) continue;
    const sentences = corpus.passages.filter((q) => q.pointId === p.pointId).flatMap((q) => splitSentences(q.text).map(normalizeForSearch));
    points.push({ point: p, score: c.score, shares: subjects.map((grams) => Math.max(0, ...sentences.map((s) => share(grams, s, bm25)))) });
  }
  const best = subjects.map((_, j) => Math.max(0, ...points.map((o) => o.shares[j]!)));
  const names = (o: (typeof points)[number]) => o.shares.some((s, j) => best[j]! >= MENTION_FLOOR && s >= best[j]! * MENTION_SHARE);
  const top = firstPartOf(corpus.passage(retrieval.citations[0]?.id ?? ''), corpus);
  if (!top || !points.some((o) => o.point.pointId === top.pointId && names(o))) return [];
  // Named by more points than a list holds, the subject is a common term (社区卫生服务中心, 科研), not what is listed.
  if (points.filter(names).length > MAX_LIST_POINTS) return [];
  return points
    .filter((o) => names(o) && o.score >= topScore * MENTION_SCORE_SHARE)
    .map((o) => o.point)
    .slice(0, MAX_LIST_POINTS);
}

const BLOCK_WORDS = new RegExp(data.blockWords.pattern, 'u');
const PART_WORDS = new RegExp(data.partWords.pattern, 'u');
const MENTIONS = new RegExp(data.mentions.pattern, 'u');
/** What joins several subjects of a mention beside the list joiners (listSubjects: 和, 及, 、): 或 (绩效考核或绩效评价) and brackets (医联体（医疗联合体）); and the verbs staff put before a subject (搞培训). */
const MENTION_ALTERNATIVES = /或者|或|[（）()]/u;
const MENTION_VERBS = /^(?:搞|做|开展|抓)/u;
/** A noun for people closed by 人, two characters before it (老年人, 残疾人). */
const PEOPLE_NOUN = /^\p{Script=Han}{2,}人$/u;

/**
 * The points of the first point's document (first parts, items) whose text holds the subject a
 * question asks the mentions of (涉及中医药的内容有哪些 → 中医药; 提及医联体（医疗联合体）的内容 → 医联体
 * or 医疗联合体), in the document's order; undefined unless two to MAX_LIST_POINTS do (more: the
 * subject is a common term, and the other ways decide).
 */
function mentionedIn(question: string, top: Passage, corpus: Corpus): Passage[] | undefined {
  const said = MENTIONS.exec(question.replace(/\s+/g, ''));
  const subject = said?.slice(1).find((g) => g !== undefined);
  if (subject === undefined) return undefined;
  // The document the question names, else the first point's (retrieval may rank another document's point first).
  const docId = findNamedDocument(question, corpus.documents.values())?.id ?? top.docId;
  const names = listSubjects(subject)
    .flatMap((n) => n.split(MENTION_ALTERNATIVES))
    .map((n) => normalizeForSearch(n.replace(MENTION_VERBS, '')))
    // Staff's everyday words with the documents' words for them (私立医院 → 社会办医, 民营医院; 网上看病 → 互联网诊疗).
    .flatMap((n) => [n, ...documentTermsFor(n).map(normalizeForSearch)])
    // People named with 人 are written without it before another noun (老年人 → 老年健康服务, 残疾人 → 残疾预防).
    .flatMap((n) => (PEOPLE_NOUN.test(n) ? [n, n.slice(0, -1)] : [n]))
    .filter((n) => n.length >= 2);
  if (names.length === 0) return undefined;
  const points = corpus.passages.filter((p) => p.docId === docId && isItem(p) && (p.part?.index ?? 1) === 1);
  const forms = names.map(mentionForm);
  const holding = points.filter((p) => {
    const text = normalizeForSearch(pointText(p, corpus));
    return forms.some((f) => f.test(text));
  });
  return holding.length >= 2 && holding.length <= MAX_LIST_POINTS ? inDocumentOrder(holding) : undefined;
}
/** Most characters a document sets inside a subject's name (医院等级评审 for 医院评审, 社区卫生服务中心 for 社区卫生中心). */
export const MENTION_INSERT = 2;

/**
 * A subject's name as a document may write it: whole, or, of four characters or more, with up to MENTION_INSERT
 * characters set between two of its words (two characters at least on each side: 医院 / 评审, not 医 / 院评审).
 */
export function mentionForm(name: string): RegExp {
  const splits = [...Array(Math.max(0, name.length - 3)).keys()].map((i) => `${escapeRegExp(name.slice(0, i + 2))}\\p{Script=Han}{1,${MENTION_INSERT}}${escapeRegExp(name.slice(i + 2))}`);
  return new RegExp([escapeRegExp(name), ...splits].join('|'), 'u');
}
const OWN_LIST = new RegExp(data.ownListMarkers.pattern, 'gu');

/** The point lists items of its own: two or more of 一是, 二是… in its parts. */
function ownsList(p: Passage, corpus: Corpus): boolean {
  return (pointText(p, corpus).match(OWN_LIST)?.length ?? 0) >= 2;
}

/** What a point says it is about: its own heading (a titled paragraph, a sub-section), else its first sentence. */
function leadOf(p: Passage): string {
  const own = p.path.at(-1) ?? '';
  return p.kind !== 'point' && own && !/^\d+$/.test(own) ? own : (splitSentences(p.text)[0] ?? p.text);
}

function firstPartOf(p: Passage | undefined, corpus: Corpus): Passage | undefined {
  if (!p || (p.part?.index ?? 1) === 1) return p;
  return corpus.passages.find((q) => q.pointId === p.pointId && (q.part?.index ?? 1) === 1) ?? p;
}

/** At most MAX_PART_POINTS of a block's points: those retrieval ranked, best first, then the rest in the document's order. */
function preferRetrieved(points: readonly Passage[], ids: readonly string[], corpus: Corpus): Passage[] {
  const rank = (p: Passage) => {
    const at = ids.findIndex((id) => corpus.passage(id)?.pointId === p.pointId);
    return at < 0 ? ids.length + p.order : at;
  };
  return [...points].sort((a, b) => rank(a) - rank(b)).slice(0, MAX_PART_POINTS);
}

function inDocumentOrder(points: readonly Passage[]): Passage[] {
  return firstParts(points);
}

/**
 * The scopes that answer a list asked of several (市医政要点和普陀, 市里和普陀): a scope of several documents that the
 * question names as a place (市里), not by a title, is each of its documents; of one it names by title, the documents
 * it names are the scopes, each its own (2023年市卫健工作要点、市医政要点以及长宁、普陀: the two city documents apart).
 */
function scopesAnswering(question: string, groups: readonly string[][], corpus: Corpus): string[][] {
  const titled = namedDocuments(question, corpus.documents.values()).map((d) => d.id);
  // A document the question names in words that fit no one title (市卫健委2023年工作要点: two city documents), not by a
  // district: the scope's other documents stay asked, together.
  // (A stretch ends where a word for a document does: one that holds one ends with it.)
  const unsure = documentStretches(question, corpus.documents.values()).some((s) => !s.doc && NAMES_A_DOCUMENT.test(s.text) && namedPlaces(s.text).length === 0);
  return groups.flatMap((g) => {
    if (g.length <= 1) return [g];
    const named = g.filter((id) => titled.includes(id));
    if (named.length === 0) return g.map((id) => [id]);
    const rest = g.filter((id) => !named.includes(id));
    return [...named.map((id) => [id]), ...(unsure && rest.length > 0 ? [rest] : [])];
  });
}

/** Points of several documents: document by document, as retrieval first met them, each in its order. */
function inRetrievedDocumentOrder(points: readonly Passage[], ids: readonly string[], corpus: Corpus): Passage[] {
  const docRank = (p: Passage) => ids.findIndex((id) => corpus.passage(id)?.docId === p.docId);
  return [...points].sort((a, b) => docRank(a) - docRank(b) || a.order - b.order);
}

/** The passage's sentence that best matches the topic, else its first sentence. */
function bestSentence(topic: string, passage: Passage, corpus: Corpus, bm25: Bm25Index): ScoredSentence {
  const scored = scoreSentences(topic, [passage.id], corpus, bm25)[0];
  return scored ?? { passageId: passage.id, rank: 0, sentence: passage.text, score: 0 };
}

/**
 * A list asked of several documents: from the list pool (the documents a named scope allows), the
 * points that retrieval ranked first in each document (in each scope, when `scopes` are given: 市里和
 * 普陀 asks the city's and 普陀's) among those whose best sentence matches the topic at all: the
 * first of each, when retrieval scored it at least ACROSS_SCORE_SHARE of the pool's first point, and a
 * second of the same document scored nearly as high (SECOND_POINT_SHARE of the first). Retrieval
 * weighs the meaning (护理 in 做好护理工作 and in 扩大护理队伍), where the words of the topic alone
 * tie. The point retrieval ranked first leads, the others follow document by document. Undefined
 * unless points of two documents (scopes) qualify.
 */
function acrossDocuments(topic: string, retrieval: RetrievalResult, corpus: Corpus, bm25: Bm25Index, tuning: { minSentenceScore: number }, scopes?: readonly string[][]): ScoredSentence[] | undefined {
  const pool = retrieval.pool ?? retrieval.citations;
  const matched = new Map<string, ScoredSentence>();
  // The documents asked about are in the pool already; what each says is matched on the topic alone.
  for (const s of scoreSentences(
    withoutDocumentNames(topic, corpus),
    pool.map((c) => c.id),
    corpus,
    bm25,
  )) {
    const p = corpus.passage(s.passageId)!;
    if (isItem(p) && !matched.has(p.pointId) && matchScore(s) >= tuning.minSentenceScore) matched.set(p.pointId, s);
  }
  // Each scope named (the city's documents together), else each document.
  const groupOf = (passageId: string) => {
    const doc = corpus.passage(passageId)!.docId;
    const scope = scopes?.findIndex((g) => g.includes(doc)) ?? -1;
    return scope >= 0 ? `scope ${scope}` : doc;
  };
  // Each matched point once, at its first (best) place in the pool.
  const ranked: Array<{ sentence: ScoredSentence; score: number }> = [];
  const seen = new Set<string>();
  for (const c of pool) {
    const p = corpus.passage(c.id)!;
    const s = matched.get(p.pointId);
    if (s && !seen.has(p.pointId)) {
      seen.add(p.pointId);
      ranked.push({ sentence: s, score: c.score });
    }
  }
  const topScore = ranked[0]?.score ?? 0;
  const byGroup = new Map<string, Array<{ sentence: ScoredSentence; score: number }>>();
  for (const r of ranked) {
    // Scopes named: a document outside them (the other city documents of 市医政要点和普陀) is not asked.
    if (scopes && !scopes.some((g) => g.includes(corpus.passage(r.sentence.passageId)!.docId))) continue;
    const group = groupOf(r.sentence.passageId);
    const held = byGroup.get(group) ?? [];
    if (held.length === 0 ? r.score >= topScore * ACROSS_SCORE_SHARE : held.length === 1 && r.score >= held[0]!.score * SECOND_POINT_SHARE) held.push(r);
    byGroup.set(group, held);
  }
  const chosen = [...byGroup.values()].filter((held) => held.length > 0);
  if (chosen.length < 2) return undefined;
  // The point retrieval ranked first leads, as a one-point answer would cite it; a preamble or notice (not an item) leaves the lead to the best point chosen.
  const top = corpus.passage(retrieval.citations[0]!.id)!;
  const sentences = chosen.flat().map((r) => r.sentence);
  const lead = sentences.find((s) => corpus.passage(s.passageId)!.pointId === top.pointId) ?? (isItem(top) ? bestSentence(topic, firstPartOf(top, corpus)!, corpus, bm25) : ranked[0]!.sentence);
  const others = sentences.filter((s) => corpus.passage(s.passageId)!.pointId !== corpus.passage(lead.passageId)!.pointId);
  const ids = retrieval.citations.map((c) => c.id);
  const rest = inRetrievedDocumentOrder(
    others.map((s) => corpus.passage(s.passageId)!),
    ids,
    corpus,
  );
  return [lead, ...rest.map((p) => others.find((s) => s.passageId === p.id)!)].slice(0, MAX_LIST_POINTS);
}
