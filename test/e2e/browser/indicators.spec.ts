import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, open, screenshot } from '../../support/browser.js';
import { startStack, type Stack } from '../../support/stack.js';
import { secretOf, signInThrough } from '../../support/second-factor.js';
import { freshCode, totpCode } from '../../../apps/api/src/testing/totp-code.js';

const BUREAU_ADMIN = '13800000006'; // 吴科长
const LEARNER = '13800000001';
const PASSWORD = 'Demo2026!';
const CSV_HEADER = 'year,indicator,version,dimension,key,label,numerator,denominator,value';
/** 溪口镇, a township of the demo county with completions in both years. */
const TOWNSHIP = { code: '339901102000', name: '溪口镇' };
/** The county's year as the API counts it (China time). */
const THIS_YEAR = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;

async function signIn(mobile: string, options: { javaScriptEnabled?: boolean } = {}) {
  const ctx = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
    ...options,
  });
  const p = await ctx.newPage();
  await p.goto(`${stack.webUrl}/login`);
  if (options.javaScriptEnabled !== false) await p.waitForSelector('body[data-hydrated]');
  await p.fill('input[name="login"]', mobile);
  await p.fill('input[name="password"]', PASSWORD);
  await signInThrough(p, () => p.click('main button[type="submit"]'), stack.apiUrl, mobile, {
    js: options.javaScriptEnabled !== false,
  });
  return { ctx, p };
}

/** The figures of a table column, in the order shown (suppressed cells read as null). */
async function columnValues(p: Page, table: string, column: number): Promise<Array<number | null>> {
  const cells = await p.locator(`${table} tbody tr td:nth-of-type(${column})`).allTextContents();
  return cells.map((text) => {
    const m = /-?[\d,]+(\.\d+)?/.exec(text);
    return m ? Number(m[0].replace(/,/g, '')) : null;
  });
}

