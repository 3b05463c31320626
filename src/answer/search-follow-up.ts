import type { Corpus } from '../core/corpus.js';
import type { HybridRetriever, RetrieveOptions } from '../retrieval/hybrid-retriever.js';
import { documentStretches, findNamedDocument, namedDocuments, withTitleWordsInFull } from '../retrieval/parse-citation-query.js';
import type { PolicyDocument } from '../core/types.js';
import { readIntent } from '../retrieval/question-intent.js';
import { readScope, SCOPE_WORDS } from '../retrieval/scope-check.js';
import { topicTerms } from '../text/tokenize.js';
import { withoutTitleRuns } from '../text/runs.js';
import { DOCUMENT_POINTER, type FollowUp, REFERS_BACK } from './resolve-follow-up.js';

/** A place or year (普陀, 2025年): a follow-up that names one asks of the documents it names, not of the conversation's. */
const NAMES_SCOPE = new RegExp(SCOPE_WORDS.source, 'u');
const NAMES_SCOPE_ALL = new RegExp(SCOPE_WORDS.source, 'gu');
/** Shortest run of the earlier document's title taken out of the carried subject: 卫生健康工作要点 and 2023年 go, 公立医院 stays. */
const EARLIER_TITLE_RUN = 5;
/** What closes a follow-up without naming anything (里呢, 的呢, 怎么说, 里是怎么说的, 又是咋安排的). */
const ENDING = /(?:里|的|中)?(?:是|又是)?(?:呢|(?:怎么|咋|如何)(?:说|写|讲|规定|要求|安排)的?)?[？?。.！!]*$/u;

/**
 * The documents of the places and years a question names, read as retrieval reads a question's scope (普陀 → 2025年普陀区医政医管工作要点;
 * 市里, 市卫健委 → the city's; 21年那个方案 → the 2021 plan; 长宁和普陀 → both districts'; 市卫健委23年要点 → the city's of 2023).
 */
function documentsOfScope(question: string, documents: readonly PolicyDocument[]): PolicyDocument[] {
  const { years, groups } = readScope(question, documents, '');
  if (groups.length === 0 && years.length === 0) return [];
  const scoped = groups.flat();
  return documents.filter((d) => (scoped.length === 0 || scoped.includes(d.id)) && (years.length === 0 || years.some((y) => d.date.startsWith(y) || d.title.includes(y))));
}

/**
 * The earlier question without the words that name its document: the stretch that names it, up to its word for a
 * document (市医政要点 of 市医政要点里医疗纠纷这块咋说的), less every run of the title, its short words read in full
 * (卫健 as 卫生健康); elsewhere runs of
 * EARLIER_TITLE_RUN or more (卫生健康工作要点 and 2023年 go, 公立医院 stays).
 */
function withoutDocument(base: string, earlier: PolicyDocument, documents: readonly PolicyDocument[]): string {
  return documentStretches(base, documents)
    .map((s) => (s.doc?.id === earlier.id ? withoutTitleRuns(withTitleWordsInFull(s.text), [earlier.title], 2) : withoutTitleRuns(s.text, [earlier.title], EARLIER_TITLE_RUN)))
    .join('');
}

/**
 * What a follow-up is searched as: with the conversation's topic, unless it names a topic of its
 * own that, searched alone, is answered with confidence from the document the conversation is
 * about ("那国家中医医学中心要建几家" after 国家医学中心): the previous question's words would pull
 * the search back to the point already answered; or from the document or place it names itself
 * ("那普陀的文件里儿科是怎么要求的" after a question about the city's document, "那医政医管要点里…什么时候完成认定"
 * after one about the 卫生健康工作要点): the previous question's document would be searched beside it.
 * Both composers read follow-ups this way.
 */
