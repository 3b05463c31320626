import type { Turn } from '../answer/types.js';
import { ANSWER_EVENT_TYPE } from './answer-blocks.js';

/** The fields of a `conversations.replies` message that history needs. */
export interface ThreadMessage {
  ts?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  text?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
  blocks?: Array<{ block_id?: string }>;
}

export interface ThreadHistoryOptions {
  /** Our bot's identity (auth.test), to tell our answers from other bots' messages. */
  botId?: string;
  botUserId?: string;
  /** Only messages strictly before this ts: the question being answered and later ones are not history. */
  before: string;
  maxTurns?: number;
}

/**
 * Rebuilds the conversation of a Slack thread as answering turns: each of our earlier answers,
 * with the question it answered and the passages it cited (from the message metadata, or the
 * citation block ids when metadata is missing), so "第二点呢？" can refer to them. Other
 * people's chatter and other bots are not turns.
 */
export function threadHistory(messages: readonly ThreadMessage[], options: ThreadHistoryOptions): Turn[] {
  const turns: Turn[] = [];
  let pendingQuestion: string | undefined;
  for (const m of messages) {
    if (!m.ts || compareTs(m.ts, options.before) >= 0) continue;
    const ours = (options.botId !== undefined && m.bot_id === options.botId) || (options.botUserId !== undefined && m.user === options.botUserId);
    if (ours) {
      const ids = citedIds(m);
      if (!ids) continue; // placeholders, apologies, help texts
      const payloadQuestion = m.metadata?.event_payload?.question;
      const question = typeof payloadQuestion === 'string' && payloadQuestion ? payloadQuestion : pendingQuestion;
      if (question) turns.push({ question, answer: m.text ?? '', citations: ids.map((id) => ({ id })) });
      pendingQuestion = undefined;
    } else if (!m.bot_id && (m.subtype === undefined || m.subtype === 'thread_broadcast')) {
      pendingQuestion = questionText(m.text ?? '') || pendingQuestion;
    }
  }
  return turns.slice(-(options.maxTurns ?? 10));
}

/** Our answers carry their cited passage ids; `undefined` means the message is not an answer. */
function citedIds(m: ThreadMessage): string[] | undefined {
  if (m.metadata?.event_type === ANSWER_EVENT_TYPE) {
    const cited = m.metadata.event_payload?.cited;
    if (Array.isArray(cited)) return cited.flatMap((c) => (c && typeof c === 'object' && typeof c.id === 'string' ? [c.id as string] : []));
    return [];
  }
  const fromBlocks = (m.blocks ?? []).flatMap((b) => {
    const match = /^cite:(\d+):(.+)$/.exec(b.block_id ?? '');
    return match ? [{ marker: Number(match[1]), id: match[2]! }] : [];
  });
  if (fromBlocks.length === 0) return undefined;
  return fromBlocks.sort((a, b) => a.marker - b.marker).map((c) => c.id);
}

/** A user's message as a question: mentions removed and Slack's HTML escapes undone. */
export function questionText(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Orders Slack timestamps (`1700000000.000100`) as the digit strings they are, whatever their precision. */
export function compareTs(a: string, b: string): number {
  const [ai = '0', af = ''] = a.split('.');
  const [bi = '0', bf = ''] = b.split('.');
  if (ai.length !== bi.length) return ai.length - bi.length;
  if (ai !== bi) return ai < bi ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const fa = af.padEnd(width, '0');
  const fb = bf.padEnd(width, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}
