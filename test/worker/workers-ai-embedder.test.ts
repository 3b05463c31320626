import { describe, expect, it } from 'vitest';
import { BindingError } from '../../src/worker/binding-error.js';
import { WorkersAiEmbedder } from '../../src/worker/workers-ai-embedder.js';
import { InTestAi } from './support/in-test-bindings.js';

describe('WorkersAiEmbedder', () => {
  it('embedQuery: the bge-m3 vector Workers AI returns for the question', async () => {
    const ai = new InTestAi();
    const embedder = new WorkersAiEmbedder(ai);
    const vector = await embedder.embedQuery('区域性医疗中心按多少人口配置一家？');
    expect(vector).toEqual(await ai.embed('区域性医疗中心按多少人口配置一家？'));
    expect(ai.calls).toEqual([{ model: '@cf/baai/bge-m3', inputs: { text: ['区域性医疗中心按多少人口配置一家？'] } }]);
    expect(embedder.modelId).toBe('@cf/baai/bge-m3');
    expect(embedder.dimensions).toBe(1024);
  });

  it('embedDocuments: batches of 50 texts, order kept', async () => {
    const ai = new InTestAi();
    const texts = Array.from({ length: 120 }, (_, i) => `第${i}条 医疗机构`);
    const vectors = await new WorkersAiEmbedder(ai).embedDocuments(texts);
    expect(ai.calls.map((c) => (c.inputs.text as string[]).length)).toEqual([50, 50, 20]);
    expect(vectors).toHaveLength(120);
    expect(vectors[77]).toEqual(await ai.embed(texts[77]!));
  });

  it('a rejected run becomes a BindingError naming the binding and the cause', async () => {
    const ai = new InTestAi();
    ai.failWith = new Error('AiError: 3040: Capacity temporarily exceeded, please try again.');
    const error = await new WorkersAiEmbedder(ai).embedQuery('问题').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BindingError);
    expect((error as BindingError).binding).toBe('AI');
    expect((error as BindingError).message).toContain('Capacity temporarily exceeded');
  });

  it.each([
    ['an async-queue ticket', { request_id: '5f8e', status: 'queued' }, 'returned no embeddings'],
    ['a vector of the wrong size', { shape: [1, 768], data: [Array(768).fill(0.1)] }, '768-dimensional'],
    ['fewer vectors than texts', { shape: [0, 1024], data: [] }, 'returned 0 vectors for 1 texts'],
    ['nothing', null, 'returned no embeddings'],
  ])('an unexpected output (%s) is a BindingError', async (_name, output, message) => {
    const ai = new InTestAi();
    ai.respondWith = output;
    const error = await new WorkersAiEmbedder(ai).embedQuery('问题').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BindingError);
    expect((error as Error).message).toContain(message);
  });
});
