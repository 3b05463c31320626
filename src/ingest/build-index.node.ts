import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IndexMismatchError, IngestError } from '../core/errors.js';
import { NoDocumentsError } from './no-documents-error.js';
import type { Embedder, Passage } from '../core/types.js';
import { CHUNKER_VERSION } from './chunk-document.js';
import { diffCorpus, type CorpusChanges } from './diff-corpus.js';
import type { SourceProblem } from './parse-corpus.js';
import type { PageOcr } from './ocr/ocr-line.js';
import { listSourceFiles, readCorpus, type ReadCorpusOptions } from './read-corpus.node.js';
import type { OcrSummary } from './read-source.node.js';
import { textCacheDir } from './text-cache.node.js';
import { relateDocuments } from './relate-documents.js';
import { Corpus, searchText, type CorpusData } from '../core/corpus.js';
import { sentenceUnits } from './sentence-units.js';
import { HnswIndex } from '../vector-index/hnsw-index.node.js';
import { readIndexJson } from '../vector-index/read-index-json.node.js';
import { checkManifest, MANIFEST_FORMAT, type IndexManifest } from '../vector-index/manifest.js';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export interface SeedFile {
  fileName: string;
  /** Plain text of the file whatever its format (see readSource); empty when it cannot be read. */
  raw: string;
  contentHash: string;
  /** Why the file cannot be read, when it cannot. */
  unreadable?: string;
}

/** Every source file in the seeds folder (see listSourceFiles) as plain text, sorted by name. */
export async function readSeeds(seedsDir: string, options: ReadCorpusOptions = {}): Promise<SeedFile[]> {
  const { files, texts, problems } = await readCorpus(seedsDir, options);
  return files.map(({ fileName, contentHash }) => {
    const text = texts.get(fileName);
    return text ? { fileName, raw: text.text, contentHash } : { fileName, raw: '', contentHash, unreadable: problems.find((p) => p.fileName === fileName)?.reason ?? 'unreadable' };
  });
}

/** One hash over all seed files, to tell whether an index is stale. */
export function corpusHash(seeds: readonly Pick<SeedFile, 'fileName' | 'contentHash'>[]): string {
  return sha256(seeds.map((s) => `${s.fileName}\0${s.contentHash}`).join('\n'));
}

export interface EmbedderWithHash extends Embedder {
  readonly modelHash: string;
}

export interface BuildProgress {
  /** `ocr`: pages of one file read by OCR (`file` names it). */
  phase: 'parse' | 'ocr' | 'embed' | 'write';
  file?: string;
  done: number;
  total: number;
}

export interface BuildResult {
  manifest: IndexManifest;
  changes: CorpusChanges;
  embedded: number;
  reused: number;
  buildDir: string;
  /** True when the previous build's graphs were updated in place rather than built afresh. */
  incremental: boolean;
  /** Files refused (errors) or read with a caveat (warnings); the others were indexed. */
  problems: SourceProblem[];
  /** Files with pages read by OCR (this build or a cached read), with how sure the models were. */
  ocr: Array<{ fileName: string } & OcrSummary>;
}

/** How sources are read: OCR for scans (none: scans are refused), and progress. */
export interface ReadSettings {
  ocr?: PageOcr;
  onOcrPage?: (fileName: string, done: number, total: number) => void;
}

interface StoredVectors {
  /** sha256 of the embedded text -> base64 Float32 vector. */
  [textHash: string]: string;
}

const encode = (v: number[]) => Buffer.from(new Float32Array(v).buffer).toString('base64');
const decode = (s: string) => Array.from(new Float32Array(new Uint8Array(Buffer.from(s, 'base64')).buffer));

/**
 * Each file on its own: a refused file is reported, and its previously indexed version kept. Text
 * is read through the index folder's text cache, so an unchanged file is never read twice.
 */
function readSeedCorpus(seedsDir: string, indexDir: string, previous: CorpusData | undefined, settings: ReadSettings & { onFile?: (done: number, total: number) => void } = {}) {
  let current = '';
  return readCorpus(seedsDir, {
    textCacheDir: textCacheDir(indexDir),
    ...(previous ? { previous } : {}),
    ...(settings.onFile ? { onFile: settings.onFile } : {}),
    ...(settings.ocr ? { ocr: settings.ocr } : {}),
    onFileStart: (fileName) => (current = fileName),
    ...(settings.onOcrPage ? { onOcrPage: (done: number, total: number) => settings.onOcrPage?.(current, done, total) } : {}),
  });
}

