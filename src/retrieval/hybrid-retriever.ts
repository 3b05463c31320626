import { InvalidInputError } from '../core/errors.js';
import type { Citation, Embedder, RetrievalResult, VectorIndex } from '../core/types.js';
import type { Bm25Index } from './bm25-index.js';
import { searchText, type Corpus } from './corpus.js';
import { fuseRankings, fuseScores } from './fuse-rankings.js';
import { findNamedDocument, parseCitationQuery } from './parse-citation-query.js';
import { readScope, SCOPE_WORDS } from './scope-check.js';
import { contentBigrams, normalizeForSearch, topicTerms } from './tokenize.js';

export const MAX_QUESTION_CHARS = 2000;

const ASKS_VALIDITY = /有效期|施行|起实施|实施日期|生效|失效|过期|有效到/;
const ASKS_ISSUANCE = /印发|发文|落款|发布|文号|通知|抄送|谁发|发的文|成文/;

export type RetrievalMode = 'hybrid' | 'dense' | 'lexical';

/** Knobs tuned on the eval questions (`npm run eval`), not on the documents' wording. */
export interface RetrievalTuning {
  candidates: number;
  /** `rrf`: reciprocal rank fusion; `score`: convex combination of max-normalised scores. */
  fusion: 'rrf' | 'score';
  /** Weight of the lexical score in `score` fusion (dense gets the rest). */
  lexicalShare: number;
  rrfK: number;
  denseWeight: number;
  lexicalWeight: number;
  /**
   * Abstain below this relevance: dense cosine of the best passage + coverageWeight × its
   * IDF-weighted bigram coverage − unknownWeight × the share of the question's words found
   * nowhere in the corpus. `minLexicalRelevance` applies when there is no dense score.
   */
  minRelevance: number;
  minLexicalRelevance: number;
  coverageWeight: number;
  unknownWeight: number;
}

export const DEFAULT_TUNING: RetrievalTuning = {
  candidates: 30,
  fusion: 'score',
  lexicalShare: 0.85,
  rrfK: 20,
  denseWeight: 1,
  lexicalWeight: 1,
  minRelevance: 0.535,
  minLexicalRelevance: 0.16,
  coverageWeight: 0.3,
  unknownWeight: 0.15,
};

export interface RetrieverDeps {
  corpus: Corpus;
  bm25: Bm25Index;
  /** Absent on runtimes without a local model: retrieval is then lexical. */
  embedder?: Embedder;
  vectors?: VectorIndex;
}

