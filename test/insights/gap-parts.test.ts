import { describe, expect, it } from 'vitest';
import type { QuestionLogRecord } from '../../src/core/question-log.js';
import { adjustedRandIndex } from '../../src/insights/adjusted-rand-index.js';
import { buildGapReport } from '../../src/insights/build-gap-report.js';
import { centreVectors, groupQuestionVectors, MIN_TO_GROUP } from '../../src/insights/centre-vectors.js';
import { clusterByCosine } from '../../src/insights/cluster-by-cosine.js';
import { gapCsv } from '../../src/insights/gap-csv.js';
import { gapDigestMessage, NEAREST_POINT_NOTE } from '../../src/insights/gap-digest-blocks.js';
import type { GapReport } from '../../src/insights/gap-report.js';
import { groupByNearestPoint } from '../../src/insights/group-by-nearest-point.js';
import { parsePeriod } from '../../src/insights/parse-period.js';
import { renderGapHtml } from '../../src/insights/render-gap-html.js';
import { weekStart } from '../../src/insights/weekly-tiers.js';
import { seedCorpus } from '../support/seed-pipeline.js';

const unit = (...v: number[]) => {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};

describe('clusterByCosine', () => {
  it('groups vectors whose average cosine reaches the threshold, and keeps the rest apart', () => {
    const vectors = [unit(1, 0.1, 0), unit(1, 0, 0.1), unit(0, 1, 0.05), unit(0.05, 1, 0), unit(0, 0, 1)];
    expect(clusterByCosine(vectors, 0.9)).toEqual([0, 0, 1, 1, 2]);
    expect(clusterByCosine(vectors, 0.999)).toEqual([0, 1, 2, 3, 4]);
    expect(clusterByCosine(vectors, -1)).toEqual([0, 0, 0, 0, 0]);
  });

  it('uses average linkage: a chain of near neighbours is not one group when its ends are far apart', () => {
    // a–b and b–c are close, a–c is not; average linkage joins a,b then refuses c at 0.9.
    const a = unit(1, 0);
    const b = unit(Math.cos(0.4), Math.sin(0.4));
    const c = unit(Math.cos(0.8), Math.sin(0.8));
    expect(Math.cos(0.4)).toBeGreaterThan(0.9);
    expect(clusterByCosine([a, b, c], 0.9)).toEqual([0, 0, 1]);
  });

  it.each([
    ['none', [], []],
    ['one', [unit(1, 0)], [0]],
  ])('%s', (_name, vectors, labels) => {
    expect(clusterByCosine(vectors, 0.5)).toEqual(labels);
  });
});

