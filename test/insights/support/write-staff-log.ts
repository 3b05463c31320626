import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeedbackRecord } from '../../../src/core/feedback.js';
import type { QuestionLogRecord } from '../../../src/core/question-log.js';
import { seedPipeline } from '../../support/seed-pipeline.js';

const DAY = 24 * 60 * 60 * 1000;

export interface StaffLog {
  questions: QuestionLogRecord[];
  feedback: FeedbackRecord[];
  /** Question text -> the topic it was written for (`noise-n`, `down-n` for one-offs); current period only. */
  intended: Map<string, string>;
}

/**
 * The log of test/fixtures/gap-log/staff-questions.json as the service would have written it over
 * the 30 days before `now`: each question answered by the lexical pipeline over the fixture corpus
 * for its cited and nearest ids; the topic questions and one-offs declined, the answered ones
 * `high`; a few topic questions repeated in the previous period (for trends) and one 👎 on an
 * answered question.
 */
export async function writeStaffLog(now: number): Promise<StaffLog> {
  const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/gap-log/staff-questions.json'), 'utf8')) as {
    topics: Record<string, string[]>;
    answered: string[];
    noise: string[];
  };
  const pipeline = await seedPipeline();
  const questions: QuestionLogRecord[] = [];
  const intended = new Map<string, string>();
  let n = 0;
  const log = async (question: string, tier: QuestionLogRecord['tier'], daysAgo: number) => {
    const answer = await pipeline.answerer.answer(question);
    const record: QuestionLogRecord = {
      id: `q-${++n}`,
      askedAt: new Date(now - daysAgo * DAY - n * 60_000).toISOString(),
      channel: (['web', 'api', 'slack'] as const)[n % 3]!,
      question,
      tier,
      citedIds: tier === 'high' ? (answer.citations.length > 0 ? answer.citations : answer.nearest).map((c) => c.id).slice(0, 2) : [],
      nearestIds: (answer.nearest.length > 0 ? answer.nearest.map((c) => c.id) : answer.retrievedIds).slice(0, 3),
      answerId: `answer-${n}`,
    };
    questions.push(record);
    return record;
  };
  for (const [topic, qs] of Object.entries(fixture.topics)) {
    for (const [i, q] of qs.entries()) {
      intended.set(q, topic);
      await log(q, i % 4 === 3 ? 'low' : 'declined', (i * 3 + topic.length) % 28);
    }
  }
  for (const [i, q] of fixture.noise.entries()) {
    intended.set(q, `noise-${i}`);
    await log(q, 'declined', i * 3);
  }
  const answered: QuestionLogRecord[] = [];
  for (const [i, q] of fixture.answered.entries()) answered.push(await log(q, 'high', i % 29));
  // The previous period: parking was asked about three times already, annual leave once.
  for (const q of fixture.topics.parking!.slice(0, 3)) await log(q, 'declined', 40);
  await log(fixture.topics['annual-leave']![0]!, 'declined', 50);
  // A 👎 on an answered question: counted with the gaps, as its own one-off.
  const rated = answered[5]!;
  intended.set(rated.question, 'down-0');
  const feedback: FeedbackRecord[] = [
    { id: 'fb-1', receivedAt: new Date(Date.parse(rated.askedAt) + 60_000).toISOString(), source: 'web', answerId: rated.answerId, rating: 'down', question: rated.question },
  ];
  return { questions, feedback, intended };
}
