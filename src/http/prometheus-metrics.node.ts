import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AnswerTier, HttpMetrics, RequestSample } from './http-metrics.js';

/** Every state `policydesk_slack_state` reports: `off`, `http`, or the Socket Mode connection's state. */
export const SLACK_STATES = ['off', 'http', 'connecting', 'connected', 'reconnecting', 'refused', 'stopped'] as const;
export type SlackMetricState = (typeof SLACK_STATES)[number];

/** What the registry reads at each scrape (the parts that are not counted as they happen). */
export interface MetricSources {
  /** Requests sent to the embedding processes and not yet answered; absent: embedding in-process. */
  embedQueue?: () => number;
  /** Embedding processes serving now. */
  embedProcesses?: () => number;
  /** Slack's transport and, in Socket Mode, the connection's state (what `/readyz` shows). */
  slackState?: () => SlackMetricState;
}

export interface PrometheusMetrics extends HttpMetrics {
  /** One failed database statement (PostgresStore's `onQueryError`), by the record it was for. */
  databaseError(record: string): void;
  readonly registry: Registry;
}

/**
 * The Node service's Prometheus registry (prom-client), its own rather than prom-client's global
 * one, so two apps in one process (tests) never share counts. Besides the process's default
 * metrics (CPU, memory, event loop lag) it keeps the `policydesk_*` series the README lists.
 */
export function createPrometheusMetrics(sources: MetricSources = {}): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'policydesk_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'policydesk_http_request_duration_seconds',
    help: 'Time from a request arriving to its response (a streamed answer: to its last event), by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const answers = new Counter({
    name: 'policydesk_answers_total',
    help: 'Answers given over HTTP, by tier (high, low, declined) and channel (api: POST /api/ask, web: POST /api/chat).',
    labelNames: ['tier', 'channel'] as const,
    registers: [registry],
  });
  const databaseErrors = new Counter({
    name: 'policydesk_database_errors_total',
    help: 'PostgreSQL statements that failed, by the record they were for (feedback, question_log, slack, health_check).',
    labelNames: ['record'] as const,
    registers: [registry],
  });
  const { embedQueue, embedProcesses, slackState } = sources;
  new Gauge({
    name: 'policydesk_embedding_queue_depth',
    help: 'Embedding requests sent to the embedding processes and not yet answered (0 when embedding in-process).',
    registers: [registry],
    collect() {
      this.set(embedQueue?.() ?? 0);
    },
  });
  new Gauge({
    name: 'policydesk_embedding_processes',
    help: 'Embedding processes serving now (0 when embedding in-process).',
    registers: [registry],
    collect() {
      this.set(embedProcesses?.() ?? 0);
    },
  });
  new Gauge({
    name: 'policydesk_slack_state',
    help: 'Slack: 1 for the state it is in now (off, http, or the Socket Mode connection: connecting, connected, reconnecting, refused, stopped), 0 for the others.',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const now = slackState?.() ?? 'off';
      for (const state of SLACK_STATES) this.set({ state }, state === now ? 1 : 0);
    },
  });
  // Every tier and record shows from the first scrape, at 0, so a rate() over them is defined at once.
  for (const tier of ['high', 'low', 'declined'] satisfies AnswerTier[]) for (const channel of ['api', 'web']) answers.inc({ tier, channel }, 0);
  for (const record of ['feedback', 'question_log', 'slack', 'health_check']) databaseErrors.inc({ record }, 0);

  return {
    registry,
    request(sample: RequestSample) {
      requests.inc({ method: sample.method, route: sample.route, status: String(sample.status) });
      latency.observe({ method: sample.method, route: sample.route }, sample.seconds);
    },
    answer(tier, channel) {
      answers.inc({ tier, channel });
    },
    databaseError(record) {
      databaseErrors.inc({ record });
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
