import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../../support/browser.js';
import { startStack, type Stack } from '../../support/stack.js';
import { secretOf, signInThrough } from '../../support/second-factor.js';
import { freshCode } from '../../../apps/api/src/testing/totp-code.js';

const BUREAU_ADMIN = '13800000006'; // 吴科长
const LEARNER = '13800000001';
const PASSWORD = 'Demo2026!';

let stack: Stack;
let browser: Browser;

async function signIn(mobile: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const p = await ctx.newPage();
  await p.goto(`${stack.webUrl}/login`);
  await p.waitForSelector('body[data-hydrated]');
  await p.fill('input[name="login"]', mobile);
  await p.fill('input[name="password"]', PASSWORD);
  await signInThrough(p, () => p.click('main button[type="submit"]'), stack.apiUrl, mobile, { js: true });
  return p;
}

beforeAll(async () => {
  stack = await startStack({ web: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('step-up beyond closing a year', () => {
  it('asks the bureau administrator for the code before suspending a provider, then suspends it', async () => {
    const page = await signIn(BUREAU_ADMIN);
    const [provider] = await stack.query<{ id: string; name: string }>(
      `SELECT id, name FROM providers WHERE status = 'approved' ORDER BY name LIMIT 1`,
    );
    await stack.query(
      `UPDATE auth_sessions SET step_up_at = now() - interval '6 minutes'
        WHERE user_id = (SELECT id FROM users WHERE mobile = $1)`,
      [BUREAU_ADMIN],
    );
    await page.goto(`${stack.webUrl}/bureau/providers?status=approved`);
    await page.waitForSelector('body[data-hydrated]');
    await page.fill(`#provider-suspend-${provider.id}`, '年检未通过，暂停招生整改');
    await page.click(`main button:has-text("暂停：${provider.name}")`);
    await page.waitForSelector('[role="dialog"] input[name="stepUpCode"]');
    expect(await page.textContent('[role="dialog"]')).toContain('请再次验证身份');
    const [still] = await stack.query<{ status: string }>(`SELECT status FROM providers WHERE id = $1`, [
      provider.id,
    ]);
    expect(still.status).toBe('approved');
    await screenshot(page, 'step-up-provider-1-dialog');
    await page.fill('input[name="stepUpCode"]', await freshCode(secretOf(stack.apiUrl, BUREAU_ADMIN) ?? ''));
    await Promise.all([
      page.waitForURL(/done=providerSuspended/),
      page.click('[role="dialog"] button[type="submit"]'),
    ]);
    const [after] = await stack.query<{ status: string; decision_reason: string }>(
      `SELECT status, decision_reason FROM providers WHERE id = $1`,
      [provider.id],
    );
    expect(after).toEqual({ status: 'suspended', decision_reason: '年检未通过，暂停招生整改' });
    await screenshot(page, 'step-up-provider-2-done');
  });

  it('shows a resident what closing the account erases and keeps, and closes it with the password', async () => {
    const page = await signIn(LEARNER);
    await page.goto(`${stack.webUrl}/account/close`);
    await page.waitForSelector('body[data-hydrated]');
    expect(await page.textContent('[data-testid="closure-erased"]')).toContain('身份证号');
    expect(await page.textContent('[data-testid="closure-kept"]')).toContain('证书');
    await screenshot(page, 'account-close-1-screen');
    await page.fill('input[name="password"]', PASSWORD);
    await page.check('input[name="confirm"]');
    await Promise.all([page.waitForURL(/\/account\/closed$/), page.click('main button[type="submit"]')]);
    expect(await page.textContent('main')).toContain('账号已注销');
    await screenshot(page, 'account-close-2-done');
    const [user] = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM users WHERE mobile = $1`,
      [LEARNER],
    );
    expect(user.n).toBe(0);
  });
});
