import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/start-worker.js';

/**
 * `npx wrangler deploy` from a fresh clone: no dist/, no index/. The `[build]` command writes the
 * data bundle, so the dry run bundles the Worker; it needs no Cloudflare account.
 */
describe('wrangler deploy --dry-run from a fresh checkout', () => {
  it('builds the data bundle itself and lists the bindings, FEEDBACK_DB included', () => {
    const clone = mkdtempSync(join(tmpdir(), 'policydesk-clone-'));
    for (const path of ['src', 'seeds', 'prompts', 'migrations', 'wrangler.toml', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, path), join(clone, path), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
    expect(existsSync(join(clone, 'dist'))).toBe(false);

    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', join(clone, 'out')], {
      cwd: clone,
      encoding: 'utf8',
      env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain('build:worker:');
    expect(run.stdout).toMatch(/env\.FEEDBACK_DB \(policydesk-feedback\)\s+D1 Database/);
    expect(run.stdout).toMatch(/env\.PUBLIC_API \("false"\)/);
    expect(existsSync(join(clone, 'dist/worker/worker-data.js'))).toBe(true);
    expect(existsSync(join(clone, 'out/index.js'))).toBe(true);
  }, 120_000);

  it.each(['.dev.vars', '.dev.vars.hybrid', '.env', '.env.local'])('git ignores %s, where wrangler reads local secrets', (file) => {
    expect(spawnSync('git', ['check-ignore', '--no-index', '-q', file], { cwd: ROOT }).status).toBe(0);
  });
});
