import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELDER_MINIMUM, measureElderMode, PHONE, setDisplayMode } from '../../support/accessibility.js';
import { ARTIFACTS, launchBrowser, open, screenshot } from '../../support/browser.js';
import { signInThrough } from '../../support/second-factor.js';
import { startStack, type Stack } from '../../support/stack.js';

/**
 * The provider's session form (issue 19): class days and times, address, fee and contact phone, filled in on a phone
 * in elder mode, refused with messages when wrong, and shown on the public course page.
 */

const ADMIN = '13800000003'; // 张校长, the vocational school's administrator
const LABEL = '城关街道周二周四晚班';

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];
let courseId = '';

/** A `datetime-local` value `days` from today (county date near enough: the class spans weeks). */
function localDateTime(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

async function elderPhone(locale: 'zh-CN' | 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale, bypassCSP: true });
  contexts.push(context);
  await setDisplayMode(context, stack.webUrl, 'elder');
  await context.addCookies([{ name: 'cll_lang', value: locale, url: stack.webUrl }]);
  return context.newPage();
}

beforeAll(async () => {
  stack = await startStack({ web: true });
  browser = await launchBrowser();
  const [course] = await stack.query<{ id: string }>(
    `SELECT c.id FROM courses c JOIN role_assignments r ON r.provider_id = c.provider_id
       JOIN users u ON u.id = r.user_id AND u.mobile = $1
      WHERE c.status = 'published' AND c.mode <> 'online' ORDER BY c.title LIMIT 1`,
    [ADMIN],
  );
  expect(course, 'a published course of the vocational school').toBeTruthy();
  courseId = course.id;
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await stack?.stop();
});

describe('the provider’s session form on a phone in elder mode', () => {
  it('refuses a wrong pattern, fee and phone with messages, then adds the session the course page shows', async () => {
    const page = await elderPhone('zh-CN');
    await open(page, `${stack.webUrl}/login`);
    await page.fill('[name="login"]', ADMIN);
    await page.fill('[name="password"]', 'Demo2026!');
    await signInThrough(page, () => page.click('main button[type="submit"]'), stack.apiUrl, ADMIN);

    await open(page, `${stack.webUrl}/provider/courses/${courseId}`);
    await Promise.all([page.waitForURL(/sessions\/new/), page.click('main a:has-text("添加开班安排")')]);
    await page.waitForSelector('body[data-hydrated]');
    await page.fill('[name="label"]', LABEL);
    await page.fill('[name="startsAt"]', localDateTime(14, 19));
    await page.fill('[name="endsAt"]', localDateTime(44, 21));
    await page.fill('[name="capacity"]', '25');
    await page.fill('[name="enrolmentOpensAt"]', localDateTime(-1, 8));
    await page.fill('[name="enrolmentClosesAt"]', localDateTime(13, 18));
    await page.check('input[name="classWeekdays"][value="2"]');
    await page.check('input[name="classWeekdays"][value="4"]');
    await page.fill('[name="classStartTime"]', '21:00');
    await page.fill('[name="classEndTime"]', '19:00');
    const township = await page.locator('select[name="townshipCode"] option').nth(1).getAttribute('value');
    await page.selectOption('select[name="townshipCode"]', township ?? '');
    await page.fill('[name="venue"]', '城关街道社区教育学校三楼');
    await page.fill('[name="address"]', '城关街道解放路 8 号');
    await page.check('input[name="feeKind"][value="paid"]');
    await page.fill('[name="contactPhone"]', '12345');
    await page.click('main button:has-text("添加开班安排")');
    await page.waitForSelector('.error-summary');
    const errors = (await page.textContent('main')) ?? '';
    expect(errors).toContain('下课时间须晚于上课时间');
    expect(errors).toContain('请填写收费金额');
    expect(errors).toContain('请填写手机号，或带区号的座机号码');
    await screenshot(page, 'session-form-errors-elder-phone');
    // Nothing was added.
    const none = await stack.query(`SELECT 1 FROM course_sessions WHERE label = $1`, [LABEL]);
    expect(none).toEqual([]);
    // Every control of the form is a finger's size in elder mode.
    const measured = await measureElderMode(page);
    expect(measured.smallTargets).toEqual([]);
    expect(measured.bodyFontPx).toBeGreaterThanOrEqual(ELDER_MINIMUM.bodyFontPx);

    // The values typed stay; correct the three fields and add.
    expect(await page.isChecked('input[name="classWeekdays"][value="4"]')).toBe(true);
    await page.fill('[name="classStartTime"]', '19:00');
    await page.fill('[name="classEndTime"]', '21:00');
    await page.fill('[name="feeYuan"]', '120');
    await page.fill('[name="contactPhone"]', '0571-12345678');
    await screenshot(page, 'session-form-elder-phone');
    const before = page.url();
    await page.click('main button:has-text("添加开班安排")');
    await page.waitForURL((url) => url.toString() !== before && !url.pathname.includes('/sessions/new'));

    const [stored] = await stack.query<{
      id: string;
      class_weekdays: number[];
      class_start_time: string;
      fee_fen: number;
      contact_phone: string;
      address: string;
    }>(
      `SELECT id, class_weekdays, to_char(class_start_time, 'HH24:MI') AS class_start_time, fee_fen, contact_phone, address
         FROM course_sessions WHERE label = $1`,
      [LABEL],
    );
    expect(stored).toMatchObject({
      class_weekdays: [2, 4],
      class_start_time: '19:00',
      fee_fen: 12000,
      contact_phone: '0571-12345678',
      address: '城关街道解放路 8 号',
    });

    // A visitor on a phone sees the pattern, fee, address and phone on the course page.
    const visitor = await elderPhone('zh-CN');
    await open(visitor, `${stack.webUrl}/courses/${courseId}`);
    await visitor.waitForSelector('body[data-hydrated]');
    const card = visitor.locator(`#session-${stored.id}`);
    await card.scrollIntoViewIfNeeded();
    const text = await card.innerText();
    expect(text).toContain('每周二、四 19:00–21:00');
    expect(text).toContain('120 元');
    expect(text).toContain('城关街道解放路 8 号');
    expect(text).toContain('0571-12345678');
    await screenshot(visitor, 'session-form-course-page-elder-phone');
    await card.screenshot({ path: `${ARTIFACTS}session-form-course-page-card-elder-phone.png` });
  });

  it('says what is wrong in English too', async () => {
    const page = await elderPhone('en');
    await open(page, `${stack.webUrl}/login`);
    await page.fill('[name="login"]', ADMIN);
    await page.fill('[name="password"]', 'Demo2026!');
    await signInThrough(page, () => page.click('main button[type="submit"]'), stack.apiUrl, ADMIN);
    await open(page, `${stack.webUrl}/provider/courses/${courseId}/sessions/new`);
    await page.waitForSelector('body[data-hydrated]');
    await page.check('input[name="feeKind"][value="paid"]');
    await page.fill('[name="classStartTime"]', '09:00');
    await page.fill('[name="contactPhone"]', '0571-1234');
    await page.click('main button[type="submit"]');
    await page.waitForSelector('.error-summary');
    const text = (await page.textContent('main')) ?? '';
    expect(text).toContain('You chose “Paid”: enter the fee.');
    expect(text).toContain('Enter a mobile number, or a landline with its area code');
    expect(text).toMatch(/Each class ends at/);
  });
});
