import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeProblems, setDisplayMode } from '../../support/accessibility.js';
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
  // axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses; the test browser
  // bypasses the policy instead of the app loosening it (as in accessibility.spec.ts).
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true })
  ).newPage();
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
    // Newest first: this sign-in set up the administrator's authenticator right after the password was accepted.
    const rows = (await page.locator('tbody tr').allTextContents()).slice(0, 3);
    expect(rows[0]).toContain('auth.mfa_enrolled');
    // Each action has its label beside its code.
    expect(rows[0]).toContain('绑定了身份验证器');
    expect(rows.some((r) => r.includes('auth.login') && r.includes('登录'))).toBe(true);
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

  it('names a resident masked and filters by what a person did, from their name in the list (elder mode, 320 px)', async () => {
    // 王秀兰 (a resident) signs in, so the trail has an event of hers.
    await signIn('13800000001');
    const page = await signIn('13800000006');
    await setDisplayMode(page.context(), stack.webUrl, 'elder');
    await page.setViewportSize({ width: 320, height: 640 });
    await open(page, `${stack.webUrl}/admin/audit`);
    await page.selectOption('select[name="action"]', 'auth.login');
    await Promise.all([
      page.waitForURL(/action=auth\.login/),
      page.click('form.audit-filters button[type="submit"]'),
    ]);
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text).toContain('auth.login');
    const main = (await page.textContent('main')) ?? '';
    expect(main).toContain('王**');
    expect(main).not.toContain('王秀兰');
    expect(main).not.toContain('13800000001');
    // Staff are named in full, as on the bureau's other screens.
    expect(main).toContain('吴科长');
    await page.click('tbody a:text-is("王**")');
    await page.waitForURL(/actor=/);
    expect(await page.textContent('.audit-filters__actor')).toContain('只看 王** 的操作');
    const actors = await page.locator('tbody td:nth-child(4) a').allTextContents();
    expect(actors.length).toBeGreaterThan(0);
    expect(new Set(actors)).toEqual(new Set(['王**']));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await seriousAxeProblems(page)).toEqual([]);
    await screenshot(page, 'audit-trail-filtered-elder-320');
  });

  it('shows a date that does not exist beside its field, in English too', async () => {
    const page = await signIn('13800000006');
    await page.context().addCookies([{ name: 'cll_lang', value: 'en', url: stack.webUrl }]);
    await open(page, `${stack.webUrl}/admin/audit?from=2026-02-30&to=2026-03-01`);
    expect(await page.getAttribute('input[name="from"]', 'aria-invalid')).toBe('true');
    expect(await page.textContent('main')).toContain('Enter a valid date');
    expect(await page.locator('tbody tr').count()).toBe(0);
    expect(await seriousAxeProblems(page)).toEqual([]);
  });

  it('refuses a learner, and shows no link to it', async () => {
    const page = await signIn('13800000001');
    expect(await page.locator('nav a[href="/admin/audit"]').count()).toBe(0);
    const response = await page.goto(`${stack.webUrl}/admin/audit`);
    expect(response?.status()).toBe(403);
    expect(await page.textContent('main')).toContain('您没有权限');
  });
});