/** One hash over the chunker's output: a change of cleaning or chunking changes it, whatever the version number says. */
export function chunksHash(passages: readonly Passage[]): string {
  return sha256(passages.map((p) => JSON.stringify([p.id, p.label, p.path, p.kind, p.text])).join('\n'));
}

/**
 * Why the index no longer matches what the code makes of the documents now, or undefined: the
 * documents are parsed and chunked again and compared with the chunks the index was built from,
 * so a change of cleaning or chunking is never served with old passages, even without a new
 * CHUNKER_VERSION.
 */
export async function chunkingChanged(indexDir: string, seedsDir: string, settings: ReadSettings = {}): Promise<string | undefined> {
  const dir = currentBuildDir(indexDir);
  if (!dir) return pointedBuildDir(indexDir) ? `${join(indexDir, 'CURRENT')} names an incomplete build` : `no index in ${indexDir}`;
  const manifest = readIndexJson<IndexManifest>(join(dir, 'manifest.json'));
  const previous = readIndexJson<CorpusData>(join(dir, 'corpus.json'));
  const now = await readSeedCorpus(seedsDir, indexDir, previous, settings);
  return chunksHash(now.passages) === manifest.chunksHash ? undefined : 'the documents are cleaned or chunked differently by this code';
}

/** Past this share of deleted entries a graph is built afresh rather than updated again. */
const MAX_DELETED_SHARE = 0.25;

/**
 * The previous build's graph with the changed entries removed and the new ones added, when it can be
 * read and not too much of it has changed; otherwise a graph built from all entries. An entry is
 * changed when the hash of its text differs from the previous build's (`units.json`).
 */
async function updatedOrBuilt(
  previous: { dir: string; units: Record<string, string> } | undefined,
  entries: ReadonlyArray<{ id: string; hash: string }>,
  vectorOf: (hash: string) => number[],
  dimensions: number,
): Promise<{ index: HnswIndex; updated: boolean }> {
  const index = previous ? await HnswIndex.load(previous.dir, dimensions).catch(() => undefined) : undefined;
  if (index && previous) {
    const now = new Map(entries.map((e) => [e.id, e.hash]));
    const live = index.ids();
    // The previous graph's own ids: gone now, or their text changed.
    const remove = [...live].filter((id) => now.get(id) !== previous.units[id]);
    const add = entries.filter((e) => previous.units[e.id] !== e.hash || !live.has(e.id));
    if (index.deleted + remove.length <= MAX_DELETED_SHARE * (index.size + add.length)) {
      await index.update(
        remove,
        add.map((e) => ({ id: e.id, vector: vectorOf(e.hash) })),
      );
      return { index, updated: true };
    }
  }
  return {
    index: await HnswIndex.build(
      entries.map((e) => ({ id: e.id, vector: vectorOf(e.hash) })),
      dimensions,
    ),
    updated: false,
  };
}

/** Every file a finished build holds; `CURRENT` is only switched to a folder that has them all. */
const BUILD_FILES = [
  'manifest.json',
  'corpus.json',
  'vectors.json',
  'passage-vectors.json',
  'units.json',
  ...['hnsw', 'hnsw-sentences'].flatMap((g) => [`${g}/args.json`, `${g}/hnswlib.index`, `${g}/docstore.json`]),
];

/**
 * A build folder untouched for this long may be deleted by another build's clean-up; a younger one
 * may be another process's build in progress (or just finished, about to become `CURRENT`).
 */
const BUILD_GRACE_MS = 10 * 60 * 1000;

/** Whether `dir` holds a whole build (every file of BUILD_FILES, or those of `needs`). */
export function isCompleteBuild(dir: string, needs: readonly string[] = BUILD_FILES): boolean {
  return needs.every((f) => existsSync(join(dir, f)));
}

/** The build folder `CURRENT` names, whole or not, or undefined when there is no `CURRENT`. */
function pointedBuildDir(indexDir: string): string | undefined {
  const pointer = join(indexDir, 'CURRENT');
  return existsSync(pointer) ? join(indexDir, readFileSync(pointer, 'utf8').trim()) : undefined;
}

