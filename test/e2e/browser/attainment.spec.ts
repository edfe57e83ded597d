import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, open, screenshot } from '../../support/browser.js';
import { DEMO_LOGIN, DEMO_PASSWORD } from '../../support/http.js';
import { startStack, type Stack } from '../../support/stack.js';

/**
 * The attainment history in the browser: the learner changes their level on the profile page and sees it as their
 * own change; the school's staff open the learner's history from the roster, are refused without a reason, correct
 * the level with one; the learner then sees the correction with its reason.
 */
let stack: Stack;
let browser: Browser;
let sessionId = '';

beforeAll(async () => {
  stack = await startStack({ web: true });
  browser = await launchBrowser();
  // 王秀兰 enrols in an in-person class of 青溪县职业技术学校, so its staff see her on the roster.
  [{ session_id: sessionId }] = await stack.query<{ session_id: string }>(
    `INSERT INTO enrolments (learner_user_id, session_id, course_id, status, queue_number)
     SELECT u.id, s.id, s.course_id, 'enrolled', nextval('enrolment_queue_seq')
       FROM users u, course_sessions s JOIN courses c ON c.id = s.course_id JOIN providers p ON p.id = c.provider_id
      WHERE u.mobile = $1 AND p.name = '青溪县职业技术学校' AND c.status = 'published' AND NOT s.online
        AND s.cancelled_at IS NULL
      ORDER BY s.starts_at LIMIT 1
     RETURNING session_id`,
    [DEMO_LOGIN.learner],
  );
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signIn(mobile: string, width: number): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 800 } })).newPage();
  await open(page, `${stack.webUrl}/login`);
  await page.fill('input[name="login"]', mobile);
  await page.fill('input[name="password"]', DEMO_PASSWORD);
  await page.click('main button[type="submit"]');
  await page.waitForURL(/\/profile$/);
  await page.waitForSelector('body[data-hydrated]');
  return page;
}

const history = (page: Page) => page.locator('ol.attainment-history li');

describe('attainment history', () => {
  it('records the learner’s own change, and the staff correction with its reason, for the learner to see', async () => {
    const learner = await signIn(DEMO_LOGIN.learner, 390);
    await expect.poll(() => history(learner).count()).toBe(1);
    await expect.poll(() => history(learner).first().innerText()).toContain('注册时填写');
    await learner.selectOption('select[name="attainment"]', 'senior_secondary');
    await learner.click('form.form button[type="submit"]');
    await learner.waitForSelector('.notice');
    await expect.poll(() => history(learner).count()).toBe(2);
    expect(await history(learner).first().innerText()).toContain('本人修改资料');

    const staff = await signIn(DEMO_LOGIN.providerStaff, 320);
    await open(staff, `${stack.webUrl}/provider/sessions/${sessionId}/roster`);
    await staff.click('a:has-text("王秀兰 的学历记录")');
    await staff.waitForURL(/\/attainment/);
    await staff.waitForSelector('body[data-hydrated]');
    await staff.selectOption('select[name="attainment"]', 'junior_college');
    await staff.click('main form button[type="submit"]');
    await staff.waitForSelector('#reason-error, .field-error');
    expect(await staff.locator('.field-error').first().innerText()).toContain('必须填写');
    await staff.fill('textarea[name="reason"]', '核验毕业证书：大专（2019年）');
    await staff.click('main form button[type="submit"]');
    await staff.waitForSelector('.notice');
    expect(await history(staff).first().innerText()).toContain('工作人员核验后更正');
    await screenshot(staff, 'attainment-staff-320');

    const [event] = await stack.query<{
      reason: string;
      attainment_after: string;
      request_id: string | null;
    }>(
      `SELECT e.reason, e.attainment_after,
              (SELECT a.request_id FROM audit_events a WHERE a.action = 'attainment.corrected'
                  AND a.entity_id = e.learner_user_id::text) AS request_id
         FROM attainment_events e JOIN users u ON u.id = e.learner_user_id
        WHERE u.mobile = $1 AND e.source = 'staff_correction'`,
      [DEMO_LOGIN.learner],
    );
    expect(event).toMatchObject({
      reason: '核验毕业证书：大专（2019年）',
      attainment_after: 'junior_college',
    });
    expect(event.request_id).toBeTruthy();

    await open(learner, `${stack.webUrl}/profile`);
    await expect.poll(() => history(learner).count()).toBe(3);
    expect(await history(learner).first().innerText()).toContain('原因：核验毕业证书：大专（2019年）');
    await screenshot(learner, 'attainment-learner-390');
  });
});
