import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * `npm test` survives a corpus update: tests read the frozen copy in test/fixtures/corpus
 * (test/support/corpus-dirs.ts), never the repository's seeds/ or index/, which a policy officer
 * changes. The one exception copies the whole project to check a deploy from a fresh clone.
 */
const ROOT = join(import.meta.dirname, '../..');
const ALLOWED = new Set(['test/worker/wrangler-deploy.workerd.test.ts', 'test/architecture/tests-read-fixtures.test.ts']);
/** A path into the repository's own seeds/ or index/: `join(ROOT, 'seeds')`, `'../../seeds'`, `seedsDir: 'seeds'`, `INDEX_DIR: 'index'`. */
const REPO_CORPUS = /(?:join\(\s*ROOT\s*,\s*|(?:seedsDir|indexDir|SEEDS_DIR|INDEX_DIR)\s*:\s*(?:join\()?)['"`](?:seeds|index)\b|['"`](?:\.\.\/)+(?:seeds|index)\b/;

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'fixtures') return [];
    return statSync(path).isDirectory() ? testFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('tests read the frozen corpus', () => {
  test('no test names the repository seeds/ or index/', () => {
    const offending = testFiles(join(ROOT, 'test'))
      .map((f) => relative(ROOT, f))
      .filter((f) => !ALLOWED.has(f))
      .flatMap((f) =>
        readFileSync(join(ROOT, f), 'utf8')
          .split('\n')
          .flatMap((line, i) => (REPO_CORPUS.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offending).toEqual([]);
  });

  test('the frozen corpus holds the five documents', () => {
    expect(readdirSync(join(ROOT, 'test/fixtures/corpus')).filter((f) => f.endsWith('.txt'))).toHaveLength(5);
  });
});
