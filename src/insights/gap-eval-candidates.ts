import { evalCaseSchema, type EvalCase } from '../eval/eval-case.js';
import type { GapGroup } from './gap-report.js';

/** A question of a gap group that a document now covers: to become an answerable case once a person names its gold passage. */
export interface GapTriageItem {
  question: string;
  /** Where retrieval looked when it was asked (the passage to check first). */
  nearestPassageId?: string;
  kind: 'paraphrase';
  gold: [];
  note: string;
}

/**
 * Candidate eval cases from one gap group. `out-of-corpus`: each distinct question as a case that
 * must stay declined (the documents do not cover the topic, and should not be made to seem to).
 * `answerable`: the questions as triage items, for once a document covers the topic (a case needs
 * a gold passage, which only a person can name). Questions already in the suite are left out.
 */
export function gapEvalCandidates(
  group: GapGroup,
  options: { as: 'out-of-corpus' | 'answerable'; knownQuestions: readonly string[]; idPrefix: string },
): { cases: EvalCase[]; triage: GapTriageItem[] } {
  const known = new Set(options.knownQuestions.map(normalise));
  const fresh = group.allQuestions.filter((q) => !known.has(normalise(q)));
  if (options.as === 'answerable') {
    return {
      cases: [],
      triage: fresh.map((question) => ({
        question,
        ...(group.nearest ? { nearestPassageId: group.nearest.passageId } : {}),
        kind: 'paraphrase',
        gold: [],
        note: 'Name the passage of the document that now answers this (gold: [{doc, anchor}]), then add it to evals/cases.jsonl.',
      })),
    };
  }
  const cases = fresh.map((question, i) =>
    evalCaseSchema.parse({ id: `${options.idPrefix}-${i + 1}`, question, kind: 'out-of-corpus', tags: ['out-of-corpus', 'from-gap-report'], gold: [], facts: [], abstain: true }),
  );
  return { cases, triage: [] };
}

function normalise(question: string): string {
  return question.replace(/\s+/g, '').replace(/[？?]$/, '');
}