describe('centreVectors and groupQuestionVectors', () => {
  it('subtracts the mean and renormalises', () => {
    const centred = centreVectors([unit(1, 1), unit(1, -1)]);
    expect(Array.from(centred[0]!)).toEqual([0, 1]);
    expect(Array.from(centred[1]!)).toEqual([0, -1]);
  });

  it(`leaves fewer than ${MIN_TO_GROUP} questions ungrouped`, () => {
    const same = Array.from({ length: MIN_TO_GROUP - 1 }, () => unit(1, 0));
    expect(groupQuestionVectors(same, 0.5, clusterByCosine)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('adjustedRandIndex', () => {
  it.each([
    ['identical, names aside', ['a', 'a', 'b', 'b'], [1, 1, 2, 2], 1],
    ['all singletons both', ['a', 'b', 'c'], [1, 2, 3], 1],
    ['one group vs singletons', ['a', 'a', 'a', 'a'], [1, 2, 3, 4], 0],
  ])('%s', (_name, truth, predicted, expected) => {
    expect(adjustedRandIndex(truth, predicted)).toBeCloseTo(expected, 10);
  });

  it('a known value (Hubert & Arabie example, as computed by scikit-learn)', () => {
    // sklearn.metrics.adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) == 0.5714285714285715
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714285715, 12);
  });

  it('refuses labellings of different lengths', () => {
    expect(() => adjustedRandIndex([1], [1, 2])).toThrow(RangeError);
  });
});

describe('parsePeriod', () => {
  const now = new Date('2026-03-31T12:00:00Z');
  it.each([
    ['30d', undefined, '2026-03-01T12:00:00.000Z', '2026-03-31T12:00:00.000Z'],
    ['4w', undefined, '2026-03-03T12:00:00.000Z', '2026-03-31T12:00:00.000Z'],
    ['2026-03-01', '2026-03-15', '2026-03-01T00:00:00.000Z', '2026-03-15T00:00:00.000Z'],
  ])('--since %s --until %s', (since, until, from, to) => {
    const period = parsePeriod(since, until, now);
    expect([period.since.toISOString(), period.until.toISOString()]).toEqual([from, to]);
  });

  it.each([
    ['last month', undefined, /--since must be a span like 30d/],
    ['30d', 'tomorrow', /--until must be/],
    ['2026-04-01', '2026-03-01', /must be before --until/],
  ])('refuses --since %s --until %s', (since, until, message) => {
    expect(() => parsePeriod(since, until, now)).toThrow(message);
  });
});

describe('weekStart', () => {
  it('is the Monday 00:00 UTC of the week', () => {
    expect(new Date(weekStart(Date.parse('2026-03-01T23:00:00Z'))).toISOString()).toBe('2026-02-23T00:00:00.000Z');
    expect(new Date(weekStart(Date.parse('2026-03-02T00:00:00Z'))).toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });
});

describe('gapCsv', () => {
  it('quotes commas and quotes, and defuses cells a spreadsheet would run as formulas', () => {
    const group = {
      size: 2,
      previousSize: 0,
      trend: 'new',
      questions: ['=HYPERLINK("x")', '停车, 收费"吗"'],
      allQuestions: [],
      tiers: { low: 0, declined: 2, down: 0 },
      missing: {},
      nearest: null,
      owner: null,
      firstSeen: 'a',
      lastSeen: 'b',
    };
    const csv = gapCsv({ groups: [group] } as unknown as GapReport);
    expect(csv.startsWith('\uFEFFsize,')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")","停车, 收费""吗""",`);
  });
});

describe('groupByNearestPoint (the Worker`s digest)', () => {
  const corpus = seedCorpus();
  const [a, b] = corpus.passages.map((p) => p.id);
  const asked = (id: string, question: string, day: number, nearest: string | undefined, tier: QuestionLogRecord['tier'] = 'low'): QuestionLogRecord => ({
    id,
    askedAt: `2026-03-0${day}T08:00:00.000Z`,
    channel: 'api',
    question,
    tier,
    citedIds: [],
    nearestIds: nearest ? [nearest, 'x#9'] : [],
    answerId: `a-${id}`,
  });
  const report = () =>
    buildGapReport({
      questions: [
        asked('1', '年终奖怎么发？', 2, a),
        asked('2', '年终奖怎么发？', 3, a),
        asked('3', '年终奖什么时候发？', 4, a, 'declined'),
        asked('4', '食堂几点开饭？', 4, b),
        asked('5', '火星上有医院吗？', 5, undefined, 'declined'),
        asked('6', '答得好的问题', 5, a, 'high'),
      ],
      feedback: [],
      corpus,
      grouping: groupByNearestPoint(),
      since: new Date('2026-03-01T00:00:00Z'),
      until: new Date('2026-03-08T00:00:00Z'),
    });

  it('groups the gaps by their first nearest id, most asked question first; the report says how it grouped', async () => {
    const r = await report();
    expect([r.groupedBy, r.threshold]).toEqual(['nearest-point', null]);
    expect(r.groups.map((g) => [g.size, g.questions, g.nearest?.passageId ?? null])).toEqual([
      [3, ['年终奖怎么发？', '年终奖什么时候发？'], a],
      // Equal sizes: the latest seen first.
      [1, ['火星上有医院吗？'], null],
      [1, ['食堂几点开饭？'], b],
    ]);
  });

  it('the shared digest and the HTML say the groups are by nearest point, not by meaning', async () => {
    const r = await report();
    const blocks = gapDigestMessage(r).blocks as Array<{ type: string; elements?: Array<{ text: string }> }>;
    expect(blocks.flatMap((b) => b.elements ?? []).map((e) => e.text)).toContain(NEAREST_POINT_NOTE);
    expect(renderGapHtml(r)).toContain('按最接近的条文分组');
    const byMeaning = { ...r, groupedBy: 'meaning' as const, threshold: 0.06 };
    expect(JSON.stringify(gapDigestMessage(byMeaning))).not.toContain(NEAREST_POINT_NOTE);
    expect(renderGapHtml(byMeaning)).not.toContain('按最接近的条文分组');
  });
});
