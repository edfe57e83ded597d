import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, open, screenshot } from '../../support/browser.js';
import { startStack, type Stack } from '../../support/stack.js';
import { signInThrough } from '../../support/second-factor.js';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack({ web: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signIn(mobile: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await open(page, `${stack.webUrl}/login`);
  await page.fill('input[name="login"]', mobile);
  await page.fill('input[name="password"]', 'Demo2026!');
  await signInThrough(page, () => page.click('main button[type="submit"]'), stack.apiUrl, mobile);
  await page.waitForSelector('body[data-hydrated]');
  return page;
}

describe('audit trail screen', () => {
  it('shows the trail to the bureau administrator, newest first', async () => {
    const page = await signIn('13800000006');
    await page.click('nav a[href="/admin/audit"]');
    await page.waitForURL(/\/admin\/audit$/);
    expect(await page.textContent('h1')).toBe('审计日志');
    const firstRow = await page.locator('tbody tr').first().textContent();
    expect(firstRow).toContain('auth.login');
    // Each action has its label beside its code.
    expect(firstRow).toContain('登录');
    await screenshot(page, 'audit-trail');
  });

  it('shows each event as a stacked card at 320 px, every value under its label and none squeezed', async () => {
    const page = await signIn('13800000006');
    await page.setViewportSize({ width: 320, height: 640 });
    await open(page, `${stack.webUrl}/admin/audit`);
    const cells = await page.$$eval('tbody td', (tds) =>
      tds.map((td) => ({
        width: td.getBoundingClientRect().width,
        label: getComputedStyle(td, '::before').content,
      })),
    );
    expect(cells.length).toBeGreaterThan(0);
    // Before: five columns in 320 px, a request id one character per line. Now every cell takes the card's width.
    expect(Math.min(...cells.map((c) => c.width))).toBeGreaterThan(240);
    expect(cells.filter((c) => c.label === 'none' || c.label === '""')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await screenshot(page, 'audit-trail-320');
  });

  it('refuses a learner, and shows no link to it', async () => {
    const page = await signIn('13800000001');
    expect(await page.locator('nav a[href="/admin/audit"]').count()).toBe(0);
    const response = await page.goto(`${stack.webUrl}/admin/audit`);
    expect(response?.status()).toBe(403);
    expect(await page.textContent('main')).toContain('您没有权限');
  });
});
