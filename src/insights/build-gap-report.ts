import type { Corpus } from '../core/corpus.js';
import type { FeedbackRecord } from '../core/feedback.js';
import type { QuestionLogRecord } from '../core/question-log.js';
import type { GapGroup, GapReport } from './gap-report.js';
import { gapSummary } from './gap-summary.js';
import { weeklyTiers } from './weekly-tiers.js';

export interface GapReportInput {
  questions: readonly QuestionLogRecord[];
  feedback: readonly FeedbackRecord[];
  corpus: Corpus;
  /** How the questions are put into groups: by meaning (`groupByMeaning`) or by nearest point (`groupByNearestPoint`). */
  grouping: QuestionGrouping;
  since: Date;
  until: Date;
  now?: Date;
}

/**
 * Puts the distinct texts of the gap questions into groups, and orders a group's texts most
 * representative first. `by` and `threshold` are what the report says about how it grouped.
 */
export interface QuestionGrouping {
  readonly by: GapReport['groupedBy'];
  readonly threshold: number | null;
  group(texts: readonly string[], items: readonly GapItem[]): Promise<GroupedTexts>;
}

export interface GroupedTexts {
  /** Texts with the same label are one group. */
  labelOf(text: string): string | number;
  /** A group's distinct texts, most representative first. */
  rank(texts: readonly string[]): string[];
}

type Tier = 'low' | 'declined' | 'down';
/** One declined, low-confidence or 👎 question of the period or the previous one. */
export interface GapItem {
  question: string;
  askedAt: string;
  tier: Tier;
  current: boolean;
  nearestId?: string;
  missing?: string;
}

/** Groups what could not be answered (as `input.grouping` groups) and counts what was, for the period [since, until). */
export async function buildGapReport(input: GapReportInput): Promise<GapReport> {
  const { corpus } = input;
  const since = input.since.getTime();
  const until = input.until.getTime();
  const previousSince = since - (until - since);
  const inRange = (iso: string, from: number, to: number) => {
    const t = Date.parse(iso);
    return t >= from && t < to;
  };
  const questions = input.questions.filter((q) => inRange(q.askedAt, previousSince, until));
  const current = questions.filter((q) => inRange(q.askedAt, since, until));
  const downAnswers = new Set(input.feedback.filter((f) => f.rating === 'down').map((f) => f.answerId));

  const items: GapItem[] = [];
  const logged = new Set<string>();
  for (const q of questions) {
    logged.add(q.answerId);
    const tier: Tier | undefined = downAnswers.has(q.answerId) ? 'down' : q.tier === 'high' ? undefined : q.tier;
    if (!tier) continue;
    items.push({
      question: q.question,
      askedAt: q.askedAt,
      tier,
      current: Date.parse(q.askedAt) >= since,
      ...(q.nearestIds[0] ? { nearestId: q.nearestIds[0] } : {}),
      ...(q.missing ? { missing: q.missing } : {}),
    });
  }
  // A 👎 whose question was not logged (the log was off) still counts, with what it cited.
  for (const f of input.feedback) {
    if (f.rating !== 'down' || !f.question || logged.has(f.answerId) || !inRange(f.receivedAt, previousSince, until)) continue;
    items.push({ question: f.question, askedAt: f.receivedAt, tier: 'down', current: Date.parse(f.receivedAt) >= since, ...(f.citedIds?.[0] ? { nearestId: f.citedIds[0] } : {}) });
  }

  const texts = [...new Set(items.map((i) => i.question.trim()))];
  const grouped = await input.grouping.group(texts, items);

  const members = new Map<string | number, GapItem[]>();
  for (const item of items) {
    const label = grouped.labelOf(item.question.trim());
    members.set(label, [...(members.get(label) ?? []), item]);
  }
  const groups: GapGroup[] = [];
  for (const group of members.values()) {
    const now = group.filter((i) => i.current);
    if (now.length === 0) continue;
    groups.push(describeGroup(group, now, grouped, corpus));
  }
  groups.sort((a, b) => b.size - a.size || b.lastSeen.localeCompare(a.lastSeen));

  const totals = { questions: current.length, high: 0, low: 0, declined: 0, down: 0 };
  for (const q of current) totals[q.tier]++;
  totals.down = items.filter((i) => i.current && i.tier === 'down').length;
  const { mostAsked, unasked } = documentUse(current, corpus);
  const report: Omit<GapReport, 'summary'> = {
    generatedAt: (input.now ?? new Date()).toISOString(),
    period: { since: input.since.toISOString(), until: input.until.toISOString(), previousSince: new Date(previousSince).toISOString() },
    groupedBy: input.grouping.by,
    threshold: input.grouping.threshold,
    totals,
    weekly: weeklyTiers(current, input.since, input.until),
    groups,
    mostAsked,
    unasked,
  };
  return { ...report, summary: gapSummary(report) };
}

