import type { Corpus } from '../core/corpus.js';
import type { FeedbackRecord } from '../core/feedback.js';
import type { QuestionLogRecord } from '../core/question-log.js';
import type { Embedder } from '../core/types.js';
import { clusterByCosine } from './cluster-by-cosine.js';
import { groupQuestionVectors } from './centre-vectors.js';
import type { GapGroup, GapReport } from './gap-report.js';
import { gapSummary } from './gap-summary.js';
import { weeklyTiers } from './weekly-tiers.js';

export interface GapReportInput {
  questions: readonly QuestionLogRecord[];
  feedback: readonly FeedbackRecord[];
  corpus: Corpus;
  /** Embeds questions for grouping (`embedDocuments`: question against question, no query instruction). */
  embedder: Pick<Embedder, 'embedDocuments'>;
  since: Date;
  until: Date;
  threshold: number;
  now?: Date;
}

type Tier = 'low' | 'declined' | 'down';
interface GapItem {
  question: string;
  askedAt: string;
  tier: Tier;
  current: boolean;
  nearestId?: string;
  missing?: string;
}

const BATCH = 64;

/** Groups what could not be answered by topic and counts what was, for the period [since, until). */
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
  const vectors: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += BATCH) vectors.push(...(await input.embedder.embedDocuments(texts.slice(i, i + BATCH))).map(unit));
  const labels = groupQuestionVectors(vectors, input.threshold, clusterByCosine);
  const labelOf = new Map(texts.map((t, i) => [t, labels[i]!]));
  const vectorOf = new Map(texts.map((t, i) => [t, vectors[i]!]));

  const members = new Map<number, GapItem[]>();
  for (const item of items) {
    const label = labelOf.get(item.question.trim())!;
    members.set(label, [...(members.get(label) ?? []), item]);
  }
  const groups: GapGroup[] = [];
  for (const group of members.values()) {
    const now = group.filter((i) => i.current);
    if (now.length === 0) continue;
    groups.push(describeGroup(group, now, (text) => vectorOf.get(text.trim())!, corpus));
  }
  groups.sort((a, b) => b.size - a.size || b.lastSeen.localeCompare(a.lastSeen));

  const totals = { questions: current.length, high: 0, low: 0, declined: 0, down: 0 };
  for (const q of current) totals[q.tier]++;
  totals.down = items.filter((i) => i.current && i.tier === 'down').length;
  const { mostAsked, unasked } = documentUse(current, corpus);
  const report: Omit<GapReport, 'summary'> = {
    generatedAt: (input.now ?? new Date()).toISOString(),
    period: { since: input.since.toISOString(), until: input.until.toISOString(), previousSince: new Date(previousSince).toISOString() },
    threshold: input.threshold,
    totals,
    weekly: weeklyTiers(current, input.since, input.until),
    groups,
    mostAsked,
    unasked,
  };
  return { ...report, summary: gapSummary(report) };
}

function describeGroup(group: GapItem[], now: GapItem[], vectorOf: (text: string) => Float32Array, corpus: Corpus): GapGroup {
  const distinct = [...new Set(now.map((i) => i.question.trim()))];
  const centre = new Float32Array(vectorOf(distinct[0]!).length);
  for (const text of distinct) vectorOf(text).forEach((v, d) => (centre[d]! += v));
  const closeness = (text: string) => vectorOf(text).reduce((s, v, d) => s + v * centre[d]!, 0);
  const ranked = [...distinct].sort((a, b) => closeness(b) - closeness(a));
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

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function unit(vector: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(vector);
  const norm = Math.hypot(...out) || 1;
  for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}
