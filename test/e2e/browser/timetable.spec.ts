import Bull from 'bull';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ELDER_MINIMUM,
  logIn,
  measureElderMode,
  PHONE,
  seriousAxeProblems,
  setDisplayMode,
} from '../../support/accessibility.js';
import { launchBrowser, open, screenshot } from '../../support/browser.js';
import { startStack, type Stack } from '../../support/stack.js';

const LEARNER = '13800000001';
const PASSWORD = 'Demo2026!';

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];
let courseId = '';
let sessionId = '';

beforeAll(async () => {
  stack = await startStack({ web: true });
  browser = await launchBrowser();
  // A township class in the demo learner's own township, open for enrolment, that meets tomorrow (county time):
  // its timetable, fee, address and phone are set as a provider would.
  const [found] = await stack.query<{ course_id: string; session_id: string }>(
    `SELECT c.id AS course_id, s.id AS session_id
       FROM courses c JOIN course_sessions s ON s.course_id = c.id
       JOIN learner_profiles lp ON lp.township_code = s.township_code
       JOIN users u ON u.id = lp.user_id AND u.mobile = $1
      WHERE c.status = 'published' AND NOT s.online AND s.cancelled_at IS NULL AND s.enrolled_count < s.capacity
        AND coalesce(c.max_age, 200) >= 80 AND coalesce(c.min_age, 0) <= 60
      ORDER BY c.title LIMIT 1`,
    [LEARNER],
  );
  expect(found, 'a class in the demo learner’s township').toBeTruthy();
  ({ course_id: courseId, session_id: sessionId } = found);
  await stack.query(
    `UPDATE course_sessions
        SET starts_at = date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai' - interval '7 days' + interval '9 hours',
            ends_at = date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai' + interval '30 days' + interval '11 hours',
            enrolment_opens_at = now() - interval '10 days', enrolment_closes_at = now() + interval '10 days',
            class_weekdays = ARRAY[extract(isodow FROM (now() AT TIME ZONE 'Asia/Shanghai') + interval '1 day')::smallint,
                                   (extract(isodow FROM (now() AT TIME ZONE 'Asia/Shanghai') + interval '3 days'))::smallint],
            class_start_time = '09:00', class_end_time = '11:00', fee_fen = 3000,
            address = '人民路 12 号文化站二楼', contact_phone = '0571-12345678'
      WHERE id = $1`,
    [sessionId],
  );
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await stack?.stop();
});

async function elderPhone(signedIn: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', bypassCSP: true });
  contexts.push(context);
  await setDisplayMode(context, stack.webUrl, 'elder');
  const page = await context.newPage();
  if (signedIn) await logIn(page, stack.webUrl, LEARNER, PASSWORD);
  return page;
}

describe('a course page and the reminder before class, on a phone in elder mode', () => {
  it('shows the class pattern, next class, fee, address and phone, with the enrol button on the first screen', async () => {
    for (const signedIn of [false, true]) {
      const page = await elderPhone(signedIn);
      await open(page, `${stack.webUrl}/courses/${courseId}`);
      await page.waitForSelector('body[data-hydrated]');
      await screenshot(page, signedIn ? 'course-page-elder-phone-signed-in' : 'course-page-elder-phone');
      const card = page.locator(`#session-${sessionId}`);
      const text = await card.innerText();
      expect(text).toMatch(/每周[一二三四五六日、]+ 09:00–11:00/);
      expect(text).toContain('30 元');
      expect(text).toContain('人民路 12 号文化站二楼');
      expect(await card.locator('a[href="tel:057112345678"]').count()).toBe(1);
      if (signedIn) expect(text).toContain('在您所在的乡镇');
      // The first class's enrol button ends within the first screen (844 px) without scrolling.
      const button = page.locator('main .session-card button[type=submit]').first();
      const box = await button.boundingBox();
      expect(box, 'enrol button').not.toBeNull();
      expect(box!.y + box!.height, `enrol button bottom (signed in: ${signedIn})`).toBeLessThanOrEqual(
        PHONE.height,
      );
      const measured = await measureElderMode(page);
      expect(measured.smallTargets).toEqual([]);
      expect(measured.headerPx).toBeLessThanOrEqual(PHONE.height * ELDER_MINIMUM.headerShareOfPhone);
      expect(await seriousAxeProblems(page)).toEqual([]);
    }
  });

  it('reminds the learner the day before class, and the reminder reads well on a phone', async () => {
    const page = await elderPhone(true);
    await open(page, `${stack.webUrl}/courses/${courseId}`);
    await page.waitForSelector('body[data-hydrated]');
    await Promise.all([
      page.waitForURL(/enrolled=/),
      page.locator(`#session-${sessionId} button[type=submit]`).click(),
    ]);
    // The scheduled job, run now as the repeatable schedule would (twice: the reminder is made once).
    const queue = new Bull('notifications', stack.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
      prefix: stack.env.QUEUE_PREFIX,
    });
    try {
      for (const run of ['1', '2']) {
        const job = await queue.add(
          'class-reminders',
          { payload: {}, requestId: null },
          { jobId: `e2e-class-reminders-${run}` },
        );
        await job.finished();
      }
    } finally {
      await queue.close();
    }
    const rows = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE u.mobile = $1 AND n.kind = 'class_reminder'`,
      [LEARNER],
    );
    expect(rows[0].n).toBe(1);
    await open(page, `${stack.webUrl}/notifications`);
    await page.waitForSelector('body[data-hydrated]');
    const reminder = page.locator('.notification', { hasText: '明天上课' });
    expect(await reminder.count()).toBe(1);
    expect(await reminder.innerText()).toContain('09:00–11:00');
    const measured = await measureElderMode(page);
    expect(measured.smallTargets).toEqual([]);
    expect(await seriousAxeProblems(page)).toEqual([]);
    await screenshot(page, 'class-reminder-elder-phone');
  });
});
