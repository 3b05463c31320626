import { InvalidInputError, InvariantError } from '../core/errors.js';
import type { Citation, Embedder, RetrievalResult, VectorIndex } from '../core/types.js';
import type { Bm25Index } from './bm25-index.js';
import { searchText, type Corpus } from '../core/corpus.js';
import calibration from './data/retrieval-calibration.json' with { type: 'json' };
import { answerProbability, parseDecisionFile, tierOf, type DecisionFile, type DecisionSignals } from './decision-model.js';
import { documentTermsFor, expandEverydayWords } from './everyday-words.js';
import { fuseScores } from './fuse-rankings.js';
import { findNamedDocument, parseCitationQuery } from './parse-citation-query.js';
import { readScope, SCOPE_WORDS } from './scope-check.js';
import type { Reranker } from './http-reranker.js';
import { passageOfSentence } from '../ingest/sentence-units.js';
import { isSmallTalk, writtenInChinese } from './question-language.js';
import { contentBigrams, normalizeForSearch, topicTerms } from '../text/tokenize.js';
import { MAX_QUESTION_CHARS } from '../core/limits.js';

export { MAX_QUESTION_CHARS };

const ASKS_VALIDITY = /有效期|施行|起实施|实施日期|生效|失效|过期|有效到/;
const ASKS_ISSUANCE = /印发|发文|落款|发布|文号|通知|抄送|谁发|发的文|成文/;

/** Said when a question without Chinese finds nothing to offer: the documents are in Chinese. */
export const ASK_IN_CHINESE = '现有文件均为中文，没有找到与这个问题相关的条目，请用中文提问。The policy documents are in Chinese and none of their points matches this question; please ask in Chinese.';

export type RetrievalMode = 'hybrid' | 'dense' | 'lexical';

/**
 * How retrieval ranks and decides; defaults in DEFAULT_TUNING. The fusion weights and the decision
 * models are chosen and fitted on the eval's dev split by `npm run calibrate`, which writes them to
 * src/retrieval/data/retrieval-calibration.json.
 */
export interface RetrievalTuning {
  /** Points kept after fusion. */
  candidates: number;
  /** Weight of the lexical score in fusion (dense gets the rest). */
  lexicalShare: number;
  /** Dense score of a point: (1 − w) × cosine of the whole point + w × cosine of its best sentence. */
  sentenceWeight: number;
  /** One decision model per retrieval mode; absent: every ranked question is answered (calibration runs so). */
  decision?: DecisionFile['models'];
  /** Points a configured reranker reorders (the first N after fusion). */
  rerankTopN: number;
}

const CALIBRATION = parseDecisionFile(calibration);

/** The defaults, in one place: fusion weights and decision models as `npm run calibrate` last wrote them. */
export const DEFAULT_TUNING: RetrievalTuning = {
  candidates: 30,
  ...CALIBRATION.fusion,
  decision: CALIBRATION.models,
  rerankTopN: 10,
};

export interface RetrieverDeps {
  corpus: Corpus;
  bm25: Bm25Index;
  /** Absent on runtimes without a local model: retrieval is then lexical. */
  embedder?: Embedder;
  vectors?: VectorIndex;
  /** Vectors of each passage's sentences (ids `passageId@n`); without them points are matched whole. */
  sentenceVectors?: VectorIndex;
  /** A cross-encoder that reorders the first points after fusion (RERANK_BASE_URL); off when absent. */
  reranker?: Reranker;
}

export interface RetrieveOptions {
  k?: number;
  mode?: RetrievalMode;
}

/** A point ranked for a question, with what each retriever said of it. */
export interface RankedPoint {
  id: string;
  /** Fused score, 0..1. */
  score: number;
  /** Cosine of the whole point. */
  point?: number;
  /** Cosine of the point's best sentence, and which sentence. */
  sentence?: number;
  sentenceId?: string;
  /** The reranker's score, when one ran. */
  rerank?: number;
}

