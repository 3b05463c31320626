/**
 * One `buildIndex` in its own process, with fake embeddings: `node --import tsx build-index-once.ts SEEDS INDEX`.
 * Two of these started together are two replicas building one shared INDEX_DIR at once.
 */
import { buildIndex } from '../../../src/ingest/build-index.node.js';
import { CountingEmbedder } from '../../support/scratch-index.js';

const [seedsDir, indexDir] = process.argv.slice(2) as [string, string];
await buildIndex({ seedsDir, indexDir, embedder: new CountingEmbedder() });
