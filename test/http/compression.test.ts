import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pickEncoding } from '../../src/http/routes/pick-encoding.js';
import { WIDGET_ETAG, WIDGET_JS } from '../../src/http/widget/widget-bundle.generated.js';
import { harness } from './support/app-harness.js';

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('compressed responses, by Accept-Encoding', () => {
  it('/widget.js: brotli when accepted, else gzip, else plain; each decodes to the bundle and has its own ETag', async () => {
    const { app } = await harness();
    const br = await app.request('/widget.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
    const gz = await app.request('/widget.js', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    const plain = await app.request('/widget.js');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(plain.headers.get('content-encoding')).toBeNull();
    for (const res of [br, gz, plain]) expect(res.headers.get('vary')).toBe('Accept-Encoding');
    const brBytes = await bytes(br);
    const gzBytes = await bytes(gz);
    expect(brotliDecompressSync(brBytes).toString('utf8')).toBe(WIDGET_JS);
    expect(gunzipSync(gzBytes).toString('utf8')).toBe(WIDGET_JS);
    expect(await plain.text()).toBe(WIDGET_JS);
    console.log(`widget.js over the wire: ${brBytes.length} B brotli, ${gzBytes.length} B gzip, ${Buffer.byteLength(WIDGET_JS)} B plain`);
    expect(brBytes.length).toBeLessThan(gzBytes.length);
    expect(gzBytes.length).toBeLessThan(Buffer.byteLength(WIDGET_JS) / 2);

    const etags = [br, gz, plain].map((r) => r.headers.get('etag'));
    expect(new Set(etags).size).toBe(3);
    expect(etags[2]).toBe(WIDGET_ETAG);
    const again = await app.request('/widget.js', { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etags[0]! } });
    expect(again.status).toBe(304);
    // A gzip validator does not revalidate the brotli body.
    const other = await app.request('/widget.js', { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etags[1]! } });
    expect(other.status).toBe(200);
  });

  it('the demo page and the passage page are gzip-compressed when accepted', async () => {
    const { app } = await harness();
    for (const [path, accept] of [
      ['/', 'text/html'],
      ['/api/passages/2023-shanghai-health-work-priorities%232.8', 'text/html'],
      ['/api/passages/2023-shanghai-health-work-priorities%232.8', 'application/json'],
    ] as const) {
      const res = await app.request(path, { headers: { Accept: accept, 'Accept-Encoding': 'gzip, br' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding'), path).toBe('gzip');
      expect(gunzipSync(await bytes(res)).toString('utf8')).toMatch(/政策问答|30-50万人口/);
      expect(res.headers.get('vary')).toContain('Accept-Encoding');
    }
    const plain = await app.request('/', { headers: { Accept: 'text/html' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toContain('政策问答');
  });

  it('a server-sent event stream is never compressed (it must reach the page as it is written)', async () => {
    const { app } = await harness();
    const res = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Encoding': 'gzip, br' },
      body: JSON.stringify({ question: '区域性医疗中心按多少人口配置一家？' }),
    });
    expect(res.headers.get('content-encoding')).toBeNull();
    await res.text();
  });
});

describe('pickEncoding', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['BR;Q=0.5', 'br'],
    ['identity', undefined],
    ['*', 'br'],
    ['*;q=0', undefined],
    ['gzip;q=0, *', 'br'],
  ])('%j -> %j', (header, expected) => {
    expect(pickEncoding(header, ['br', 'gzip'])).toBe(expected);
  });
});
