/** Starts a ProcessPoolEmbedder, prints its children's pids as JSON, and waits to be killed. */
import { ProcessPoolEmbedder } from '../../src/embeddings/process-pool.node.js';

const pool = await ProcessPoolEmbedder.start({ modelDir: process.argv[2] ?? 'models', processes: 2 });
process.stdout.write(`${JSON.stringify(pool.pids)}\n`);
setInterval(() => undefined, 1000);
