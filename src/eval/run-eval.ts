import { claimsOf, unverifiedClaims } from '../answer/compose-text.js';
import type { Answer, Answerer, Turn } from '../answer/types.js';
import type { Corpus } from '../core/corpus.js';
import type { EvalCase } from './eval-case.js';
import { loose, resolveGold } from './resolve-gold.js';
import type { SuiteCase } from './load-suite.js';
import { readIntent, type AnswerIntent } from '../retrieval/question-intent.js';

const INTENTS: readonly string[] = ['figure', 'date', 'who', 'list', 'yes-no', 'what'];

export interface CaseResult {
  id: string;
  kind: string;
  tags: string[];
  question: string;
  /** The question set (file) the case comes from, and its split; absent for cases run outside a suite. */
  set?: string;
  split?: SuiteCase['split'];
  /** What kind of answer the case asks: its `intent` field where the author gave one, else as the question reads. */
  intent: AnswerIntent;
  expectAbstain: boolean;
  abstained: boolean;
  /** What the answer said was missing (a figure, a date, a body), when it said so. */
  missing?: Answer['missing'];
  /** `low`: the answer only offers the nearest sentence as possibly relevant. */
  confidence?: 'high' | 'low';
  /** Not declined, and the first citation is a gold point (see Metrics.answeredCorrectly). */
  answeredCorrectly: boolean;
  /** What the decision to answer looked at (absent for rule-decided questions). */
  signals?: Answer['signals'];
  /** 1-based rank of the first gold point among the retrieved points; null when absent. */
  rank: number | null;
  retrievedPointIds: string[];
  citedIds: string[];
  /** The points of the cited passages, in citation order. */
  citedPointIds: string[];
  citationPrecision: number | null;
  factRecall: number | null;
  claims: number;
  verifiedClaims: number;
  /** Characters of the answer text with markers and source phrases removed. */
  answerChars: number;
  /** Claims not found verbatim in the passage their marker cites. */
  unverified: string[];
  latencyMs: number;
  /** Anchors no longer found: the case is stale and counted in no metric. */
  stale: string[];
  /** Anchors found only through the reference text (a scanned corpus read a character of them otherwise). */
  tolerated?: string[];
  answer: string;
  mode: string;
  goldPointIds: string[];
  /** Fields of the case the runner does not know, kept for the report. */
  extra: Record<string, unknown>;
}

const KNOWN = new Set(['id', 'question', 'kind', 'tags', 'gold', 'facts', 'history', 'abstain', 'intent']);

export interface RunCaseOptions {
  clock?: () => number;
  /** The text the corpus was scanned from: gold anchors OCR misread are located through it (see resolveGold). */
  reference?: Corpus;
}

/** Runs one case through the same code path as the service: retrieval and answer (follow-ups with their history). */
export async function runCase(c: EvalCase & Partial<Pick<SuiteCase, 'set' | 'split'>>, answerer: Answerer, corpus: Corpus, options: RunCaseOptions = {}): Promise<CaseResult> {
  const clock = options.clock ?? (() => performance.now());
  const history: Turn[] = [];
  for (const turn of c.history ?? []) {
    const previous = await answerer.answer(turn.question, { history: [...history] });
    history.push(toTurn(previous));
  }
  const started = clock();
  const answer = await answerer.answer(c.question, { history });
  const latencyMs = clock() - started;

  const gold = resolveGold(c, corpus, options.reference);
  const goldPoints = new Set(gold.pointIds.flat());
  const retrievedPointIds = [...new Set(answer.retrievedIds.map((id) => corpus.passage(id)?.pointId ?? id))];
  // Ordinal and "which document" follow-ups cite without searching: their retrievedIds are what they cite.
  const ranked = retrievedPointIds;
  const at = ranked.findIndex((id) => goldPoints.has(id));
  const anchors = c.gold.map((g) => loose(g.anchor));
  const cited = answer.citations;
  const citationPrecision = cited.length === 0 ? null : cited.filter((x) => anchors.some((a) => loose(x.text).includes(a))).length / cited.length;
  const text = loose(answer.answer);
  const factRecall = c.facts.length === 0 ? null : c.facts.filter((f) => text.includes(loose(f))).length / c.facts.length;
  const claims = answer.abstained ? [] : claimsOf(answer.answer);
  const failed = answer.abstained ? [] : unverifiedClaims(answer.answer, cited, loose);
  const verified = Math.max(0, claims.length - failed.length);
  const firstCited = cited[0] ? (corpus.passage(cited[0].id)?.pointId ?? cited[0].id) : undefined;
  return {
    id: c.id,
    kind: c.kind,
    tags: c.tags,
    question: c.question,
    ...(c.set ? { set: c.set } : {}),
    ...(c.split ? { split: c.split } : {}),
    intent: typeof c.intent === 'string' && INTENTS.includes(c.intent) ? (c.intent as AnswerIntent) : readIntent(c.question),
    expectAbstain: c.abstain,
    abstained: answer.abstained,
    ...(answer.missing ? { missing: answer.missing } : {}),
    ...(answer.confidence ? { confidence: answer.confidence } : {}),
    ...(answer.signals ? { signals: answer.signals } : {}),
    answeredCorrectly: !c.abstain && !answer.abstained && firstCited !== undefined && goldPoints.has(firstCited),
    rank: c.abstain || at < 0 ? null : at + 1,
    retrievedPointIds: ranked.slice(0, 5),
    citedIds: cited.map((x) => x.id),
    citedPointIds: [...new Set(cited.map((x) => corpus.passage(x.id)?.pointId ?? x.id))],
    citationPrecision: c.abstain ? null : citationPrecision,
    factRecall: c.abstain ? null : factRecall,
    claims: claims.length,
    verifiedClaims: verified,
    answerChars: claims.join('').length,
    unverified: failed,
    latencyMs,
    stale: gold.missing,
    ...(gold.tolerated.length > 0 ? { tolerated: gold.tolerated } : {}),
    answer: answer.answer,
    mode: answer.mode,
    goldPointIds: [...goldPoints],
    extra: Object.fromEntries(Object.entries(c).filter(([k]) => !KNOWN.has(k))),
  };
}

/** The turn a client would keep after an answer. */
export function toTurn(answer: Answer): Turn {
  return { question: answer.question, answer: answer.answer, citations: answer.citations.map((c) => ({ id: c.id, label: c.label, docNumber: c.docNumber })) };
}
