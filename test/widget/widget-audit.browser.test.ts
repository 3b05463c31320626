import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_QUESTION } from '../http/support/app-harness.js';
import { startSeedServer, type SeedServer } from '../http/support/start-seed-server.js';
import { contrast, seriousViolations } from './support/axe.js';
import { openDemoAt, useChromium } from './support/browser.js';

let server: SeedServer;
const chromium = useChromium();

beforeAll(async () => {
  server = await startSeedServer();
});

afterAll(async () => {
  await server?.close();
});

const openDemo = async (viewport?: { width: number; height: number }): Promise<Page> => openDemoAt(await chromium.newPage(viewport), server.url);
const widget = (page: Page) => page.locator('policydesk-widget');
async function askAndWait(page: Page, question: string): Promise<void> {
  const input = page.getByLabel('输入您的问题');
  await input.fill(question);
  await input.press('Enter');
  await widget(page).locator('.msg.bot:not([aria-busy]) .feedback').last().waitFor();
}
const inShadow = <T>(page: Page, fn: (root: ShadowRoot) => T) => page.evaluate(fn as never, undefined) as Promise<T>;

describe('accessibility, checked by axe-core in the page', () => {
  it('the demo page, the open widget with an answer and its citation, a decline and the 👎 form, and the passage page have no serious or critical violations', async () => {
    const page = await openDemo();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '打开政策问答' }).click();
    await askAndWait(page, CORPUS_QUESTION);
    await widget(page).locator('.sources .chip').first().click();
    expect(await seriousViolations(page)).toEqual([]);
    // A decline with its nearest points as links, and the 👎 form open.
    await askAndWait(page, '北京市医保报销比例是多少？');
    await widget(page).locator('.nearest-list a').first().waitFor();
    await widget(page).getByRole('button', { name: '没有帮助' }).last().click();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.url}/api/passages/${encodeURIComponent('2023-shanghai-health-work-priorities#2.8')}`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('each message names its speaker for a screen reader, and the chips name the document number and which chip they are', async () => {
    const page = await openDemo();
    await page.getByRole('button', { name: '打开政策问答' }).click();
    await askAndWait(page, CORPUS_QUESTION);
    const spoken = await inShadow(page, () =>
      [...document.querySelector('policydesk-widget')!.shadowRoot!.querySelectorAll('.msg')].map((m) =>
        m.firstElementChild?.classList.contains('visually-hidden') ? m.firstElementChild.textContent : null,
      ),
    );
    expect(spoken).toEqual(['政策问答：', '您的问题：', '回答：']);
    const labels = await widget(page)
      .locator('.chip')
      .evaluateAll((chips) => chips.map((c) => c.getAttribute('aria-label')));
    expect(labels).toEqual([
      '正文中的出处 [1]：《2023年上海市卫生健康工作要点》沪卫发〔2023〕2号 第二部分第8条，展开引文',
      '出处 [1] 沪卫发〔2023〕2号 第二部分第8条：《2023年上海市卫生健康工作要点》',
    ]);
  });

  it('focus rings and the input border stand out 3:1 from what is behind them; every button is at least 24 px (WCAG 1.4.11, 2.5.8)', async () => {
    const page = await openDemo();
    await page.getByRole('button', { name: '打开政策问答' }).click();
    await askAndWait(page, CORPUS_QUESTION);
    const measured = await inShadow(page, () => {
      const root = document.querySelector('policydesk-widget')!.shadowRoot!;
      const textarea = root.querySelector('textarea')!;
      const form = root.querySelector('.form')!;
      const chip = root.querySelector<HTMLElement>('.sources .chip')!;
      chip.focus({ focusVisible: true } as FocusOptions);
      const ring = getComputedStyle(chip);
      return {
        border: getComputedStyle(textarea).borderTopColor,
        formBackground: getComputedStyle(form).backgroundColor,
        ring: { color: ring.outlineColor, width: ring.outlineWidth, style: ring.outlineStyle },
        bubbleBackground: getComputedStyle(chip.closest('.msg')!).backgroundColor,
        buttons: [...root.querySelectorAll<HTMLElement>('button')]
          .filter((b) => b.offsetParent)
          .map((b) => ({ label: b.getAttribute('aria-label') ?? b.textContent, height: b.getBoundingClientRect().height, width: b.getBoundingClientRect().width })),
      };
    });
    console.log(`textarea border ${contrast(measured.border, measured.formBackground).toFixed(2)}:1, focus ring ${contrast(measured.ring.color, measured.bubbleBackground).toFixed(2)}:1`);
    expect(contrast(measured.border, measured.formBackground)).toBeGreaterThanOrEqual(3);
    expect(measured.ring.style).toBe('solid');
    expect(contrast(measured.ring.color, measured.bubbleBackground)).toBeGreaterThanOrEqual(3);
    expect(measured.buttons.length).toBeGreaterThan(5);
    for (const b of measured.buttons) {
      expect(b.height, `${b.label} height`).toBeGreaterThanOrEqual(24);
      expect(b.width, `${b.label} width`).toBeGreaterThanOrEqual(24);
    }
  });
});
