import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPLAY_COOKIE, logIn, PHONE } from '../../support/accessibility.js';
import { launchBrowser, open, screenshot } from '../../support/browser.js';

const PROVIDER_STAFF = '13800000002';
import { startStack, type Stack } from '../../support/stack.js';

interface Target {
  course_id: string;
  title: string;
  session_id: string;
}

const LEARNER = '13800000001';
const PASSWORD = 'Demo2026!';

let stack: Stack;
let browser: Browser;
let targets: Target[] = [];

beforeAll(async () => {
  stack = await startStack({ web: true });
  // Online demo courses the demo learner (born 1958) may take, each with a session open for enrolment.
  targets = await stack.query<Target>(
    `SELECT DISTINCT ON (c.title) c.id AS course_id, c.title, s.id AS session_id
       FROM courses c JOIN course_sessions s ON s.course_id = c.id
      WHERE c.mode = 'online' AND c.status = 'published' AND coalesce(c.max_age, 200) >= 70 AND coalesce(c.min_age, 0) <= 68
        AND now() BETWEEN s.enrolment_opens_at AND s.enrolment_closes_at AND s.enrolled_count < s.capacity
        AND s.cancelled_at IS NULL
      ORDER BY c.title LIMIT 2`,
  );
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function newPage(): Promise<Page> {
  return (await browser.newContext({ viewport: PHONE, locale: 'zh-CN' })).newPage();
}

interface Focused {
  tag: string;
  name: string;
  text: string;
  outlineWidth: number;
  boxShadow: string;
}

/** What has keyboard focus, and whether the focus indicator is drawn on it. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement ?? document.body;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      name: el.getAttribute('name') ?? '',
      text: (el.textContent ?? '').trim(),
      outlineWidth: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
      boxShadow: style.boxShadow,
    };
  });
}

/** Presses Tab until `matches` accepts the focused element; every stop on the way must show its focus. */
async function tabTo(page: Page, matches: (f: Focused) => boolean, limit = 60): Promise<Focused> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now.tag !== 'body')
      expect(
        now.outlineWidth > 0 || now.boxShadow !== 'none',
        `focus visible on ${now.tag} "${now.text}"`,
      ).toBe(true);
    if (matches(now)) return now;
  }
  throw new Error(`no matching control within ${limit} Tab presses`);
}

