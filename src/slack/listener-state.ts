import type { webApi } from '@slack/bolt';
import { logWarning } from '../core/logger.js';
import { memorySlackMemory, type SlackMemory, withLocalAnswers } from './slack-memory.js';
import type { SlackAppDeps } from './types.js';

/** The bot's own ids: its user (`U…`, what mentions name) and its bot id (`B…`, on its posts). */
export interface BotIdentity {
  botId?: string;
  botUserId?: string;
}

/** What the listeners share: their deps, the event ids already taken, and recent answers. */
export interface ListenerState {
  deps: SlackAppDeps;
  commandName: string;
  /** Deliveries already taken (Slack retries after 3 s) and answers shown ephemerally, for "发到频道". */
  memory: SlackMemory;
  maxHistoryTurns: number;
  newReference(): string;
  /** The ids learnt so far, without waiting: what the authorizer may use before the ack. */
  knownIdentity(): BotIdentity;
  /** The bot's ids from one `auth.test` (after the ack only); a failure is not remembered, so the next call tries again. */
  identity(client: webApi.WebClient): Promise<BotIdentity>;
}

/** Fresh state per app: no module-level singletons, so tests and transports never share it. */
export function createListenerState(deps: SlackAppDeps): ListenerState {
  const now = deps.now ?? Date.now;
  let known: BotIdentity = {};
  let lookup: Promise<BotIdentity> | undefined;
  return {
    deps,
    commandName: deps.commandName ?? '/policy',
    memory: deps.memory
      ? withLocalAnswers(deps.memory, memorySlackMemory(now), (error) =>
          logWarning(deps.logger, { msg: 'slack answers: the shared store failed; kept in this process for 发到频道', error: error instanceof Error ? error.message : String(error) }),
        )
      : memorySlackMemory(now),
    maxHistoryTurns: 10,
    newReference: deps.newReference ?? (() => crypto.randomUUID().slice(0, 8)),
    knownIdentity: () => known,
    identity(client) {
      if (known.botId && known.botUserId) return Promise.resolve(known);
      lookup ??= client.auth.test().then(
        (r) => (known = { ...(r.bot_id ? { botId: r.bot_id } : {}), ...(r.user_id ? { botUserId: r.user_id } : {}) }),
        (error: unknown) => {
          lookup = undefined;
          throw error;
        },
      );
      return lookup;
    },
  };
}
