import type { Citation, Passage, RetrievalResult } from '../core/types.js';
import type { Bm25Index } from '../retrieval/bm25-index.js';
import { isItem, type Corpus } from '../core/corpus.js';
import { TITLE_FREE_RUN, validateQuestion, type HybridRetriever, type RetrievalMode } from '../retrieval/hybrid-retriever.js';
import { splitSentences } from '../text/split-sentences.js';
import { normalizeForSearch, topicTerms } from '../text/tokenize.js';
import { writtenInChinese } from '../retrieval/question-language.js';
import {
  composeAnswerText,
  ENGLISH_LEAD,
  outlineAnswer,
  LOW_CONFIDENCE_LEAD,
  LOW_CONFIDENCE_LEAD_EN,
  lowConfidenceAnswer,
  missingLead,
  partialListNote,
  sourceAnswer,
  type Claim,
} from './compose-text.js';
import { holdsSlot, missingNoun } from '../retrieval/slot-evidence.js';
import { asksHowPut, isAskingWord, quoteMustHold, readIntent, slotAsked, type AnswerIntent } from '../retrieval/question-intent.js';
import { englishSearchTerms, MIN_TRANSLATED_SHARE_FOR_HIGH } from '../retrieval/english-search-terms.js';
import type { AnswerSlot } from '../core/types.js';
import { composeList, MAX_LIST_POINTS, MAX_PART_POINTS } from './compose-list.js';
import { askedPoints, headingNames, namedSection, type SectionAsked } from './named-section.js';
import { pointsAround, pointsMentioning } from './block-points.js';
import { withoutDocumentNames } from './naming-grams.js';
import { titleFree, withoutTitleRuns } from '../text/runs.js';
import { normalizeWidth } from '../text/normalize-width.js';
import { SCOPE_WORDS } from '../retrieval/scope-check.js';
import { DOCUMENT_WORDS as DOCUMENT_WORDS_SOURCE, findNamedDocument } from '../retrieval/parse-citation-query.js';
import { outlineAsked, outlineOf } from './outline.js';
import { issueAsked, issueSignature } from './document-issue.js';
import { type FollowUp, onlyRefersBack, resolveFollowUp } from './resolve-follow-up.js';
import { searchFollowUp } from './search-follow-up.js';
import { pickOrdinal } from './pick-ordinal.js';
import { asksDocumentValidity } from '../retrieval/stages/route-by-kind.js';
import { RANK_PENALTY, scoreSentences, shortenClaim, type ScoredSentence } from './select-sentences.js';
import type { Answer, AnswerEvent, AnswerOptions, Answerer } from './types.js';
import { COMPOSE_K } from '../core/limits.js';

export interface ExtractiveAnswererDeps {
  retriever: HybridRetriever;
  corpus: Corpus;
  bm25: Bm25Index;
  mode?: RetrievalMode;
  newId?: () => string;
}

export interface ExtractiveTuning {
  /** Below this sentence score no sentence answers the question: abstain. */
  minSentenceScore: number;
  /** A second sentence of the best passage is added when it scores at least this share of the best. */
  secondSentenceShare: number;
  /** Claims longer than this are cut to their best clauses (still verbatim). */
  maxClaimChars: number;
  /** Passages retrieved for composing. */
  k: number;
}

/** A translated figure or date question: how many points after the first, and how near their score, may give the figure instead (chosen on the dev split). */
const NEAR_POINTS = 2;
const NEAR_POINT_SCORE_SHARE = 0.6;
/** Said when a question asks how a document is organised but names none, and none is talked about. */
const WHICH_DOCUMENT = '这个问题问的是文件的结构，但没有说是哪个文件；请写出文件名称或文号（如《2023年长宁区医疗工作计划》）。';
/** Most sentences quoted of a section for what a question asks of it (a list asked: MAX_LIST_POINTS). */
const SECTION_SENTENCES = 3;

export const DEFAULT_EXTRACTIVE_TUNING: ExtractiveTuning = { minSentenceScore: 0.05, secondSentenceShare: 0.5, maxClaimChars: 90, k: COMPOSE_K };

const randomId = () => crypto.randomUUID();

/** The document the conversation is about: that of the previous answer's first citation. */
const conversationDocId = (history: AnswerOptions['history']) => history?.at(-1)?.citations?.[0]?.id.split('#')[0];

