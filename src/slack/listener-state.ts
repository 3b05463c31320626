import type { Answer } from '../answer/types.js';
import { TtlCache } from './ttl-cache.js';
import type { SlackAppDeps } from './types.js';

/** What the listeners share: their deps, the event ids already taken, and recent answers. */
export interface ListenerState {
  deps: SlackAppDeps;
  commandName: string;
  /** Event ids and `channel:ts` keys of questions already being answered (Slack retries after 3 s). */
  seen: TtlCache<true>;
  /** Answers shown ephemerally, so "发到频道" can post exactly what the asker saw. */
  answers: TtlCache<Answer>;
  maxHistoryTurns: number;
  newReference(): string;
}

/** Fresh state per app: no module-level singletons, so tests and transports never share it. */
export function createListenerState(deps: SlackAppDeps): ListenerState {
  const now = deps.now ?? Date.now;
  return {
    deps,
    commandName: deps.commandName ?? '/policy',
    // Slack retries three times within about five minutes; an hour is ample, 10,000 ids bounded.
    seen: new TtlCache<true>({ maxEntries: 10_000, ttlMs: 60 * 60 * 1000, now }),
    answers: new TtlCache<Answer>({ maxEntries: 1_000, ttlMs: 24 * 60 * 60 * 1000, now }),
    maxHistoryTurns: 10,
    newReference: deps.newReference ?? (() => crypto.randomUUID().slice(0, 8)),
  };
}
