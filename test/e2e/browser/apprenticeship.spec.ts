import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, open, screenshot } from '../../support/browser.js';
import { startStack, type Stack } from '../../support/stack.js';
import { signInThrough } from '../../support/second-factor.js';

const DEMO_PASSWORD = 'Demo2026!';
const COORDINATOR = '13800000002'; // 刘老师, staff of 青溪县职业技术学校
const MENTOR = '13800000004'; // 陈师傅, mentor of 青溪精工机械有限公司
const APPRENTICE = {
  mobile: '13766660088',
  name: '郑小龙',
  password: `Ap${randomBytes(6).toString('hex')}7`,
};
const ENTERPRISE = '青溪精工机械有限公司';
const PROGRAMME = '数控技术现代学徒制';

let stack: Stack;
let browser: Browser;
let agreementId = '';

const DAY_MS = 86_400_000;
/** A date in China Standard Time, `days` from today. */
function chinaDate(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10);
}
/** The ISO week (2026-W47) and its Monday for a date. */
function isoWeek(date: string): { week: string; monday: string } {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  const monday = new Date(d.getTime() - weekday * DAY_MS);
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS;
  const number = Math.round((monday.getTime() - week1) / (7 * DAY_MS)) + 1;
  return { week: `${year}-W${String(number).padStart(2, '0')}`, monday: monday.toISOString().slice(0, 10) };
}
const addDays = (date: string, days: number) =>
  new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);

async function signIn(mobile: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await open(page, `${stack.webUrl}/login`);
  await page.fill('input[name="login"]', mobile);
  await page.fill('input[name="password"]', password);
  await signInThrough(page, () => page.click('main button[type="submit"]'), stack.apiUrl, mobile);
  return page;
}

/** Clicks a button that posts a form and waits until the page shows the notice after the redirect. */
async function submitAndSee(page: Page, button: string, text: string): Promise<void> {
  await page.click(`main button:has-text("${button}")`);
  await expect.poll(() => page.textContent('main'), { timeout: 15_000 }).toContain(text);
  await page.waitForSelector('body[data-hydrated]');
}