/** The section a follow-up points at: by its place, or the one before or after the previous answer's (上一部分呢); undefined past either end. */
function sectionOf(followUp: Extract<FollowUp, { kind: 'section' }>, corpus: Corpus): SectionAsked | undefined {
  if (typeof followUp.n !== 'object') return { ...followUp, n: followUp.n };
  const at = corpus.passage(followUp.n.from)?.section;
  const n = at === undefined ? undefined : at + followUp.n.step;
  return n === undefined || !corpus.passages.some((p) => p.docId === followUp.docId && p.section === n) ? undefined : { ...followUp, n };
}

/**
 * The offline composer: picks the sentences of the retrieved points that answer the question
 * and writes a short answer around them, saying whose rule it is and when. Every claim is
 * verbatim from the corpus; connectives and source phrases are the only other words.
 */
/** How a translated question (English, searched in Chinese terms) is searched and decided. */
interface TranslatedSearch {
  /** Read from the question's own words, not from the terms searched. */
  intent: AnswerIntent;
  /** Share of the question's content words that translated to nothing. */
  untranslatedShare: number;
  /** Never `high`: the terms stand for too little of what was asked. */
  neverHigh: boolean;
}

export class ExtractiveAnswerer implements Answerer {
  constructor(
    private readonly deps: ExtractiveAnswererDeps,
    private readonly tuning: ExtractiveTuning = DEFAULT_EXTRACTIVE_TUNING,
  ) {}

  /**
   * True when the question is answered from the documents' structure, not by search: how a document
   * is organised ("长宁的计划分几块"), a section or its first or last points ("医政医管要点第三部分讲了啥",
   * "第三块讲的啥" in a conversation). Another composer hands such questions to this one.
   */
  answersFromStructure(question: string, history?: AnswerOptions['history']): boolean {
    const { corpus, bm25 } = this.deps;
    if (outlineAsked(question, corpus, bm25, conversationDocId(history)) !== undefined) return true;
    if (issueAsked(question, corpus, conversationDocId(history)) !== undefined) return true;
    if (namedSection(question, corpus, bm25, conversationDocId(history))) return true;
    const kind = resolveFollowUp(question, history).kind;
    return kind === 'section' || kind === 'block' || kind === 'mentions';
  }

