/**
 * `npm run sync:vectorize`: fills the Worker's Vectorize index with bge-m3 vectors of the
 * passages, embedded by Workers AI over Cloudflare's REST API. Needs CLOUDFLARE_ACCOUNT_ID and
 * CLOUDFLARE_API_TOKEN (Workers AI: Read, Vectorize: Edit). `--dry-run` prints the plan and
 * calls nothing. Deploy the Worker from the same build afterwards: both carry the corpus hash.
 */
import { parseArgs } from 'node:util';
import { parseConfig } from '../core/config.js';
import { gutenyeOcr } from '../ingest/ocr/gutenye-ocr.node.js';
import { buildWorkerDataModule } from '../worker/build/build-worker-data.node.js';
import { CloudflareApi } from '../worker/cloudflare-api.js';
import { syncVectorize } from '../worker/sync-vectorize.js';
import { WORKERS_AI_EMBEDDING_MODEL } from '../worker/vectorize-layout.js';
import { WorkersAiEmbedder } from '../worker/workers-ai-embedder.js';
import { ConfigError } from '../core/errors.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { index: { type: 'string', default: 'policydesk-bge-m3' }, 'dry-run': { type: 'boolean', default: false } } });
  const config = parseConfig(process.env);
  const built = await buildWorkerDataModule({ indexDir: config.INDEX_DIR, seedsDir: config.SEEDS_DIR, ...(config.OCR ? { ocr: gutenyeOcr() } : {}) });
  const { data } = built;
  const plan = `${data.corpus.passages.length} passages (corpus ${data.corpusHash.slice(0, 12)}, chunker ${data.chunkerVersion}) -> Vectorize index ${values.index} with ${WORKERS_AI_EMBEDDING_MODEL}`;
  if (values['dry-run']) {
    console.log(`sync:vectorize (dry run): ${plan}; rebuilt ${built.file}`);
    return;
  }
  const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
  const apiToken = process.env.CLOUDFLARE_API_TOKEN;
  if (!accountId || !apiToken) {
    throw new ConfigError('set CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN (a token with Workers AI: Read and Vectorize: Edit)');
  }
  const api = new CloudflareApi({ accountId, apiToken });
  console.log(`sync:vectorize: ${plan}`);
  const report = await syncVectorize({
    data,
    embedder: new WorkersAiEmbedder(api.aiBinding()),
    target: api.vectorize(values.index),
    onProgress: (line) => console.log(`sync:vectorize: ${line}`),
  });
  console.log(`sync:vectorize: done: ${report.upserted} upserted, ${report.deleted} stale deleted. Deploy this build: npx wrangler deploy --env hybrid`);
}

main().catch((error: Error) => {
  console.error(`sync:vectorize: ${error.message}`);
  process.exit(1);
});
