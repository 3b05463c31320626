import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The import rules of STYLE.md, read from the code itself. Folders of `src/` are layers; a module
 * may import only from layers below its own (a folder may import itself freely), so imports point
 * one way: core <- text <- embeddings / vector-index <- ingest <- retrieval <- answer <- http / slack
 * <- eval / store <- insights <- worker <- cli. And no two modules import each other, however indirectly.
 */
const LAYER: Record<string, number> = {
  core: 0,
  text: 1,
  embeddings: 2,
  'vector-index': 2,
  ingest: 3,
  retrieval: 4,
  answer: 5,
  http: 6,
  slack: 6,
  eval: 7,
  store: 7,
  insights: 8,
  worker: 9,
  cli: 10,
};

const ROOT = join(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
const IMPORT = /\b(?:import|export)\s[^'";]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** file -> the files it imports (relative imports, `.js` specifiers mapped to their `.ts`). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const from = relative(ROOT, file);
    const targets: string[] = [];
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      if (!/\.(js|ts)$/.test(spec)) continue; // JSON data files and assets
      targets.push(relative(ROOT, normalize(join(dirname(file), spec.replace(/\.js$/, '.ts')))));
    }
    graph.set(from, targets);
  }
  return graph;
}

const folderOf = (file: string) => file.split('/')[1]!;

describe('import rules', () => {
  const graph = importGraph();

  test('every folder of src/ has a layer', () => {
    const folders = new Set([...graph.keys()].map(folderOf));
    expect([...folders].filter((f) => LAYER[f] === undefined)).toEqual([]);
  });

  test('no import runs upward or sideways between layers', () => {
    const wrong: string[] = [];
    for (const [from, targets] of graph) {
      for (const to of targets) {
        const [a, b] = [folderOf(from), folderOf(to)];
        if (a !== b && !(LAYER[b]! < LAYER[a]!)) wrong.push(`${from} -> ${to}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('every relative import names a file that exists', () => {
    const missing = [...graph].flatMap(([from, targets]) => targets.filter((t) => !graph.has(t)).map((t) => `${from} -> ${t}`));
    expect(missing).toEqual([]);
  });

  test('no cycle between modules', () => {
    // Depth-first search with colours; a grey target is a back edge, i.e. a cycle.
    const colour = new Map<string, 'grey' | 'black'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      colour.set(file, 'grey');
      for (const next of graph.get(file) ?? []) {
        if (colour.get(next) === 'grey') cycles.push([...path.slice(path.indexOf(next)), next].join(' -> '));
        else if (!colour.has(next)) visit(next, [...path, next]);
      }
      colour.set(file, 'black');
    };
    for (const file of graph.keys()) if (!colour.has(file)) visit(file, [file]);
    expect(cycles).toEqual([]);
  });
});