  async answer(rawQuestion: string, options: AnswerOptions = {}): Promise<Answer> {
    const question = validateQuestion(rawQuestion);
    const { corpus } = this.deps;
    const answerId = (this.deps.newId ?? randomId)();
    const followUp = resolveFollowUp(question, options.history);

    // "《2023年长宁区医疗工作计划》是哪一天印发的", "这文件谁发的啊": the cover notice's signature (its issuer and date), quoted from it.
    const issued = issueAsked(question, corpus, conversationDocId(options.history));
    const signature = issued === undefined ? undefined : issueSignature(issued, corpus);
    if (issued && signature) {
      const c = { ...corpus.citation(signature.passage.id, 1), quote: signature.quote };
      return { ...this.finish(answerId, question, [{ text: signature.quote, citation: 1 }], [c], [c.id], question), intent: issued.asks };
    }
    if (followUp.kind === 'source' && corpus.passage(followUp.passageId)) {
      const c = corpus.citation(followUp.passageId, 1);
      const quote = scoreSentences(followUp.topic, [c.id], corpus, this.deps.bm25).find((s) => s.score > 0)?.sentence ?? splitSentences(c.text)[0] ?? c.text;
      const answer = sourceAnswer(c, shortenClaim(followUp.topic, quote, this.tuning.maxClaimChars));
      return { answerId, question, answer, mode: 'extractive', abstained: false, confidence: 'high', citations: [{ ...c, quote }], nearest: [], retrievedIds: [c.id] };
    }
    // "2023年上海市医政医管工作要点分哪几部分？", "这个文件分几块" (of the document talked about): its headings.
    const outline = outlineAsked(question, corpus, this.deps.bm25, conversationDocId(options.history));
    if (outline === 'which document') return this.abstain(answerId, question, WHICH_DOCUMENT, [], [], question);
    const headed = outline ? outlineOf(outline, corpus) : [];
    if (headed.length > 0) {
      const cited = headed.map((h) => ({ ...corpus.citation(h.point.id, 1), quote: splitSentences(h.point.text)[0] ?? h.point.text }));
      const section = outline?.section === undefined ? undefined : headed[0]!.point.path[0];
      return {
        answerId,
        question,
        answer: outlineAnswer(
          headed.map((h) => h.heading),
          cited,
          section,
        ),
        mode: 'extractive',
        abstained: false,
        confidence: 'high',
        citations: cited,
        nearest: [],
        retrievedIds: cited.map((c) => c.id),
      };
    }
    // "医政医管要点第三部分讲了啥", "长宁计划最后那部分讲了什么": a section of the document the question names;
    // "第三块讲的啥" after a question about a document: a section of that document.
    const section = namedSection(question, corpus, this.deps.bm25, conversationDocId(options.history)) ?? (followUp.kind === 'section' ? sectionOf(followUp, corpus) : undefined);
    // "上一部分呢" after the first section: there is none to point at, which is said, not searched for.
    if (!section && followUp.kind === 'section' && typeof followUp.n === 'object') {
      return this.abstain(
        answerId,
        question,
        followUp.n.step < 0 ? '上一次回答的已是该文件的第一部分，前面没有别的部分。' : '上一次回答的已是该文件的最后一部分，后面没有别的部分。',
        [],
        [],
        question,
      );
    }
    // "它所在的那一部分还有哪些其他工作", "这部分讲了几条": the part of the document the previous answer's point sits in.
    // "在哪几处提的" after "长宁的计划里安宁疗护有提到吗": the points of that document that mention 安宁疗护.
    const mentioned = followUp.kind === 'mentions' ? mentionedSubject(followUp.topic, corpus) : undefined;
    const part = section ?? (followUp.kind === 'block' ? followUp : mentioned ? { asks: mentioned } : undefined);
    const points = section
      ? askedPoints(section, corpus)
      : followUp.kind === 'block'
        ? pointsAround(followUp.passageId, followUp.others, corpus)
        : followUp.kind === 'mentions' && mentioned
          ? atMost(pointsMentioning(followUp.docId, mentioned, corpus), MAX_LIST_POINTS)
          : undefined;
    if (part && points) {
      // What the question names of its own, unless the section's heading names it already (最后那部分专项工作: the whole section).
      // Nor when none of its words is in the section (最后那部分保障措施是啥, of 三、组织实施): they describe the whole of it in the staff's words.
      const asks =
        part.asks !== undefined &&
        points[0] &&
        (section?.askedInside === true || (!headingNames(part.asks, points[0], corpus, this.deps.bm25) && (section === undefined || saysEvery(part.asks, points))))
          ? part.asks
          : undefined;
      const most = readIntent(question) === 'list' ? MAX_LIST_POINTS : SECTION_SENTENCES;
      // "第二块里面，区域性医疗中心是怎么说的": the section's sentences that speak to what it names;
      // "第三块讲的啥": the first sentence of each of the section's first points.
      const asked = asks === undefined ? [] : this.sectionSentences(asks, points, most);
      // A part named by what its heading says: each point by its sentence that matches the question best, as a composed list quotes.
      const described = section?.described;
      const quoted =
        asked.length > 0
          ? asked
          : points
              .slice(0, MAX_PART_POINTS)
              .map((p) => ({ passageId: p.id, sentence: (described === undefined ? undefined : bestMatching(described, p, this.deps.corpus, this.deps.bm25)) ?? splitSentences(p.text)[0] ?? p.text }));
      if (quoted.length > 0) {
        const topic = asked.length > 0 ? asks! : question;
        const cited = quoted.map((s) => ({ ...corpus.citation(s.passageId, 1), quote: s.sentence }));
        const claims = cited.map((c, i) => ({ text: shortenClaim(topic, c.quote, this.tuning.maxClaimChars), citation: i + 1 }));
        const answer = this.finish(
          answerId,
          question,
          claims,
          cited,
          cited.map((c) => c.id),
          topic,
        );
        // The section's first points, not all of them (a part of more than MAX_PART_POINTS points): said so.
        return asked.length === 0 ? saysPartOf(answer, points.length, question) : answer;
      }
    }
    if (followUp.kind === 'ordinal') {
      const picked = pickOrdinal(followUp.n, followUp.citedIds, corpus);
      if (picked) {
        const claim = picked.sentence ?? scoreSentences(`${followUp.topic}${question}`, [picked.passageId], corpus, this.deps.bm25)[0]?.sentence ?? picked.text;
        const citation = { ...corpus.citation(picked.passageId, 1), quote: claim };
        return this.finish(answerId, question, [{ text: shortenClaim(question, claim, this.tuning.maxClaimChars), citation: 1 }], [citation], [picked.passageId], question);
      }
    }

    if (followUp.kind === 'none' && !options.history?.length && onlyRefersBack(question)) {
      return this.abstain(answerId, question, '这个问题指向上文，但没有上文可依；请写出完整的问题。', [], [], question);
    }
    // An English question is searched with the Chinese terms it translates to; its intent is read from the English.
    const english = followUp.kind === 'none' ? englishSearchTerms(question) : undefined;
    if (english) {
      // The terms stand for only part of what was asked: the best point may match them and miss the rest.
      const capped = english.translatedShare < MIN_TRANSLATED_SHARE_FOR_HIGH;
      const answer = await this.answerSearched(answerId, question, english.query, options, { intent: readIntent(question), untranslatedShare: 1 - english.translatedShare, neverHigh: capped });
      const { rewrittenQuestion: _shown, ...rest } = answer;
      // Quotes stay Chinese; a confident answer opens in English (the other tiers have bilingual leads of their own).
      const text = !answer.abstained && answer.confidence === 'high' ? `${ENGLISH_LEAD}${answer.answer}` : answer.answer;
      return { ...rest, answer: text, searchTerms: english.query, ...(english.untranslated.length > 0 ? { untranslated: english.untranslated } : {}) };
    }
    // An ordinal that points at nothing is searched with the conversation's topic.
    const searched =
      followUp.kind === 'rewrite'
        ? await searchFollowUp(followUp, this.deps.retriever, corpus, this.retrieveOptions(options))
        : followUp.kind === 'ordinal'
          ? `${question} ${followUp.topic}`
          : followUp.kind === 'mentions'
            ? followUp.topic
            : question;
    // What a follow-up asks is read from its own words ("那它是发给哪些单位的" asks who, whatever the earlier question asked;
    // "那安检设备具体按什么标准配" a method); one with no question words of its own (那普陀呢) asks what the conversation asked.
    const asked = followUp.kind === 'rewrite' ? readIntent(question) : undefined;
    const own = asked === 'what' && slotAsked(question, 'what') === undefined ? undefined : asked;
    return this.answerSearched(answerId, question, searched, options, undefined, own);
  }

