import { brotliCompressSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDGET_JS } from '../../src/http/widget/widget-bundle.generated.js';
import { CORPUS_QUESTION } from '../http/support/app-harness.js';
import { startSeedServer, type SeedServer } from '../http/support/start-seed-server.js';
import { screenshot, useChromium } from './support/browser.js';
import { startHostPageServer, type HostPageServer } from './support/host-page-server.js';

const KEY = 'widget-key-0123456789';
const CITED = '2023-shanghai-health-work-priorities#2.8';
let server: SeedServer;
let keyed: SeedServer;
let host: HostPageServer;
const chromium = useChromium();

beforeAll(async () => {
  host = await startHostPageServer();
  server = await startSeedServer();
  keyed = await startSeedServer({ env: { API_KEYS: KEY, ALLOWED_ORIGINS: `http://127.0.0.1:${host.port}` } });
  host.embed(`${keyed.url}/widget.js`, keyed.url, { 'data-api-key': KEY });
});

afterAll(async () => {
  await server?.close();
  await keyed?.close();
  await host?.close();
});

const newPage = (viewport?: { width: number; height: number }) => chromium.newPage(viewport);
const widget = (page: Page) => page.locator('policydesk-widget');
async function askAndWait(page: Page, question: string): Promise<void> {
  const input = page.getByLabel('输入您的问题');
  await input.fill(question);
  await input.press('Enter');
  await widget(page).locator('.msg.bot:not([aria-busy]) .feedback').last().waitFor();
}

describe('the passage in context', () => {
  it('with API_KEYS, 在原文中查看上下文 shows the point and its neighbours in the widget, fetched with the key', async () => {
    const page = await newPage();
    const popups: string[] = [];
    page.context().on('page', (p) => popups.push(p.url()));
    await page.goto(`http://127.0.0.1:${host.port}/`);
    await page.getByRole('button', { name: '打开政策问答' }).click();
    await askAndWait(page, CORPUS_QUESTION);
    await widget(page).locator('.sources .chip').first().click();
    const passage = page.waitForResponse((r) => r.url().includes('/api/passages/'));
    await widget(page).getByRole('button', { name: '在原文中查看上下文' }).click();
    expect((await passage).status()).toBe(200);
    const cited = widget(page).locator('.context-point.cited');
    await cited.waitFor();
    expect(await cited.locator('h4').textContent()).toBe('第二部分第8条（引用的条目）');
    expect(await cited.locator('mark').textContent()).toContain('30-50万人口');
    expect(await widget(page).locator('.context-point').count()).toBeGreaterThan(1);
    expect(popups).toEqual([]);
    await screenshot(page, 'passage-in-widget-with-key');
  });

  it('the passage page lands on the cited point, says it is the cited one, and marks the quoted sentence', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 360, height: 640 },
    ]) {
      const page = await newPage(viewport);
      await page.goto(`${server.url}/`);
      await page.getByRole('button', { name: '打开政策问答' }).click();
      await askAndWait(page, CORPUS_QUESTION);
      await widget(page).locator('.sources .chip').first().click();
      const [popup] = await Promise.all([page.context().waitForEvent('page'), widget(page).getByRole('link', { name: '在原文中查看上下文' }).click()]);
      await popup.waitForLoadState();
      const cited = popup.locator('section.cited');
      expect(await cited.getAttribute('id')).toBe(CITED);
      expect(await popup.evaluate(() => decodeURIComponent(location.hash.slice(1)))).toBe(CITED);
      expect(await cited.locator('.cited-label').textContent()).toBe('引用的条目');
      expect(await cited.locator('mark').textContent()).toContain('实现每30-50万人口配置一家区域性医疗中心');
      // Points come before the cited one, so landing on it takes the fragment.
      expect(
        await popup
          .locator('section.near')
          .first()
          .evaluate((el, id) => el.compareDocumentPosition(document.getElementById(id)!) & Node.DOCUMENT_POSITION_FOLLOWING, CITED),
      ).toBeTruthy();
      // Landed: the point is at the top of the view, or the page is scrolled as far as it goes toward it.
      const view = await cited.evaluate((el) => ({ top: el.getBoundingClientRect().top, atEnd: scrollY + innerHeight >= document.documentElement.scrollHeight - 1, scrolled: scrollY }));
      expect(view.top).toBeGreaterThanOrEqual(0);
      expect(view.top < 40 || (view.atEnd && view.scrolled > 0), JSON.stringify(view)).toBe(true);
      await screenshot(popup, `passage-page-${viewport.width}`);
      await page.context().close();
    }
  });
});

