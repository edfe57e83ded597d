import { idNumberCheckCharacter } from '@cll/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, open, screenshot } from '../../support/browser.js';
import { startStack, type Stack } from '../../support/stack.js';

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const first17 = '33990119560412062';
const ID_NUMBER = first17 + idNumberCheckCharacter(first17);
const WRONG_ID = first17 + (idNumberCheckCharacter(first17) === '0' ? '1' : '0');
const MOBILE = '13712345678';
const PASSWORD = 'Shouji2026ok';

beforeAll(async () => {
  stack = await startStack({ web: true });
  browser = await launchBrowser();
  // A phone-sized screen: most learners use one.
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('an elderly resident’s account, in Chromium', () => {
  it('registers, sees the API’s error beside the ID-number field, fixes it and lands on the profile', async () => {
    await open(page, `${stack.webUrl}/register`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('h1')).toBe('注册账号');
    await page.fill('input[name="name"]', '钱桂芳');
    await page.fill('input[name="mobile"]', MOBILE);
    await page.fill('input[name="password"]', PASSWORD);
    await page.fill('input[name="confirmPassword"]', PASSWORD);
    await page.fill('input[name="birthDate"]', '1956-04-12');
    await page.check('input[name="sex"][value="female"]');
    await page.fill('input[name="idNumber"]', WRONG_ID);
    // The ID number's own consent (PIPL art. 29), separate from the notice.
    await page.check('input[name="idNumberConsent"]');
    await page.selectOption('select[name="townshipCode"]', '339901102000');
    await page.selectOption('select[name="villageCode"]', '339901102203');
    await page.selectOption('select[name="attainment"]', 'primary');
    await page.selectOption('select[name="employmentStatus"]', 'retired');
    await page.click('main button[type="submit"]');

    const idInput = page.locator('input[name="idNumber"]');
    await expect.poll(() => idInput.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await idInput.getAttribute('aria-describedby')) ?? '';
    const fieldMessages = await Promise.all(
      describedBy.split(' ').map((id) => page.locator(`#${id}`).textContent()),
    );
    expect(fieldMessages.join(' ')).toMatch(/身份证/);
    await screenshot(page, 'register-id-error');

    await page.fill('input[name="idNumber"]', ID_NUMBER);
    await page.fill('input[name="password"]', PASSWORD);
    await page.fill('input[name="confirmPassword"]', PASSWORD);
    await page.click('main button[type="submit"]');
    await page.waitForURL(/\/profile$/);
    await page.waitForSelector('body[data-hydrated]');
    expect(await page.textContent('h1')).toBe('我的资料');
    const text = (await page.textContent('main')) ?? '';
    expect(text).toContain('钱桂芳');
    expect(text).toContain(`${ID_NUMBER.slice(0, 3)}***********${ID_NUMBER.slice(-4)}`);
    expect(text).not.toContain(ID_NUMBER);
    const details = (await page.textContent('dl.details')) ?? '';
    expect(details).toContain('溪口镇');
    expect(details).toContain('溪口南社区');
    await screenshot(page, 'profile-zh');
  });

  it('keeps the session in httpOnly cookies only', async () => {
    const cookies = await context.cookies();
    const session = cookies.filter((c) => c.name.startsWith('cll_') && c.name !== 'cll_lang');
    expect(session.map((c) => c.name).sort()).toEqual(['cll_access', 'cll_refresh']);
    expect(session.every((c) => c.httpOnly && c.sameSite === 'Lax')).toBe(true);
    expect(await page.evaluate(() => document.cookie)).not.toMatch(/cll_access|cll_refresh/);
    expect(
      await page.evaluate(() => Object.keys(localStorage).length + Object.keys(sessionStorage).length),
    ).toBe(0);
  });

  it('shows the welcome notification sent by the worker', async () => {
    await expect
      .poll(
        async () => {
          await open(page, `${stack.webUrl}/notifications`);
          return page.textContent('main');
        },
        { timeout: 20_000 },
      )
      .toMatch(/钱桂芳/);
  });

  it('logs out, then logs in again with the mobile number', async () => {
    await page.click('header button:has-text("退出登录")');
    await page.waitForURL(`${stack.webUrl}/`);
    expect(await context.cookies().then((c) => c.filter((x) => x.name === 'cll_access'))).toEqual([]);
    await open(page, `${stack.webUrl}/profile`);
    await page.waitForURL(/\/login\?next=%2Fprofile/);

    await page.fill('input[name="login"]', MOBILE);
    await page.fill('input[name="password"]', 'not-my-password-1');
    await page.click('main button[type="submit"]');
    await expect.poll(() => page.locator('[role="alert"]').textContent()).toMatch(/\S/);

    await page.fill('input[name="login"]', MOBILE);
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('main button[type="submit"]');
    await page.waitForURL(/\/profile$/);
    expect(await page.textContent('h1')).toBe('我的资料');
  });

  it('switches to English and keeps it', async () => {
    await page.waitForSelector('body[data-hydrated]');
    await page.click('header .lang-switch button');
    await page.waitForURL(/\/profile$/);
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('My profile');
    expect(await page.textContent('dl.details')).toContain('Xikou South Community');
    await open(page, `${stack.webUrl}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await open(page, `${stack.webUrl}/profile`);
    await screenshot(page, 'profile-en');
  });
});
