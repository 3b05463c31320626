import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_QUESTION } from '../http/support/app-harness.js';
import { startSeedServer, type SeedServer } from '../http/support/start-seed-server.js';
import { openDemoAt, screenshot, useChromium, watchPage } from './support/browser.js';
import { startHostPageServer, type HostPageServer } from './support/host-page-server.js';

let server: SeedServer;
let host: HostPageServer;
const chromium = useChromium();

beforeAll(async () => {
  host = await startHostPageServer();
  server = await startSeedServer({ env: { ALLOWED_ORIGINS: `http://127.0.0.1:${host.port}` } });
  host.embed(`${server.url}/widget.js`, server.url);
});

afterAll(async () => {
  await server?.close();
  await host?.close();
});

const openDemo = async (viewport?: { width: number; height: number }): Promise<Page> => openDemoAt(await chromium.newPage(viewport), server.url, { open: true });

async function ask(page: Page, question: string): Promise<void> {
  const input = page.getByLabel('输入您的问题');
  await input.fill(question);
  await input.press('Enter');
}

const widget = (page: Page) => page.locator('policydesk-widget');
const countInShadow = (page: Page, selector: string) => page.evaluate((s) => document.querySelector('policydesk-widget')!.shadowRoot!.querySelectorAll(s).length, selector);
const sse = (events: Array<[string, unknown]>) => events.map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join('');

describe('the widget shows server and user text as text, never as HTML', () => {
  const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

  it('a question with markup shows literally and nothing runs', async () => {
    const page = await openDemo();
    const seen = watchPage(page);
    await ask(page, `${PAYLOAD}区域性医疗中心按多少人口配置一家？`);
    await widget(page).locator('.feedback').first().waitFor();
    expect(await widget(page).locator('.msg.user .text').textContent()).toBe(`${PAYLOAD}区域性医疗中心按多少人口配置一家？`);
    expect(await countInShadow(page, 'img, script')).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(seen.dialogs).toEqual([]);
    await screenshot(page, 'xss-question');
  });

  it('an answer and a passage containing markup (from a compromised service) show literally', async () => {
    const page = await openDemo();
    const citation = { id: 'doc#1.1', title: `标题${PAYLOAD}`, docNumber: '沪卫〔2023〕1号', label: '第一部分第1条', date: '2023-01-01', text: PAYLOAD, quote: `引文${PAYLOAD}` };
    const answer = { answerId: 'a1', question: 'q', answer: `回答${PAYLOAD}[1]。`, abstained: false, citations: [citation] };
    await page.route(`${server.url}/api/chat`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/event-stream',
        body: sse([
          ['delta', { text: `回答${PAYLOAD}` }],
          ['citations', { citations: [citation] }],
          ['done', answer],
        ]),
      }),
    );
    await ask(page, '任意问题');
    await page
      .getByRole('button', { name: /^出处 \[1\] / })
      .first()
      .click();
    expect(await widget(page).locator('.answer-text').textContent()).toBe(`回答${PAYLOAD}[1]。`);
    expect(await widget(page).locator('.quote').textContent()).toBe(`引文${PAYLOAD}`);
    expect(await widget(page).locator('.meta').textContent()).toContain(`《标题${PAYLOAD}》`);
    expect(await countInShadow(page, 'img, script')).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await screenshot(page, 'xss-passage');
  });
});

describe('errors show a retry message, never a blank panel', () => {
  it.each([
    [
      '429 with Retry-After',
      { status: 429, headers: { 'Retry-After': '7' }, contentType: 'application/json', body: '{"error":{"code":"rate_limited","message":"Too many"}}' },
      '提问太频繁了，请在 7 秒后重试。',
    ],
    ['a 503', { status: 503, contentType: 'application/json', body: '{"error":{"code":"not_ready","message":"starting"}}' }, '服务暂时出错了，请稍后重试。'],
    ['a 502 from a proxy, as HTML', { status: 502, contentType: 'text/html', body: '<h1>Bad Gateway</h1>' }, '服务暂时出错了，请稍后重试。'],
    ['a stream cut before its end', { status: 200, contentType: 'text/event-stream', body: sse([['delta', { text: '根据' }]]) }, '回答中断了，请重试。'],
  ])('%s, and Retry then answers', async (name, reply, message) => {
    const page = await openDemo();
    await page.route(`${server.url}/api/chat`, (route) => route.fulfill(reply));
    await ask(page, CORPUS_QUESTION);
    const alert = widget(page).getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(message);
    await screenshot(page, `error-${name.replace(/\W+/g, '-')}`);
    await page.unroute(`${server.url}/api/chat`);
    await alert.getByRole('button', { name: '重试' }).click();
    await widget(page).locator('.answer-text .chip').first().waitFor();
    expect(await widget(page).locator('.answer-text').last().textContent()).toContain('30-50万人口');
    expect(await widget(page).getByRole('alert').count()).toBe(0);
  });

  it('the network down', async () => {
    const page = await openDemo();
    await page.route(`${server.url}/api/chat`, (route) => route.abort('internetdisconnected'));
    await ask(page, CORPUS_QUESTION);
    const alert = widget(page).getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('无法连接到问答服务，请检查网络后重试。');
    expect(await alert.getByRole('button', { name: '重试' }).isVisible()).toBe(true);
  });
});