  /**
   * The sentences of a section's points that best speak to `asks`: the best one, then those of
   * other points scoring at least half as well, in the document's order; up to `most`, one per point.
   */
  private sectionSentences(asks: string, points: readonly Passage[], most: number): ScoredSentence[] {
    const within = new Set(points.map((p) => p.pointId));
    const ids = this.deps.corpus.passages.filter((p) => within.has(p.pointId)).map((p) => p.id);
    const scored = scoreSentences(asks, ids, this.deps.corpus, this.deps.bm25).sort((a, b) => b.score - a.score);
    const best = scored[0];
    if (!best || best.score < this.tuning.minSentenceScore) return [];
    const byPoint = new Map<string, ScoredSentence>();
    for (const s of scored) {
      const point = this.deps.corpus.passage(s.passageId)!.pointId;
      if (s.score >= best.score * 0.5 && !byPoint.has(point) && byPoint.size < most) byPoint.set(point, s);
    }
    const order = (s: ScoredSentence) => this.deps.corpus.passage(s.passageId)!.order;
    const [first, ...rest] = [...byPoint.values()];
    return [first!, ...rest.sort((a, b) => order(a) - order(b))];
  }

  /** How many points to retrieve, and in which mode: the caller's k, else the composer's. */
  private retrieveOptions(options: AnswerOptions): { k: number; mode?: RetrievalMode } {
    return { k: options.k ?? this.tuning.k, ...(this.deps.mode ? { mode: this.deps.mode } : {}) };
  }

