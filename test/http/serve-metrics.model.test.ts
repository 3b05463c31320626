import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerTier } from '../../src/http/http-metrics.js';
import { groupPids } from '../support/processes.js';
import { startServe, type ServeProcess } from '../support/start-serve.js';
import { CORPUS_QUESTION } from './support/app-harness.js';

let dataDir: string;
let serve: ServeProcess;

/** `npm start` with METRICS=on, the real model in one embedding process. */
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'policydesk-metrics-'));
  serve = await startServe({ DATA_DIR: dataDir, EMBED_PROCESSES: '1', METRICS: 'on', npm_config_update_notifier: 'false' }, { command: ['npm', 'start', '--silent'], detached: true });
});

afterAll(async () => {
  if (serve?.child.pid) for (const pid of groupPids(serve.child.pid)) process.kill(pid, 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

/** One sample's value from the Prometheus text, 0 when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels);
  const line = text.split('\n').find((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `) ? wanted.every(([k, v]) => l.includes(`${k}="${v}"`)) : false));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('GET /metrics on npm start (METRICS=on)', () => {
  it('is scraped without a key, and its counters show the question just asked', async () => {
    const before = await fetch(`${serve.url}/metrics`);
    expect(before.status).toBe(200);
    expect(before.headers.get('content-type')).toMatch(/^text\/plain/);
    const first = await before.text();
    // The pool as /readyz reports it, read at the scrape; Slack is off (no Slack settings).
    expect(sample(first, 'policydesk_embedding_processes')).toBe(1);
    expect(first).toMatch(/^policydesk_embedding_queue_depth \d+$/m);
    expect(sample(first, 'policydesk_slack_state', { state: 'off' })).toBe(1);
    expect(first).toContain('# TYPE policydesk_database_errors_total counter');
    expect(first).toContain('# TYPE process_cpu_seconds_total counter');

    const res = await fetch(`${serve.url}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: CORPUS_QUESTION }) });
    expect(res.status).toBe(200);
    const tier = answerTier(await res.json());

    const after = await (await fetch(`${serve.url}/metrics`)).text();
    const asked = { method: 'POST', route: '/api/ask' };
    expect(sample(after, 'policydesk_http_requests_total', { ...asked, status: '200' }) - sample(first, 'policydesk_http_requests_total', { ...asked, status: '200' })).toBe(1);
    expect(sample(after, 'policydesk_http_request_duration_seconds_count', asked)).toBe(1);
    expect(sample(after, 'policydesk_http_request_duration_seconds_sum', asked)).toBeGreaterThan(0);
    expect(sample(after, 'policydesk_answers_total', { tier, channel: 'api' }) - sample(first, 'policydesk_answers_total', { tier, channel: 'api' })).toBe(1);
    // After the answer the embedding queue is empty again.
    expect(sample(after, 'policydesk_embedding_queue_depth')).toBe(0);
  });
});