describe('elder mode (长辈版)', () => {
  it('is set by the server in the first HTML and remembered in a one-year cookie, without JavaScript', async () => {
    const response = await fetch(`${stack.webUrl}/display`, {
      method: 'POST',
      body: new URLSearchParams({ mode: 'elder', next: '/courses' }),
      headers: { origin: stack.webUrl },
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/courses');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`${DISPLAY_COOKIE}=elder`);
    expect(cookie).toMatch(/Max-Age=31536000/);
    const html = await (
      await fetch(`${stack.webUrl}/`, { headers: { cookie: `${DISPLAY_COOKIE}=elder` } })
    ).text();
    expect(html).toContain('data-mode="elder"');
    const standard = await (await fetch(`${stack.webUrl}/`)).text();
    expect(standard).toContain('data-mode="standard"');
  });

  it('lets a learner find a course from the home page and enrol in at most three screens', async () => {
    const target = targets[0];
    expect(target).toBeDefined();
    const page = await newPage();
    await logIn(page, stack.webUrl, LEARNER, PASSWORD);
    await open(page, `${stack.webUrl}/`);
    await Promise.all([page.waitForURL(`${stack.webUrl}/`), page.click('header button:has-text("长辈版")')]);
    await page.waitForSelector('body[data-hydrated]');
    expect(await page.getAttribute('html', 'data-mode')).toBe('elder');

    const screens: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) screens.push(frame.url());
    });
    const words = target.title.replace(/（.*）$/, '').slice(0, 4);
    await page.fill('input[name="q"]', words);
    await Promise.all([page.waitForURL(/\/courses\?/), page.press('input[name="q"]', 'Enter')]);
    await Promise.all([
      page.waitForURL(new RegExp(`/courses/${target.course_id}`)),
      page.click(`main a:has-text("${target.title}")`),
    ]);
    await page.waitForSelector('body[data-hydrated]');
    const enrol = page.locator(`form:has(input[name="sessionId"][value="${target.session_id}"]) button`);
    await Promise.all([page.waitForURL(/enrolled=/), enrol.click()]);
    expect(await page.textContent('main')).toContain('报名成功');
    await screenshot(page, 'elder-enrolled');
    console.log(`elder-mode enrolment took ${screens.length} screens: ${screens.join(' → ')}`);
    expect(screens.length).toBeLessThanOrEqual(3);
    await page.context().close();
  });

  it('can be switched back to the standard view on the profile page', async () => {
    const page = await newPage();
    await page.context().addCookies([{ name: DISPLAY_COOKIE, value: 'elder', url: stack.webUrl }]);
    await logIn(page, stack.webUrl, LEARNER, PASSWORD);
    expect(await page.getAttribute('html', 'data-mode')).toBe('elder');
    await Promise.all([page.waitForURL(/\/profile$/), page.click('main button:has-text("标准版")')]);
    expect(await page.getAttribute('html', 'data-mode')).toBe('standard');
    await page.context().close();
  });

  it('is remembered for the account, so another device shows it after signing in', async () => {
    const phone = await newPage();
    await logIn(phone, stack.webUrl, PROVIDER_STAFF, PASSWORD);
    await open(phone, `${stack.webUrl}/profile`);
    await Promise.all([phone.waitForURL(/\/profile$/), phone.click('main button:has-text("长辈版")')]);
    expect(await phone.getAttribute('html', 'data-mode')).toBe('elder');
    await phone.context().close();
    const [row] = await stack.query<{ display_mode: string }>(
      `SELECT display_mode FROM users WHERE mobile = $1`,
      [PROVIDER_STAFF],
    );
    expect(row.display_mode).toBe('elder');
    // A second device with no cookie of its own follows the account.
    const tablet = await newPage();
    await logIn(tablet, stack.webUrl, PROVIDER_STAFF, PASSWORD);
    expect(await tablet.getAttribute('html', 'data-mode')).toBe('elder');
    await tablet.context().close();
  });
});

describe('keyboard only', () => {
  it('logs in with Tab, typing and Enter, with the focus always visible', async () => {
    const page = await newPage();
    await open(page, `${stack.webUrl}/login`);
    await tabTo(page, (f) => f.name === 'login');
    await page.keyboard.type(LEARNER);
    await tabTo(page, (f) => f.name === 'password', 1);
    await page.keyboard.type(PASSWORD);
    await Promise.all([page.waitForURL(/\/profile$/), page.keyboard.press('Enter')]);
    expect(await page.textContent('main')).toContain('我的资料');
    await page.context().close();
  });

  it('enrols in a session with the keyboard alone, with the focus visible on the enrol button', async () => {
    const target = targets[1];
    expect(target).toBeDefined();
    const page = await newPage();
    await logIn(page, stack.webUrl, LEARNER, PASSWORD);
    await open(page, `${stack.webUrl}/courses/${target.course_id}`);
    // The skip link is the first stop; following it puts the next Tab inside the main content.
    const skip = await tabTo(page, () => true, 1);
    expect(skip.text).toBe('跳到主要内容');
    await page.keyboard.press('Enter');
    const enrol = await tabTo(page, (f) => f.tag === 'button' && f.text === '报名');
    expect(enrol.outlineWidth > 0 || enrol.boxShadow !== 'none').toBe(true);
    const sessionId = await page.evaluate(
      () =>
        document.activeElement?.closest('form')?.querySelector<HTMLInputElement>('[name="sessionId"]')?.value,
    );
    expect(sessionId).toBeTruthy();
    await Promise.all([page.waitForURL(/enrolled=/), page.keyboard.press('Enter')]);
    expect(await page.textContent('main')).toContain('报名成功');
    await page.context().close();
  });
});
