import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, open, screenshot } from '../../support/browser.js';
import { signInThrough } from '../../support/second-factor.js';
import { startStack, type Stack } from '../../support/stack.js';

let stack: Stack;
let browser: Browser;
let admin: Page;

/** Local date-time for a `datetime-local` input, `days` from today. */
function localDateTime(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

beforeAll(async () => {
  stack = await startStack({ web: true });
  browser = await launchBrowser();
  admin = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
  ).newPage();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Submits and waits for the page to leave `url` (forms redirect to the editor on success). */
async function submit(page: Page, label: string): Promise<void> {
  const before = page.url();
  await page.click(`main button:has-text("${label}")`);
  await page.waitForURL((url) => url.toString() !== before);
}

describe('a provider administrator publishes a course that a visitor then finds', () => {
  let courseUrl = '';

  it('creates a course with a text lesson, a quiz and a session, and publishes it', async () => {
    await open(admin, `${stack.webUrl}/login`);
    await admin.fill('[name="login"]', '13800000003');
    await admin.fill('[name="password"]', 'Demo2026!');
    await signInThrough(admin, () => admin.click('main button[type="submit"]'), stack.apiUrl, '13800000003');

    await open(admin, `${stack.webUrl}/provider`);
    await admin.click('main a:has-text("新建课程")');
    await admin.waitForURL(/\/provider\/courses\/new/);
    await admin.waitForSelector('body[data-hydrated]');
    const programme = await admin.locator('select[name="programmeId"] option').nth(1).getAttribute('value');
    await admin.selectOption('select[name="programmeId"]', programme ?? '');
    await admin.fill('[name="title"]', '无人机航拍测绘实训');
    await admin.fill('[name="titleEn"]', 'Drone aerial survey training');
    await admin.selectOption('select[name="category"]', 'vocational_skills');
    await admin.selectOption('select[name="mode"]', 'blended');
    await admin.fill('[name="studyHours"]', '32');
    await admin.fill('[name="credits"]', '2');
    await admin.fill('[name="description"]', '学习**航拍测绘**的基本操作与安全规范。');
    await admin.fill('[name="coverText"]', '农村土地测绘新技能');
    await submit(admin, '保存并继续');
    courseUrl = admin.url().split('?')[0];

    await Promise.all([
      admin.waitForURL(/lessons\/new\?.*kind=text/),
      admin.click('main a:has-text("添加图文课时")'),
    ]);
    await admin.fill('[name="title"]', '飞行安全须知');
    await admin.fill('[name="body"]', '起飞前检查电池、螺旋桨和禁飞区。');
    await submit(admin, '添加课时');

    await Promise.all([
      admin.waitForURL(/lessons\/new\?.*kind=quiz/),
      admin.click('main a:has-text("添加测验")'),
    ]);
    await admin.fill('[name="title"]', '安全小测验');
    await admin.fill('[name="quiz.questions.0.prompt"]', '起飞前必须检查什么？');
    await admin.fill('[name="quiz.questions.0.options.0"]', '电池电量');
    await admin.fill('[name="quiz.questions.0.options.1"]', '天气预报里的星座');
    await admin.check('input[name="quiz.questions.0.correct"][value="0"]');
    await submit(admin, '添加课时');
    await admin.waitForURL(/\/provider\/courses\/[0-9a-f-]{36}(\?|$)/);

    await Promise.all([admin.waitForURL(/sessions\/new/), admin.click('main a:has-text("添加开班安排")')]);
    await admin.fill('[name="label"]', '2026年冬季班');
    await admin.fill('[name="startsAt"]', localDateTime(14, 9));
    await admin.fill('[name="endsAt"]', localDateTime(44, 11));
    await admin.fill('[name="capacity"]', '25');
    await admin.fill('[name="enrolmentOpensAt"]', localDateTime(-1, 8));
    await admin.fill('[name="enrolmentClosesAt"]', localDateTime(13, 18));
    const township = admin.locator('select[name="townshipCode"]');
    if (await township.count()) await township.selectOption('339901102000');
    await admin.fill('[name="venue"]', '溪口镇文化站二楼教室');
    await submit(admin, '添加开班安排');
    await admin.waitForURL(/\/provider\/courses\/[0-9a-f-]{36}(\?|$)/);
    const editor = (await admin.textContent('main')) ?? '';
    expect(editor).toContain('飞行安全须知');
    expect(editor).toContain('安全小测验');
    expect(editor).toContain('2026年冬季班');
    await screenshot(admin, 'provider-course-editor');

    await admin.click('main button:has-text("发布课程")');
    await admin.waitForURL(/done=coursePublished/);
    await screenshot(admin, 'provider-course-published');
    const published = await stack.query<{ status: string }>(
      `SELECT status FROM courses WHERE title = '无人机航拍测绘实训'`,
    );
    expect(published).toEqual([{ status: 'published' }]);
  });

  it('lets a logged-out visitor find it by a Chinese substring and see the seats left', async () => {
    const visitor = await (
      await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    ).newPage();
    await open(visitor, `${stack.webUrl}/`);
    await visitor.fill('input[name="q"]', '航拍');
    await Promise.all([visitor.waitForURL(/\/courses\?/), visitor.press('input[name="q"]', 'Enter')]);
    await visitor.waitForSelector('body[data-hydrated]');
    const first = visitor.locator('main h2, main h3').filter({ hasText: '无人机航拍测绘实训' }).first();
    expect(await first.count()).toBe(1);
    await screenshot(visitor, 'catalogue-search-hangpai');
    await Promise.all([
      visitor.waitForURL(/\/courses\/[0-9a-f-]{36}/),
      visitor.click('main a:has-text("无人机航拍测绘实训")'),
    ]);
    await visitor.waitForSelector('body[data-hydrated]');
    const text = (await visitor.textContent('main')) ?? '';
    expect(text).toContain('飞行安全须知');
    expect(text).toMatch(/25/);
    expect(text).toContain('溪口镇');
    expect(text).not.toContain('天气预报里的星座');
    await screenshot(visitor, 'course-page-public');
    expect(courseUrl).not.toBe('');
  });
});
