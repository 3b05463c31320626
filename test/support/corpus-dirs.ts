import { join } from 'node:path';

/**
 * The documents tests read: a frozen copy of the corpus under test/fixtures, not today's `seeds/`,
 * so that a policy officer's corpus update never breaks `npm test` (the eval gate is what
 * judges a corpus change). `vitest.config.ts` points SEEDS_DIR and INDEX_DIR here for every
 * process the tests start.
 */
export const CORPUS_DIR = join(import.meta.dirname, '../fixtures/corpus');

/** The index tests build from CORPUS_DIR (once, by the first runtime that finds it missing). */
export const TEST_INDEX_DIR = join(import.meta.dirname, '../../test-output/index');
