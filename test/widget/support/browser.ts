import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { findChromium } from './find-chromium.js';

export const SCREENSHOTS = join(import.meta.dirname, '../../../test-output/widget');

/** Chromium, headless: `CHROMIUM_PATH`, a system Chromium, or the one npm installs (see findChromium). */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const runtime = await findChromium();
  return chromium.launch({
    executablePath: runtime.executablePath,
    env: { ...process.env, ...runtime.env },
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu'],
  });
}

export function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** Collects page errors and dialogs: an XSS payload that ran would show up here. */
export function watchPage(page: Page): { errors: string[]; dialogs: string[] } {
  const seen = { errors: [] as string[], dialogs: [] as string[] };
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  return seen;
}

/** Records every partial text the streaming answer shows, to tell a streamed answer from one painted at once. */
export async function recordStreaming(page: Page): Promise<void> {
  await page.evaluate(() => {
    const root = document.querySelector('policydesk-widget')!.shadowRoot!;
    const partials: string[] = [];
    (window as unknown as { __partials: string[] }).__partials = partials;
    new MutationObserver(() => {
      for (const p of root.querySelectorAll('.streaming')) if (p.textContent) partials.push(p.textContent);
    }).observe(root, { subtree: true, childList: true, characterData: true });
  });
}

export const partials = (page: Page) => page.evaluate(() => (window as unknown as { __partials: string[] }).__partials);

/**
 * One Chromium for a test file and a fresh context for each test: registers the hooks and returns
 * how to open a page (1280×800, zh-CN unless told otherwise).
 */
export function useChromium(): { newPage(viewport?: { width: number; height: number }): Promise<Page> } {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async newPage(viewport = { width: 1280, height: 800 }) {
      context = await browser!.newContext({ viewport, locale: 'zh-CN' });
      return context.newPage();
    },
  };
}

/** A page of the demo at `url`, with the widget opened when `open` (its launcher clicked). */
export async function openDemoAt(page: Page, url: string, options: { open?: boolean } = {}): Promise<Page> {
  await page.goto(`${url}/`);
  if (options.open) await page.getByRole('button', { name: '打开政策问答' }).click();
  return page;
}