  /** Retrieval for the question as searched (rewritten with the conversation, or translated), then the answer. */
  private async answerSearched(answerId: string, question: string, searched: string, options: AnswerOptions, translated?: TranslatedSearch, asked?: AnswerIntent): Promise<Answer> {
    const retrieved = await this.deps.retriever.retrieve(searched, {
      ...this.retrieveOptions(options),
      ...(translated ? { intent: translated.intent, untranslatedShare: translated.untranslatedShare, translated: true } : asked ? { intent: asked } : {}),
    });
    // What was searched is not all that was asked (an English question partly translated): at most low.
    const retrieval: RetrievalResult =
      translated?.neverHigh && retrieved.confidence === 'high' && !retrieved.direct
        ? { ...retrieved, confidence: 'low', ...(retrieved.signals ? { signals: { ...retrieved.signals, tier: 'low' } } : {}) }
        : retrieved;
    const retrievedIds = (retrieval.abstained ? retrieval.nearest : retrieval.citations).map((c) => c.id);
    if (translated && retrieval.missing) {
      const near = this.nearPointHolding(retrieval, searched);
      if (near) return this.lowConfidence(answerId, question, near, retrievedIds, searched);
    }
    if (retrieval.abstained) return this.abstain(answerId, question, retrieval.reason, retrieval.nearest, retrievedIds, searched, retrieval.signals);
    // "…有哪些安排？": several points answer together, each cited (in either tier; a point named by its 文号 and number is answered alone).
    const listed = retrieval.intent === 'list' && !retrieval.missing && !retrieval.direct ? composeList(searched, retrieval, this.deps.corpus, this.deps.bm25, this.tuning, question) : undefined;
    if (listed) {
      // Sure of a list only when a sentence of the first points answers as a one-point answer must; else the list is offered low, as that answer would be.
      // Several items (points, not a preamble leading them) hold what the best point's sentences alone may not: the decision with the list held (never for a translation capped at low).
      // Not for a list led by the first item after a preamble retrieval ranked first: that decision was read on what the document is for.
      const items = listed.decided && listed.sentences.length >= 2 && isItem(this.deps.corpus.passage(listed.sentences[0]!.passageId)!);
      const tier = items && retrieval.heldTier && !translated?.neverHigh ? retrieval.heldTier : retrieval.confidence;
      // A part the question names by its headings is matched by them: its items' sentences need not repeat the heading's words.
      const sure = tier !== 'low' && (listed.headed === true || this.choose(searched, retrieval).length > 0);
      const decided: RetrievalResult = { ...retrieval, confidence: sure ? 'high' : 'low', ...(retrieval.signals ? { signals: { ...retrieval.signals, tier: sure ? 'high' : 'low' } } : {}) };
      return this.listAnswer(answerId, question, listed.sentences, decided, retrievedIds, searched, listed.of);
    }
    if (retrieval.confidence === 'low') return this.lowConfidence(answerId, question, retrieval, retrievedIds, searched);
    if (retrieval.direct) {
      // "第5条讲了什么": the point's title, then its first sentence with a figure (else its second sentence).
      const top = retrieval.citations[0]!;
      const sentences = splitSentences(top.text);
      const picked = [sentences[0]!, sentences.slice(1).find((x) => /\d/.test(x)) ?? sentences[1]].filter((x): x is string => Boolean(x));
      const claims = picked.map((text) => ({ text: shortenClaim(question, text, this.tuning.maxClaimChars), citation: 1 }));
      return this.finish(answerId, question, claims, [{ ...top, quote: orderedQuote(top, picked) }], retrievedIds, searched, retrieval.signals);
    }

    let chosen = this.choose(searched, retrieval);
    // No sentence of the retrieved points matches the question's words: offer the nearest point, marked as such.
    if (chosen.length === 0) return this.lowConfidence(answerId, question, retrieval, retrievedIds, searched);
    // A figure, a date, a method, a place or which body was asked: the quoted sentences must hold one, else the answer says what is missing.
    const slot = retrieval.intent ? slotAsked(searched, retrieval.intent) : undefined;
    if (quoteMustHold(slot, searched) && !chosen.some((x) => holdsSlot(slot, x.sentence, searched))) {
      // Else, when the decision read the slot held in the first point's sentences by meaning (片区中心医院什么时候授牌 →
      // 年底完成认定挂牌): that point's sentence that holds it, though its words match little.
      const holding =
        this.sentenceHolding(chosen[0]!.passageId, slot, searched) ??
        (retrieval.signals?.slot === 1 ? scoreSentences(searched, [retrieval.citations[0]!.id], this.deps.corpus, this.deps.bm25).find((x) => holdsSlot(slot, x.sentence, searched)) : undefined);
      if (!holding) return this.lowConfidence(answerId, question, { ...retrieval, confidence: 'low', missing: slot }, retrievedIds, searched);
      chosen = [holding, ...chosen.filter((x) => x.sentence !== holding.sentence)].slice(0, 3);
    }
    const citations: Citation[] = [];
    const claims: Claim[] = chosen.map((s) => {
      let index = citations.findIndex((c) => c.id === s.passageId);
      if (index < 0) {
        citations.push({ ...retrieval.citations.find((c) => c.id === s.passageId)!, quote: s.sentence });
        index = citations.length - 1;
      } else {
        citations[index]!.quote = orderedQuote(citations[index]!, [citations[index]!.quote!, s.sentence]);
      }
      return { text: shortenClaim(searched, s.sentence, this.tuning.maxClaimChars), citation: index + 1 };
    });
    return this.finish(answerId, question, claims, citations, retrievedIds, searched, retrieval.signals, retrieval.intent);
  }

