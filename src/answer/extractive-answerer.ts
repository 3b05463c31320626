import type { Citation } from '../core/types.js';
import type { Bm25Index } from '../retrieval/bm25-index.js';
import type { Corpus } from '../retrieval/corpus.js';
import { validateQuestion, type HybridRetriever } from '../retrieval/hybrid-retriever.js';
import { splitSentences } from '../ingest/split-sentences.js';
import { toChineseNumeral } from '../ingest/chinese-numerals.js';
import { composeAnswerText, chineseDate, type Claim } from './compose-text.js';
import { resolveFollowUp } from './resolve-follow-up.js';
import { factClause, scoreSentences, type ScoredSentence } from './select-sentences.js';
import type { Answer, AnswerEvent, AnswerOptions, Answerer } from './types.js';

export interface ExtractiveAnswererDeps {
  retriever: HybridRetriever;
  corpus: Corpus;
  bm25: Bm25Index;
  newId?: () => string;
}

export interface ExtractiveTuning {
  /** Below this sentence score no sentence answers the question: abstain. */
  minSentenceScore: number;
  /** A claim from another passage is added when it scores at least this share of the best. */
  secondClaimShare: number;
  maxClaims: number;
  /** Claims longer than this are cut to their best clauses (still verbatim). */
  maxClaimChars: number;
}

export const DEFAULT_EXTRACTIVE_TUNING: ExtractiveTuning = { minSentenceScore: 0.2, secondClaimShare: 0.8, maxClaims: 2, maxClaimChars: 90 };

const randomId = () => crypto.randomUUID();

/**
 * The offline composer: picks the sentences of the retrieved points that answer the question
 * and writes a short answer around them. Every claim is verbatim from the corpus.
 */
export class ExtractiveAnswerer implements Answerer {
  constructor(
    private readonly deps: ExtractiveAnswererDeps,
    private readonly tuning: ExtractiveTuning = DEFAULT_EXTRACTIVE_TUNING,
  ) {}

  async answer(rawQuestion: string, options: AnswerOptions = {}): Promise<Answer> {
    const question = validateQuestion(rawQuestion);
    const { corpus, retriever, bm25 } = this.deps;
    const answerId = (this.deps.newId ?? randomId)();
    const followUp = resolveFollowUp(question, options.history);

    if (followUp.kind === 'source' && corpus.passage(followUp.passageId)) {
      const c = corpus.citation(followUp.passageId, 1);
      const answer = `这一条出自${chineseDate(c.date)}由${c.issuer}印发的《${c.title}》（${c.docNumber}），位置是${c.label}[1]。`;
      return { answerId, question, answer, mode: 'extractive', abstained: false, citations: [{ ...c, quote: firstSentence(c.text) }], nearest: [], retrievedIds: [c.id] };
    }
    if (followUp.kind === 'ordinal' && corpus.passage(followUp.passageId)) {
      const passage = corpus.passage(followUp.passageId)!;
      const sentences = splitSentences(passage.text);
      const item = followUp.item ? sentences.find((s) => s.startsWith(`${toChineseNumeral(followUp.item!)}是`)) : undefined;
      const pick = item ?? scoreSentences(`${followUp.topic}${question}`, [passage.id], corpus, bm25)[0]?.sentence ?? sentences[0]!;
      const citation = { ...corpus.citation(passage.id, 1), quote: pick };
      return this.finish(answerId, question, [{ text: pick, citation: 1 }], [citation], [passage.id], question);
    }

    const searched = followUp.kind === 'rewrite' ? followUp.question : question;
    const retrieval = await retriever.retrieve(searched, { k: 5 });
    const retrievedIds = retrieval.citations.map((c) => c.id);
    if (retrieval.abstained) return this.abstain(answerId, question, retrieval.reason, retrieval.nearest, searched);

    const scored = scoreSentences(searched, retrievedIds, corpus, bm25);
    const best = scored[0];
    if (!best || best.score < this.tuning.minSentenceScore) {
      return this.abstain(answerId, question, '检索到的条目中没有直接回答这个问题的句子。', retrieval.citations.slice(0, 3), searched);
    }
    const chosen: ScoredSentence[] = [best];
    for (const s of scored.slice(1)) {
      if (chosen.length >= this.tuning.maxClaims || s.score < best.score * this.tuning.secondClaimShare) break;
      const samePassage = chosen.some((c) => c.passageId === s.passageId);
      const sameDoc = chosen.some((c) => corpus.passage(c.passageId)!.docId === corpus.passage(s.passageId)!.docId);
      if (!samePassage && !sameDoc) chosen.push(s);
    }
    const citations: Citation[] = [];
    const claims: Claim[] = chosen.map((s) => {
      let index = citations.findIndex((c) => c.id === s.passageId);
      if (index < 0) {
        const base = retrieval.citations.find((c) => c.id === s.passageId)!;
        citations.push({ ...base, quote: s.sentence });
        index = citations.length - 1;
      }
      return { text: this.shorten(searched, s.sentence), citation: index + 1 };
    });
    return this.finish(answerId, question, claims, citations, retrievedIds, searched);
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

  /** Keeps a claim short: the clause with the number asked for, or the best clauses of a long sentence. */
  private shorten(question: string, sentence: string): string {
    const fact = factClause(question, sentence);
    if (fact) return fact;
    if (sentence.length <= this.tuning.maxClaimChars) return sentence;
    const clauses = sentence.split(/(?<=[，,；;：:])/);
    let best = '';
    let bestScore = -1;
    for (let i = 0; i < clauses.length; i++) {
      let span = '';
      for (let j = i; j < clauses.length && (span + clauses[j]!).length <= this.tuning.maxClaimChars; j++) {
        span += clauses[j]!;
        const score = overlap(question, span);
        if (score > bestScore) {
          best = span;
          bestScore = score;
        }
      }
    }
    return best || sentence;
  }

  private finish(answerId: string, question: string, claims: Claim[], citations: Citation[], retrievedIds: string[], searched: string): Answer {
    return {
      answerId,
      question,
      answer: composeAnswerText(claims, citations),
      mode: 'extractive',
      abstained: false,
      citations,
      nearest: [],
      retrievedIds,
      ...(searched !== question ? { rewrittenQuestion: searched } : {}),
    };
  }

  private abstain(answerId: string, question: string, reason: string | undefined, nearest: Citation[], searched: string): Answer {
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
      nearest,
      retrievedIds: nearest.map((c) => c.id),
      ...(searched !== question ? { rewrittenQuestion: searched } : {}),
    };
  }
}

const firstSentence = (text: string) => splitSentences(text)[0] ?? text;

function overlap(question: string, span: string): number {
  const q = new Set([...question]);
  return [...span].filter((ch) => q.has(ch)).length / Math.max(1, span.length) + [...span].filter((ch) => q.has(ch)).length / 100;
}