beforeAll(async () => {
  stack = await startStack({ web: true });
  browser = await launchBrowser();
  // A new adult learner, registered as they would themselves.
  const registered = await fetch(`${stack.apiUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: APPRENTICE.name,
      mobile: APPRENTICE.mobile,
      password: APPRENTICE.password,
      birthDate: '2005-05-05',
      sex: 'male',
      townshipCode: '339901102000',
      villageCode: '339901102201',
      attainment: 'senior_secondary',
      employmentStatus: 'employed',
    }),
  });
  expect(registered.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('a school, a company mentor and an adult apprentice run an apprenticeship in the browser', () => {
  const start = chinaDate(-60);
  const lastWeek = isoWeek(chinaDate(-7));

  it('finds the demo school’s apprenticeship programme among the drafting options', async () => {
    const rows = await stack.query<{ title: string }>(
      `SELECT p.title FROM programmes p JOIN providers s ON s.id = p.provider_id
        WHERE s.name = '青溪县职业技术学校' AND p.kind = 'apprenticeship'`,
    );
    expect(rows.map((r) => r.title)).toContain(PROGRAMME);
  });

  it('lets the coordinator draft the agreement in two steps and confirm it for the school', async () => {
    const coordinator = await signIn(COORDINATOR);
    await open(coordinator, `${stack.webUrl}/provider/apprenticeships`);
    expect(await coordinator.textContent('main')).toContain('预警');
    await screenshot(coordinator, 'apprenticeship-1-coordinator-list');

    await coordinator.click('main a:has-text("起草学徒协议")');
    await coordinator.waitForSelector('select[name="enterpriseId"]');
    await coordinator.waitForSelector('body[data-hydrated]');
    // Choosing the company reloads the page with its mentors (in place, with JavaScript).
    await coordinator.selectOption('select[name="enterpriseId"]', { label: ENTERPRISE });
    await coordinator.waitForURL(/enterpriseId=/);
    await coordinator.waitForSelector('select[name="enterpriseMentorUserId"] option:has-text("陈师傅")', {
      state: 'attached',
    });
    await coordinator.fill('input[name="apprenticeMobile"]', APPRENTICE.mobile);
    const programme = await coordinator.$eval(
      'select[name="programmeId"]',
      (select, title) =>
        Array.from((select as HTMLSelectElement).options).find((o) => o.text.startsWith(title))?.value ?? '',
      PROGRAMME,
    );
    await coordinator.selectOption('select[name="programmeId"]', programme);
    await coordinator.fill('input[name="occupationName"]', '数控车工');
    await coordinator.fill('input[name="occupationCode"]', '6-18-01-01');
    await coordinator.selectOption('select[name="schoolMentorUserId"]', { label: '刘老师' });
    await coordinator.selectOption('select[name="enterpriseMentorUserId"]', { label: '陈师傅' });
    await coordinator.fill('input[name="startDate"]', start);
    await coordinator.fill('input[name="plannedEndDate"]', chinaDate(700));
    await coordinator.fill('input[name="plannedSchoolHours"]', '600');
    await coordinator.fill('input[name="plannedWorkplaceHours"]', '1600');
    await screenshot(coordinator, 'apprenticeship-2-draft-form');
    await Promise.all([
      coordinator.waitForURL(/\/provider\/apprenticeships\/[0-9a-f-]{36}\?/),
      coordinator.click('main button:has-text("起草协议")'),
    ]);
    agreementId = /apprenticeships\/([0-9a-f-]{36})/.exec(coordinator.url())?.[1] ?? '';
    expect(agreementId).not.toBe('');
    await coordinator.waitForSelector('body[data-hydrated]');
    expect(await coordinator.textContent('main')).toContain('协议已起草');
    await screenshot(coordinator, 'apprenticeship-3-drafted');

    await submitAndSee(coordinator, '以学校身份确认第 1 版', '已确认。');
    const [confirmed] = await stack.query<{ parties: string[] }>(
      `SELECT array_agg(party::text ORDER BY party) AS parties FROM apprenticeship_confirmations WHERE agreement_id = $1`,
      [agreementId],
    );
    expect(confirmed.parties).toEqual(['school']);
    await screenshot(coordinator, 'apprenticeship-4-school-confirmed');
  });

  it('lets the company mentor read and confirm it for the company', async () => {
    const mentor = await signIn(MENTOR);
    await open(mentor, `${stack.webUrl}/mentor`);
    // The demo county has other agreements waiting for this company too: the heading counts the links below it.
    const waiting = /等待企业确认的协议（(\d+)）/.exec((await mentor.textContent('main')) ?? '');
    expect(Number(waiting?.[1])).toBe(await mentor.locator('main a:has-text("阅读并确认：")').count());
    expect(await mentor.locator(`main a:has-text("阅读并确认：${APPRENTICE.name}")`).count()).toBe(1);
    await screenshot(mentor, 'apprenticeship-5-mentor-home');
    await mentor.click(`main a:has-text("阅读并确认：${APPRENTICE.name}")`);
    await mentor.waitForURL(new RegExp(`/mentor/apprentices/${agreementId}`));
    await mentor.waitForSelector('body[data-hydrated]');
    await submitAndSee(mentor, '代表企业确认第 1 版', '已确认。');
    await screenshot(mentor, 'apprenticeship-6-company-confirmed');
  });

  it('lets the apprentice confirm it (it starts on its past start date) and log last week', async () => {
    const apprentice = await signIn(APPRENTICE.mobile, APPRENTICE.password);
    await open(apprentice, `${stack.webUrl}/learn`);
    await apprentice.click('main a:has-text("我的学徒制")');
    await apprentice.waitForURL(/\/learn\/apprenticeship/);
    await apprentice.waitForSelector('body[data-hydrated]');
    await screenshot(apprentice, 'apprenticeship-7-apprentice-to-confirm');
    await submitAndSee(apprentice, '我已阅读，确认这份协议', '已确认。');
    expect(await apprentice.textContent('main')).toContain('进行中');

    await apprentice.selectOption('select[name="week"]', lastWeek.week);
    await Promise.all([
      apprentice.waitForURL(new RegExp(`week=${lastWeek.week}`)),
      apprentice.click('main button:has-text("填写这一周")'),
    ]);
    await apprentice.waitForSelector(`input[name="workplace-${lastWeek.monday}"]`);
    await apprentice.waitForSelector('body[data-hydrated]');
    for (let day = 0; day < 5; day++) {
      await apprentice.fill(`input[name="workplace-${addDays(lastWeek.monday, day)}"]`, '7');
    }
    await apprentice.fill(`input[name="school-${addDays(lastWeek.monday, 2)}"]`, '2.5');
    await apprentice.fill(
      'textarea[name="description"]',
      '在车间学习数控车床对刀与首件检验，周三在学校学习识图。',
    );
    await screenshot(apprentice, 'apprenticeship-8-week-form');
    await submitAndSee(apprentice, '提交周记', '周记已提交');
    const [week] = await stack.query<{
      workplace_hours: string;
      school_hours: string;
      workplace_status: string;
    }>(
      `SELECT workplace_hours::text, school_hours::text, workplace_status FROM apprenticeship_log_weeks
        WHERE agreement_id = $1 AND week_start = $2`,
      [agreementId, lastWeek.monday],
    );
    expect(week).toEqual({ workplace_hours: '35.0', school_hours: '2.5', workplace_status: 'submitted' });
    await screenshot(apprentice, 'apprenticeship-9-week-submitted');
  });

  it('lets the mentor sign the week among the others waiting, and the school mentor sign its part', async () => {
    const [{ id: weekId }] = await stack.query<{ id: string }>(
      `SELECT id FROM apprenticeship_log_weeks WHERE agreement_id = $1`,
      [agreementId],
    );
    const mentor = await signIn(MENTOR);
    await open(mentor, `${stack.webUrl}/mentor/weeks`);
    expect(await mentor.textContent('main')).toContain(APPRENTICE.name);
    await mentor.check(`input[name="weekIds"][value="${weekId}"]`);
    await screenshot(mentor, 'apprenticeship-10-mentor-weeks');
    await submitAndSee(mentor, '签字确认所选周记', '已签字');
    expect(await mentor.$(`input[name="weekIds"][value="${weekId}"]`)).toBeNull();

    const coordinator = await signIn(COORDINATOR);
    await open(coordinator, `${stack.webUrl}/provider/apprenticeships/weeks`);
    await coordinator.check(`input[name="weekIds"][value="${weekId}"]`);
    await submitAndSee(coordinator, '签字确认所选周记', '已签字');
    const [week] = await stack.query<{ workplace_status: string; school_status: string }>(
      `SELECT workplace_status, school_status FROM apprenticeship_log_weeks WHERE id = $1`,
      [weekId],
    );
    expect(week).toEqual({ workplace_status: 'signed', school_status: 'signed' });
  });

  it('shows the coordinator the signed hours on the agreement page', async () => {
    const coordinator = await signIn(COORDINATOR);
    await open(coordinator, `${stack.webUrl}/apprenticeships/${agreementId}`);
    await coordinator.waitForURL(new RegExp(`/provider/apprenticeships/${agreementId}`));
    const main = (await coordinator.textContent('main')) ?? '';
    expect(main).toContain('进行中');
    expect(main).toContain('35 / 1,600');
    expect(main).toContain('2.5 / 600');
    await screenshot(coordinator, 'apprenticeship-11-coordinator-agreement');

    // The same page in English, the second language.
    await coordinator.context().addCookies([{ name: 'cll_lang', value: 'en', url: stack.webUrl }]);
    await open(coordinator, coordinator.url());
    const english = (await coordinator.textContent('main')) ?? '';
    expect(english).toContain('Workplace hours (signed / planned)');
    expect(english).toContain('Company confirmed version 1 of the agreement');
    await screenshot(coordinator, 'apprenticeship-11-coordinator-agreement-en');
  });

  it('lets the coordinator choose the company without JavaScript, in two steps', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/login`);
    await page.fill('input[name="login"]', COORDINATOR);
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await signInThrough(page, () => page.click('main button[type="submit"]'), stack.apiUrl, COORDINATOR, {
      js: false,
    });
    await page.goto(`${stack.webUrl}/provider/apprenticeships/new`);
    expect(await page.$('select[name="enterpriseMentorUserId"]')).toBeNull();
    await page.selectOption('select[name="enterpriseId"]', { label: ENTERPRISE });
    await Promise.all([page.waitForURL(/enterpriseId=/), page.click('main button:has-text("选择这家企业")')]);
    expect(await page.textContent('select[name="enterpriseMentorUserId"]')).toContain('陈师傅');
    // A refused draft comes back with its errors beside the fields, still for the same company.
    await page.click('main button:has-text("起草协议")');
    await page.waitForSelector('.error-summary');
    expect(page.url()).toContain('enterpriseId=');
    expect(await page.textContent('.error-summary')).toContain('学徒的手机号');
    await screenshot(page, 'apprenticeship-12-no-js-errors');
    await context.close();
  });
});
