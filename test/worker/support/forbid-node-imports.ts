import { builtinModules } from 'node:module';
import { relative } from 'node:path';
import type { Plugin } from 'vite';

/** Folders of the portable core: Web-standard APIs only (STYLE.md rule 1). */
const PORTABLE = /^src\/(core|text|ingest|retrieval|answer|http|worker)\//;
/** Node-only adapters the rule allows: `*.node.ts` files and the Worker's build step. */
const ALLOWED = /\.node\.ts$|^src\/worker\/build\//;
const builtins = new Set(builtinModules);
const IMPORT = /\b(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s*['"]([^'"]+)['"]/g;

/**
 * For the `edge` test project: fails the run when a portable-core module imports a Node
 * built-in. The edge-runtime environment only swaps globals (a module importing `node:fs`
 * would still load there), so this check is what proves "imports nothing from Node".
 */
export function forbidNodeImports(root: string): Plugin {
  return {
    name: 'policydesk:forbid-node-imports',
    enforce: 'pre',
    transform(code, id) {
      const file = relative(root, id.split('?')[0]!).replaceAll('\\', '/');
      if (!PORTABLE.test(file) || ALLOWED.test(file)) return null;
      for (const match of code.matchAll(IMPORT)) {
        const source = match[1] ?? match[2] ?? match[3]!;
        if (source.startsWith('node:') || builtins.has(source.split('/')[0]!)) {
          this.error(`${file} imports ${source}: the portable core may use Web-standard APIs only (move it to a *.node.ts adapter)`);
        }
      }
      return null;
    },
  };
}
