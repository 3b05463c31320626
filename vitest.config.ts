import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { forbidNodeImports } from './test/worker/support/forbid-node-imports.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Every test, and every process a test starts, reads the frozen corpus in test/fixtures/corpus and
 * its own index, never today's seeds/ and index/: a corpus update must not break `npm test`
 * (test/support/corpus-dirs.ts). `npm test` builds that index first (`pretest`), so that test
 * processes running side by side never build it at the same time.
 */
const env = { SEEDS_DIR: join(root, 'test/fixtures/corpus'), INDEX_DIR: join(root, 'test-output/index') };

/**
 * Test projects, each runnable on its own (`npx vitest run --project NAME`):
 * - unit: pure code and in-process routes, fake embeddings, no model;
 * - edge: the portable core's unit tests again under the edge-runtime environment (no Node APIs);
 * - model: loads the real bge-small-zh model and the built index;
 * - browser: the widget end to end in Chromium (a system one, else @sparticuz/chromium from npm);
 * - workerd: the Worker in workerd through `wrangler dev`.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.model.test.ts', 'test/**/*.browser.test.ts', 'test/**/*.workerd.test.ts'],
          environment: 'node',
          env,
        },
      },
      {
        // Fails the run if a portable-core module imports a Node built-in; the environment swaps the globals.
        plugins: [forbidNodeImports(root)],
        test: {
          name: 'edge',
          include: ['test/embeddings/query-cache.test.ts', 'test/ingest/**/*.test.ts', 'test/retrieval/**/*.test.ts', 'test/answer/**/*.test.ts', 'test/worker/**/*.test.ts'],
          // `*.node.test.ts`: tests of Node adapters (files, PDF and Word readers), not of the portable core.
          exclude: ['test/**/*.model.test.ts', 'test/**/*.browser.test.ts', 'test/**/*.workerd.test.ts', 'test/**/*.node.test.ts'],
          environment: 'edge-runtime',
          env,
        },
      },
      {
        test: {
          name: 'model',
          include: ['test/**/*.model.test.ts'],
          environment: 'node',
          env,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.ts'],
          environment: 'node',
          env,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'workerd',
          include: ['test/**/*.workerd.test.ts'],
          environment: 'node',
          env,
          // Builds the Worker data bundle and starts one `wrangler dev --local` for all files.
          globalSetup: ['test/worker/support/workerd-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