  /** The best-matching sentence of a passage that matches the searched terms and holds the slot asked (a figure, a date, a method, a place, which body), if any. */
  private sentenceHolding(passageId: string, slot: AnswerSlot, searched: string): ScoredSentence | undefined {
    return scoreSentences(searched, [passageId], this.deps.corpus, this.deps.bm25).find((x) => x.score >= this.tuning.minSentenceScore && holdsSlot(slot, x.sentence, searched));
  }

  /**
   * A translated question asks a figure or date the best point does not give: the translation may
   * have lost the words that tie the question to its point ("per", "listed"), so a point ranked
   * nearly as high that gives one is offered first, with low confidence (never high, never said
   * to be missing). Undefined when none does (the figure is then said to be missing).
   */
  private nearPointHolding(retrieval: RetrievalResult, searched: string): RetrievalResult | undefined {
    const slot = retrieval.missing;
    const top = retrieval.citations[0];
    if (!top || (slot !== 'figure' && slot !== 'date')) return undefined;
    // One test for every point: a sentence that matches the terms and gives the slot. When the first
    // point passes it, it stays first and nothing is said missing (the retriever's check, on fewer
    // sentences, missed it).
    const gives = (id: string) => this.sentenceHolding(id, slot, searched) !== undefined;
    const { missing: _missing, ...rest } = retrieval;
    if (gives(top.id)) return { ...rest, confidence: 'low' };
    const near = retrieval.citations.slice(1, 1 + NEAR_POINTS).find((c) => c.score >= top.score * NEAR_POINT_SCORE_SHARE && gives(c.id));
    if (!near) return undefined;
    return { ...rest, confidence: 'low', citations: [near, ...retrieval.citations.filter((c) => c !== near)] };
  }

  /**
   * The grey zone: no point answers directly. Say so, then quote the one sentence of the nearest
   * point that best matches the question: by its words (and a figure when one is asked for) when
   * any match, else by meaning (sentence vectors), else the point's first sentence.
   */
  private lowConfidence(answerId: string, question: string, retrieval: RetrievalResult, retrievedIds: string[], searched: string): Answer {
    const chinese = writtenInChinese(question);
    const top = retrieval.citations[0]!;
    const sentences = splitSentences(top.text);
    const byWords = scoreSentences(searched, [top.id], this.deps.corpus, this.deps.bm25).find((s) => s.score >= this.tuning.minSentenceScore)?.sentence;
    const matched = retrieval.matchedSentences?.[top.id];
    const byMeaning = matched ? sentences[Number(matched.slice(matched.lastIndexOf('@') + 1))] : undefined;
    const sentence = byWords ?? byMeaning ?? sentences[0] ?? top.text;
    const quote = sentence.trim();
    const citation = { ...top, quote };
    // Never said missing when the sentence quoted gives it (做好年度区级核查工作 for 多久做一次): the retriever's check read other sentences.
    const missing: AnswerSlot | undefined = retrieval.missing && !holdsSlot(retrieval.missing, quote, searched) ? retrieval.missing : undefined;
    const lead = missing ? missingLead(missingNoun(missing, searched), !chinese) : chinese ? LOW_CONFIDENCE_LEAD : LOW_CONFIDENCE_LEAD_EN;
    return {
      ...this.finish(answerId, question, [], [citation], retrievedIds, searched, retrieval.signals),
      answer: lowConfidenceAnswer({ text: shortenClaim(searched, quote, this.tuning.maxClaimChars), citation: 1 }, [citation], lead),
      confidence: 'low',
      ...(retrieval.intent ? { intent: retrieval.intent } : {}),
      ...(missing ? { missing } : {}),
    };
  }

  /**
   * A list answer: one claim per point, each point cited once (a point of a named block may be one
   * retrieval did not rank). In the low tier it opens with the lead that says the answer is unsure.
   * `of`: the points of the part it lists some of (six, five cited), which it then says.
   */
  private listAnswer(answerId: string, question: string, listed: ScoredSentence[], retrieval: RetrievalResult, retrievedIds: string[], searched: string, of?: number): Answer {
    const citations = listed.map((x) => ({ ...(retrieval.citations.find((c) => c.id === x.passageId) ?? this.deps.corpus.citation(x.passageId, 0)), quote: x.sentence.trim() }));
    const claims = listed.map((x, i) => ({ text: shortenClaim(searched, x.sentence, this.tuning.maxClaimChars), citation: i + 1 }));
    const whole = this.finish(answerId, question, claims, citations, retrievedIds, searched, retrieval.signals, retrieval.intent);
    const answer = of === undefined ? whole : saysPartOf(whole, of, question);
    if (retrieval.confidence !== 'low') return answer;
    const lead = writtenInChinese(question) ? LOW_CONFIDENCE_LEAD : LOW_CONFIDENCE_LEAD_EN;
    return { ...answer, answer: `${lead}${answer.answer}`, confidence: 'low' };
  }

