import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIndex, currentBuildDir, loadIndex, repairCurrent } from '../../src/ingest/build-index.node.js';
import { CountingEmbedder, expectedBy, scratchCorpus } from '../support/scratch-index.js';

const BUILDER = join(import.meta.dirname, 'support/build-index-once.ts');
let scratch: ReturnType<typeof scratchCorpus> | undefined;
afterEach(() => {
  scratch?.remove();
  scratch = undefined;
});

/** Runs one build in its own process; resolves with its exit code and stderr. */
function buildInProcess(seeds: string, indexDir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', BUILDER, seeds, indexDir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

describe('two processes building one INDEX_DIR at once', () => {
  // The race depends on scheduling: several rounds, each from an empty folder as two replicas would find it.
  it.each([1, 2, 3, 4])(
    'round %i: both builds succeed and CURRENT names a whole build that loads',
    async () => {
      scratch = scratchCorpus('policydesk-concurrent-');
      const results = await Promise.all([buildInProcess(scratch.seeds, scratch.indexDir), buildInProcess(scratch.seeds, scratch.indexDir)]);
      expect(results).toEqual([
        { code: 0, stderr: '' },
        { code: 0, stderr: '' },
      ]);
      expect(currentBuildDir(scratch.indexDir)).toBeDefined();
      const loaded = await loadIndex(scratch.indexDir, expectedBy(new CountingEmbedder()));
      expect(loaded.vectors.size).toBe(loaded.manifest.passageCount);
      expect(readdirSync(join(scratch.indexDir, 'builds')).filter((d) => d.endsWith('.partial'))).toEqual([]);
    },
    60_000,
  );
});

describe('a CURRENT that names an incomplete build', () => {
  it('is repaired to the newest whole build; with none left, loading fails naming the path and npm run ingest', async () => {
    scratch = scratchCorpus('policydesk-broken-current-');
    const embedder = new CountingEmbedder();
    await buildIndex({ seedsDir: scratch.seeds, indexDir: scratch.indexDir, embedder });
    const whole = currentBuildDir(scratch.indexDir)!;
    // A second build whose graph went missing (deleted under it), named by CURRENT.
    const broken = join(scratch.indexDir, 'builds', 'broken-build');
    rmSync(broken, { recursive: true, force: true });
    await buildIndex({ seedsDir: scratch.seeds, indexDir: join(scratch.dir, 'other'), embedder });
    const other = currentBuildDir(join(scratch.dir, 'other'))!;
    cpSync(other, broken, { recursive: true });
    rmSync(join(broken, 'hnsw'), { recursive: true });
    writeFileSync(join(scratch.indexDir, 'CURRENT'), 'builds/broken-build\n');

    await expect(loadIndex(scratch.indexDir, expectedBy(embedder))).rejects.toThrow(/CURRENT names .*broken-build, which lacks hnsw\/args\.json.*Run `npm run ingest`/);
    expect(repairCurrent(scratch.indexDir)).toEqual({ from: 'builds/broken-build', to: `builds/${whole.split('/').at(-1)}` });
    expect(readFileSync(join(scratch.indexDir, 'CURRENT'), 'utf8').trim()).toBe(`builds/${whole.split('/').at(-1)}`);
    expect((await loadIndex(scratch.indexDir, expectedBy(embedder))).manifest.passageCount).toBeGreaterThan(0);

    rmSync(whole, { recursive: true });
    writeFileSync(join(scratch.indexDir, 'CURRENT'), 'builds/broken-build\n');
    expect(repairCurrent(scratch.indexDir)).toBeUndefined();
    expect(existsSync(broken)).toBe(true);
  }, 60_000);
});
