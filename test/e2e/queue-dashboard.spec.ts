import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { DEMO_LOGIN, DEMO_PASSWORD } from '../support/http.js';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;
let browser: Browser | undefined;
beforeAll(async () => {
  stack = await startStack({ web: true });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Signs in through the web app's own form and returns the session cookies. */
async function webSession(login: string): Promise<string> {
  const res = await fetch(`${stack.webUrl}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(stack.webUrl).origin },
    body: new URLSearchParams({ login, password: DEMO_PASSWORD }),
    redirect: 'manual',
  });
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describe('the queue dashboard through the web app', () => {
  it('sends anonymous visitors to log in and passes the API refusal to other roles', async () => {
    const anonymous = await fetch(`${stack.webUrl}/admin/queues`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Fadmin%2Fqueues');
    const learner = await fetch(`${stack.webUrl}/admin/queues/api/queues`, {
      headers: { cookie: await webSession(DEMO_LOGIN.learner) },
    });
    expect(learner.status).toBe(403);
    expect(((await learner.json()) as { code: string }).code).toBe('FORBIDDEN');
  });

  it('shows bureau_admin the dashboard under the site CSP and refuses cross-site actions', async () => {
    const cookie = await webSession(DEMO_LOGIN.bureauAdmin);
    const home = await (await fetch(`${stack.webUrl}/`, { headers: { cookie } })).text();
    expect(home).toMatch(/href="(\.)?\/admin\/queues"/); // SvelteKit writes paths relative to the page
    expect(home).toContain('任务队列');
    const page = await fetch(`${stack.webUrl}/admin/queues`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    for (const directive of ["script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(await page.text()).toContain('<base href="/admin/queues/"');
    const foreign = await fetch(`${stack.webUrl}/admin/queues/api/queues/notifications/retry/failed`, {
      method: 'PUT',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);

    // In Chromium: the dashboard runs (its scripts are same-origin files) and lists every queue, with no CSP report.
    browser = await launchBrowser();
    const context = await browser.newContext();
    await context.addCookies(
      cookie.split('; ').map((c) => {
        const [name, value] = c.split('=');
        return { name, value, url: stack.webUrl };
      }),
    );
    const tab = await context.newPage();
    const violations: string[] = [];
    tab.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await tab.goto(`${stack.webUrl}/admin/queues`);
    for (const queue of ['notifications', 'certificates', 'imports', 'maintenance']) {
      await tab.getByText(queue, { exact: true }).first().waitFor({ timeout: 20_000 });
    }
    expect(violations.filter((v) => !v.includes('fonts.googleapis.com'))).toEqual([]);
  });
});
