import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPLAY_COOKIE, measureElderMode, PHONE } from '../../support/accessibility.js';
import { launchBrowser, open, screenshot } from '../../support/browser.js';
import { startStack, type Stack } from '../../support/stack.js';

const MOBILE = '13977770001';
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  // As in production: a mobile is registered only with the code texted to it.
  stack = await startStack({ web: true, env: { REGISTRATION_CODE_REQUIRED: 'true' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function codeTextedTo(mobile: string): Promise<string> {
  const messages = (await (await fetch(`${stack.apiUrl}/api/dev/sms?mobile=${mobile}`)).json()) as Array<{
    text: string;
  }>;
  const code = /(?<!\d)\d{6}(?!\d)/.exec(messages[0]?.text ?? '')?.[0];
  if (!code) throw new Error(`no code texted to ${mobile}`);
  return code;
}

describe('registering a mobile proven by its code, elder mode on a phone', () => {
  it('texts a code first, then registers with the mobile filled in', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    await context.addCookies([{ name: DISPLAY_COOKIE, value: 'elder', url: stack.webUrl }]);
    const page: Page = await context.newPage();
    await open(page, `${stack.webUrl}/register`);
    expect(await page.textContent('main h2')).toContain('验证手机号');
    expect((await measureElderMode(page)).smallTargets).toEqual([]);
    await page.fill('main form[action="/register/code"] input[name="mobile"]', MOBILE);
    await Promise.all([
      page.waitForURL(/\/register\?mobile=/),
      page.click('main button:has-text("发送验证码")'),
    ]);
    await page.waitForSelector('body[data-hydrated]');
    expect(await page.inputValue('input[name="mobile"]')).toBe(MOBILE);
    await page.fill('input[name="code"]', await codeTextedTo(MOBILE));
    await page.fill('input[name="name"]', '周凤英');
    await page.fill('input[name="password"]', 'Yangliu-an-63');
    await page.fill('input[name="confirmPassword"]', 'Yangliu-an-63');
    await page.fill('input[name="birthDate"]', '1957-03-03');
    await page.check('input[name="sex"][value="female"]');
    await page.selectOption('select[name="townshipCode"]', '339901102000');
    await page.selectOption('select[name="villageCode"]', '339901102203');
    await page.selectOption('select[name="attainment"]', 'primary');
    await page.selectOption('select[name="employmentStatus"]', 'retired');
    await screenshot(page, 'register-with-code');
    await Promise.all([page.waitForURL(/\/profile$/), page.click('main button:has-text("注册")')]);
    expect(await page.textContent('main')).toContain('周凤英');
  });

  it('answers a registered number like a fresh one, and tells only its owner', async () => {
    const res = await fetch(`${stack.apiUrl}/api/auth/register/code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mobile: '13800000001' }),
    });
    expect(res.status).toBe(200);
    const messages = (await (await fetch(`${stack.apiUrl}/api/dev/sms?mobile=13800000001`)).json()) as Array<{
      text: string;
    }>;
    expect(messages[0].text).toContain('已经有账号');
  });
});