beforeAll(async () => {
  stack = await startStack({ web: true });
  browser = await launchBrowser();
  ({ ctx: context, p: page } = await signIn(BUREAU_ADMIN));
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the bureau administrator works with the county’s indicators in the browser', () => {
  it('opens the dashboard from the header and sees the years-of-schooling card with its target', async () => {
    await page.waitForSelector('body[data-hydrated]');
    await Promise.all([
      page.waitForURL(/\/bureau\/indicators$/),
      page.click('header nav a[href="/bureau/indicators"]'),
    ]);
    await page.waitForSelector('body[data-hydrated]');
    expect(await page.textContent('h1')).toBe('教育发展指标看板');
    const card = page.locator('.kpi-card', { hasText: '15 岁及以上人口平均受教育年限' }).first();
    const text = (await card.textContent()) ?? '';
    expect(text).toMatch(/\d+\.\d{2} 年/);
    expect(text).toContain('目标：9.60 年');
    expect(text).toMatch(/距目标还差 \d+\.\d{2} 年|已超过目标|已达到目标/);
    const main = (await page.textContent('main')) ?? '';
    expect(main).toContain('青溪县第七次全国人口普查（示例数据）');
    expect(main).toContain('暂定数');
    expect(main).toContain('下限');
    expect(main).toContain('<5，已隐去');
    await screenshot(page, 'indicators-1-dashboard');
  });

  it('opens the participation indicator: definition, lower bound, a chart with its table', async () => {
    await Promise.all([
      page.waitForURL(/\/bureau\/indicators\/ce_participation_12m\?year=\d{4}$/),
      page.click('main table a:has-text("继续教育参与率（近 12 个月）")'),
    ]);
    await page.waitForSelector('body[data-hydrated]');
    expect(await page.textContent('h1')).toBe('继续教育参与率（近 12 个月）');
    const definition = (await page.textContent('.definition')) ?? '';
    expect(definition).toContain('人数：同一人只计一次');
    expect(definition).toContain('青溪县第七次全国人口普查（示例数据）');
    expect(definition).toContain('25–64 岁');
    expect(definition).toContain('distinct residents in the age band');
    // One meaning of taking part, listed; and the window with its first and last day.
    for (const activity of ['结业一门课程', '上课出勤', '完成一节线上课', '学徒培训学时经导师签字']) {
      expect(definition).toContain(activity);
    }
    expect((await page.textContent('.period-facts')) ?? '').toMatch(
      /近 12 个月：\d{4}年\d{1,2}月\d{1,2}日 至 \d{4}年\d{1,2}月\d{1,2}日/,
    );
    expect(await page.textContent('.figure-summary')).toMatch(
      /计算：分子 [\d,]+ ÷ 分母 [\d,]+ = \d+\.\d{4}%/,
    );
    // Chart.js loads on this page only, and each chart is named for screen readers.
    await page.waitForSelector('.chart[role="img"] canvas');
    expect(await page.getAttribute('#townships-heading ~ .chart-figure .chart', 'aria-label')).toContain(
      '各乡镇（街道）',
    );
    expect(await page.locator('#townships-table tbody tr').count()).toBeGreaterThan(1);
    await screenshot(page, 'indicators-2-participation');
  });

  it('sorts the township table by value, largest first, through the address', async () => {
    await Promise.all([
      page.waitForURL(/sort=value&dir=desc/),
      page.click('#townships-table thead a.sort-link:has-text("数值")'),
    ]);
    await page.waitForSelector('#townships-table th[aria-sort="descending"]');
    const values = (await columnValues(page, '#townships-table', 3)).filter((v) => v !== null);
    expect(values.length).toBeGreaterThan(1);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    await page.locator('#townships-heading').scrollIntoViewIfNeeded();
    await screenshot(page, 'indicators-3-sorted-by-value');
  });

  it('opens a township’s drill-down, which shows the township’s own figure beside the county’s', async () => {
    const link = page.locator(`#townships-table tbody th a:text-is("${TOWNSHIP.name}")`);
    await Promise.all([page.waitForURL(new RegExp(`/townships/${TOWNSHIP.code}\\?year=`)), link.click()]);
    await page.waitForSelector('body[data-hydrated]');
    expect(await page.textContent('h1')).toBe(`${TOWNSHIP.name}：继续教育参与率（近 12 个月）`);
    const figure = (await page.textContent('.figure-summary')) ?? '';
    expect(figure).toMatch(/\d+\.\d{2}%/);
    expect(figure).toContain('全县');
    await screenshot(page, 'indicators-4-drill-participation');
  });

  it('lists the courses and providers behind a township’s completions, without naming residents', async () => {
    await open(
      page,
      `${stack.webUrl}/bureau/indicators/completions/townships/${TOWNSHIP.code}?year=${THIS_YEAR}`,
    );
    const rows = page.locator('main table tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const text = (await page.textContent('main table')) ?? '';
    expect(text).toMatch(/青溪县(职业技术学校|老年大学|社区学院|职业技能培训中心)|青溪开放大学学习中心/);
    expect(text).not.toContain('示例学员');
    await screenshot(page, 'indicators-5-drill-completions');
  });

  it('lists the courses behind a township’s participation figure', async () => {
    await open(
      page,
      `${stack.webUrl}/bureau/indicators/ce_participation_12m/townships/${TOWNSHIP.code}?year=${THIS_YEAR}`,
    );
    expect(await page.locator('main table tbody tr').count()).toBeGreaterThan(0);
  });

  it('downloads the year’s figures as CSV, with the header and the published rows', async () => {
    await open(page, `${stack.webUrl}/bureau/indicators?year=${THIS_YEAR}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`main a:has-text("下载 ${THIS_YEAR} 年数据（CSV）")`),
    ]);
    expect(download.suggestedFilename()).toBe(`indicators-${THIS_YEAR}.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    writeFileSync(`${ARTIFACTS}indicators-${THIS_YEAR}.csv`, csv);
    const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines.some((l) => l.startsWith(`${THIS_YEAR},mys15_bulletin,1,total,`))).toBe(true);
    expect(csv).toContain(`township,${TOWNSHIP.code},${TOWNSHIP.name}`);
  });

  it('sets a target, typed in percent and stored as a fraction', async () => {
    await Promise.all([
      page.waitForURL(/\/bureau\/indicators\/targets\?year=/),
      page.click('nav.area-bar a:has-text("目标值设置")'),
    ]);
    await page.waitForSelector('body[data-hydrated]');
    expect(await page.inputValue('#target-ce_participation_12m')).toBe('50');
    await page.fill('#target-ce_participation_4w', '1.5');
    await Promise.all([page.waitForURL(/done=targetsSaved/), page.click('main button:has-text("保存改动")')]);
    await expect.poll(() => page.textContent('main')).toContain('目标值已保存。');
    const [target] = await stack.query<{ value: string }>(
      `SELECT value FROM indicator_targets WHERE code = 'ce_participation_4w' AND year = $1`,
      [THIS_YEAR],
    );
    expect(Number(target.value)).toBe(0.015);
    const row = page.locator('main table tbody tr', { hasText: '继续教育参与率（近 4 周）' });
    expect(await row.textContent()).toContain('1.50%');
    await screenshot(page, 'indicators-6-target-set');
  });

  it('refuses a target out of range beside its field, keeping what was typed', async () => {
    await page.fill('#target-elderly_participation', '120');
    await page.click('main button:has-text("保存改动")');
    await page.waitForSelector('.error-summary');
    expect(await page.textContent('.error-summary')).toContain('请填写 0 到 100 之间的数字。');
    expect(await page.inputValue('#target-elderly_participation')).toBe('120');
    expect(await page.getAttribute('#target-elderly_participation', 'aria-invalid')).toBe('true');
  });

  it('uploads a small bad baseline file and lists its problems by line, in words', async () => {
    await open(page, `${stack.webUrl}/bureau/baselines`);
    expect(await page.textContent('main')).toContain('看板正在使用：青溪县第七次全国人口普查（示例数据）');
    const bad = [
      'township_code,age_band,sex,attainment,count',
      `${TOWNSHIP.code},15-19,male,junior_secondary,812`,
      '999999999999,15-19,male,junior_secondary,3',
      `${TOWNSHIP.code},15-1x,female,primary,3`,
      `${TOWNSHIP.code},20-24,male,primary,-3`,
    ].join('\n');
    await page.fill('input[name="name"]', '测试用错误文件');
    await page.selectOption('select[name="source"]', 'other');
    await page.fill('input[name="year"]', '2024');
    await page.setInputFiles('input[name="file"]', {
      name: 'bad-baseline.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(bad),
    });
    await Promise.all([
      page.waitForURL(/\/bureau\/baselines\/[0-9a-f-]{36}$/),
      page.click('main button:has-text("上传并检查")'),
    ]);
    await page.waitForSelector('body[data-hydrated]');
    // The import runs in the background; the page asks again every 2 seconds until it is done.
    await expect.poll(() => page.textContent('main'), { timeout: 30_000 }).toContain('有问题，没有导入');
    await page.waitForSelector('.problems-table');
    const problems = (await page.textContent('.problems-table')) ?? '';
    expect(problems).toContain('第 3 行');
    expect(problems).toContain('乡镇代码不是本县的乡镇（街道）。');
    expect(problems).toContain('年龄组的写法不对');
    expect(problems).toContain('人数不能是负数。');
    // The age bands' problems name the lines involved.
    expect(problems).toContain('年龄组从 15-19（第 2 行）开始，没有从 0 岁开始。');
    expect(problems).toContain('最后一个年龄组 20-24（第 5 行）不是开放组');
    const href = await page.getAttribute('main a:has-text("下载全部问题（CSV）")', 'href');
    const response = await context.request.get(`${stack.webUrl}${href}`);
    expect(response.headers()['content-type']).toContain('text/csv');
    expect((await response.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('line,field,code,message');
    await screenshot(page, 'indicators-7-baseline-problems');
  });

  // The demo county closed last year already (with a restatement from late reports); the year before is still open.
  it('closes the year before last only after a confirmation step, then shows its figures as frozen', async () => {
    const year = THIS_YEAR - 2;
    await open(page, `${stack.webUrl}/bureau/indicators?year=${year}`);
    await Promise.all([
      page.waitForURL(/confirm=close/),
      page.click(`main a:has-text("为 ${year} 年结账…")`),
    ]);
    await page.waitForSelector('body[data-hydrated]');
    expect(await page.textContent('.confirm-panel')).toContain(`确认为 ${year} 年结账？`);
    await screenshot(page, 'indicators-8-close-confirm');
    // The administrator set up the authenticator at the first sign-in (beforeAll: QR page, first code, recovery
    // codes). Closing a year wants a code from the last 5 minutes: make the last one older, by the database clock.
    const [factor] = await stack.query<{ confirmed: boolean }>(
      `SELECT t.confirmed_at IS NOT NULL AS confirmed FROM user_totp t JOIN users u ON u.id = t.user_id
        WHERE u.mobile = $1`,
      [BUREAU_ADMIN],
    );
    expect(factor?.confirmed).toBe(true);
    await stack.query(
      `UPDATE auth_sessions SET step_up_at = now() - interval '6 minutes'
        WHERE user_id = (SELECT id FROM users WHERE mobile = $1)`,
      [BUREAU_ADMIN],
    );
    await page.click(`main button:has-text("确认结账，冻结 ${year} 年数字")`);
    await page.waitForSelector('[role="dialog"] input[name="stepUpCode"]');
    expect(await page.textContent('[role="dialog"]')).toContain('请再次验证身份');
    const [still] = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM indicator_periods WHERE year = $1 AND status = 'closed'`,
      [year],
    );
    expect(still.n).toBe(0);
    await screenshot(page, 'indicators-8b-step-up');
    // A wrong code is said beside the field; the right one closes the year in the same step.
    await page.fill(
      'input[name="stepUpCode"]',
      '000000' === totpCode(secretOf(stack.apiUrl, BUREAU_ADMIN) ?? '') ? '111111' : '000000',
    );
    await page.click('[role="dialog"] button[type="submit"]');
    await expect.poll(() => page.textContent('[role="dialog"]')).toContain('动态码不对');
    await page.fill('input[name="stepUpCode"]', await freshCode(secretOf(stack.apiUrl, BUREAU_ADMIN) ?? ''));
    await Promise.all([
      page.waitForURL(/done=periodClosed/),
      page.click('[role="dialog"] button[type="submit"]'),
    ]);
    await expect.poll(() => page.textContent('main')).toContain('已结账，数字已冻结。');
    const main = (await page.textContent('main')) ?? '';
    expect(main).toMatch(/已结账（\d{4}年\d{1,2}月\d{1,2}日）/);
    expect(main).toContain('冻结数据校验码');
    expect(main).not.toContain(`为 ${year} 年结账…`);
    await screenshot(page, 'indicators-9-closed');
  });

  it('shows what a closed year’s figure would be with data added since, beside the frozen one', async () => {
    const year = THIS_YEAR - 2;
    // Completions in that year by five residents without any that year, recorded after closing it (late
    // reports): the frozen figure must not move, and a change from five people may be shown.
    await stack.query(
      `WITH s AS (SELECT id, course_id FROM course_sessions WHERE label = '往期班' ORDER BY id LIMIT 1),
            u AS (SELECT p.user_id AS id FROM learner_profiles p
                   WHERE NOT EXISTS (SELECT 1 FROM learning_records r WHERE r.learner_user_id = p.user_id
                                        AND date_part('year', r.completed_on) = date_part('year', $1::date))
                     AND NOT EXISTS (SELECT 1 FROM enrolments x JOIN s ON x.session_id = s.id
                                      WHERE x.learner_user_id = p.user_id)
                   ORDER BY p.user_id LIMIT 5),
            e AS (INSERT INTO enrolments (learner_user_id, session_id, course_id, status, queue_number, ended_at)
                  SELECT u.id, s.id, s.course_id, 'completed', nextval('enrolment_queue_seq'), now() FROM u, s
                  RETURNING id, learner_user_id, course_id)
       INSERT INTO learning_records (learner_user_id, enrolment_id, course_id, provider_id, course_title,
                                     provider_name, category, hours, credits, completed_on, evidence)
       SELECT e.learner_user_id, e.id, c.id, p.id, c.title, p.name, c.category, c.study_hours, c.credits,
              $1::date, '{"by":"e2e"}'
         FROM e JOIN courses c ON c.id = e.course_id JOIN providers p ON p.id = c.provider_id`,
      [`${year}-06-01`],
    );
    await open(page, `${stack.webUrl}/bureau/indicators/completions?year=${year}`);
    const frozen = (await page.textContent('.figure-summary__value')) ?? '';
    await open(page, `${stack.webUrl}/bureau/indicators?year=${year}`);
    await Promise.all([
      page.waitForURL(/done=recomputed/),
      page.click(`main button:has-text("立即重新计算 ${year} 年")`),
    ]);
    await open(page, `${stack.webUrl}/bureau/indicators/completions?year=${year}`);
    expect(await page.textContent('.figure-summary__value')).toBe(frozen);
    const restatement = (await page.textContent('.restatement')) ?? '';
    expect(restatement).toContain('按现有数据重算');
    expect(restatement).toContain('比冻结数 +5 人次');
    // The township table has the recomputation too, cell by cell (hidden where fewer than 5 people changed it).
    expect(await page.textContent('#townships-table thead')).toContain('按现有数据重算');
    expect(await page.locator('#townships-table [data-testid="cell-restatement"]').count()).toBeGreaterThan(
      0,
    );
    await screenshot(page, 'indicators-10-restatement');
  });

  it('sorts the township table without JavaScript too', async () => {
    const { ctx, p } = await signIn(BUREAU_ADMIN, { javaScriptEnabled: false });
    await p.goto(`${stack.webUrl}/bureau/indicators/ce_participation_12m?year=${THIS_YEAR}`);
    await Promise.all([
      p.waitForURL(/sort=value&dir=desc/),
      p.click('#townships-table thead a.sort-link:has-text("数值")'),
    ]);
    const values = (await columnValues(p, '#townships-table', 3)).filter((v) => v !== null);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    // No chart without JavaScript; the table carries the figures.
    expect(await p.locator('.chart').count()).toBe(0);
    await ctx.close();
  });

  it('shows a learner neither the link nor the pages', async () => {
    const { ctx, p } = await signIn(LEARNER);
    expect(await p.locator('header a[href="/bureau/indicators"]').count()).toBe(0);
    const response = await p.goto(`${stack.webUrl}/bureau/indicators`);
    expect(response?.status()).toBe(403);
    await ctx.close();
  });
});
