import type { SlackHarness } from './slack-setup.js';

export const COVID_QUESTION = '2023年市卫生健康工作要点里，新冠感染医疗救治保障提了哪几条措施？';
/** Declined by rule (a city the corpus does not cover), whatever the decision model says. */
export const OFF_TOPIC = '杭州的食堂几点开饭？';

let eventCounter = 0;
/** Unique Events API ids across a test file (Slack's look like `Ev0A1B2C3D`). */
export const nextEventId = () => `Ev${String(++eventCounter).padStart(8, '0')}`;

/** A person's message in a channel that mentions the app, stored in the fake Slack and delivered as app_mention. */
export function mention(h: SlackHarness, text: string, extra: { channel?: string; thread_ts?: string } = {}) {
  const channel = extra.channel ?? 'C1';
  const message = h.api.addUserMessage({ channel, user: 'U1', text: `<@${h.api.botUserId}> ${text}`, ...(extra.thread_ts ? { thread_ts: extra.thread_ts } : {}) });
  const event = { type: 'app_mention', user: 'U1', text: message.text, ts: message.ts, channel, event_ts: message.ts, ...(extra.thread_ts ? { thread_ts: extra.thread_ts } : {}) };
  return { message, event };
}

/** A person's message in a DM with the app, delivered as message.im. */
export function dm(h: SlackHarness, text: string, extra: Record<string, unknown> = {}) {
  const message = h.api.addUserMessage({ channel: 'D1', user: 'U1', text });
  return { message, event: { type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text, ts: message.ts, event_ts: message.ts, ...extra } };
}
