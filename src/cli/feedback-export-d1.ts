/**
 * `npm run feedback:export-d1 -- [--remote | --persist-to DIR] [--env NAME] [--out FILE]`: reads
 * the Worker's feedback out of D1 (binding FEEDBACK_DB) with `wrangler d1 execute --json` and
 * writes it as the JSON lines the Node service's store writes, so `npm run eval:mine -- --data-dir
 * <folder of FILE>` mines it. Local (`wrangler dev`'s database) unless --remote.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { MIGRATE_FIX } from '../store/d1-calls.js';
import { SELECT_FEEDBACK_SQL } from '../store/d1-feedback-store.js';
import { parseD1Export } from '../worker/parse-d1-export.js';
import { ConfigError, UpstreamError } from '../core/errors.js';

function main(): number {
  const { values } = parseArgs({
    options: {
      remote: { type: 'boolean', default: false },
      'persist-to': { type: 'string' },
      env: { type: 'string' },
      config: { type: 'string' },
      out: { type: 'string', default: '.data/d1/feedback.jsonl' },
    },
  });
  if (values.remote && values['persist-to']) throw new ConfigError('--persist-to is for the local database; leave it out with --remote');
  const wrangler = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');
  const args = [wrangler, 'd1', 'execute', 'FEEDBACK_DB', values.remote ? '--remote' : '--local', '--json', '--command', SELECT_FEEDBACK_SQL];
  if (values['persist-to']) args.push('--persist-to', values['persist-to']);
  if (values.env !== undefined) args.push('--env', values.env);
  if (values.config) args.push('--config', values.config);
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });
  if (run.error) throw run.error;
  let exported;
  try {
    exported = parseD1Export(run.stdout);
  } catch (error) {
    const message = (error as Error).message;
    throw new UpstreamError('wrangler', /no such table/i.test(message) ? `${message}; create the table: ${MIGRATE_FIX}` : `${message}\n${run.stderr.trim()}`);
  }
  const out = values.out;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, exported.records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  renameSync(`${out}.tmp`, out);
  const where = values.remote ? 'the remote D1 database' : `the local D1 database${values['persist-to'] ? ` in ${values['persist-to']}` : ''}`;
  console.log(
    `feedback:export-d1: ${exported.records.length} records from ${where} -> ${out}` +
      `${exported.invalid ? ` (${exported.invalid} invalid rows skipped)` : ''}; mine them: npm run eval:mine -- --data-dir ${dirname(out)}`,
  );
  return 0;
}

try {
  process.exit(main());
} catch (error) {
  console.error(`feedback:export-d1: ${(error as Error).message}`);
  process.exit(1);
}