/**
 * The build folder the index currently points at, or undefined when there is none or it lacks a
 * file: by default any of a whole build's; `needs` names the files a reader uses (the Worker build only reads two).
 */
export function currentBuildDir(indexDir: string, needs: readonly string[] = BUILD_FILES): string | undefined {
  const dir = pointedBuildDir(indexDir);
  return dir && isCompleteBuild(dir, needs) ? dir : undefined;
}

/**
 * When `CURRENT` names a build that is missing or incomplete (a build deleted under it), points
 * it at the newest whole build left and returns what was done; undefined when nothing needed
 * repair or nothing whole is left (the caller then rebuilds, or fails naming `npm run ingest`).
 */
export function repairCurrent(indexDir: string): { from: string; to: string } | undefined {
  const pointed = pointedBuildDir(indexDir);
  if (!pointed || isCompleteBuild(pointed) || !existsSync(join(indexDir, 'builds'))) return undefined;
  const newest = readdirSync(join(indexDir, 'builds'))
    .filter((name) => !name.endsWith('.partial') && isCompleteBuild(join(indexDir, 'builds', name)))
    .sort()
    .at(-1);
  if (!newest) return undefined;
  switchCurrent(indexDir, `builds/${newest}`);
  return { from: relative(indexDir, pointed), to: `builds/${newest}` };
}

/** Points `CURRENT` at `name` with one atomic rename. */
function switchCurrent(indexDir: string, name: string): void {
  const pointerTmp = join(indexDir, `CURRENT.${process.pid}.tmp`);
  writeFileSync(pointerTmp, `${name}\n`);
  renameSync(pointerTmp, join(indexDir, 'CURRENT'));
}

/**
 * Parses the seeds, embeds the passages whose text is new (vectors of unchanged text are
 * reused), and writes a complete build folder before switching `index/CURRENT` to it with an
 * atomic rename. A failed or interrupted build leaves the previous index in use.
 */
