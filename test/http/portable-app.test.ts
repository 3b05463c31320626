import { describe, expect, it } from 'vitest';

describe('createApp is portable (the Worker reuses it)', () => {
  it('bundles for a browser-like platform with no Node built-ins', async () => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [new URL('../../src/http/create-app.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    const inputs = Object.keys(result.metafile!.inputs);
    expect(inputs.filter((p) => p.startsWith('node:') || p.endsWith('.node.ts'))).toEqual([]);
    expect(inputs).toContain('src/http/create-app.ts');
  });
});
