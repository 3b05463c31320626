import type { webApi } from '@slack/bolt';
import type { Turn } from '../answer/types.js';
import { answerMessage } from './answer-blocks.js';
import { apologyFor } from './apology.js';
import { logWarning } from '../core/logger.js';
import type { BotIdentity, ListenerState } from './listener-state.js';
import { threadHistory, questionText, type ThreadMessage } from './thread-history.js';

/** A question as it arrived in a channel or DM. */
export interface ThreadQuestion {
  channel: string;
  ts: string;
  /** Set when the question is itself a reply in a thread: a follow-up. */
  threadTs?: string;
  text: string;
  user?: string;
  /** A direct message: a follow-up typed outside the thread continues the DM's last conversation. */
  dm?: boolean;
}

/** How recent the last DM conversation must be for a new top-level DM to be read as its follow-up. */
export const DM_CONTEXT_WINDOW_S = 60 * 60;

export const PLACEHOLDER_TEXT = '查询中…';
export const MENTION_HELP = '请在提到我的同时写下问题，例如：区域性医疗中心按多少人口配置一家？';

/**
 * Answers a question in its thread: 👀 on the question at once (seen from the channel), a
 * "查询中…" placeholder in the thread, then that placeholder replaced by the answer. A
 * follow-up is answered with the thread's earlier answers as history. Failures become a short
 * apology with a reference id; the detail goes to the log.
 */
export async function answerInThread(state: ListenerState, client: webApi.WebClient, identity: BotIdentity, q: ThreadQuestion): Promise<void> {
  const { deps } = state;
  const channel = q.channel;
  const threadTs = q.threadTs ?? q.ts;
  const question = questionText(q.text);
  if (!question) {
    await client.chat.postMessage({ channel, thread_ts: threadTs, text: MENTION_HELP });
    return;
  }

  try {
    await client.reactions.add({ channel, timestamp: q.ts, name: 'eyes' });
  } catch (error) {
    // Missing reactions:write or already reacted: the placeholder still shows we are on it.
    logWarning(deps.logger, { msg: 'slack reactions.add failed', channel, error: String(error) });
  }
  const placeholder = await client.chat.postMessage({ channel, thread_ts: threadTs, text: PLACEHOLDER_TEXT });
  const placeholderTs = placeholder.ts!;

  try {
    const contextTs = q.threadTs ?? (q.dm ? await lastDmConversation(state, client, channel, q.ts) : undefined);
    const history = contextTs ? await historyOrNone(state, client, identity, channel, contextTs, q.ts) : [];
    const answer = await deps.answerer.answer(question, { history });
    const message = answerMessage(answer);
    await client.chat.update({ channel, ts: placeholderTs, text: message.text, blocks: message.blocks, metadata: message.metadata });
    await removeEyes(state, client, channel, q.ts);
    await deps.questions?.record({ channel: 'slack', question, answer });
    deps.logger.info({
      msg: 'slack answered',
      channel,
      answerId: answer.answerId,
      abstained: answer.abstained,
      cited: answer.citations.map((c) => c.id),
      historyTurns: history.length,
      ...(deps.logQuestions ? { question } : {}),
    });
  } catch (error) {
    const apology = apologyFor(state, error, { channel, where: 'thread answer', ...(deps.logQuestions ? { question } : {}) });
    await client.chat.update({ channel, ts: placeholderTs, text: apology, blocks: [] });
    await removeEyes(state, client, channel, q.ts);
  }
}

/** 👀 says "working on it"; once the answer (or apology) is in the thread it would only mislead. */
async function removeEyes(state: ListenerState, client: webApi.WebClient, channel: string, ts: string): Promise<void> {
  try {
    await client.reactions.remove({ channel, timestamp: ts, name: 'eyes' });
  } catch (error) {
    logWarning(state.deps.logger, { msg: 'slack reactions.remove failed', channel, error: String(error) });
  }
}

/**
 * The thread's earlier turns, or none when Slack cannot give them (a missing scope, Slack down):
 * the question is then answered on its own rather than not at all.
 */
async function historyOrNone(state: ListenerState, client: webApi.WebClient, identity: BotIdentity, channel: string, threadTs: string, before: string): Promise<Turn[]> {
  try {
    return await loadHistory(state, client, await fullIdentity(state, client, identity), channel, threadTs, before);
  } catch (error) {
    logWarning(state.deps.logger, { msg: 'slack thread history unavailable; answering without it', channel, error: String(error) });
    return [];
  }
}

/**
 * In a DM people often type the follow-up as a new message rather than in the thread: the thread
 * of the person's previous question (within the last hour) is then the conversation. The
 * follow-up resolver still decides whether the new question refers back to it at all.
 */
async function lastDmConversation(state: ListenerState, client: webApi.WebClient, channel: string, before: string): Promise<string | undefined> {
  try {
    const reply = await client.conversations.history({ channel, latest: before, inclusive: false, limit: 20 });
    const previous = ((reply.messages ?? []) as ThreadMessage[]).find((m) => m.ts && !m.bot_id && m.subtype === undefined);
    if (!previous?.ts || Number(before) - Number(previous.ts) > DM_CONTEXT_WINDOW_S) return undefined;
    return previous.ts;
  } catch (error) {
    logWarning(state.deps.logger, { msg: 'slack DM history unavailable; answering without it', channel, error: String(error) });
    return undefined;
  }
}

/** The event names our user id, which tells our answers apart; only without it is `auth.test` asked (after the ack). */
async function fullIdentity(state: ListenerState, client: webApi.WebClient, identity: BotIdentity): Promise<BotIdentity> {
  return identity.botUserId || identity.botId ? identity : state.identity(client);
}

/** The thread as answering turns; one page of 200 replies covers any realistic thread, a few more are fetched if needed. */
async function loadHistory(state: ListenerState, client: webApi.WebClient, identity: BotIdentity, channel: string, threadTs: string, before: string): Promise<Turn[]> {
  const messages: ThreadMessage[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 5; page++) {
    const reply = await client.conversations.replies({ channel, ts: threadTs, include_all_metadata: true, limit: 200, ...(cursor ? { cursor } : {}) });
    messages.push(...((reply.messages ?? []) as ThreadMessage[]));
    cursor = reply.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  return threadHistory(messages, {
    before,
    ...(identity.botId ? { botId: identity.botId } : {}),
    ...(identity.botUserId ? { botUserId: identity.botUserId } : {}),
    maxTurns: state.maxHistoryTurns,
  });
}
