import { LogLevel, type Logger } from '@slack/bolt';
import { logWarning } from '../core/logger.js';
import type { SlackLogger } from './types.js';

const SEVERITY: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

/** Bolt and its Web API client log through our logger, tagged `slack`, at INFO and above by default. */
export function boltLogger(target: SlackLogger, initial: LogLevel = LogLevel.INFO): Logger {
  let level = initial;
  let name = 'slack';
  const emit = (at: LogLevel, parts: unknown[]) => {
    if (SEVERITY[at] < SEVERITY[level]) return;
    const message = parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
    const entry = { msg: withDetail(message), component: name };
    if (at === LogLevel.DEBUG) target.debug?.(entry);
    else if (at === LogLevel.WARN) logWarning(target, entry);
    else target[at](entry);
  };
  return {
    debug: (...msg) => emit(LogLevel.DEBUG, msg),
    info: (...msg) => emit(LogLevel.INFO, msg),
    warn: (...msg) => emit(LogLevel.WARN, msg),
    error: (...msg) => emit(LogLevel.ERROR, msg),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
  };
}

/** Bolt's socket errors often end in an empty reason ("WebSocket error occurred: "): say so rather than log a blank. */
function withDetail(message: string): string {
  const trimmed = message.trim();
  if (!trimmed) return '(Slack SDK logged an empty message)';
  return /[:!]\s*(?:\w*Error:?)?$/.test(trimmed) ? `${trimmed.replace(/\s*(?:\w*Error:?)?$/, '')} (no detail given)` : trimmed;
}
