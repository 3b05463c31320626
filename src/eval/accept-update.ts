import type { Corpus } from '../core/corpus.js';
import type { Baseline } from './compare-baseline.js';
import type { EvalCase } from './eval-case.js';
import { distinctiveAnchor } from './mine-feedback.js';
import { nearestPassage } from './nearest-passage.js';
import { loose } from './resolve-gold.js';
import type { CaseResult } from './run-eval.js';

/** Below this share of shared character bigrams, the nearest passage is not the edited gold point. */
const SAME_POINT_OVERLAP = 0.5;

export interface RetiredCase {
  id: string;
  set: string;
  question: string;
  /** The removed document(s) the case's gold was in. */
  documents: Array<{ docNumber: string; title: string }>;
}

export interface ReanchoredCase {
  id: string;
  set: string;
  question: string;
  /** The case with its new gold (anchor and passage id), every other field as it was. */
  updated: EvalCase;
  changes: Array<{ doc: string; from: string; to: string; passageId: string; label: string }>;
}

/** A case accept cannot resolve by itself: old and new text side by side, for a person. */
export interface ReviewCase {
  id: string;
  set: string;
  question: string;
  why: string;
  before: string;
  after: string;
}

export interface AcceptPlan {
  retired: RetiredCase[];
  reanchored: ReanchoredCase[];
  review: ReviewCase[];
}

type Case = EvalCase & { set?: string };

/**
 * What `npm run eval -- --accept` does with the cases a corpus update touched:
 * - a case whose gold document was removed is retired (moved out of the suite, not deleted);
 * - a case whose gold anchor is no longer found is re-anchored on the edited point when every one
 *   of its facts is still in the new text (the point the old gold text is nearest to, in the same document);
 * - a case whose gold point changed so that its facts are gone, or whose anchor has no clear
 *   successor, is listed for review with the old and the new text.
 */