describe('isolation from the host page, and CORS', () => {
  it('on a third-party origin listed in ALLOWED_ORIGINS, the page CSS does not reach in and the widget CSS does not leak out', async () => {
    const page = await chromium.newPage();
    await page.goto(`http://127.0.0.1:${host.port}/`);
    const launcher = page.getByRole('button', { name: '打开政策问答' });
    await launcher.click();
    const style = await launcher.evaluate((el) => {
      const s = getComputedStyle(el);
      return { display: s.display, fontSize: s.fontSize, color: s.color, background: s.backgroundColor };
    });
    expect(style).toEqual({ display: 'block', fontSize: '22px', color: 'rgb(255, 255, 255)', background: 'rgb(31, 111, 235)' });
    expect(await page.getByRole('dialog', { name: '政策问答' }).isVisible()).toBe(true);
    const logs: string[] = [];
    page.on('console', (m) => logs.push(m.text()));
    await ask(page, CORPUS_QUESTION);
    await widget(page).locator('.answer-text .chip, [role=alert]').first().waitFor();
    expect(await widget(page).getByRole('alert').count(), logs.join('\n')).toBe(0);
    expect(await widget(page).locator('.answer-text').textContent()).toContain('30-50万人口');
    const hostMsg = await page.locator('#host-msg').evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, radius: getComputedStyle(el).borderRadius }));
    expect(hostMsg).toEqual({ background: 'rgb(0, 255, 0)', radius: '0px' });
    const hostChip = await page.locator('#host-chip').evaluate((el) => getComputedStyle(el).borderRadius);
    expect(hostChip).toBe('0px');
    await screenshot(page, 'hostile-host-page');
  });

  it('on an origin not in ALLOWED_ORIGINS, the widget says the page is not allowed (no futile 重试) and the server logs the origin to add', async () => {
    const page = await chromium.newPage();
    const console: string[] = [];
    page.on('console', (m) => console.push(m.text()));
    const origin = `http://localhost:${host.port}`;
    await page.goto(`${origin}/`);
    await page.getByRole('button', { name: '打开政策问答' }).click();
    await ask(page, CORPUS_QUESTION);
    const alert = widget(page).getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`问答服务不允许本网页（${origin}）使用它`);
    expect(await alert.textContent()).toContain('ALLOWED_ORIGINS');
    expect(await alert.getByRole('button', { name: '重试' }).count()).toBe(0);
    expect(console.join('\n')).toMatch(/CORS/);
    expect(server.logs).toContainEqual(expect.objectContaining({ msg: 'cors refused', origin, method: 'OPTIONS', path: '/api/chat' }));
    await screenshot(page, 'cors-refused');
  });

  it('with the service down, a cross-origin page still says so as a network problem, with 重试', async () => {
    const page = await chromium.newPage();
    await page.goto(`http://127.0.0.1:${host.port}/`);
    await page.getByRole('button', { name: '打开政策问答' }).click();
    await page.route(`${server.url}/**`, (route) => route.abort('connectionrefused'));
    await ask(page, CORPUS_QUESTION);
    const alert = widget(page).getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('无法连接到问答服务，请检查网络后重试。');
    expect(await alert.getByRole('button', { name: '重试' }).isVisible()).toBe(true);
  });
});

describe('360 px wide', () => {
  it('the panel, the answer and the citation fit the screen with no sideways scrolling', async () => {
    const page = await openDemo({ width: 360, height: 640 });
    await ask(page, CORPUS_QUESTION);
    await widget(page).locator('.answer-text .chip').first().click();
    await widget(page).locator('.detail').first().waitFor();
    const box = (await page.getByRole('dialog', { name: '政策问答' }).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(box.y + box.height).toBeLessThanOrEqual(640);
    expect(box.width).toBeGreaterThanOrEqual(320);
    for (const name of ['发送问题', '关闭']) {
      const b = (await page.getByRole('button', { name }).boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(360);
    }
    const overflow = await page.evaluate(() => {
      const root = document.querySelector('policydesk-widget')!.shadowRoot!;
      const log = root.querySelector('.log')!;
      return { page: document.documentElement.scrollWidth, log: log.scrollWidth - log.clientWidth };
    });
    expect(overflow).toEqual({ page: 360, log: 0 });
    await screenshot(page, 'mobile-360');
  });
});