describe('what the host page decides', () => {
  it('hides the widget with the hidden attribute, never prints it, and stacks it under its own modal', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    const launcher = page.getByRole('button', { name: '打开政策问答' });
    await launcher.waitFor();
    await page.evaluate(() => ((document.querySelector('policydesk-widget') as HTMLElement).hidden = true));
    expect(await launcher.isVisible()).toBe(false);
    await page.evaluate(() => ((document.querySelector('policydesk-widget') as HTMLElement).hidden = false));
    expect(await launcher.isVisible()).toBe(true);

    await page.emulateMedia({ media: 'print' });
    expect(await launcher.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // A typical modal (z-index 1050) covers the widget; a host may lower or raise it with --policydesk-z-index.
    await page.evaluate(() => {
      const modal = document.createElement('div');
      modal.id = 'modal';
      modal.style.cssText = 'position:fixed;inset:0;z-index:1050;background:rgba(0,0,0,.4)';
      document.body.append(modal);
    });
    const box = (await launcher.boundingBox())!;
    const hit = (x: number, y: number) => page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.id || document.elementFromPoint(px!, py!)?.tagName, [x, y]);
    expect(await hit(box.x + box.width / 2, box.y + box.height / 2)).toBe('modal');
    await page.evaluate(() => (document.querySelector('policydesk-widget') as HTMLElement).style.setProperty('--policydesk-z-index', '2000'));
    expect(await hit(box.x + box.width / 2, box.y + box.height / 2)).toBe('POLICYDESK-WIDGET');
  });

  it('the demo page sample questions ask when clicked', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: '重症床位要占到总床位的多少？' }).click();
    await widget(page).locator('.msg.bot:not([aria-busy]) .feedback').first().waitFor();
    expect(await widget(page).locator('.msg.user .text').textContent()).toBe('重症床位要占到总床位的多少？');
    expect(await page.getByRole('dialog', { name: '政策问答' }).isVisible()).toBe(true);
  });

  it('a question over 2,000 characters is not cut silently: the widget says so and sends nothing', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: '打开政策问答' }).click();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const long = `${'区域性医疗中心'.repeat(300)}？`;
    const input = page.getByLabel('输入您的问题');
    await input.fill(long);
    expect(await input.inputValue()).toBe(long);
    expect(await widget(page).locator('#pd-hint').textContent()).toContain(`问题有 ${[...long].length} 字，超过了 2000 字的上限`);
    await input.press('Enter');
    expect(requests.filter((u) => u.endsWith('/api/chat'))).toEqual([]);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
  });

  it('/widget.js reaches the browser compressed: what it downloads is the brotli size', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: '打开政策问答' }).waitFor();
    const entry = await page.evaluate(() => {
      const e = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/widget.js')) as PerformanceResourceTiming;
      return { encoded: e.encodedBodySize, decoded: e.decodedBodySize };
    });
    console.log(`widget.js in the browser: ${entry.encoded} B downloaded, ${entry.decoded} B decoded`);
    expect(entry.decoded).toBe(Buffer.byteLength(WIDGET_JS));
    expect(entry.encoded).toBe(brotliCompressSync(WIDGET_JS).length);
  });
});

describe('screenshots for review (test-output/widget/)', () => {
  it('an answer with two citations, at 1280 and 360 px', async () => {
    // The extractive composer over fake embeddings cites one point per answer; two real passages
    // are put in one answer here to see how two citations read.
    const passages = await Promise.all([CITED, '2023-shanghai-medical-administration-priorities#1.5'].map(async (id) => (await fetch(`${server.url}/api/passages/${encodeURIComponent(id)}`)).json()));
    const citations = passages.map(({ passage, document }) => ({
      id: passage.id,
      title: document.title,
      docNumber: document.docNumber,
      label: passage.label,
      date: document.date,
      text: passage.text,
      quote: passage.text.slice(0, 60),
    }));
    const answer = {
      answerId: 'two',
      question: '区域性医疗中心和重症床位各有什么要求？',
      answer: '区域性医疗中心按每30-50万人口配置一家[1]；重症床位和可转换重症床位要达到总床位数的20%[2]。',
      abstained: false,
      mode: 'extractive',
      confidence: 'high',
      citations,
    };
    const sse = [
      ['delta', { text: answer.answer }],
      ['citations', { citations }],
      ['done', answer],
    ]
      .map(([e, d]) => `event: ${e}\ndata: ${JSON.stringify(d)}\n\n`)
      .join('');
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 360, height: 640 },
    ]) {
      const page = await newPage(viewport);
      await page.goto(`${server.url}/`);
      await page.route(`${server.url}/api/chat`, (route) => route.fulfill({ status: 200, contentType: 'text/event-stream', body: sse }));
      await page.getByRole('button', { name: '打开政策问答' }).click();
      await askAndWait(page, answer.question);
      expect(await widget(page).locator('.sources .chip').count()).toBe(2);
      await widget(page).locator('.answer-text .chip').nth(1).click();
      expect(await widget(page).locator('.detail .quote').textContent()).toBe(citations[1]!.quote);
      await screenshot(page, `two-citations-${viewport.width}`);
      await page.context().close();
    }
  });
});
