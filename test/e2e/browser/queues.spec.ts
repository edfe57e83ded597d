import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, open, screenshot } from '../../support/browser.js';
import { DEMO_LOGIN, DEMO_PASSWORD, login } from '../../support/http.js';
import { addFailingJob, jobState } from '../../support/queues.js';
import { startStack, type Stack } from '../../support/stack.js';
import { signInThrough } from '../../support/second-factor.js';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack({ web: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signIn(mobile: string, width = 1280): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 800 } })).newPage();
  await open(page, `${stack.webUrl}/login`);
  await page.fill('input[name="login"]', mobile);
  await page.fill('input[name="password"]', DEMO_PASSWORD);
  await signInThrough(page, () => page.click('main button[type="submit"]'), stack.apiUrl, mobile);
  return page;
}

const card = (page: Page, jobId: string) => page.locator('article.card', { hasText: jobId });

async function auditOf(action: string, jobId: string) {
  return stack.query<{ actor: string }>(
    `SELECT u.mobile AS actor FROM audit_events e JOIN users u ON u.id = e.actor_user_id
      WHERE e.action = $1 AND e.entity_id = $2`,
    [action, `certificates/${jobId}`],
  );
}

describe('the job-queue page of the web app (/admin/queues)', () => {
  it('shows the bureau administrator every queue and a failed job with its reason; retry and remove are audited', async () => {
    const [toRetry, toRemove] = [await addFailingJob(stack), await addFailingJob(stack)];
    const page = await signIn(DEMO_LOGIN.bureauAdmin, 390);
    await page.click('nav a[href="/admin/queues"]');
    await page.waitForURL(/\/admin\/queues$/);
    expect(await page.textContent('h1')).toBe('任务队列');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    for (const name of ['通知', '证书', '导入', '维护']) {
      await page.getByRole('heading', { level: 2, name: `队列：${name}` }).waitFor();
    }
    const failed = card(page, toRetry);
    expect(await failed.textContent()).toContain('Missing process handler for job type legacy-export');
    expect(await failed.textContent()).toContain('legacy-export');
    await screenshot(page, 'queues-failed-job');

    await failed.getByRole('button', { name: /^重试/ }).click();
    await page.waitForURL(/done=jobRetried/);
    await page.getByText('任务已重新排队').waitFor();
    expect(await auditOf('job.retried', toRetry)).toEqual([{ actor: DEMO_LOGIN.bureauAdmin }]);

    await card(page, toRemove).getByRole('button', { name: /^删除/ }).click();
    await page.waitForURL(/done=jobRemoved/);
    await page.getByText('任务已删除').waitFor();
    expect(await card(page, toRemove).count()).toBe(0);
    expect(await jobState(stack, 'certificates', toRemove)).toBeNull();
    expect(await auditOf('job.removed', toRemove)).toEqual([{ actor: DEMO_LOGIN.bureauAdmin }]);
  });

  it('says so on top of the page when another administrator already removed the job', async () => {
    const jobId = await addFailingJob(stack);
    const page = await signIn(DEMO_LOGIN.bureauAdmin);
    await open(page, `${stack.webUrl}/admin/queues`);
    // Another administrator's session, signed in through the API with its own authenticator code.
    const { token: accessToken } = await login(stack.apiUrl, DEMO_LOGIN.bureauAdmin);
    const removed = await fetch(`${stack.apiUrl}/api/admin/queues/certificates/jobs/${jobId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(removed.status).toBe(200);
    await card(page, jobId).getByRole('button', { name: /^重试/ }).click();
    await page.locator('[role="alert"]').first().waitFor();
    expect(await page.locator('[role="alert"]').first().textContent()).toContain('已不在队列中');
  });

  it('sends anonymous visitors to log in and refuses other roles, with no link in their header', async () => {
    const anonymous = await fetch(`${stack.webUrl}/admin/queues`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Fadmin%2Fqueues');
    for (const who of [DEMO_LOGIN.learner, DEMO_LOGIN.bureauAnalyst]) {
      const page = await signIn(who);
      expect(await page.locator('nav a[href="/admin/queues"]').count()).toBe(0);
      const response = await page.goto(`${stack.webUrl}/admin/queues`);
      expect(response?.status()).toBe(403);
      expect(await page.textContent('main')).toContain('您没有权限');
    }
  });
});