export async function searchFollowUp(
  followUp: Extract<FollowUp, { kind: 'rewrite' }>,
  retriever: Pick<HybridRetriever, 'retrieve'>,
  corpus: Corpus,
  options: Pick<RetrieveOptions, 'k' | 'mode'>,
): Promise<string> {
  if (!followUp.own || !followUp.docId) return followUp.question;
  const documents = [...corpus.documents.values()];
  // "那这个文件里护理咋说" after a question about 援滇: the pointer stands for the document, not the subject; its own
  // topic is asked of that document, named by its title, and the earlier subject is not carried.
  // Not when it names a place or a document of its own (普陀25年那份要点里这一块), whose words say which document.
  const pointer = DOCUMENT_POINTER.exec(followUp.own)?.[0];
  const ownWords = pointer === undefined ? undefined : followUp.own.replace(pointer, ' ').replace(ENDING, '');
  const document = corpus.documents.get(followUp.docId);
  const namesOwnPlace = NAMES_SCOPE.test(followUp.own) || namedDocuments(followUp.own, documents).length > 0;
  if (ownWords !== undefined && document && !namesOwnPlace && !REFERS_BACK.test(ownWords) && topicTerms(ownWords).length > 0) return `${document.title} ${ownWords}`;
  // Its own words less the places, documents and endings that only say where to look ("那普陀2025年的要点里是怎么说的").
  const ownTopic =
    topicTerms(
      withoutTitleRuns(
        followUp.own.replace(NAMES_SCOPE_ALL, ' '),
        documents.map((d) => d.title),
        2,
      ).replace(ENDING, ''),
    ).length > 0;
  // "医政医管要点对这块又是怎么要求的" after a question that named the 卫生健康工作要点: the subject is carried, the earlier
  // document's name, place and year are not (长宁区 of 长宁区今年的质控工作怎么开展), or both documents would be searched
  // and the earlier one's point found again. The earlier document is the one its question names, else its answer's.
  const pointsBack = REFERS_BACK.test(followUp.own);
  const namedByOwn = findNamedDocument(followUp.own, documents);
  // "那卫健工作要点和长宁的呢": the documents it names, one or several.
  // "那普陀2025年的要点里是怎么说的", "21年那个方案里呢": or, naming none by its title, the documents of the place and year it names.
  const asksOfDocuments = pointsBack || !ownTopic;
  const named = asksOfDocuments ? namedDocuments(followUp.own, documents) : [];
  const ownDocuments = asksOfDocuments && named.length === 0 ? documentsOfScope(followUp.own, documents) : named;
  const earlierDocument = ownDocuments.length > 0 && followUp.base ? (findNamedDocument(followUp.base, documents) ?? corpus.documents.get(followUp.docId)) : undefined;
  if (earlierDocument && !ownDocuments.some((d) => d.id === earlierDocument.id)) {
    // Its closing words (的呢, 里是怎么说的) name nothing: left out, they would thin the topic the decision reads.
    return `${followUp.own.replace(ENDING, '')} ${withoutDocument(followUp.base!, earlierDocument, documents).replace(NAMES_SCOPE_ALL, ' ')}`;
  }
  // "那区域性医疗中心呢" after 市级定点医院的重症床位要占总床位的多少: a subject of its own and nothing asked of it, after a
  // figure, a date or a body asked: that is asked of the new subject, with the earlier question.
  if (followUp.base && !asksAnything(followUp.own) && SLOT_INTENTS.has(readIntent(followUp.base))) return followUp.question;
  const alone = await retriever.retrieve(followUp.own, options);
  const top = alone.citations[0];
  if (alone.abstained || alone.confidence !== 'high' || !top) return followUp.question;
  // "该目标计划在哪一年实现": a pronoun for the earlier subject, and its own words alone found the preamble (2023年是…开局之年),
  // which states what the document is for: the subject was lost, and is searched with the question.
  // Not the closing clause, which answers for the document a pronoun may stand for (它的有效期到什么时候为止).
  if (pointsBack && corpus.passage(top.id)?.kind === 'preamble') return followUp.question;
  // Its own document or place, and a topic beside it ("那市里23年医政要点里呢" names a document and nothing to ask of it).
  // Not a question asked inside the previous answer (这里面要创上海市…示范站的是哪几家): 上海市 there is part of a name.
  const namesItsOwn = !followUp.inside && !pointsBack && (NAMES_SCOPE.test(followUp.own) || namedByOwn !== undefined) && ownTopic;
  return corpus.passage(top.id)?.docId === followUp.docId || namesItsOwn ? followUp.own : followUp.question;
}

/** Words that ask what a thing is, how or why (什么, 啥, 怎么, 哪, 为什么, 吗), beside the intents' own. */
const ASKS_WHAT = /什么|啥|怎么|咋|如何|哪|为何|为啥|吗|么样/u;
/** The intents whose answer a sentence holds or not (a figure, a date, a body). */
const SLOT_INTENTS: ReadonlySet<string> = new Set(['figure', 'date', 'who']);

/** Whether a question asks anything of its own: an intent's words (多少, 谁, 哪些, 能不能) or what, how or why. */
function asksAnything(question: string): boolean {
  return readIntent(question) !== 'what' || ASKS_WHAT.test(question);
}
