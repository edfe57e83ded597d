import { idNumberCheckCharacter } from '@cll/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  DISPLAY_COOKIE,
  ELDER_MINIMUM,
  logIn,
  measureElderMode,
  PHONE,
} from '../../support/accessibility.js';
import { launchBrowser, open, screenshot } from '../../support/browser.js';
import { registerLearner } from '../../support/county.js';
import { startStack, type Stack } from '../../support/stack.js';

const TOWNSHIP = '339901103000';
const VILLAGE = '339901103202';
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

async function context(viewport: { width: number; height: number }, elder: boolean): Promise<Page> {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN' });
  if (elder) await ctx.addCookies([{ name: DISPLAY_COOKIE, value: 'elder', url: stack.webUrl }]);
  return ctx.newPage();
}

const login = (loginName: string, password: string) =>
  fetch(`${stack.apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: loginName, password }),
  });

describe('in-person reset at a township service point', () => {
  it('bureau designates staff; staff check the ID and give a code; the resident sets a password on a 390 px phone', async () => {
    // A resident with her ID number on her account, who has lost her phone.
    const first17 = `33990119580321${String(500 + (process.pid % 200) * 2).padStart(3, '0')}`;
    const idNumber = first17 + idNumberCheckCharacter(first17);
    const mobile = `1397${String(process.pid % 1000).padStart(3, '0')}0001`;
    const registered = await fetch(`${stack.apiUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '郑桂香',
        mobile,
        password: 'Learn2026ok',
        birthDate: '1958-03-21',
        sex: 'female',
        idNumber,
        idNumberConsent: true,
        townshipCode: TOWNSHIP,
        villageCode: VILLAGE,
        attainment: 'primary',
        employmentStatus: 'retired',
      }),
    });
    expect(registered.status).toBe(201);
    const staff = await registerLearner(stack, '窗口小郑');

    // The bureau administrator designates the staff member.
    const admin = await context(DESKTOP, false);
    await logIn(admin, stack.webUrl, '13800000006', 'Demo2026!');
    await open(admin, `${stack.webUrl}/admin/service-point-staff`);
    await admin.fill('input[name="login"]', staff.mobile);
    await admin.selectOption('select[name="townshipCode"]', TOWNSHIP);
    await admin.click('main button:has-text("指定为服务点工作人员")');
    await expect.poll(() => admin.textContent('main')).toContain('窗口小郑');

    // The staff member, on a phone in elder mode, checks the ID card and issues a code.
    const desk = await context(PHONE, true);
    await logIn(desk, stack.webUrl, staff.mobile, 'Learn2026ok');
    await open(desk, `${stack.webUrl}/service-point`);
    expect(await desk.textContent('h1')).toBe('便民服务点工作台');
    // Typed as people do: with spaces and a lower-case x where there is one.
    await desk.fill(
      'input[name="idNumber"]',
      `${idNumber.slice(0, 6)} ${idNumber.slice(6, 14)} ${idNumber.slice(14).toLowerCase()}`,
    );
    await desk.click('main button:has-text("核对并生成重置码")');
    await desk.waitForSelector('[data-testid="reset-code"]');
    const code = ((await desk.textContent('[data-testid="reset-code"]')) ?? '').trim();
    expect(code).toMatch(/^\d{8}$/);
    expect(await desk.textContent('[data-testid="reset-login"]')).toContain(mobile.slice(-4));
    expect(await desk.textContent('main')).not.toContain(idNumber);
    expect((await measureElderMode(desk)).smallTargets).toEqual([]);
    await screenshot(desk, 'in-person-reset-staff-code');

    // The resident, on a 390 px phone in elder mode, from 忘记密码 to the reset page.
    const page = await context(PHONE, true);
    await open(page, `${stack.webUrl}/forgot-password`);
    await page.click('main a[href="/reset-in-person"]');
    await page.waitForSelector('input[name="code"]');
    const elder = await measureElderMode(page);
    expect(elder.htmlMode).toBe('elder');
    expect(elder.bodyFontPx).toBeGreaterThanOrEqual(ELDER_MINIMUM.bodyFontPx);
    expect(elder.smallTargets).toEqual([]);

    // A wrong code first: refused by the field, nothing changes.
    const wrong = String((Number(code) + 1) % 100_000_000).padStart(8, '0');
    await page.fill('input[name="login"]', mobile);
    await page.fill('input[name="code"]', wrong);
    await page.fill('input[name="newPassword"]', 'Lianhua-tang-58');
    await page.fill('input[name="confirmPassword"]', 'Lianhua-tang-58');
    await page.click('main button:has-text("设置新密码并登录")');
    await expect.poll(() => page.textContent('main')).toContain('账号或重置码不对');
    expect((await login(mobile, 'Learn2026ok')).status).toBe(200);

    await page.fill('input[name="login"]', mobile);
    await page.fill('input[name="code"]', code);
    await page.fill('input[name="newPassword"]', 'Lianhua-tang-58');
    await page.fill('input[name="confirmPassword"]', 'Lianhua-tang-58');
    await Promise.all([
      page.waitForURL(/\/profile$/),
      page.click('main button:has-text("设置新密码并登录")'),
    ]);
    expect(await page.textContent('main')).toContain('郑桂香');
    await screenshot(page, 'in-person-reset-signed-in');

    expect((await login(mobile, 'Learn2026ok')).status).toBe(401);
    expect((await login(mobile, 'Lianhua-tang-58')).status).toBe(200);
    // The same code a second time changes nothing.
    const again = await fetch(`${stack.apiUrl}/api/auth/in-person-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: mobile, code, newPassword: 'Another-pass-58x' }),
    });
    expect(again.status).toBe(409);
    expect((await login(mobile, 'Lianhua-tang-58')).status).toBe(200);
  });
});
