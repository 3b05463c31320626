import { beforeAll, describe, expect, test } from 'vitest';
import { TransformersEmbedder } from '../../src/embeddings/transformers-embedder.node.js';
import { ModelUnavailableError } from '../../src/core/errors.js';

const norm = (v: number[]) => Math.hypot(...v);
const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

let embedder: TransformersEmbedder;
beforeAll(async () => {
  embedder = await TransformersEmbedder.load({ modelDir: 'models', batchSize: 4 });
});

describe('bge-small-zh-v1.5 through transformers.js (real model, offline)', () => {
  test('512-dimensional, normalised vectors', async () => {
    const [v] = await embedder.embedDocuments(['实现每30-50万人口配置一家区域性医疗中心。']);
    expect(v).toHaveLength(512);
    expect(norm(v!)).toBeCloseTo(1, 4);
  });

  // Padding inside a batch moves the quantized model's output slightly, never materially.
  test('batches give the same vectors as one-by-one', async () => {
    const texts = ['发热门诊应设尽设', '重症床位达到总床位数的20%', '推进互联网+护理', '组建第六批援滇医疗队', '开展儿科服务年行动'];
    const batched = await embedder.embedDocuments(texts);
    for (const [i, t] of texts.entries()) {
      const [single] = await embedder.embedDocuments([t]);
      expect(cos(batched[i]!, single!)).toBeGreaterThan(0.99);
    }
  });

  test('a question lands nearer its answer than an unrelated passage (query prefix applied)', async () => {
    const q = await embedder.embedQuery('区域性医疗中心按多少人口配置一家？');
    const [answer, other] = await embedder.embedDocuments(['推进本市区域性医疗中心服务能力标准化建设，实现每30-50万人口配置一家区域性医疗中心。', '加强实验室生物安全管理，规范菌毒种和实验室管理。']);
    expect(cos(q, answer!)).toBeGreaterThan(cos(q, other!));
    const [plain] = await embedder.embedDocuments(['区域性医疗中心按多少人口配置一家？']);
    expect(cos(q, plain!)).toBeLessThan(0.999);
  });

  test('a missing model folder fails with what to do', async () => {
    await expect(TransformersEmbedder.load({ modelDir: '/nonexistent' })).rejects.toThrow(ModelUnavailableError);
    await expect(TransformersEmbedder.load({ modelDir: '/nonexistent' })).rejects.toThrow(/npm run fetch-model|MODEL_DIR/);
  });
});
