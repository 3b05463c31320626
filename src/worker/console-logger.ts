import type { Logger } from '../http/app-types.js';

/** Workers Logs and `wrangler tail` show console output; one JSON object per line keeps it queryable. */
export function consoleLogger(): Logger {
  return {
    info: (entry) => console.log(JSON.stringify({ level: 'info', ...entry })),
    error: (entry) => console.error(JSON.stringify({ level: 'error', ...entry })),
  };
}
