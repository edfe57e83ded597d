import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../../support/browser.js';
import { signInThrough } from '../../support/second-factor.js';
import { startStack, type Stack } from '../../support/stack.js';

const BUREAU_ANALYST = '13800000005'; // 周分析员
const PASSWORD = 'Demo2026!';
/** The demo county closes last year (China time), with completions reported after the close. */
const LAST_YEAR = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) - 1;

let stack: Stack;
let browser: Browser;
let page: Page;

const numbers = async (selector: string) =>
  (await page.locator(selector).allTextContents()).map((text) => Number(text.replace(/[^\d.-]/g, '')));

beforeAll(async () => {
  stack = await startStack({ web: true });
  browser = await launchBrowser();
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page = await ctx.newPage();
  await page.goto(`${stack.webUrl}/login`);
  await page.waitForSelector('body[data-hydrated]');
  await page.fill('input[name="login"]', BUREAU_ANALYST);
  await page.fill('input[name="password"]', PASSWORD);
  await signInThrough(page, () => page.click('main button[type="submit"]'), stack.apiUrl, BUREAU_ANALYST);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the bureau’s data-quality view', () => {
  it('counts fast completions by provider with the rule stated, and opens the masked rows behind one', async () => {
    await page.goto(`${stack.webUrl}/bureau/indicators?year=${LAST_YEAR}`);
    await Promise.all([
      page.waitForURL(/\/bureau\/data-quality/),
      page.click('nav.area-bar a:has-text("数据质量")'),
    ]);
    await page.goto(`${stack.webUrl}/bureau/data-quality?year=${LAST_YEAR}`);
    await page.waitForSelector('body[data-hydrated]');
    expect(await page.textContent('h1')).toBe('数据质量');
    const rule = (await page.textContent('[data-testid="fast-rule"]')) ?? '';
    expect(rule).toContain('不足课程计划学时的 50%');
    expect(rule).toContain(`${LAST_YEAR}-01-01 至 ${LAST_YEAR}-12-31`);
    const completions = await numbers('#fast-caption ~ tbody tr td:nth-of-type(1)');
    const fast = await numbers('#fast-caption ~ tbody tr td:nth-of-type(2)');
    expect(completions.length).toBeGreaterThan(0);
    // The completions entered by staff after the close, with no enrolment or attendance before: too fast.
    const flagged = fast.findIndex((n) => n > 0);
    expect(flagged).toBeGreaterThanOrEqual(0);
    expect(fast.every((n, i) => n <= completions[i])).toBe(true);
    await screenshot(page, 'data-quality-1-overview');

    await Promise.all([
      page.waitForURL(/\/bureau\/data-quality\/fast\?year=\d{4}&provider=/),
      page.locator('#fast-caption ~ tbody tr').nth(flagged).locator('a').click(),
    ]);
    await page.waitForSelector('[data-testid="fast-rows"]');
    const rows = page.locator('[data-testid="fast-rows"] tbody tr');
    expect(await rows.count()).toBe(fast[flagged]);
    for (const name of await rows.locator('th').allTextContents()) expect(name).toMatch(/^\S\*+$/u);
    expect((await page.textContent('main')) ?? '').toContain('每次查看都记入操作记录');
    await screenshot(page, 'data-quality-2-rows');
  });

  it('lists the closed year’s figures that moved most, largest first, with the small ones apart', async () => {
    await page.goto(`${stack.webUrl}/bureau/data-quality?year=${LAST_YEAR}&sort=absolute`);
    await page.waitForSelector('[data-testid="moved-table"]');
    expect((await page.textContent('main')) ?? '').toContain(`${LAST_YEAR} 年已于`);
    const table = page.locator('[data-testid="moved-table"] tbody tr');
    expect(await table.count()).toBeGreaterThan(0);
    // Each row links to what is behind it.
    const href = await table.first().locator('a').getAttribute('href');
    expect(href).toMatch(
      new RegExp(`^/bureau/indicators/[a-z0-9_]+(/townships/\\d{12})?\\?year=${LAST_YEAR}$`),
    );
    await screenshot(page, 'data-quality-3-moved');

    await page.context().addCookies([{ name: 'cll_lang', value: 'en', url: stack.webUrl }]);
    await page.goto(`${stack.webUrl}/bureau/data-quality?year=${LAST_YEAR}`);
    await page.waitForSelector('[data-testid="moved-table"]');
    expect(await page.textContent('h1')).toBe('Data quality');
    expect((await page.textContent('[data-testid="fast-rule"]')) ?? '').toContain('below 50%');
    await screenshot(page, 'data-quality-4-english');
  });
});
