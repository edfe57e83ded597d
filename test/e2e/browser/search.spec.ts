import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  logIn,
  measureElderMode,
  PHONE,
  seriousAxeProblems,
  setDisplayMode,
} from '../../support/accessibility.js';
import { launchBrowser, open, screenshot } from '../../support/browser.js';
import { startStack, type Stack } from '../../support/stack.js';

const LEARNER = '13800000001';
const PROVIDER = '13800000003';
const BUREAU_ADMIN = '13800000006';
const PASSWORD = 'Demo2026!';
const NOTHING = '学开挖掘机';

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  stack = await startStack({ web: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await stack?.stop();
});

async function elderPhone(): Promise<Page> {
  // bypassCSP: axe is injected as an inline script, as in the accessibility suite.
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', bypassCSP: true });
  contexts.push(context);
  await setDisplayMode(context, stack.webUrl, 'elder');
  return context.newPage();
}

async function expectElderPromises(page: Page, what: string): Promise<void> {
  const measured = await measureElderMode(page);
  expect(measured.htmlMode).toBe('elder');
  expect(measured.smallTargets, `${what}: controls under 60×60 px`).toEqual([]);
  expect(await seriousAxeProblems(page), `${what}: axe`).toEqual([]);
}

describe('search the way residents ask, on a phone in elder mode', () => {
  it('a search with no result suggests categories and popular courses, and asks to sign in to leave a wish', async () => {
    const page = await elderPhone();
    await open(page, `${stack.webUrl}/courses?q=${encodeURIComponent(NOTHING)}`);
    await page.waitForSelector('body[data-hydrated]');
    expect(await page.locator('#suggest-categories').isVisible()).toBe(true);
    expect(await page.locator('.chip-list a').count()).toBeGreaterThan(3);
    expect(await page.locator('#suggest-popular + .suggest-list a').count()).toBeGreaterThan(0);
    expect(await page.locator('a:has-text("登录后留下想学的课程")').count()).toBe(1);
    await expectElderPromises(page, 'empty search, visitor');
    await screenshot(page, 'search-no-result-elder-phone');
  });

  it('a signed-in resident leaves “I want to learn …” for their own township, and it is stored once', async () => {
    const page = await elderPhone();
    await logIn(page, stack.webUrl, LEARNER, PASSWORD);
    await open(page, `${stack.webUrl}/courses?q=${encodeURIComponent(NOTHING)}`);
    await page.waitForSelector('body[data-hydrated]');
    expect(await page.inputValue('input[name="text"]')).toBe(NOTHING);
    const [{ township_code: home }] = await stack.query<{ township_code: string }>(
      `SELECT p.township_code FROM learner_profiles p JOIN users u ON u.id = p.user_id WHERE u.mobile = $1`,
      [LEARNER],
    );
    expect(await page.inputValue('select[name="townshipCode"]')).toBe(home);
    // Nearby classes come from the resident's own township.
    const nearby = await page.locator('#suggest-nearby + .suggest-list a').count();
    const [{ n }] = await stack.query<{ n: number }>(
      `SELECT count(DISTINCT c.id)::int AS n FROM courses c JOIN course_sessions s ON s.course_id = c.id
        WHERE c.status = 'published' AND s.township_code = $1 AND s.ends_at > now() AND s.cancelled_at IS NULL`,
      [home],
    );
    expect(nearby).toBe(Math.min(5, n));
    await expectElderPromises(page, 'empty search, learner');
    await page.click('button:has-text("提交心愿")');
    await page.waitForSelector('p[role="status"]:has-text("已收到您的心愿")');
    await screenshot(page, 'search-wish-saved-elder-phone');
    const rows = await stack.query<{ words: string[]; township_code: string }>(
      `SELECT r.words, r.township_code FROM course_requests r JOIN users u ON u.id = r.user_id WHERE u.mobile = $1`,
      [LEARNER],
    );
    expect(rows).toEqual([{ words: ['挖掘机'], township_code: home }]);
  });

  it('finds a course typed in pinyin or with an invisible character from the search box', async () => {
    const page = await elderPhone();
    await open(page, `${stack.webUrl}/courses`);
    await page.waitForSelector('body[data-hydrated]');
    for (const q of ['diangong', '电\u200b工']) {
      await page.fill('input[name="q"]', q);
      await Promise.all([page.waitForURL(/\/courses\?/), page.press('input[name="q"]', 'Enter')]);
      const first = await page.locator('.course-card__title').first().textContent();
      expect([q, first]).toEqual([q, expect.stringContaining('电工')]);
    }
  });

  it('the bureau keeps a synonym in its screen; providers see the wishes, small counts hidden', async () => {
    const bureau = await elderPhone();
    await logIn(bureau, stack.webUrl, BUREAU_ADMIN, PASSWORD);
    await open(bureau, `${stack.webUrl}/bureau/search-words`);
    await bureau.waitForSelector('body[data-hydrated]');
    await expectElderPromises(bureau, 'synonym screen');
    await bureau.fill('#new-term', '开挖机');
    await bureau.fill('#new-synonyms', '挖掘机，工程机械');
    await Promise.all([bureau.waitForURL(/saved=/), bureau.click('button:has-text("添加")')]);
    expect(await bureau.locator('.card:has-text("开挖机")').count()).toBe(1);
    await screenshot(bureau, 'bureau-search-words-elder-phone');
    await stack.query(`DELETE FROM search_synonyms WHERE term = '开挖机'`);

    const provider = await elderPhone();
    await logIn(provider, stack.webUrl, PROVIDER, PASSWORD);
    await open(provider, `${stack.webUrl}/demand`);
    await provider.waitForSelector('body[data-hydrated]');
    await expectElderPromises(provider, 'demand');
    // One wish so far: under five people, so nothing is shown, and the page says so.
    expect(await provider.locator('table').count()).toBe(0);
    expect(await provider.locator('text=个格子因不足').count()).toBe(1);
  });
});