/** Checks a question at the boundary: not empty, not over the limit. */
export function validateQuestion(question: unknown): string {
  if (typeof question !== 'string') throw new InvalidInputError('question must be a string', 'question');
  const trimmed = question.trim();
  if (trimmed === '') throw new InvalidInputError('question is empty: write a question such as 区域性医疗中心按多少人口配置一家？', 'question');
  if ([...trimmed].length > MAX_QUESTION_CHARS) {
    throw new InvalidInputError(`question is ${[...trimmed].length} characters; the limit is ${MAX_QUESTION_CHARS}`, 'question');
  }
  return trimmed;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Retrieval as named stages: validate → direct citation → scope → candidates (BM25 ∥ HNSW over
 * points and their sentences) → fuse → decide (a calibrated model, three tiers) → cite.
 * Portable: no Node APIs.
 */
export class HybridRetriever {
  private readonly corpusText: string;
  private readonly normalizedText: Map<string, string>;

  constructor(
    private readonly deps: RetrieverDeps,
    readonly tuning: RetrievalTuning = DEFAULT_TUNING,
  ) {
    const { corpus } = deps;
    this.normalizedText = new Map(corpus.passages.map((p) => [p.id, normalizeForSearch(searchText(p, corpus.document(p.docId)))]));
    this.corpusText = [...this.normalizedText.values()].join('\n');
  }

  /** The mode used when the caller does not ask for one. */
  get defaultMode(): RetrievalMode {
    return this.deps.embedder && this.deps.vectors ? 'hybrid' : 'lexical';
  }

  async retrieve(rawQuestion: string, options: RetrieveOptions = {}): Promise<RetrievalResult> {
    const question = validateQuestion(rawQuestion);
    const k = options.k ?? 5;
    const mode = options.mode ?? this.defaultMode;
    const { corpus, embedder } = this.deps;
    const docs = [...corpus.documents.values()];
    // Ask for the question's vector first: an embedder in another process works on it while
    // this one parses the question and runs BM25.
    const vector = mode !== 'lexical' && embedder ? embedder.embedQuery(question) : undefined;
    vector?.catch(() => undefined); // Awaited (and its failure raised) in rank(); this only marks it handled meanwhile.
    const expanded = expandEverydayWords(question);

    // Stage: direct citation ("沪卫医〔2023〕32号第5条").
    const direct = parseCitationQuery(question, docs);
    if (direct) {
      const hit = corpus.passages.find(
        (p) =>
          p.docId === direct.docId &&
          (direct.section === undefined || p.section === direct.section) &&
          (direct.sub === undefined || p.sub === direct.sub) &&
          (direct.point === undefined || p.point === direct.point),
      );
      if (hit) {
        const rest = await this.rank(expanded, mode, k + 1, [], vector);
        const citations = [corpus.citation(hit.id, 1), ...rest.filter((r) => r.id !== hit.id).map((r) => corpus.citation(r.id, r.score))];
        return { question, abstained: false, confidence: 'high', direct: true, citations: citations.slice(0, k), nearest: [] };
      }
    }

    // Stage: scope. Places and years the corpus does not cover, and small talk, are declined outright.
    const scope = readScope(question, docs, this.corpusText);
    // "市卫健委2023年工作要点里，…": a question that names one document is answered from it.
    const named = scope.groups.length <= 1 ? findNamedDocument(question, docs) : undefined;
    const fused = await this.rank(expanded, mode, this.tuning.candidates, named ? [named.id] : scope.groups.flat(), vector);
    const ranked = this.deps.reranker ? await this.rerank(question, fused) : fused;
    const nearest = ranked.slice(0, 5).map((r) => corpus.citation(r.id, r.score));
    let signals: RetrievalResult['signals'];
    const abstain = (reason: string): RetrievalResult => ({ question, abstained: true, reason, citations: [], nearest, ...(signals ? { signals } : {}) });

    if (isSmallTalk(question)) return abstain('这个问题不涉及现有政策文件的内容。');
    if (scope.unknownPlaces.length > 0) return abstain(`现有文件不涉及${scope.unknownPlaces.join('、')}。`);
    const docYears = docs.map((d) => d.date.slice(0, 4) + d.title);
    const unknownYears = scope.years.filter((y) => !this.corpusText.includes(y) && !docYears.some((d) => d.includes(y)));
    if (unknownYears.length > 0) return abstain(`现有文件中没有${unknownYears.join('、')}年的相关内容。`);
    // The cover notice answers questions about issuing (日期, 文号, 印发); otherwise its title words only add noise.
    let candidates = ASKS_ISSUANCE.test(question) ? ranked : ranked.filter((r) => corpus.passage(r.id)!.kind !== 'notice');
    // Likewise the closing clause answers when a document takes effect and until when.
    if (ASKS_VALIDITY.test(question)) candidates = [...candidates.filter((r) => corpus.passage(r.id)!.kind === 'closing'), ...candidates.filter((r) => corpus.passage(r.id)!.kind !== 'closing')];
    if (scope.years.length > 0) {
      candidates = candidates.filter((r) => {
        const p = corpus.passage(r.id)!;
        const d = corpus.document(p.docId);
        return scope.years.some((y) => d.date.startsWith(y) || d.title.includes(y) || this.normalizedText.get(r.id)!.includes(y));
      });
      if (candidates.length === 0) return abstain(`现有文件中没有${scope.years.join('、')}年的相关内容。`);
    }
    const top = candidates[0];
    if (!top) return abstain('现有文件中没有找到相关内容。');

    // Stage: decide. Places and years chose the documents above; the topic is what remains.
    const topic = expanded.replace(SCOPE_WORDS, ' ');
    if (contentBigrams(topic).length === 0 && writtenInChinese(question)) return abstain('这个问题不涉及现有政策文件的内容。');
    // A question about two scopes (长宁和普陀) is covered by the best passage of each.
    const docOf = (id: string) => corpus.passage(id)!.docId;
    const bestOfEach = scope.groups.length > 1 ? scope.groups.flatMap((g) => candidates.find((r) => g.includes(docOf(r.id))) ?? []) : [top];
    const decision = this.signals(topic, top, candidates, bestOfEach, mode);
    const model = this.tuning.decision?.[mode === 'lexical' ? 'lexical' : 'hybrid'];
    const p = model ? answerProbability(model, decision) : 1;
    const tier = model ? tierOf(model, p) : 'high';
    signals = { ...roundSignals(decision), p: round(p), tier };
    if (tier === 'decline') return abstain(writtenInChinese(question) ? '现有文件中没有找到回答这个问题的条目。' : ASK_IN_CHINESE);

    // Stage: cite. Each named scope keeps its best passage, so a cross-document answer can cite both.
    const citations = candidates.slice(0, k).map((r) => corpus.citation(r.id, r.score));
    for (const group of scope.groups.length > 1 ? scope.groups : []) {
      if (citations.some((c) => group.includes(docOf(c.id)))) continue;
      const best = candidates.find((r) => group.includes(docOf(r.id)));
      if (best) citations.push(corpus.citation(best.id, best.score));
    }
    const matchedSentences = Object.fromEntries(candidates.slice(0, k).flatMap((r) => (r.sentenceId ? [[r.id, r.sentenceId]] : [])));
    return {
      question,
      abstained: false,
      confidence: tier,
      citations,
      nearest: [],
      signals,
      matchedSentences,
      ...(scope.groups.length > 1 ? { scopeGroups: scope.groups } : {}),
    };
  }

  /** The signals the decision model reads, for the best point (coverage: by the best point of each named scope). */
  private signals(topic: string, top: RankedPoint, candidates: RankedPoint[], covering: RankedPoint[], mode: RetrievalMode): DecisionSignals {
    const grams = contentBigrams(topic);
    const weights = grams.map((g) => this.deps.bm25.idf(g));
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    const topText = covering.map((r) => this.normalizedText.get(r.id)!).join('\n');
    const coverage = grams.reduce((s, g, i) => s + (topText.includes(g) ? weights[i]! : 0), 0) / total;
    // An everyday word with a document term (发烧 -> 发热) is not unknown.
    const terms = topicTerms(topic);
    const unknown = terms.length === 0 ? 0 : terms.filter((t) => !this.corpusText.includes(t) && documentTermsFor(t).length === 0).length / terms.length;
    // After a reranker the first point need not have the highest fused score: the margin is then 0.
    const margin = Math.max(0, top.score - Math.max(0, ...candidates.slice(1).map((c) => c.score)));
    return { coverage, unknown, margin, ...(mode !== 'lexical' ? { point: top.point ?? 0, sentence: top.sentence ?? top.point ?? 0 } : {}) };
  }

  /**
   * Stage: rerank. The reranker reorders the first `rerankTopN` points by its own scores; when it
   * fails or is slow, the fused order stands (answers never wait on it beyond its timeout).
   */
  private async rerank(question: string, candidates: RankedPoint[]): Promise<RankedPoint[]> {
    const { corpus, reranker } = this.deps;
    const head = candidates.slice(0, this.tuning.rerankTopN);
    try {
      const scores = await reranker!.rerank(question, head.map((r) => searchText(corpus.passage(r.id)!, corpus.document(corpus.passage(r.id)!.docId))));
      const order = head.map((r, i) => ({ r, s: scores[i]! })).sort((a, b) => b.s - a.s);
      return [...order.map((x) => ({ ...x.r, rerank: x.s })), ...candidates.slice(head.length)];
    } catch {
      return candidates;
    }
  }

  /** Stage: candidates and fusion. BM25 ∥ HNSW over points and over sentences; `score` is 0..1. */
  private async rank(question: string, mode: RetrievalMode, n: number, restrictTo: string[], vector: Promise<number[]> | undefined): Promise<RankedPoint[]> {
    const { corpus, bm25, vectors, sentenceVectors } = this.deps;
    const pool = restrictTo.length > 0 ? n * 4 : n;
    const keep = (id: string) => restrictTo.length === 0 || restrictTo.includes(corpus.passage(id)!.docId);
    const lexicalHits = mode !== 'dense' ? bm25.search(question, pool).filter((h) => keep(h.id)) : [];
    const points = new Map<string, number>();
    const sentences = new Map<string, { id: string; score: number }>();
    if (mode !== 'lexical') {
      if (!vector || !vectors) throw new InvariantError(`retrieval mode ${mode} needs an embedder and a vector index`);
      const v = await vector;
      for (const h of await vectors.search(v, pool)) if (keep(h.id)) points.set(h.id, h.score);
      for (const h of sentenceVectors ? await sentenceVectors.search(v, pool * 4) : []) {
        const id = passageOfSentence(h.id);
        if (keep(id) && !sentences.has(id)) sentences.set(id, { id: h.id, score: h.score });
      }
    }
    // A point seen by one list only gets the other list's lowest score.
    const floor = (xs: Iterable<number>) => Math.min(...xs);
    const pointFloor = points.size > 0 ? floor(points.values()) : 0;
    const sentenceFloor = sentences.size > 0 ? floor([...sentences.values()].map((s) => s.score)) : pointFloor;
    const w = sentences.size > 0 ? this.tuning.sentenceWeight : 0;
    const denseHits = [...new Set([...points.keys(), ...sentences.keys()])]
      .map((id) => ({ id, score: (1 - w) * (points.get(id) ?? pointFloor) + w * (sentences.get(id)?.score ?? sentenceFloor) }))
      .sort((a, b) => b.score - a.score);
    const share = mode === 'dense' ? 0 : mode === 'lexical' ? 1 : this.tuning.lexicalShare;
    return fuseScores(denseHits, lexicalHits, share)
      .slice(0, n)
      .map((r) => {
        const s = sentences.get(r.id);
        return { ...r, ...(points.has(r.id) ? { point: points.get(r.id)! } : {}), ...(s ? { sentence: s.score, sentenceId: s.id } : {}) };
      });
  }
}

function roundSignals(s: DecisionSignals): DecisionSignals {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v as number)])) as unknown as DecisionSignals;
}

export type { Citation };
