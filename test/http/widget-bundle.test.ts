import { describe, expect, it } from 'vitest';
import { buildWidget } from '../../src/http/widget/build-widget.node.js';
import { WIDGET_ETAG, WIDGET_JS } from '../../src/http/widget/widget-bundle.generated.js';
import { harness } from './support/app-harness.js';

describe('the widget bundle', () => {
  it('widget-bundle.generated.ts is built from the current source (else run `npm run build:widget`)', async () => {
    const fresh = await buildWidget();
    expect(WIDGET_JS === fresh.code, 'src/http/widget/widget-bundle.generated.ts is stale: run `npm run build:widget`').toBe(true);
    expect(WIDGET_ETAG).toBe(fresh.etag);
    console.log(`widget.js: ${fresh.code.length} bytes, ${fresh.gzipBytes} bytes gzipped`);
    expect(fresh.gzipBytes).toBeLessThanOrEqual(30 * 1024);
  });

  it('never uses innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    expect(WIDGET_JS).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('is served at /widget.js as JavaScript, and revalidates by ETag', async () => {
    const { app } = await harness();
    const res = await app.request('/widget.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(await res.text()).toBe(WIDGET_JS);
    const again = await app.request('/widget.js', { headers: { 'If-None-Match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('the demo page embeds it with one script tag', async () => {
    const { app } = await harness();
    const page = await (await app.request('http://policydesk.test/')).text();
    expect(page.match(/<script\b/g)).toHaveLength(1);
    expect(page).toContain('<script src="/widget.js" data-title="政策问答" defer></script>');
    expect(page).toContain('&lt;script src=&quot;http://policydesk.test/widget.js&quot; data-endpoint=&quot;http://policydesk.test&quot;');
  });
});
