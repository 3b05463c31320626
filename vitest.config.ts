import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure code, fake embeddings, fast) and `model` (loads the real
 * bge-small-zh model and the built index; named so it can be run on its own).
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
        },
      },
      {
        test: {
          name: 'model',
          include: ['test/**/*.model.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
