import { describe, expect, it } from 'vitest';
import { answerTier } from '../../src/http/http-metrics.js';
import { createPrometheusMetrics, type SlackMetricState } from '../../src/http/prometheus-metrics.node.js';
import { CORPUS_QUESTION, harness, postJson } from './support/app-harness.js';

const get = (key?: string): RequestInit => ({ headers: key ? { Authorization: `Bearer ${key}` } : {} });

/** The value of one sample in Prometheus text (`name{labels} value`), 0 when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(match[3]);
  }
  return 0;
}

describe('GET /metrics', () => {
  it('does not exist when METRICS is off and there is no ADMIN_KEYS, even for an API key', async () => {
    const { app } = await harness({ env: { API_KEYS: 'api-1' }, metrics: createPrometheusMetrics() });
    const res = await app.request('/metrics', get('api-1'));
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toContain('METRICS=on');
  });

  it('does not exist on a service with no registry (the Worker), even with METRICS=on', async () => {
    const { app } = await harness({ env: { METRICS: 'on' } });
    expect((await app.request('/metrics')).status).toBe(404);
  });

  it.each([
    ['no key', undefined],
    ['an API_KEYS key', 'api-1'],
    ['a wrong key', 'admin-2'],
  ])('with ADMIN_KEYS and METRICS off, refuses %s with 401', async (_name, key) => {
    const { app } = await harness({ env: { API_KEYS: 'api-1', ADMIN_KEYS: 'admin-1' }, metrics: createPrometheusMetrics() });
    const res = await app.request('/metrics', get(key));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    expect(await res.text()).not.toContain('policydesk_');
  });

  it('rejects a bad METRICS value naming the variable', async () => {
    await expect(harness({ env: { METRICS: 'yes' } })).rejects.toThrow(/METRICS/);
  });

  it('serves an admin key the Prometheus text, whose counters move with /api/ask calls, by route, status and tier', async () => {
    const metrics = createPrometheusMetrics();
    const { app } = await harness({ env: { API_KEYS: 'api-1', ADMIN_KEYS: 'admin-1' }, metrics });
    const scrape = async () => {
      const res = await app.request('/metrics', get('admin-1'));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      return res.text();
    };
    const before = await scrape();
    for (const name of [
      'policydesk_http_requests_total',
      'policydesk_http_request_duration_seconds',
      'policydesk_answers_total',
      'policydesk_embedding_queue_depth',
      'policydesk_slack_state',
      'policydesk_database_errors_total',
      'process_resident_memory_bytes',
    ]) {
      expect(before).toContain(`# TYPE ${name} `);
    }
    const ask = { method: 'POST', route: '/api/ask', status: '200' };
    expect(sample(before, 'policydesk_http_requests_total', ask)).toBe(0);

    const tiers: string[] = [];
    for (const question of [CORPUS_QUESTION, CORPUS_QUESTION, '今天晚饭吃什么好？']) {
      const res = await app.request('/api/ask', postJson({ question }, { Authorization: 'Bearer api-1' }));
      expect(res.status).toBe(200);
      tiers.push(answerTier(await res.json()));
    }
    const refused = await app.request('/api/ask', postJson({ question: CORPUS_QUESTION }));
    expect(refused.status).toBe(401);

    const after = await scrape();
    expect(sample(after, 'policydesk_http_requests_total', ask)).toBe(3);
    // Refused by the key check before its handler ran, and still counted under the route it asked for.
    expect(sample(after, 'policydesk_http_requests_total', { ...ask, status: '401' })).toBe(1);
    // The first scrape was counted too, under its route pattern.
    expect(sample(after, 'policydesk_http_requests_total', { method: 'GET', route: '/metrics', status: '200' })).toBe(1);
    expect(sample(after, 'policydesk_http_request_duration_seconds_count', { method: 'POST', route: '/api/ask' })).toBe(4);
    expect(sample(after, 'policydesk_http_request_duration_seconds_sum', { method: 'POST', route: '/api/ask' })).toBeGreaterThan(0);
    for (const tier of ['high', 'low', 'declined']) {
      expect(sample(after, 'policydesk_answers_total', { tier, channel: 'api' })).toBe(tiers.filter((t) => t === tier).length);
    }
    expect(tiers).toContain('declined');
    expect(sample(after, 'policydesk_answers_total', { tier: 'high', channel: 'api' }) + sample(after, 'policydesk_answers_total', { tier: 'low', channel: 'api' })).toBe(2);
  });

  it('counts streamed answers under the web channel once the stream ends', async () => {
    const metrics = createPrometheusMetrics();
    const { app } = await harness({ env: { METRICS: 'on' }, metrics });
    const res = await app.request('/api/chat', postJson({ question: CORPUS_QUESTION }));
    const events = await res.text();
    expect(events).toContain('event: done');
    const text = await (await app.request('/metrics')).text();
    const web = ['high', 'low', 'declined'].reduce((n, tier) => n + sample(text, 'policydesk_answers_total', { tier, channel: 'web' }), 0);
    expect(web).toBe(1);
    expect(sample(text, 'policydesk_http_requests_total', { method: 'POST', route: '/api/chat', status: '200' })).toBe(1);
  });

  it('with METRICS=on is served without a key; unmatched paths are one series, not one per path', async () => {
    const metrics = createPrometheusMetrics();
    const { app } = await harness({ env: { METRICS: 'on', ADMIN_KEYS: 'admin-1' }, metrics });
    await app.request('/no/such/path-1');
    await app.request('/no/such/path-2');
    const res = await app.request('/metrics');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(sample(text, 'policydesk_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBe(2);
    expect(text).not.toContain('path-1');
  });
});

describe('createPrometheusMetrics', () => {
  it('reads the embedding queue and Slack state at each scrape, and counts database errors by record', async () => {
    let pending = 3;
    let slack: SlackMetricState = 'connecting';
    const metrics = createPrometheusMetrics({ embedQueue: () => pending, embedProcesses: () => 2, slackState: () => slack });
    let text = (await metrics.render()).body;
    expect(sample(text, 'policydesk_embedding_queue_depth')).toBe(3);
    expect(sample(text, 'policydesk_embedding_processes')).toBe(2);
    expect(sample(text, 'policydesk_slack_state', { state: 'connecting' })).toBe(1);
    expect(sample(text, 'policydesk_slack_state', { state: 'connected' })).toBe(0);
    expect(sample(text, 'policydesk_database_errors_total', { record: 'feedback' })).toBe(0);

    pending = 0;
    slack = 'connected';
    metrics.databaseError('feedback');
    metrics.databaseError('feedback');
    metrics.databaseError('health_check');
    text = (await metrics.render()).body;
    expect(sample(text, 'policydesk_embedding_queue_depth')).toBe(0);
    expect(sample(text, 'policydesk_slack_state', { state: 'connected' })).toBe(1);
    expect(sample(text, 'policydesk_slack_state', { state: 'connecting' })).toBe(0);
    expect(sample(text, 'policydesk_database_errors_total', { record: 'feedback' })).toBe(2);
    expect(sample(text, 'policydesk_database_errors_total', { record: 'health_check' })).toBe(1);
  });

  it('keeps its own registry: two apps in one process do not share counts', async () => {
    const a = createPrometheusMetrics();
    const b = createPrometheusMetrics();
    a.answer('high', 'api');
    expect(sample((await a.render()).body, 'policydesk_answers_total', { tier: 'high', channel: 'api' })).toBe(1);
    expect(sample((await b.render()).body, 'policydesk_answers_total', { tier: 'high', channel: 'api' })).toBe(0);
  });
});
