/**
 * Child-process entry of `ProcessPoolEmbedder`: loads the model once, then embeds what the
 * parent sends over the IPC channel. onnxruntime-node runs a session synchronously on the
 * thread that calls it (and aborts in worker threads), so a separate process is how the
 * server's event loop keeps serving while a question is embedded.
 */
import { TransformersEmbedder } from './transformers-embedder.node.js';
import type { EmbedderReply, EmbedderRequest } from './process-pool.node.js';
import { InvariantError } from '../core/errors.js';

const send = (reply: EmbedderReply) => process.send!(reply);

async function main(): Promise<void> {
  const { POLICYDESK_MODEL_DIR: modelDir, POLICYDESK_EMBED_THREADS: threads, POLICYDESK_EMBED_BATCH: batchSize } = process.env;
  if (!process.send || !modelDir) throw new InvariantError('embedder-process must be started by ProcessPoolEmbedder');
  // Ctrl-C and systemd signal the whole process group; the server decides when we stop (by
  // closing the channel once its in-flight requests are answered), so these are not ours to act on.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => undefined);
  // The parent went away (closed the channel, or died): nothing left to serve.
  process.on('disconnect', () => process.exit(0));
  const embedder = await TransformersEmbedder.load({ modelDir, threads: Number(threads ?? 1), batchSize: Number(batchSize ?? 16) });
  process.on('message', (request: EmbedderRequest) => {
    const work = request.kind === 'query' ? embedder.embedQuery(request.text).then((v) => [v]) : embedder.embedDocuments(request.texts);
    work.then(
      (vectors) => send({ id: request.id, vectors: vectors.map((v) => Float32Array.from(v)) }),
      (error: Error) => send({ id: request.id, error: error.message }),
    );
  });
  send({ id: 0, ready: { modelId: embedder.modelId, dimensions: embedder.dimensions, modelHash: embedder.modelHash } });
}

main().catch((error: Error) => {
  process.send?.({ id: 0, error: error.message } satisfies EmbedderReply);
  process.exit(1);
});