export async function buildIndex(options: {
  seedsDir: string;
  indexDir: string;
  embedder: EmbedderWithHash;
  ocr?: PageOcr;
  onProgress?: (p: BuildProgress) => void;
  now?: () => Date;
}): Promise<BuildResult> {
  const { seedsDir, indexDir, embedder, onProgress } = options;
  const previousDir = currentBuildDir(indexDir);
  const previous = previousDir ? (JSON.parse(readFileSync(join(previousDir, 'corpus.json'), 'utf8')) as CorpusData) : undefined;
  const seeds = await readSeedCorpus(seedsDir, indexDir, previous, {
    ...(options.ocr ? { ocr: options.ocr } : {}),
    onFile: (done, total) => onProgress?.({ phase: 'parse', done, total }),
    onOcrPage: (file, done, total) => onProgress?.({ phase: 'ocr', file, done, total }),
  });
  const { documents, passages, problems } = seeds;
  if (documents.length === 0) throw new NoDocumentsError(seedsDir, problems);
  const ids = new Set<string>();
  for (const p of passages) {
    if (ids.has(p.id)) throw new IngestError(`duplicate passage id ${p.id}: two points of one document carry the same number; check its numbering`);
    ids.add(p.id);
  }
  const next: CorpusData = { documents: relateDocuments(documents), passages };
  const corpus = new Corpus(next);

  // An unreadable previous build (truncated files) is rebuilt from scratch rather than reused.
  const previousManifest = previousDir ? orUndefined(() => readIndexJson<IndexManifest>(join(previousDir, 'manifest.json'))) : undefined;
  const cache: StoredVectors =
    previousDir && previousManifest?.model.sha256 === embedder.modelHash && previousManifest.model.id === embedder.modelId
      ? (orUndefined(() => readIndexJson<StoredVectors>(join(previousDir, 'vectors.json'))) ?? {})
      : {};

  // Whole points and their sentences share one vector cache: small pieces to match, the point to cite.
  const sentences = passages.flatMap(sentenceUnits);
  const texts = [...passages.map((p) => searchText(p, corpus.document(p.docId))), ...sentences.map((s) => s.text)];
  const hashes = texts.map((t) => sha256(t));
  const missing = [...new Set(hashes.filter((h) => !cache[h]))];
  const byHash = new Map(hashes.map((h, i) => [h, texts[i]!]));
  const vectors: StoredVectors = {};
  for (const h of hashes) if (cache[h]) vectors[h] = cache[h];
  const batch = 16;
  for (let i = 0; i < missing.length; i += batch) {
    const slice = missing.slice(i, i + batch);
    const embedded = await embedder.embedDocuments(slice.map((h) => byHash.get(h)!));
    slice.forEach((h, j) => (vectors[h] = encode(embedded[j]!)));
    onProgress?.({ phase: 'embed', done: Math.min(i + batch, missing.length), total: missing.length });
  }

  onProgress?.({ phase: 'write', done: 0, total: 1 });
  const builtAt = (options.now ?? (() => new Date()))().toISOString();
  const manifest: IndexManifest = {
    format: MANIFEST_FORMAT,
    model: { id: embedder.modelId, sha256: embedder.modelHash },
    dimensions: embedder.dimensions,
    space: 'cosine',
    chunkerVersion: CHUNKER_VERSION,
    corpusHash: corpusHash(seeds.files),
    passageCount: passages.length,
    sentenceCount: sentences.length,
    chunksHash: chunksHash(passages),
    textsHash: sha256(hashes.join('\n')),
    builtAt,
    documents: documents.map((d) => ({ id: d.id, sourceFile: d.sourceFile, contentHash: d.contentHash })),
  };
  let incremental = false;
  mkdirSync(join(indexDir, 'builds'), { recursive: true });
  const name = `builds/${builtAt.replace(/[:.]/g, '-')}-${process.pid}`;
  const buildDir = join(indexDir, name);
  const staging = `${buildDir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const units = [...passages.map((p) => p.id), ...sentences.map((u) => u.id)].map((id, i) => ({ id, hash: hashes[i]! }));
    // The previous build's graphs are updated in place when only part of the corpus changed.
    const previousUnits = Object.keys(cache).length > 0 && previousDir ? orUndefined(() => readIndexJson<Record<string, string>>(join(previousDir, 'units.json'))) : undefined;
    const graph = (name: string, entries: Array<{ id: string; hash: string }>) =>
      updatedOrBuilt(previousDir && previousUnits ? { dir: join(previousDir, name), units: previousUnits } : undefined, entries, (h) => decode(vectors[h]!), embedder.dimensions);
    const points = await graph('hnsw', units.slice(0, passages.length));
    await points.index.save(join(staging, 'hnsw'));
    const sentenceGraph = await graph('hnsw-sentences', units.slice(passages.length));
    await sentenceGraph.index.save(join(staging, 'hnsw-sentences'));
    writeFileSync(join(staging, 'units.json'), JSON.stringify(Object.fromEntries(units.map((u) => [u.id, u.hash]))));
    incremental = points.updated && sentenceGraph.updated;
    writeFileSync(join(staging, 'corpus.json'), JSON.stringify(next));
    writeFileSync(join(staging, 'vectors.json'), JSON.stringify(vectors));
    writeFileSync(join(staging, 'passage-vectors.json'), JSON.stringify(Object.fromEntries(passages.map((p, i) => [p.id, hashes[i]]))));
    writeFileSync(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
    renameSync(staging, buildDir);
    if (!isCompleteBuild(buildDir)) throw new IngestError(`${buildDir} is incomplete after writing it (was it deleted by another process?); run \`npm run ingest\` again.`);
    switchCurrent(indexDir, name);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  // The previous build stays until the next one: a process that loaded it just before the switch
  // (a server starting, a test beside an ingest) still finds its files. Older builds go, but never
  // the one `CURRENT` names now, nor a folder touched in the last BUILD_GRACE_MS: that may be
  // another process's build in progress on the same INDEX_DIR (two replicas starting at once).
  const current = pointedBuildDir(indexDir);
  const keep = new Set([name, ...[previousDir, current].flatMap((d) => (d ? [relative(indexDir, d)] : []))]);
  const now = (options.now ?? (() => new Date()))().getTime();
  for (const old of readdirSync(join(indexDir, 'builds'))) {
    const path = join(indexDir, 'builds', old);
    if (keep.has(`builds/${old}`) || now - modifiedAt(path) < BUILD_GRACE_MS) continue;
    rmSync(path, { recursive: true, force: true });
  }
  const ocr = [...seeds.texts].flatMap(([fileName, text]) => (text.ocr ? [{ fileName, ...text.ocr }] : []));
  return { manifest, changes: diffCorpus(previous, next), embedded: missing.length, reused: new Set(hashes).size - missing.length, buildDir, problems, incremental, ocr };
}

