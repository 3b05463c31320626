import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * One error hierarchy (STYLE.md rule 4): what PolicyDesk throws on purpose is a PolicyDeskError
 * subclass with a code (src/core/errors.ts), mapped to HTTP in one place. Browser code of the
 * widget, which never reaches the server's error mapping, is left out.
 */
const ROOT = join(import.meta.dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
const sources = files(join(ROOT, 'src'))
  .map((f) => relative(ROOT, f))
  .filter((f) => !f.startsWith('src/http/widget/'));

describe('errors', () => {
  test('no plain Error is created', () => {
    const plain = sources.flatMap((f) =>
      readFileSync(join(ROOT, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (/\bnew Error\(/.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(plain).toEqual([]);
  });

  test('every error class extends the hierarchy', () => {
    const classes = sources.flatMap((f) => [...readFileSync(join(ROOT, f), 'utf8').matchAll(/class (\w+Error) extends (\w+)/g)].map((m) => ({ file: f, name: m[1]!, base: m[2]! })));
    expect(classes.length).toBeGreaterThan(5);
    const names = new Set(['PolicyDeskError', ...classes.map((c) => c.name)]);
    // A class may extend the root or another class of the hierarchy, never Error itself.
    expect(classes.filter((c) => c.name !== 'PolicyDeskError' && !names.has(c.base)).map((c) => `${c.file}: ${c.name} extends ${c.base}`)).toEqual([]);
  });
});
