import type { Passage } from '../core/types.js';
import type { FeedbackRecord } from '../core/feedback.js';
import type { Corpus } from '../core/corpus.js';
import { contentBigrams } from '../text/tokenize.js';
import { evalCaseSchema, type EvalCase } from './eval-case.js';
import { loose } from './resolve-gold.js';
import { FEEDBACK_TURNS as MINED_TURNS } from '../core/limits.js';

export interface MiningCounts {
  records: number;
  down: number;
  /** 👎 records that name the passage that should have been cited. */
  withExpectedPassage: number;
  candidates: number;
  /** 👎 records without an expected passage but with the answer's context: listed for a person to triage. */
  triage: number;
  skipped: {
    noQuestion: number;
    /** The expected passage is not in the corpus any more (re-chunked or removed since the feedback). */
    unknownPassage: number;
    duplicateOfCase: number;
    duplicateInFeedback: number;
    invalid: number;
  };
}

/** A 👎 with no expected passage: what a reviewer needs to decide what the answer should have cited. */
export interface TriageItem {
  feedbackId: string;
  receivedAt: string;
  question: string;
  /** Earlier questions of the conversation, oldest first. */
  history: string[];
  answer?: string;
  confidence?: 'high' | 'low';
  /** What the answer cited: passage id and where it is. */
  cited: Array<{ id: string; label?: string; docNumber?: string }>;
  comment?: string;
}

/** Question text compared for duplicates: width, case, whitespace and closing punctuation do not matter. */
export const questionKey = (q: string) => loose(q).replace(/[?？。.!！\s]+$/u, '');

/** Clause breaks; a full stop between digits (5.12, 3.0版) is part of a number. */
const CLAUSE_BREAK = /[，。；：、！？,;:!?]|(?<!\d)\.|\.(?!\d)/u;

/**
 * A short verbatim span of the passage that no other point of the corpus contains, so the case
 * survives re-chunking; among such spans, the one sharing most topic words with the question.
 */
export function distinctiveAnchor(passage: Passage, corpus: Corpus, question: string): string {
  const others = corpus.passages.filter((p) => p.pointId !== passage.pointId).map((p) => loose(p.text));
  const unique = (span: string) => loose(span).length >= 4 && !others.some((t) => t.includes(loose(span)));
  const topic = contentBigrams(question);
  const score = (span: string) => topic.filter((g) => loose(span).includes(g)).length;
  for (const width of [24, 40, 80]) {
    const spans: string[] = [];
    for (const clause of passage.text.split(CLAUSE_BREAK)) {
      const chars = [...clause.trim()];
      if (chars.length <= width) spans.push(chars.join(''));
      else for (let i = 0; i + width <= chars.length; i += 4) spans.push(chars.slice(i, i + width).join(''));
    }
    const best = spans.filter((s) => [...s].length >= 6 && unique(s)).sort((a, b) => score(b) - score(a) || [...b].length - [...a].length)[0];
    if (best) return best;
  }
  // Every clause also occurs elsewhere (a short, repeated point): the whole text is the anchor.
  return passage.text;
}

/**
 * Turns 👎 feedback that names an expected passage into candidate eval cases for a person to
 * review: gold is that passage (by id and a distinctive anchor), facts are left for the reviewer.
 * Questions already in the suite (or already proposed) are skipped, and so are repeats.
 */
export function mineFeedback(records: readonly FeedbackRecord[], deps: { corpus: Corpus; knownQuestions: Iterable<string> }): { candidates: EvalCase[]; triage: TriageItem[]; counts: MiningCounts } {
  const known = new Set([...deps.knownQuestions].map(questionKey));
  const seen = new Set<string>();
  const counts: MiningCounts = {
    records: records.length,
    down: 0,
    withExpectedPassage: 0,
    candidates: 0,
    triage: 0,
    skipped: { noQuestion: 0, unknownPassage: 0, duplicateOfCase: 0, duplicateInFeedback: 0, invalid: 0 },
  };
  const candidates: EvalCase[] = [];
  const triage: TriageItem[] = [];
  for (const r of records) {
    if (r.rating !== 'down') continue;
    counts.down++;
    if (!r.expectedPassageId) {
      // No passage picked: with the answer's context a person can still tell what went wrong.
      if (r.question?.trim() && (r.answer !== undefined || r.citedIds?.length)) triage.push(triageItem(r, deps.corpus));
      continue;
    }
    counts.withExpectedPassage++;
    const question = r.question?.trim();
    if (!question) {
      counts.skipped.noQuestion++;
      continue;
    }
    const passage = deps.corpus.passage(r.expectedPassageId);
    if (!passage) {
      counts.skipped.unknownPassage++;
      continue;
    }
    // A 👎 on a follow-up ("第二点呢？") is a follow-up case: its earlier questions come along.
    const history = (r.history ?? []).slice(-MINED_TURNS).map((t) => ({ question: t.question }));
    const key = [...history.map((t) => questionKey(t.question)), questionKey(question)].join('\u0000');
    // Known questions carry no conversation: a follow-up is a repeat only within the feedback.
    if (known.has(questionKey(question)) && history.length === 0) {
      counts.skipped.duplicateOfCase++;
      continue;
    }
    if (seen.has(key)) {
      counts.skipped.duplicateInFeedback++;
      continue;
    }
    seen.add(key);
    const document = deps.corpus.document(passage.docId);
    const parsed = evalCaseSchema.safeParse({
      id: `mined-${r.id.replace(/[^A-Za-z0-9_-]+/g, '-')}`,
      question,
      kind: history.length > 0 ? 'follow-up' : 'paraphrase',
      tags: ['mined', 'needs-review', `doc:${document.docNumber}`],
      ...(history.length > 0 ? { history } : {}),
      gold: [{ doc: document.docNumber, anchor: distinctiveAnchor(passage, deps.corpus, question), id: passage.id }],
      facts: [],
      abstain: false,
      // Kept by the schema as an unknown field: where the case came from, for the reviewer.
      feedback: {
        id: r.id,
        receivedAt: r.receivedAt,
        answerId: r.answerId,
        ...(r.comment ? { comment: r.comment } : {}),
        label: passage.label,
        ...(r.answer !== undefined ? { answer: r.answer } : {}),
        ...(r.citedIds ? { citedIds: r.citedIds } : {}),
        ...(r.confidence ? { confidence: r.confidence } : {}),
      },
    });
    if (!parsed.success) {
      counts.skipped.invalid++;
      continue;
    }
    candidates.push(parsed.data);
  }
  counts.candidates = candidates.length;
  counts.triage = triage.length;
  return { candidates, triage, counts };
}

function triageItem(r: FeedbackRecord, corpus: Corpus): TriageItem {
  const cited = (r.citedIds ?? []).map((id) => {
    const p = corpus.passage(id);
    return p ? { id, label: p.label, docNumber: corpus.document(p.docId).docNumber } : { id };
  });
  return {
    feedbackId: r.id,
    receivedAt: r.receivedAt,
    question: r.question!.trim(),
    history: (r.history ?? []).slice(-MINED_TURNS).map((t) => t.question),
    ...(r.answer !== undefined ? { answer: r.answer } : {}),
    ...(r.confidence ? { confidence: r.confidence } : {}),
    cited,
    ...(r.comment ? { comment: r.comment } : {}),
  };
}
