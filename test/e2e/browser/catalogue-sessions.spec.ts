import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ELDER_MINIMUM,
  logIn,
  measureElderMode,
  PHONE,
  setDisplayMode,
} from '../../support/accessibility.js';
import { ARTIFACTS, launchBrowser, open, screenshot } from '../../support/browser.js';
import { startStack, type Stack } from '../../support/stack.js';

/**
 * A catalogue of courses, not of intakes (issue 24): on a 390 px phone in elder mode a search lists each course once,
 * with its next sessions (the resident's own township first) readable on the card.
 */

const LEARNER = '13800000001'; // 王秀兰
const PASSWORD = 'Demo2026!';

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
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', bypassCSP: true });
  contexts.push(context);
  await setDisplayMode(context, stack.webUrl, 'elder');
  return context.newPage();
}

describe('catalogue search on a phone in elder mode', () => {
  it('lists each course once with its next sessions, own township first, readable on the card', async () => {
    const page = await elderPhone();
    await logIn(page, stack.webUrl, LEARNER, PASSWORD);
    const [home] = await stack.query<{ name: string; code: string }>(
      `SELECT t.name, t.code FROM users u JOIN learner_profiles p ON p.user_id = u.id
         JOIN townships t ON t.code = p.township_code WHERE u.mobile = $1`,
      [LEARNER],
    );
    // A course with four or more coming sessions, one of them in her township but not the soonest.
    const [course] = await stack.query<{ title: string }>(
      `SELECT c.title FROM courses c
        WHERE c.status = 'published'
          AND (SELECT count(*) FROM course_sessions s WHERE s.course_id = c.id AND s.ends_at > now()
                  AND s.cancelled_at IS NULL) >= 4
          AND (SELECT s.township_code FROM course_sessions s WHERE s.course_id = c.id AND s.ends_at > now()
                  AND s.cancelled_at IS NULL ORDER BY s.starts_at, s.id LIMIT 1) IS DISTINCT FROM $1
          AND EXISTS (SELECT 1 FROM course_sessions s WHERE s.course_id = c.id AND s.ends_at > now()
                  AND s.cancelled_at IS NULL AND s.township_code = $1)
        ORDER BY c.title LIMIT 1`,
      [home.code],
    );
    expect(course, 'a course with a later session in the learner’s township').toBeTruthy();
    await open(page, `${stack.webUrl}/courses?q=${encodeURIComponent(course.title)}`);
    await page.waitForSelector('.course-card');
    await screenshot(page, 'catalogue-sessions-elder-phone');
    const first = page.locator('.course-card').first();
    expect(await first.locator('.course-card__title').innerText()).toBe(course.title);
    await first.screenshot({ path: `${ARTIFACTS}catalogue-sessions-card-elder-phone.png` });

    // Each course once on the page.
    const titles = await page.locator('.course-card__title').allInnerTexts();
    expect(titles.length).toBeGreaterThan(0);
    expect(new Set(titles).size).toBe(titles.length);

    // The first card: up to three sessions, the one in the learner's township first and marked so.
    const sessions = first.locator('.course-card__sessions > li');
    const count = await sessions.count();
    expect(count).toBe(3);
    expect(await first.innerText()).toMatch(/另有 \d+ 期开班|详见课程页/);
    const firstSession = await sessions.first().innerText();
    expect(firstSession).toContain(home.name);
    expect(firstSession).toContain('在您所在的乡镇');
    expect(firstSession).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);

    // Readable: body-size text, nothing cut off or overflowing the card, the card within the phone's width.
    const boxes = await first.evaluate((card) => {
      const lines = Array.from(card.querySelectorAll('.course-card__sessions li p'));
      return {
        cardRight: card.getBoundingClientRect().right,
        cardOverflow: card.scrollWidth - card.clientWidth,
        fontPx: lines.map((p) => parseFloat(getComputedStyle(p).fontSize)),
        clipped: lines.filter((p) => p.scrollWidth > p.clientWidth + 1).length,
      };
    });
    expect(boxes.cardRight).toBeLessThanOrEqual(PHONE.width);
    expect(boxes.cardOverflow).toBeLessThanOrEqual(0);
    expect(boxes.clipped).toBe(0);
    for (const px of boxes.fontPx) expect(px).toBeGreaterThanOrEqual(ELDER_MINIMUM.bodyFontPx);

    const measured = await measureElderMode(page);
    expect(measured.smallTargets).toEqual([]);
  });
});
