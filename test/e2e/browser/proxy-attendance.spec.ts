import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, open, screenshot } from '../../support/browser.js';
import { startStack, type Stack } from '../../support/stack.js';

interface Target {
  course_id: string;
  title: string;
  session_id: string;
}

const ELDER_MOBILE = '13766660001';
let stack: Stack;
let browser: Browser;
let target: Target;

async function codeTextedTo(mobile: string): Promise<string> {
  const messages = (await (await fetch(`${stack.apiUrl}/api/dev/sms?mobile=${mobile}`)).json()) as Array<{
    text: string;
  }>;
  const code = /(?<!\d)\d{6}(?!\d)/.exec(messages[0]?.text ?? '')?.[0];
  if (!code) throw new Error(`no code texted to ${mobile}`);
  return code;
}

async function signIn(mobile: string): Promise<Page> {
  const page = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
  ).newPage();
  await open(page, `${stack.webUrl}/login`);
  await page.fill('input[name="login"]', mobile);
  await page.fill('input[name="password"]', 'Demo2026!');
  await page.click('main button[type="submit"]');
  await page.waitForURL(/\/profile$/);
  return page;
}

beforeAll(async () => {
  stack = await startStack({ web: true });
  // A township class of the vocational school (where 13800000002 teaches), open to a 75-year-old, under way since
  // yesterday and meeting every day, so that the roster opens on today and today's attendance can be taken.
  [target] = await stack.query<Target>(
    `SELECT c.id AS course_id, c.title, s.id AS session_id
       FROM courses c JOIN course_sessions s ON s.course_id = c.id JOIN providers p ON p.id = c.provider_id
      WHERE p.name = '青溪县职业技术学校' AND c.mode = 'offline' AND c.status = 'published' AND NOT s.online
        AND coalesce(c.max_age, 200) >= 80 AND now() < s.enrolment_closes_at AND s.enrolled_count < s.capacity
      ORDER BY c.title LIMIT 1`,
  );
  if (!target) {
    // No elderly-friendly class there in this demo draw: open the first township class to all ages.
    [target] = await stack.query<Target>(
      `UPDATE courses c SET max_age = NULL, min_age = NULL FROM course_sessions s, providers p
        WHERE s.course_id = c.id AND p.id = c.provider_id AND p.name = '青溪县职业技术学校' AND c.mode = 'offline'
          AND c.status = 'published' AND NOT s.online AND now() < s.enrolment_closes_at
          AND c.id = (SELECT c2.id FROM courses c2 JOIN providers p2 ON p2.id = c2.provider_id
                       WHERE p2.name = '青溪县职业技术学校' AND c2.mode = 'offline' AND c2.status = 'published' ORDER BY c2.title LIMIT 1)
      RETURNING c.id AS course_id, c.title, s.id AS session_id`,
    );
  }
  await stack.query(
    `UPDATE course_sessions SET starts_at = now() - interval '1 day', class_weekdays = '{1,2,3,4,5,6,7}', enrolment_opens_at = now() - interval '2 days',
            enrolment_closes_at = least(ends_at, now() + interval '5 days') WHERE id = $1`,
    [target.session_id],
  );
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('a family member enrols an elderly resident, and the teacher takes attendance', () => {
  it('registers the resident on the spot and enrols them with recorded consent', async () => {
    const family = await signIn('13800000001');
    await open(family, `${stack.webUrl}/proxy`);
    await family.fill('input[name="mobile"]', ELDER_MOBILE);
    await family.click('main button:has-text("下一步")');
    // The resident confirms: the code texted to their mobile (the development gateway shows it) is read out.
    await family.waitForSelector('input[name="code"]');
    await screenshot(family, 'proxy-consent-step');
    const code = await codeTextedTo(ELDER_MOBILE);
    await family.check('input[name="relationship"][value="family"]');
    await family.fill('input[name="code"]', code);
    await family.click('main button:has-text("确认代办关系")');
    await family.waitForSelector('input[name="q"]');
    await family.fill('input[name="q"]', target.title.replace(/（.*）$/, '').slice(0, 4));
    await family.click('main button:has-text("搜索")');
    await family.waitForSelector(`input[name="sessionId"][value="${target.session_id}"]`);
    await family.check(`input[name="sessionId"][value="${target.session_id}"]`);
    await family.check('input[name="relationship"][value="family"]');
    await family.check('input[name="consent"]');
    await family.click('main button:has-text("确认报名")');
    await family.waitForSelector('input[name="birthDate"]');
    await screenshot(family, 'proxy-register-step');
    await family.fill('[name="name"]', '钱奶奶');
    await family.fill('input[name="birthDate"]', '1951-09-09');
    await family.check('input[name="sex"][value="female"]');
    await family.selectOption('select[name="villageCode"]', '339901102201');
    const township = family.locator('select[name="townshipCode"]');
    if (await township.count()) await township.selectOption('339901102000');
    await family.selectOption('select[name="attainment"]', 'primary');
    await family.selectOption('select[name="employmentStatus"]', 'retired');
    await family.click('main button:has-text("注册并报名")');
    await expect.poll(() => family.textContent('main')).toContain('报名成功');
    await screenshot(family, 'proxy-enrolled');

    const [row] = await stack.query<{
      source: string;
      proxy_relationship: string;
      consent: boolean;
      actor: string;
      learner: string;
    }>(
      `SELECT e.source, e.proxy_relationship, e.consent_recorded_at IS NOT NULL AS consent,
              (SELECT mobile FROM users WHERE id = a.actor_user_id) AS actor,
              (SELECT mobile FROM users WHERE id = a.on_behalf_of_user_id) AS learner
         FROM enrolments e JOIN users u ON u.id = e.learner_user_id
         JOIN audit_events a ON a.entity_id = e.id::text AND a.action = 'enrolment.enrolled'
        WHERE u.mobile = $1 AND e.session_id = $2`,
      [ELDER_MOBILE, target.session_id],
    );
    expect(row).toEqual({
      source: 'proxy',
      proxy_relationship: 'family',
      consent: true,
      actor: '13800000001',
      learner: ELDER_MOBILE,
    });
  });

  it('lets the teacher take attendance on a phone; saving the same roster twice counts once', async () => {
    const teacher = await signIn('13800000002');
    await open(
      teacher,
      `${stack.webUrl}/provider/sessions/${target.session_id}/roster?course=${target.course_id}`,
    );
    const [enrolment] = await stack.query<{ id: string }>(
      `SELECT e.id FROM enrolments e JOIN users u ON u.id = e.learner_user_id WHERE u.mobile = $1`,
      [ELDER_MOBILE],
    );
    const box = teacher.locator(`input[name="present"][value="${enrolment.id}"]`);
    await box.check();
    for (let i = 0; i < 2; i++) {
      await teacher.click('main button:has-text("保存点名")');
      await expect
        .poll(
          async () =>
            (
              await stack.query<{ n: number }>(
                `SELECT count(*)::int AS n FROM attendance WHERE enrolment_id = $1`,
                [enrolment.id],
              )
            )[0].n,
        )
        .toBe(1);
      await teacher.waitForSelector('body[data-hydrated]');
    }
    expect(await box.isChecked()).toBe(true);
    await screenshot(teacher, 'roster-attendance');
  });
});