export interface LoadedIndex {
  manifest: IndexManifest;
  corpus: Corpus;
  vectors: HnswIndex;
  /** One vector per sentence of each passage (ids `passageId@n`, see sentenceUnits). */
  sentenceVectors: HnswIndex;
  /** Passage id -> stored vector, for portable exports (Worker build). */
  passageVector(id: string): number[] | undefined;
}

/** Loads the current build and checks its manifest against the model and chunker in use. */
export async function loadIndex(indexDir: string, expected: { modelId: string; modelSha256?: string; dimensions: number }): Promise<LoadedIndex> {
  const dir = currentBuildDir(indexDir);
  if (!dir) {
    const pointed = pointedBuildDir(indexDir);
    const missing = pointed ? BUILD_FILES.filter((f) => !existsSync(join(pointed, f))) : [];
    throw new IndexMismatchError(
      pointed ? `${join(indexDir, 'CURRENT')} names ${pointed}, which lacks ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ' …' : ''}.` : `There is no built index in ${indexDir}.`,
    );
  }
  const manifest = checkManifest(readIndexJson(join(dir, 'manifest.json')), { ...expected, chunkerVersion: CHUNKER_VERSION });
  const corpus = new Corpus(readIndexJson<CorpusData>(join(dir, 'corpus.json')));
  // Read now, not on first use, so a truncated file is found at start.
  const stored = { vectors: readIndexJson<StoredVectors>(join(dir, 'vectors.json')), map: readIndexJson<Record<string, string>>(join(dir, 'passage-vectors.json')) };
  const unstored = Object.values(stored.map).filter((h) => !stored.vectors[h]).length;
  if (unstored > 0) throw new IndexMismatchError(`${join(dir, 'vectors.json')} lacks the vectors of ${unstored} passages.`);
  const vectors = await HnswIndex.load(join(dir, 'hnsw'), manifest.dimensions);
  if (vectors.size !== manifest.passageCount) throw new IndexMismatchError(`The HNSW index holds ${vectors.size} vectors; the manifest says ${manifest.passageCount}.`);
  const sentenceVectors = await HnswIndex.load(join(dir, 'hnsw-sentences'), manifest.dimensions);
  if (sentenceVectors.size !== manifest.sentenceCount) {
    throw new IndexMismatchError(`The sentence index holds ${sentenceVectors.size} vectors; the manifest says ${manifest.sentenceCount}.`);
  }
  return {
    manifest,
    corpus,
    vectors,
    sentenceVectors,
    passageVector(id) {
      const h = stored.map[id];
      return h && stored.vectors[h] ? decode(stored.vectors[h]) : undefined;
    },
  };
}

/** Why the index must be rebuilt before use, or undefined when it is current. */
export function staleReason(indexDir: string, seedsDir: string, expected: { modelId: string; modelSha256: string }): string | undefined {
  const dir = currentBuildDir(indexDir);
  if (!dir) return pointedBuildDir(indexDir) ? `${join(indexDir, 'CURRENT')} names an incomplete build` : `no index in ${indexDir}`;
  let manifest: IndexManifest;
  try {
    manifest = readIndexJson<IndexManifest>(join(dir, 'manifest.json'));
  } catch (error) {
    return (error as Error).message.replace(/ Run `.*$/, '');
  }
  if (manifest.format !== MANIFEST_FORMAT) return `index format ${manifest.format} -> ${MANIFEST_FORMAT}`;
  if (manifest.chunkerVersion !== CHUNKER_VERSION) return `chunker version ${manifest.chunkerVersion} -> ${CHUNKER_VERSION}`;
  if (manifest.model.id !== expected.modelId || manifest.model.sha256 !== expected.modelSha256) return 'the embedding model changed';
  if (manifest.corpusHash !== corpusHash(listSourceFiles(seedsDir).files)) return `the documents in ${seedsDir} changed`;
  return undefined;
}

/** Last modification of a folder (ms), or 0 when it is already gone. */
function modifiedAt(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function orUndefined<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