export function planAccept(input: { cases: readonly Case[]; results: readonly CaseResult[]; baseline?: Baseline | undefined; corpus: Corpus; set: (c: Case) => string }): AcceptPlan {
  const { corpus, baseline } = input;
  const docs = [...corpus.documents.values()];
  const docOf = (number: string) => docs.find((d) => loose(d.docNumber) === loose(number));
  const titleThen = (number: string) => baseline?.documents?.find((d) => loose(d.docNumber) === loose(number))?.title ?? '';
  const byId = new Map(input.results.map((r) => [r.id, r]));
  const plan: AcceptPlan = { retired: [], reanchored: [], review: [] };
  for (const c of input.cases) {
    const r = byId.get(c.id);
    if (!r || c.abstain) continue;
    const set = input.set(c);
    const removed = [...new Set(c.gold.map((g) => g.doc).filter((d) => !docOf(d)))];
    if (removed.length > 0) {
      plan.retired.push({ id: c.id, set, question: c.question, documents: removed.map((d) => ({ docNumber: d, title: titleThen(d) })) });
      continue;
    }
    const then = baseline?.gold?.[c.id] ?? [];
    if (r.stale.length > 0) {
      const missing = new Set(r.stale);
      const changes: ReanchoredCase['changes'] = [];
      const problems: ReviewCase[] = [];
      const gold = c.gold.map((g) => {
        if (!missing.has(g.anchor)) return g;
        const doc = docOf(g.doc)!;
        const old = then.find((x) => loose(x.text).includes(loose(g.anchor)));
        // Point ids survive an edit of their text; a re-numbered point is found by its old text.
        const sameId = old ? corpus.passage(old.id) : undefined;
        const near = nearestPassage(old?.text ?? g.anchor, corpus, doc.id);
        const passage = sameId?.docId === doc.id ? sameId : near.overlap >= SAME_POINT_OVERLAP ? corpus.passage(near.id) : undefined;
        const before = old ? `${old.label}: ${old.text}` : `anchor 「${g.anchor}」`;
        if (!passage) {
          problems.push({ id: c.id, set, question: c.question, why: `no point of ${g.doc} is close to the old gold point`, before, after: `nearest: ${corpus.passage(near.id)?.text ?? '(none)'}` });
          return g;
        }
        const lost = c.facts.filter((f) => !loose(passage.text).includes(loose(f)));
        if (c.facts.length === 0 || lost.length > 0) {
          const why = c.facts.length === 0 ? 'the case lists no facts to check the new text against' : `its facts ${lost.map((f) => `「${f}」`).join('、')} are not in the new text`;
          problems.push({ id: c.id, set, question: c.question, why, before, after: `${passage.label}: ${passage.text}` });
          return g;
        }
        const anchor = distinctiveAnchor(passage, corpus, `${c.question} ${c.facts.join(' ')}`);
        changes.push({ doc: g.doc, from: g.anchor, to: anchor, passageId: passage.id, label: passage.label });
        return { ...g, anchor, ...(g.id !== undefined ? { id: passage.id } : {}) };
      });
      if (problems.length > 0) plan.review.push(...problems);
      else plan.reanchored.push({ id: c.id, set, question: c.question, updated: { ...c, gold }, changes });
      continue;
    }
    // The anchor still holds but the gold point was edited: fine while the facts are still there.
    const edited = then.filter((x) => corpus.passage(x.id)?.text !== x.text);
    if (edited.length > 0 && c.facts.length > 0) {
      const text = r.goldPointIds.map((id) => corpus.passage(id)?.text ?? '').join('\n');
      const lost = c.facts.filter((f) => !loose(text).includes(loose(f)));
      if (lost.length > 0) {
        const now = r.goldPointIds.map((id) => corpus.passage(id)).filter((p) => p !== undefined);
        plan.review.push({
          id: c.id,
          set,
          question: c.question,
          why: `the gold point was edited and its facts ${lost.map((f) => `「${f}」`).join('、')} are no longer in it`,
          before: edited.map((x) => `${x.label}: ${x.text}`).join('\n'),
          after: now.map((p) => `${p.label}: ${p.text}`).join('\n'),
        });
      }
    }
  }
  return plan;
}

/**
 * The case files after an accept: retired lines removed, re-anchored lines rewritten (other lines
 * kept byte for byte), and the retired lines to append to `retired/<set>.jsonl`, each with when and why.
 */
export function applyAccept(
  files: ReadonlyArray<{ set: string; path: string; text: string }>,
  plan: AcceptPlan,
  date: string,
): { files: Array<{ path: string; text: string }>; retired: Array<{ set: string; lines: string[] }> } {
  const retired = new Map(plan.retired.map((r) => [r.id, r]));
  const reanchored = new Map(plan.reanchored.map((r) => [r.id, r]));
  const out: Array<{ path: string; text: string }> = [];
  const moved = new Map<string, string[]>();
  for (const file of files) {
    let changed = false;
    const lines: string[] = [];
    for (const line of file.text.split('\n')) {
      const id = line.trim() === '' ? undefined : (JSON.parse(line) as { id?: string }).id;
      const gone = id !== undefined ? retired.get(id) : undefined;
      const moved1 = id !== undefined ? reanchored.get(id) : undefined;
      if (gone) {
        changed = true;
        const record = { ...(JSON.parse(line) as object), retired: { on: date, reason: 'document removed from the corpus', documents: gone.documents } };
        moved.set(file.set, [...(moved.get(file.set) ?? []), JSON.stringify(record)]);
      } else if (moved1) {
        changed = true;
        lines.push(JSON.stringify({ ...(JSON.parse(line) as object), gold: moved1.updated.gold }));
      } else lines.push(line);
    }
    if (changed) out.push({ path: file.path, text: lines.join('\n') });
  }
  return { files: out, retired: [...moved].map(([set, lines]) => ({ set, lines })) };
}