  async *stream(question: string, options: AnswerOptions = {}): AsyncIterable<AnswerEvent> {
    const answer = await this.answer(question, options);
    for (const piece of answer.answer.match(/[^，。；：]+[，。；：]?/g) ?? [answer.answer]) {
      if (options.signal?.aborted) return;
      yield { type: 'delta', text: piece };
    }
    yield { type: 'citations', citations: answer.citations };
    yield { type: 'done', answer };
  }

  /**
   * The claims: the best sentences of the best passage (a point's title sentence only when
   * nothing else in it answers), then, when the question names several scopes (the city and a
   * district), the best sentence of each other scope, so documents are kept apart.
   */
  private choose(question: string, retrieval: RetrievalResult): ScoredSentence[] {
    const ids = retrieval.citations.map((c) => c.id);
    const { corpus, bm25 } = this.deps;
    const first = scoreSentences(question, ids, corpus, bm25);
    // The preamble's sentence is best only by the title's words (2025年普陀区医政医管工作要点 儿科服务), while retrieval
    // ranked a point first: the sentences are scored again without the words that name the document.
    const preambleLeads = corpus.passage(first[0]?.passageId ?? '')?.kind === 'preamble' && corpus.passage(ids[0] ?? '')?.kind !== 'preamble';
    const scored = preambleLeads ? scoreSentences(withoutNamedTitle(question, corpus), ids, corpus, bm25) : first;
    // "那个方案管到啥时候": the closing clause, which retrieval put first for it, says when the document runs to in words of its
    // own (本实施方案自…起实施,有效期至…), which need not share the question's.
    const closing = corpus.passage(ids[0] ?? '');
    if (closing?.kind === 'closing' && asksDocumentValidity(question)) {
      const own = splitSentences(closing.text).find((x) => holdsSlot('date', x)) ?? closing.text;
      return [{ passageId: closing.id, sentence: own, score: 1, rank: 0 }];
    }
    const best = scored[0];
    if (!best || best.score < this.tuning.minSentenceScore) return [];
    const chosen = [best];
    for (const s of scored) {
      if (chosen.length >= 3) break;
      if (s !== best && s.passageId === best.passageId && s.score >= best.score * this.tuning.secondSentenceShare) chosen.push(s);
    }
    const docOf = (id: string) => this.deps.corpus.passage(id)!.docId;
    // A scope the question names is asked whatever rank retrieval gave its point, and what it says is matched
    // on the topic alone (收红包拿回扣…，市医政要点和长宁普陀的文件都咋管的: 行风, not 医政, 要点, 文件).
    const groups = (retrieval.scopeGroups ?? []).filter((group) => !chosen.some((s) => group.includes(docOf(s.passageId))));
    const onTopic = groups.length > 0 ? scoreSentences(withoutDocumentNames(question, corpus), ids, corpus, bm25) : [];
    for (const group of groups) {
      const inGroup = onTopic.find((s) => group.includes(docOf(s.passageId)));
      if (inGroup && inGroup.score + inGroup.rank * RANK_PENALTY >= this.tuning.minSentenceScore) chosen.push(inGroup);
    }
    return chosen;
  }

  private finish(
    answerId: string,
    question: string,
    claims: Claim[],
    citations: Citation[],
    retrievedIds: string[],
    searched: string,
    signals?: RetrievalResult['signals'],
    intent?: RetrievalResult['intent'],
  ): Answer {
    return {
      answerId,
      question,
      answer: composeAnswerText(claims, citations),
      mode: 'extractive',
      abstained: false,
      confidence: 'high',
      citations,
      ...(signals ? { signals } : {}),
      ...(intent ? { intent } : {}),
      nearest: [],
      retrievedIds,
      ...(searched !== question ? { rewrittenQuestion: searched } : {}),
    };
  }

