import { shortDiff } from '../ingest/diff-corpus.js';
import type { Corpus } from '../core/corpus.js';
import type { PolicyDocument } from '../core/types.js';
import { notSuccessorBecause } from '../ingest/relate-documents.js';
import type { Baseline, CaseChange } from './compare-baseline.js';
import type { EvalCase } from './eval-case.js';
import { nearestPassage } from './nearest-passage.js';
import { loose } from './resolve-gold.js';
import type { CaseResult } from './run-eval.js';

/** Share of the old gold point's character bigrams a passage of the newer document must hold to be its counterpart. */
const COUNTERPART_OVERLAP = 0.5;

/** Why a case is worse than at the baseline, when the documents changed in between. */
export type Verdict =
  /** The gold point's document is gone from the corpus. */
  | 'document-removed'
  /** The gold point's text changed (its anchor may no longer be found). */
  | 'gold-edited'
  /** The answer now comes from a document that replaces the gold one (same issuer and series, same kind, later) and still answers it: expected. */
  | 'newer-document'
  /** Nothing the documents did explains it. */
  | 'regression';

export interface ExplainedCase extends CaseChange {
  verdict: Verdict;
  /** What changed, for a person: "gold point 沪卫医〔2023〕32号第一部分第5条 edited: …[-20%-]{+25%+}…". */
  reason: string;
}

export interface DocumentRef {
  docNumber: string;
  title: string;
  date: string;
}

export interface CorpusChangeReport {
  /** Whether the documents differ from the baseline's. */
  corpusChanged: boolean;
  /** Worse and stale cases, each with its verdict. */
  cases: ExplainedCase[];
  /** The documents added, removed and edited since the baseline, by 文号 and title. */
  documents: { added: DocumentRef[]; removed: DocumentRef[]; edited: DocumentRef[] };
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
        corpus,
      ),
    });
  }
  const covered = new Set(cases.flatMap((c) => c.gold.map((g) => loose(g.doc))));
  const uncovered = docs.filter((d) => !covered.has(loose(d.docNumber))).map((d) => ({ docNumber: d.docNumber, title: d.title }));
  return { corpusChanged: baseline.corpusHash !== undefined && baseline.corpusHash !== corpusHash, cases: explained, documents: documentChanges(baseline, corpus), uncovered };
}

function verdictOf(
  r: CaseResult,
  gold: ReadonlyArray<{ id: string; docNumber: string; label: string; text: string }>,
  c: EvalCase | undefined,
  byNumber: Map<string, PolicyDocument>,
  corpus: Corpus,
): { verdict: Verdict; reason: string } {
  const goldDocs = c?.gold.map((g) => g.doc) ?? gold.map((g) => g.docNumber);
  const removed = goldDocs.filter((d) => !byNumber.has(loose(d)));
  if (removed.length > 0)
    return { verdict: 'document-removed', reason: `document ${removed.join('、')} is no longer in the corpus: \`--accept\` retires the case (or point it at the document that replaces it)` };
  for (const g of gold) {
    const now = corpus.passage(g.id);
    if (now?.text === g.text) continue;
    // The point is gone under its id, or its text changed: show what the nearest passage says now.
    const current = now ?? corpus.passage(nearestPassage(g.text.slice(0, 40), corpus).id);
    const diff = current ? shortDiff(g.text, current.text) : '(no passage)';
    return { verdict: 'gold-edited', reason: `gold point ${g.docNumber}${g.label} edited: ${diff}` };
  }
  if (r.stale.length > 0) return { verdict: 'gold-edited', reason: `anchor${r.stale.length > 1 ? 's' : ''} ${r.stale.map((a) => `「${a}」`).join('、')} no longer found: re-anchor the case` };
  const first = r.citedIds[0] && !r.abstained ? corpus.passage(r.citedIds[0]) : undefined;
  const olds = goldDocs.flatMap((d) => byNumber.get(loose(d)) ?? []);
  if (first && olds.length > 0 && !olds.some((o) => o.id === first.docId)) {
    const doc = corpus.document(first.docId);
    const why = olds.map((o) => notSuccessorBecause(doc, o)).find((x) => x !== undefined);
    const named = `${doc.docNumber}《${doc.title}》(${doc.date})`;
    if (why) return { verdict: 'regression', reason: `now answered from ${named}, which does not replace the gold document: ${why}` };
    // A successor counts when its answer still carries the case's facts, or when the point it cites is
    // the gold point's counterpart in the newer text (the same topic, its figures possibly updated).
    const carries = r.factRecall === 1;
    const counterpart = gold.some((g) => nearestPassage(g.text, corpus, doc.id).id === first.id && nearestPassage(g.text, corpus, doc.id).overlap >= COUNTERPART_OVERLAP);
    if (carries || counterpart) {
      return {
        verdict: 'newer-document',
        reason: `now answered from ${named}, which replaces ${olds.map((o) => o.docNumber).join('、')} (same issuer and series, same kind of document, later), ${carries ? "with the case's facts" : `from the gold point's counterpart ${first.label}`}: expected; point the case at the newer document`,
      };
    }
    return {
      verdict: 'regression',
      reason: `now answered from ${named}, the newer version, but neither with the case's facts nor from the gold point's counterpart (${first.label} is another topic)`,
    };
  }
  if (r.expectAbstain) {
    const cited = r.citedIds[0] ? corpus.passage(r.citedIds[0]) : undefined;
    const from = cited ? ` from ${corpus.document(cited.docId).docNumber}《${corpus.document(cited.docId).title}》${cited.label}` : '';
    return { verdict: 'regression', reason: `an out-of-corpus question, now answered${r.confidence === 'low' ? ' with low confidence' : ''}${from}` };
  }
  return { verdict: 'regression', reason: 'the gold point and its document are unchanged' };
}

/**
 * Documents added, removed and edited since the baseline. Edited: its content hash differs (when the
 * baseline recorded one), or a gold point of it recorded then reads differently now.
 */
export function documentChanges(baseline: Baseline, corpus: Corpus): CorpusChangeReport['documents'] {
  const then = baseline.documents ?? [];
  if (then.length === 0) return { added: [], removed: [], edited: [] };
  const now = [...corpus.documents.values()];
  const nowBy = new Map(now.map((d) => [loose(d.docNumber), d]));
  const thenBy = new Set(then.map((d) => loose(d.docNumber)));
  const ref = (d: DocumentRef): DocumentRef => ({ docNumber: d.docNumber, title: d.title, date: d.date });
  const goldEdited = new Set(
    Object.values(baseline.gold ?? {})
      .flat()
      .filter((g) => corpus.passage(g.id)?.text !== g.text)
      .map((g) => loose(g.docNumber)),
  );
  const edited = then.filter((d) => {
    const current = nowBy.get(loose(d.docNumber));
    if (!current) return false;
    return d.contentHash !== undefined ? d.contentHash !== current.contentHash : goldEdited.has(loose(d.docNumber));
  });
  return {
    added: now.filter((d) => !thenBy.has(loose(d.docNumber))).map(ref),
    removed: then.filter((d) => !nowBy.has(loose(d.docNumber))).map(ref),
    edited: edited.map((d) => ref(nowBy.get(loose(d.docNumber))!)),
  };
}
