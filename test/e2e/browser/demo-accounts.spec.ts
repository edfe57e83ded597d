import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, open } from '../../support/browser.js';
import { until } from '../../support/http.js';
import { signInThrough } from '../../support/second-factor.js';
import { startStack, type Stack } from '../../support/stack.js';

/**
 * The demo accounts as each first opens the platform after a fresh load of the demo county: the learner's record and
 * certificates (their PDFs made by the worker from the start), the mentor's weeks to sign, the school's roster import
 * with its rejected rows, the bureau's dashboard with no headline card hidden. Screenshots go to test/artifacts/demo/.
 */

const PASSWORD = 'Demo2026!';
const DEMO = `${ARTIFACTS}demo/`;

let stack: Stack;
let browser: Browser;

async function signIn(mobile: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await open(page, `${stack.webUrl}/login`);
  await page.fill('input[name="login"]', mobile);
  await page.fill('input[name="password"]', PASSWORD);
  await signInThrough(page, () => page.click('main button[type="submit"]'), stack.apiUrl, mobile);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(DEMO, { recursive: true });
  await page.screenshot({ path: `${DEMO}${name}.png`, fullPage: true });
}

beforeAll(async () => {
  stack = await startStack({ web: true });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the demo accounts open on histories of their own', () => {
  it('shows the demo learner her record, her certificates ready to download, a course in progress and a waitlist', async () => {
    const page = await signIn('13800000001');
    const [{ n: certificates }] = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM certificates k JOIN users u ON u.id = k.learner_user_id
        WHERE u.mobile = '13800000001'`,
    );
    expect(certificates).toBeGreaterThanOrEqual(4);
    // The worker makes every PDF from the jobs the demo load queued: each certificate gets its download link.
    const links = await until(
      'every certificate PDF made',
      async () => {
        await open(page, `${stack.webUrl}/learn`);
        const hrefs = await page
          .locator('section[aria-labelledby="certificates"] a[href$=".pdf"]')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        return hrefs.length >= certificates ? hrefs : undefined;
      },
      60_000,
    );
    const pdf = await page.request.get(`${stack.webUrl}${links[0]}`);
    expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
    const main = (await page.textContent('main')) ?? '';
    expect(main).toContain('青溪县老年大学');
    expect(main).toMatch(/候补|等候/);
    await shot(page, 'learner-record');
  }, 120_000);

  it('gives the demo mentor weeks to sign', async () => {
    const page = await signIn('13800000004');
    await open(page, `${stack.webUrl}/mentor`);
    expect((await page.textContent('main')) ?? '').toMatch(/有 \d+ 周周记等您签字/);
    await open(page, `${stack.webUrl}/mentor/weeks`);
    const rows = await page.locator('main tbody tr, main li').count();
    expect(rows).toBeGreaterThanOrEqual(3);
    await shot(page, 'mentor-weeks');
  }, 120_000);

  it('shows the school its roster import with the rejected rows and their reasons', async () => {
    const [job] = await stack.query<{ id: string; session_id: string }>(
      `SELECT i.id, i.session_id FROM roster_imports i JOIN users u ON u.id = i.uploaded_by_user_id
        WHERE u.mobile = '13800000002'`,
    );
    const page = await signIn('13800000002');
    await open(page, `${stack.webUrl}/provider/sessions/${job.session_id}/roster/imports/${job.id}`);
    const main = (await page.textContent('main')) ?? '';
    for (const mobile of ['1380000123', '13912345670', '13912345671']) expect(main).toContain(mobile);
    await shot(page, 'school-roster-import');
  }, 120_000);

  it('opens the bureau dashboard with no headline card hidden', async () => {
    const page = await signIn('13800000006');
    await open(page, `${stack.webUrl}/bureau/indicators`);
    const cards = await page.locator('.kpi-card').allTextContents();
    expect(cards.length).toBeGreaterThanOrEqual(7);
    for (const card of cards) expect(card).not.toContain('已隐去');
    await shot(page, 'bureau-dashboard');
  }, 120_000);
});