function describeGroup(group: GapItem[], now: GapItem[], grouped: GroupedTexts, corpus: Corpus): GapGroup {
  const ranked = grouped.rank([...new Set(now.map((i) => i.question.trim()))]);
  const previousSize = group.length - now.length;
  const nearestId = mostCommon(now.flatMap((i) => (i.nearestId ? [i.nearestId] : [])));
  const passage = nearestId ? corpus.passage(nearestId) : undefined;
  const doc = passage ? corpus.documents.get(passage.docId) : undefined;
  const times = now.map((i) => i.askedAt).sort();
  const count = (tier: Tier) => now.filter((i) => i.tier === tier).length;
  const missing: Record<string, number> = {};
  for (const i of now) if (i.missing) missing[i.missing] = (missing[i.missing] ?? 0) + 1;
  return {
    size: now.length,
    previousSize,
    trend: previousSize === 0 ? 'new' : now.length > previousSize ? 'up' : now.length < previousSize ? 'down' : 'same',
    questions: ranked.slice(0, 3),
    allQuestions: ranked,
    tiers: { low: count('low'), declined: count('declined'), down: count('down') },
    missing,
    nearest: passage && doc ? { passageId: passage.id, docId: doc.id, title: doc.title, docNumber: doc.docNumber } : null,
    owner: doc?.issuer ?? null,
    firstSeen: times[0]!,
    lastSeen: times.at(-1)!,
  };
}

/** Answered questions per document and point, and the documents nothing came near. */
function documentUse(current: readonly QuestionLogRecord[], corpus: Corpus): Pick<GapReport, 'mostAsked' | 'unasked'> {
  const perDoc = new Map<string, Map<string, number>>();
  const touched = new Set<string>();
  for (const q of current) {
    for (const id of [...q.citedIds, ...q.nearestIds]) {
      const docId = corpus.passage(id)?.docId;
      if (docId) touched.add(docId);
    }
    if (q.tier !== 'high') continue;
    for (const id of new Set(q.citedIds)) {
      const passage = corpus.passage(id);
      if (!passage) continue;
      const points = perDoc.get(passage.docId) ?? new Map<string, number>();
      points.set(id, (points.get(id) ?? 0) + 1);
      perDoc.set(passage.docId, points);
    }
  }
  const mostAsked = [...perDoc].map(([docId, points]) => {
    const doc = corpus.documents.get(docId)!;
    const sorted = [...points].sort((a, b) => b[1] - a[1]).map(([passageId, count]) => ({ passageId, count }));
    return { docId, title: doc.title, owner: doc.issuer, answered: sorted.reduce((s, p) => s + p.count, 0), points: sorted.slice(0, 5) };
  });
  mostAsked.sort((a, b) => b.answered - a.answered);
  const unasked = [...corpus.documents.values()].filter((d) => !touched.has(d.id)).map((d) => ({ docId: d.id, title: d.title, owner: d.issuer }));
  return { mostAsked, unasked };
}

export function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
