import { chmodSync, createReadStream, createWriteStream, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Unpacked once per package version; `node_modules/` is git-ignored and a fresh install starts clean. */
export const BROWSER_CACHE = join(ROOT, 'node_modules/.cache/policydesk-browser');
const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];
const require = createRequire(import.meta.url);

export interface ChromiumRuntime {
  executablePath: string;
  /** Added to the browser's environment: the generated fontconfig file, and the npm build's own libraries. */
  env: Record<string, string>;
  source: 'CHROMIUM_PATH' | 'system' | 'npm';
}

/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH`, else a system Chromium, else the
 * headless build that `@sparticuz/chromium` ships brotli-compressed inside its npm package
 * (unpacked here once, with its NSS libraries, so no apt step is needed). Either way the
 * browser gets a fontconfig file that adds Source Han Sans SC from npm, so Chinese text is
 * drawn in a Simplified Chinese font even on a machine with no CJK font installed.
 */
export async function findChromium(): Promise<ChromiumRuntime> {
  const fonts = writeFontConfig();
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return { executablePath: fromEnv, env: { FONTCONFIG_FILE: fonts }, source: 'CHROMIUM_PATH' };
  const system = SYSTEM_CHROMIUMS.find((p) => existsSync(p));
  if (system) return { executablePath: system, env: { FONTCONFIG_FILE: fonts }, source: 'system' };
  const { executablePath, libDir } = await unpackNpmChromium();
  const ldPath = [libDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return { executablePath, env: { FONTCONFIG_FILE: fonts, LD_LIBRARY_PATH: ldPath }, source: 'npm' };
}

async function unpackNpmChromium(): Promise<{ executablePath: string; libDir: string }> {
  // Its `exports` hide package.json and bin/, so find the folder from the project root.
  const pkgJson = join(ROOT, 'node_modules/@sparticuz/chromium/package.json');
  if (!existsSync(pkgJson)) throw new Error(`No system Chromium and no ${pkgJson}: run npm install, or set CHROMIUM_PATH.`);
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string };
  const bin = join(dirname(pkgJson), 'bin');
  const dir = join(BROWSER_CACHE, `sparticuz-chromium-${version}`);
  const executablePath = join(dir, 'chromium');
  const libDir = join(dir, 'lib');
  if (!existsSync(executablePath)) {
    mkdirSync(dir, { recursive: true });
    // The Amazon Linux build links NSS/NSPR/expat; the package carries them as al2023.tar.br.
    if (!existsSync(libDir)) {
      const staging = `${libDir}.${process.pid}`;
      extractTar(brotliDecompressSync(readFileSync(join(bin, 'al2023.tar.br'))), staging);
      renameSync(join(staging, 'lib'), libDir);
      rmSync(staging, { recursive: true, force: true });
    }
    // Written beside and renamed, so a run stopped half-way never leaves a truncated binary.
    const partial = `${executablePath}.${process.pid}`;
    await pipeline(createReadStream(join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(partial));
    chmodSync(partial, 0o755);
    renameSync(partial, executablePath);
  }
  return { executablePath, libDir };
}

/** Writes the regular files and folders of a ustar archive (all the package's archives hold). */
function extractTar(archive: Buffer, into: string): void {
  for (let at = 0; at + 512 <= archive.length; ) {
    const header = archive.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, length: number) =>
      header
        .subarray(from, from + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const name = [field(345, 155), field(0, 100)].filter(Boolean).join('/');
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const target = join(into, name);
    if (!target.startsWith(into)) throw new Error(`tar entry outside the target folder: ${name}`);
    if (type === '5') mkdirSync(target, { recursive: true });
    else if (type === '0') {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, archive.subarray(at + 512, at + 512 + size), { mode: Number.parseInt(field(100, 8).trim() || '644', 8) });
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

/** A fontconfig file: the system's fonts when there is a configuration, plus Source Han Sans SC from npm. */
function writeFontConfig(): string {
  const pkg = dirname(require.resolve('node-source-han-sans-sc/package.json'));
  const fontDir = join(BROWSER_CACHE, 'fonts');
  mkdirSync(fontDir, { recursive: true });
  // Only the two weights the widget uses, so fontconfig does not scan 200 MB of fonts.
  for (const file of ['SourceHanSansSC-Regular.otf', 'SourceHanSansSC-Bold.otf']) {
    const link = join(fontDir, file);
    // A link left by a checkout in another folder points nowhere: replace it.
    if (lstatOrUndefined(link) && readlinkSync(link) !== join(pkg, file)) rmSync(link, { force: true });
    try {
      symlinkSync(join(pkg, file), link);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const conf = join(BROWSER_CACHE, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${xml(fontDir)}</dir>
  <cachedir>${xml(join(BROWSER_CACHE, 'fontconfig-cache'))}</cachedir>
</fontconfig>
`,
  );
  return conf;
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
