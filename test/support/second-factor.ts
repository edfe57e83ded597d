import type { Page } from 'playwright-core';
import { freshCode } from '../../apps/api/src/testing/totp-code.js';
import { call } from './http.js';

/**
 * Staff sign-ins in the end-to-end suites pass the real second factor: the first sign-in of a staff account on a
 * stack sets up the authenticator (as the web app steers to), later ones enter the code computed from the secret
 * (RFC 6238, computed in the test independently of the API's library). Secrets are kept per API and account.
 */
const secrets = new Map<string, string>();
const key = (apiUrl: string, login: string) => `${apiUrl}|${login}`;

export function secretOf(apiUrl: string, login: string): string | undefined {
  return secrets.get(key(apiUrl, login));
}

/** Finishes an API sign-in that answered `secondFactor`: enrols on first use, or enters a fresh code. */
export async function passSecondFactor(
  apiUrl: string,
  login: string,
  token: string,
  step: 'none' | 'code' | 'enrol',
): Promise<void> {
  if (step === 'none') return;
  if (step === 'enrol') {
    const started = await call(apiUrl, 'POST', '/api/auth/mfa/enrolment', { token, body: {} });
    if (started.status !== 201)
      throw new Error(`enrolment: ${started.status} ${JSON.stringify(started.body)}`);
    const secret = started.body.secret as string;
    const confirmed = await call(apiUrl, 'POST', '/api/auth/mfa/enrolment/confirm', {
      token,
      body: { code: await freshCode(secret) },
    });
    if (confirmed.status !== 200)
      throw new Error(`confirm: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
    secrets.set(key(apiUrl, login), secret);
    return;
  }
  const secret = secretOf(apiUrl, login);
  if (!secret) throw new Error(`no authenticator secret known for ${login}`);
  const verified = await call(apiUrl, 'POST', '/api/auth/mfa/verify', {
    token,
    body: { code: await freshCode(secret) },
  });
  if (verified.status !== 200) throw new Error(`verify: ${verified.status} ${JSON.stringify(verified.body)}`);
}

const LANDINGS = ['/profile', '/login/totp', '/account/security/enrol'];

/**
 * Sends the sign-in form (`submit` clicks or presses Enter) and passes the second factor in the browser when the web
 * app asks for it: sets up the authenticator on the enrolment page (reading the key shown under the QR code) or
 * types the code on the code page. Returns on the profile page, where every sign-in lands.
 */
export async function signInThrough(
  page: Page,
  submit: () => Promise<unknown>,
  apiUrl: string,
  login: string,
  { js = true }: { js?: boolean } = {},
): Promise<void> {
  await Promise.all([page.waitForURL((url) => LANDINGS.includes(url.pathname)), submit()]);
  const hydrated = () => (js ? page.waitForSelector('body[data-hydrated]') : Promise.resolve());
  const path = new URL(page.url()).pathname;
  if (path === '/account/security/enrol') {
    await hydrated();
    await page.click('form[action="?/start"] button');
    const secret = (
      (await (await page.waitForSelector('[data-testid="totp-secret"]')).textContent()) ?? ''
    ).trim();
    secrets.set(key(apiUrl, login), secret);
    await page.fill('input[name="code"]', await freshCode(secret));
    await page.click('form[action="?/confirm"] button[type="submit"]');
    await page.waitForSelector('[data-testid="recovery-codes"]');
    await Promise.all([page.waitForURL(/\/profile$/), page.click('main a.button--large')]);
  } else if (path === '/login/totp') {
    const secret = secretOf(apiUrl, login);
    if (!secret) throw new Error(`no authenticator secret known for ${login}`);
    await hydrated();
    await page.fill('input[name="code"]', await freshCode(secret));
    await Promise.all([page.waitForURL(/\/profile$/), page.click('main form button[type="submit"]')]);
  }
  await hydrated();
}
