import type { Embedder } from '../core/types.js';
import { verifyModelFiles } from './model-files.node.js';
import { MODEL_SPEC } from './model-spec.js';

type Extractor = (texts: string[], options: { pooling: 'cls'; normalize: true }) => Promise<{ tolist(): number[][] }>;

export interface TransformersEmbedderOptions {
  modelDir: string;
  /** Documents per forward pass. */
  batchSize?: number;
  /** onnxruntime intra-op threads (default: its own choice, one per core). */
  threads?: number;
}

/**
 * bge-small-zh-v1.5 through transformers.js on onnxruntime-node: CLS pooling, normalised,
 * the retrieval prefix on queries only. transformers.js is imported lazily, and never
 * reaches for the Hugging Face Hub.
 */
export class TransformersEmbedder implements Embedder {
  readonly modelId = MODEL_SPEC.id;
  readonly dimensions = MODEL_SPEC.dimensions;

  private constructor(
    private readonly extract: Extractor,
    private readonly batchSize: number,
    /** SHA-256 of the ONNX file, recorded in index manifests. */
    readonly modelHash: string,
  ) {}

  static async load(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const { onnxSha256 } = verifyModelFiles(options.modelDir);
    const { env, pipeline } = await import('@huggingface/transformers');
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = options.modelDir.endsWith('/') ? options.modelDir : `${options.modelDir}/`;
    const extract = (await pipeline('feature-extraction', MODEL_SPEC.id, {
      dtype: MODEL_SPEC.dtype,
      device: 'cpu',
      ...(options.threads ? { session_options: { intraOpNumThreads: options.threads } } : {}),
    })) as unknown as Extractor;
    return new TransformersEmbedder(extract, options.batchSize ?? 16, onnxSha256);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const output = await this.extract(texts.slice(i, i + this.batchSize), { pooling: 'cls', normalize: true });
      vectors.push(...output.tolist());
    }
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    const output = await this.extract([MODEL_SPEC.queryPrefix + text], { pooling: 'cls', normalize: true });
    return output.tolist()[0]!;
  }
}
