import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPLAY_COOKIE, ELDER_MINIMUM, measureElderMode, PHONE } from '../../support/accessibility.js';
import { launchBrowser, open, screenshot } from '../../support/browser.js';
import { registerLearner } from '../../support/county.js';
import { startStack, type Stack } from '../../support/stack.js';

let stack: Stack;
let browser: Browser;
let learner: { mobile: string };

beforeAll(async () => {
  stack = await startStack({ web: true });
  learner = await registerLearner(stack, '孙桂兰');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function elderPhone(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
  await context.addCookies([{ name: DISPLAY_COOKIE, value: 'elder', url: stack.webUrl }]);
  return context.newPage();
}

/** The newest code the development SMS page shows for this number, read as a person would read it. */
async function codeFromDevPage(page: Page, mobile: string): Promise<string> {
  await open(page, `${stack.webUrl}/dev/sms`);
  const text = await page
    .locator('.dev-sms li', { hasText: mobile })
    .first()
    .locator('.dev-sms__text')
    .textContent();
  const code = /(?<!\d)\d{6}(?!\d)/.exec(text ?? '')?.[0];
  if (!code) throw new Error(`no code for ${mobile} on the development SMS page`);
  return code;
}

describe('forgot password on a 390 px phone in elder mode', () => {
  it('goes from the sign-in page to a new password by SMS code, and is signed in', async () => {
    const page = await elderPhone();
    await open(page, `${stack.webUrl}/login`);
    await page.click('main a:has-text("忘记密码")');
    await page.waitForSelector('input[name="mobile"]');
    expect(new URL(page.url()).pathname).toBe('/forgot-password');
    const elder = await measureElderMode(page);
    expect(elder.htmlMode).toBe('elder');
    expect(elder.bodyFontPx).toBeGreaterThanOrEqual(ELDER_MINIMUM.bodyFontPx);
    expect(elder.smallTargets).toEqual([]);

    await page.fill('input[name="mobile"]', learner.mobile);
    await page.click('main button:has-text("发送验证码")');
    await page.waitForSelector('input[name="code"]');
    expect(await page.textContent('main')).toContain('验证码短信马上就到');
    expect((await measureElderMode(page)).smallTargets).toEqual([]);
    await screenshot(page, 'forgot-password-code-step');

    const sms = await page.context().newPage();
    const code = await codeFromDevPage(sms, learner.mobile);

    // A wrong code first: the message sits by the field, nothing changes.
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await page.fill('input[name="code"]', wrong);
    await page.fill('input[name="newPassword"]', 'Taohua-xi-2026');
    await page.fill('input[name="confirmPassword"]', 'Taohua-xi-2026');
    await page.click('main button:has-text("设置新密码并登录")');
    await expect.poll(() => page.textContent('main')).toContain('验证码不对');

    await page.fill('input[name="code"]', code);
    await page.fill('input[name="newPassword"]', 'Taohua-xi-2026');
    await page.fill('input[name="confirmPassword"]', 'Taohua-xi-2026');
    await Promise.all([
      page.waitForURL(/\/profile$/),
      page.click('main button:has-text("设置新密码并登录")'),
    ]);
    expect(await page.textContent('main')).toContain('孙桂兰');
    await screenshot(page, 'forgot-password-signed-in');

    const login = (password: string) =>
      fetch(`${stack.apiUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: learner.mobile, password }),
      });
    expect((await login('Learn2026ok')).status).toBe(401);
    expect((await login('Taohua-xi-2026')).status).toBe(200);
  });

  it('answers an unregistered number exactly like a registered one', async () => {
    const page = await elderPhone();
    await open(page, `${stack.webUrl}/forgot-password`);
    await page.fill('input[name="mobile"]', '13999990000');
    await page.click('main button:has-text("发送验证码")');
    await page.waitForSelector('input[name="code"]');
    expect(await page.textContent('main')).toContain('如果 13999990000 已注册');
  });
});
