import type { Answerer } from '../../../src/answer/types.js';
import { parseConfig } from '../../../src/core/config.js';
import type { AppDeps, Readiness } from '../../../src/http/app-types.js';
import { createApp } from '../../../src/http/create-app.js';
import type { FeedbackStore } from '../../../src/core/feedback.js';
import { MemoryFeedbackStore } from '../../../src/store/memory-feedback-store.js';
import { seedPipeline } from '../../support/seed-pipeline.js';

export interface Harness {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  logs: Array<Record<string, unknown> & { level: 'info' | 'error' }>;
  feedback: FeedbackStore;
  /** Moves the injected clock forward. */
  advance(ms: number): void;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  answerer?: (real: Answerer) => Answerer;
  readiness?: () => Readiness;
  feedback?: FeedbackStore;
  slack?: AppDeps['slack'];
  questions?: AppDeps['questions'];
  gapReport?: AppDeps['gapReport'];
  metrics?: AppDeps['metrics'];
}

/** The app over the real corpus and the real extractive pipeline (fake embeddings), with logs and time under the test's control. */
export async function harness(options: HarnessOptions = {}): Promise<Harness> {
  const pipeline = await seedPipeline({ dense: true });
  const logs: Harness['logs'] = [];
  let now = Date.parse('2026-03-01T08:00:00Z');
  const feedback = options.feedback ?? new MemoryFeedbackStore();
  const deps: AppDeps = {
    answerer: options.answerer ? options.answerer(pipeline.answerer) : pipeline.answerer,
    corpus: pipeline.corpus,
    feedback,
    readiness: options.readiness ?? (() => ({ ready: true, checks: { index: 'seed corpus' } })),
    config: parseConfig(options.env ?? {}),
    logger: { info: (e) => logs.push({ level: 'info', ...e }), error: (e) => logs.push({ level: 'error', ...e }) },
    clock: () => now,
    clientKey: (request) => request.headers.get('x-test-client') ?? 'client-a',
    ...(options.slack ? { slack: options.slack } : {}),
    ...(options.questions ? { questions: options.questions } : {}),
    ...(options.gapReport ? { gapReport: options.gapReport } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  };
  return { app: createApp(deps), deps, logs, feedback, advance: (ms) => (now += ms) };
}

/** A JSON POST as a browser or curl would send it. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

export const CORPUS_QUESTION = '区域性医疗中心按多少人口配置一家？';