  private abstain(answerId: string, question: string, reason: string | undefined, nearest: Citation[], retrievedIds: string[], searched: string, signals?: RetrievalResult['signals']): Answer {
    const near = nearest.slice(0, 3).map((c) => `《${c.title}》${c.label}`);
    const answer = `未在现有文件中找到这个问题的答案。${reason ?? ''}${near.length > 0 ? `最接近的条目是：${near.join('；')}（仅供参考，不作为依据）。` : ''}`;
    return {
      answerId,
      question,
      answer,
      mode: 'extractive',
      abstained: true,
      ...(reason ? { reason } : {}),
      citations: [],
      nearest: nearest.slice(0, 3),
      retrievedIds,
      ...(signals ? { signals } : {}),
      ...(searched !== question ? { rewrittenQuestion: searched } : {}),
    };
  }
}

/** The verbatim span of a passage that runs from the first of the quoted sentences to the last. */
function orderedQuote(citation: Citation, sentences: string[]): string {
  const starts = sentences.map((s) => citation.text.indexOf(s)).filter((i) => i >= 0);
  const ends = sentences.map((s) => citation.text.indexOf(s) + s.length).filter((i) => i > 0);
  return citation.text.slice(Math.min(...starts), Math.max(...ends));
}

/** The words with which a yes/no question asks whether a document mentions a thing (有没有涉及, 有提到吗, 提了没). */
const MENTION_ASKED = /(?:有没有|是否|有无|有)?(?:涉及|提到|提及|说到|讲到|写到|讲|提)(?:了|过)?/gu;
const YES_NO_END = /(?:吗|没有|没|呢|不)?[？?。！!]*$/u;
const PLACES = new RegExp(SCOPE_WORDS.source, 'gu');
/** Shortest run of a title taken as naming the document (医政医管工作要点), not the subject (医院 is in a title too). */
const TITLE_RUN = 4;
const DOCUMENT_WORDS = new RegExp(DOCUMENT_WORDS_SOURCE.source, 'gu');

/**
 * The question without the words of the title of the document it names (2025年普陀区医政医管工作要点 儿科服务 → 儿科服务):
 * they name the document, and its preamble, which repeats them, would otherwise give the best sentence. The question as
 * it is when it names none, or names nothing else.
 */
function withoutNamedTitle(question: string, corpus: Corpus): string {
  const named = findNamedDocument(question, [...corpus.documents.values()]);
  return (named && titleFree(question, named.title, TITLE_FREE_RUN)) ?? question;
}

/** The points, when there are no more than `most` of them; else none (more is a document to read, not an answer). */
const atMost = <T>(points: T[], most: number): T[] => (points.length <= most ? points : []);

/**
 * What a question that asks whether a document mentions a thing asks about (长宁的计划里安宁疗护有提到吗 → 安宁疗护;
 * …要点有没有涉及区康复医院的建设 → 区康复医院): its words less the document's name, places, years and the asking
 * words, the longest run left between 的, 里, 中, 对, 在. Undefined when nothing of two characters is left.
 */
function mentionedSubject(question: string, corpus: Corpus): string | undefined {
  const titles = [...corpus.documents.values()].map((d) => d.title);
  const rest = withoutTitleRuns(normalizeWidth(question).replace(/\s+/g, ''), titles, TITLE_RUN).replace(PLACES, ' ').replace(DOCUMENT_WORDS, ' ').replace(YES_NO_END, '').replace(MENTION_ASKED, ' ');
  const runs = rest.split(/[\s的里中对在，,]+/u).filter((s) => [...s].length >= 2);
  return runs.sort((a, b) => [...b].length - [...a].length)[0];
}

/** An answer citing some of a part's `total` points says how many the part holds (partialListNote), in the question's language; one citing all of them is left as it is. */
function saysPartOf(answer: Answer, total: number, question: string): Answer {
  const shown = answer.citations.length;
  return total > shown ? { ...answer, answer: `${answer.answer}${partialListNote(total, shown, !writtenInChinese(question))}` } : answer;
}

/** Whether the points' text holds every word a question names (区域性医疗中心 of 第二块里面，区域性医疗中心是怎么说的; not 保障措施 of 组织实施, which holds 保障 alone). */
function saysEvery(words: string, points: readonly Passage[]): boolean {
  const text = normalizeForSearch(points.map((p) => p.text).join(''));
  const terms = topicTerms(normalizeForSearch(words)).filter((t) => !asksHowPut(t) && !isAskingWord(t));
  return terms.length > 0 && terms.every((t) => text.includes(t));
}

/** The sentence of a passage that matches the topic's words best; undefined when none matches any. */
function bestMatching(topic: string, passage: Passage, corpus: Corpus, bm25: Bm25Index): string | undefined {
  const best = scoreSentences(topic, [passage.id], corpus, bm25)[0];
  return best && best.score > 0 ? best.sentence : undefined;
}
