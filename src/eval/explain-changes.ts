import { shortDiff } from '../ingest/diff-corpus.js';
import type { Corpus } from '../core/corpus.js';
import type { Baseline, CaseChange } from './compare-baseline.js';
import type { EvalCase } from './eval-case.js';
import { nearestPassage } from './nearest-passage.js';
import { loose } from './resolve-gold.js';
import type { CaseResult } from './run-eval.js';

/** Why a case is worse than at the baseline, when the documents changed in between. */
export type Verdict =
  /** The gold point's document is gone from the corpus. */
  | 'document-removed'
  /** The gold point's text changed (its anchor may no longer be found). */
  | 'gold-edited'
  /** The answer now comes from a document added since, dated after the gold one: expected. */
  | 'newer-document'
  /** Nothing the documents did explains it. */
  | 'regression';

export interface ExplainedCase extends CaseChange {
  verdict: Verdict;
  /** What changed, for a person: "gold point 沪卫医〔2023〕32号第一部分第5条 edited: …[-20%-]{+25%+}…". */
  reason: string;
}

export interface CorpusChangeReport {
  /** Whether the documents differ from the baseline's. */
  corpusChanged: boolean;
  /** Worse and stale cases, each with its verdict. */
  cases: ExplainedCase[];
  /** Documents no eval case has its gold in: "0 cases cover 沪卫医〔2024〕5号". */
  uncovered: Array<{ docNumber: string; title: string }>;
}

/** The gold point of each case at the baseline, so a later run can tell an edit from a regression. */
export function goldSnapshot(results: readonly CaseResult[], corpus: Corpus): Record<string, Array<{ id: string; docNumber: string; label: string; text: string }>> {
  const out: Record<string, Array<{ id: string; docNumber: string; label: string; text: string }>> = {};
  for (const r of results) {
    if (r.expectAbstain || r.stale.length > 0) continue;
    out[r.id] = r.goldPointIds.flatMap((id) => {
      const p = corpus.passage(id);
      return p ? [{ id, docNumber: corpus.document(p.docId).docNumber, label: p.label, text: p.text }] : [];
    });
  }
  return out;
}

/**
 * Sorts what got worse since the baseline into what the documents explain (a gold point edited or
 * removed, a newer document answering) and what they do not (a regression), and names the
 * documents no case covers. Stale cases (an anchor no longer found) are always listed.
 */
export function explainChanges(baseline: Baseline, worse: readonly CaseChange[], results: readonly CaseResult[], cases: readonly EvalCase[], corpus: Corpus, corpusHash: string): CorpusChangeReport {
  const docs = [...corpus.documents.values()];
  const byNumber = new Map(docs.map((d) => [loose(d.docNumber), d]));
  const known = new Set((baseline.documents ?? []).map((d) => loose(d.docNumber)));
  const byId = new Map(results.map((r) => [r.id, r]));
  const explained: ExplainedCase[] = [];
  const seen = new Set<string>();
  const stale = results.filter((r) => r.stale.length > 0).map((r) => ({ id: r.id, question: r.question, before: 'gold found', after: 'gold anchor not found' }));
  for (const change of [...stale, ...worse]) {
    if (seen.has(change.id)) continue;
    seen.add(change.id);
    const r = byId.get(change.id)!;
    explained.push({
      ...change,
      ...verdictOf(
        r,
        baseline.gold?.[change.id] ?? [],
        cases.find((c) => c.id === change.id),
        byNumber,
        known,
        corpus,
      ),
    });
  }
  const covered = new Set(cases.flatMap((c) => c.gold.map((g) => loose(g.doc))));
  const uncovered = docs.filter((d) => !covered.has(loose(d.docNumber))).map((d) => ({ docNumber: d.docNumber, title: d.title }));
  return { corpusChanged: baseline.corpusHash !== undefined && baseline.corpusHash !== corpusHash, cases: explained, uncovered };
}

function verdictOf(
  r: CaseResult,
  gold: ReadonlyArray<{ id: string; docNumber: string; label: string; text: string }>,
  c: EvalCase | undefined,
  byNumber: Map<string, { id: string; docNumber: string; date: string; title: string }>,
  known: Set<string>,
  corpus: Corpus,
): { verdict: Verdict; reason: string } {
  const goldDocs = c?.gold.map((g) => g.doc) ?? gold.map((g) => g.docNumber);
  const removed = goldDocs.filter((d) => !byNumber.has(loose(d)));
  if (removed.length > 0) return { verdict: 'document-removed', reason: `document ${removed.join('、')} is no longer in the corpus: remove the case or point it at the document that replaces it` };
  for (const g of gold) {
    const now = corpus.passage(g.id);
    if (now?.text === g.text) continue;
    // The point is gone under its id, or its text changed: show what the nearest passage says now.
    const current = now ?? corpus.passage(nearestPassage(g.text.slice(0, 40), corpus).id);
    const diff = current ? shortDiff(g.text, current.text) : '(no passage)';
    return { verdict: 'gold-edited', reason: `gold point ${g.docNumber}${g.label} edited: ${diff}` };
  }
  if (r.stale.length > 0) return { verdict: 'gold-edited', reason: `anchor${r.stale.length > 1 ? 's' : ''} ${r.stale.map((a) => `「${a}」`).join('、')} no longer found: re-anchor the case` };
  const first = r.citedIds[0] ? corpus.passage(r.citedIds[0]) : undefined;
  if (first) {
    const doc = corpus.document(first.docId);
    const goldDates = goldDocs.map((d) => byNumber.get(loose(d))?.date ?? '');
    if (!known.has(loose(doc.docNumber)) && known.size > 0 && goldDates.every((d) => doc.date > d)) {
      return {
        verdict: 'newer-document',
        reason: `now answered from ${doc.docNumber}《${doc.title}》(${doc.date}), added since and newer than the gold document: expected; update the case's gold if the newer one is right`,
      };
    }
  }
  return { verdict: 'regression', reason: 'the gold point and its document are unchanged' };
}