export interface RetrieveOptions {
  k?: number;
  mode?: RetrievalMode;
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

/**
 * Dense (HNSW) and lexical (BM25) retrieval fused by reciprocal rank, with direct look-up of
 * cited points, scope checks (places, years) and abstention. Portable: no Node APIs.
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
        const rest = await this.rank(question, mode, k + 1, [], vector);
        const citations = [corpus.citation(hit.id, 1), ...rest.filter((r) => r.id !== hit.id).map((r) => corpus.citation(r.id, r.score))];
        return { question, abstained: false, direct: true, citations: citations.slice(0, k), nearest: [] };
      }
    }

    const scope = readScope(question, docs, this.corpusText);
    // "市卫健委2023年工作要点里，…": a question that names one document is answered from it.
    const named = scope.groups.length <= 1 ? findNamedDocument(question, docs) : undefined;
    const ranked = await this.rank(question, mode, this.tuning.candidates, named ? [named.id] : scope.groups.flat(), vector);
    const nearest = ranked.slice(0, 5).map((r) => corpus.citation(r.id, r.score));
    let signals: RetrievalResult['signals'];
    const abstain = (reason: string): RetrievalResult => ({ question, abstained: true, reason, citations: [], nearest, ...(signals ? { signals } : {}) });

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

    // Places and years chose the documents above; the topic is what remains.
    const topic = question.replace(SCOPE_WORDS, ' ');
    const grams = contentBigrams(topic);
    if (grams.length === 0) return abstain('这个问题不涉及现有政策文件的内容。');
    const weights = grams.map((g) => this.idf(g));
    const total = weights.reduce((a, b) => a + b, 0);
    // A question about two scopes (长宁和普陀) is covered by the best passage of each.
    const topText = [top, ...candidates.slice(1, Math.max(1, scope.groups.length))].map((r) => this.normalizedText.get(r.id)!).join('\n');
    const coverage = grams.reduce((s, g, i) => s + (topText.includes(g) ? weights[i]! : 0), 0) / total;
    const dense = top.dense ?? (mode === 'lexical' ? undefined : 0);
    const terms = topicTerms(topic);
    const unknown = terms.length === 0 ? 0 : terms.filter((t) => !this.corpusText.includes(t)).length / terms.length;
    const t = this.tuning;
    // Without a dense score (lexical mode) coverage carries the whole decision.
    const relevance = dense === undefined ? coverage - t.unknownWeight * unknown : dense + t.coverageWeight * coverage - t.unknownWeight * unknown;
    const round = (x: number) => Math.round(x * 1000) / 1000;
    signals = { coverage: round(coverage), unknown: round(unknown), relevance: round(relevance), ...(dense !== undefined ? { dense: round(dense) } : {}) };
    if (relevance < (dense === undefined ? t.minLexicalRelevance : t.minRelevance)) return abstain('现有文件中没有找到回答这个问题的条目。');

    const citations = candidates.slice(0, k).map((r) => corpus.citation(r.id, r.score));
    // Each named scope keeps its best passage among the results, so a cross-document answer can cite both.
    for (const group of scope.groups.length > 1 ? scope.groups : []) {
      const docOf = (id: string) => corpus.passage(id)!.docId;
      if (citations.some((c) => group.includes(docOf(c.id)))) continue;
      const best = candidates.find((r) => group.includes(docOf(r.id)));
      if (best) citations.push(corpus.citation(best.id, best.score));
    }
    return { question, abstained: false, citations, nearest: [], signals, ...(scope.groups.length > 1 ? { scopeGroups: scope.groups } : {}) };
  }

  /** Inverse document frequency of a token; unseen tokens weigh the most. */
  private idf(token: string): number {
    const n = this.deps.corpus.passages.length;
    return Math.log(1 + n / (1 + this.deps.bm25.documentFrequency(token)));
  }

  /** Fused ranking; `score` is scaled to 0..1 (1 = first in every list). */
  private async rank(
    question: string,
    mode: RetrievalMode,
    n: number,
    restrictTo: string[],
    vector: Promise<number[]> | undefined,
  ): Promise<Array<{ id: string; score: number; dense?: number }>> {
    const { corpus, bm25, vectors } = this.deps;
    const pool = restrictTo.length > 0 ? n * 4 : n;
    const keep = (id: string) => restrictTo.length === 0 || restrictTo.includes(corpus.passage(id)!.docId);
    const lexicalHits = mode !== 'dense' ? bm25.search(question, pool).filter((h) => keep(h.id)) : [];
    const rankings = [];
    let denseHits: Array<{ id: string; score: number }> = [];
    if (mode !== 'lexical') {
      if (!vector || !vectors) throw new Error(`retrieval mode ${mode} needs an embedder and a vector index`);
      denseHits = (await vectors.search(await vector, pool)).filter((h) => keep(h.id));
      rankings.push({ hits: denseHits, weight: this.tuning.denseWeight });
    }
    if (mode !== 'dense') rankings.push({ hits: lexicalHits, weight: this.tuning.lexicalWeight });
    const dense = new Map(denseHits.map((h) => [h.id, h.score]));
    if (this.tuning.fusion === 'score' && rankings.length === 2) {
      return fuseScores(denseHits, rankings[1]!.hits as Array<{ id: string; score: number }>, this.tuning.lexicalShare)
        .slice(0, n)
        .map((r) => ({ ...r, ...(dense.has(r.id) ? { dense: dense.get(r.id)! } : {}) }));
    }
    const max = rankings.reduce((s, r) => s + r.weight / (this.tuning.rrfK + 1), 0);
    return fuseRankings(rankings, this.tuning.rrfK)
      .slice(0, n)
      .map((r) => ({ id: r.id, score: Math.round((r.score / max) * 1000) / 1000, ...(dense.has(r.id) ? { dense: dense.get(r.id)! } : {}) }));
  }
}

export type { Citation };
