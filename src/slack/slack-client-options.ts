import type { WebClientOptions } from '@slack/web-api';

/**
 * Web API client settings for every client the app makes. Slack's default retries ten times
 * over about thirty minutes; that kept answers (and a shutdown waiting for them) hanging while
 * Slack was slow or down. Here a call is given up after three tries within a few seconds, and
 * each try after 10 s, so the worst case is bounded (about 35 s) and the user gets an apology.
 * `overrides` (tests, SLACK_API_URL) win.
 */
export function slackClientOptions(overrides: WebClientOptions = {}): WebClientOptions {
  return {
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2_000, randomize: true },
    timeout: 10_000,
    ...overrides,
  };
}
