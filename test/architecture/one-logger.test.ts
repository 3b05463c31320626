import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

/** One logger interface (src/core/logger.ts): the HTTP layer, Slack, the composers and the Worker log through it. */
const ROOT = join(import.meta.dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });

describe('logging', () => {
  test('only src/core/logger.ts declares a logger interface', () => {
    const declared = files(join(ROOT, 'src')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/interface (\w*Logger)\b/g)].map((m) => `${relative(ROOT, f)}: ${m[1]}`));
    expect(declared).toEqual(['src/core/logger.ts: Logger']);
  });
});
