import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import jsqr from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, open, screenshot } from '../../support/browser.js';
import { call, DEMO_LOGIN, login, until } from '../../support/http.js';
import { startStack, type Stack } from '../../support/stack.js';
import { signInThrough } from '../../support/second-factor.js';

// jsqr is CommonJS with a `default` export: typed as the module object under NodeNext, unwrapped by vitest.
type Decode = typeof jsqr.default;
const jsQR: Decode = (jsqr as unknown as { default?: Decode }).default ?? (jsqr as unknown as Decode);

let stack: Stack;
let browser: Browser;
let visitor: Page;
let certificateId = '';
let scanned = '';
let credentialFile = '';
const SAMPLES = `${ARTIFACTS}credential-sample/`;

/** The demo learner (王秀兰, born 1958) completes a course of the demo vocational school, marked by its staff. */
beforeAll(async () => {
  stack = await startStack({ web: true });
  const learner = await login(stack.apiUrl, DEMO_LOGIN.learner);
  const staff = await login(stack.apiUrl, DEMO_LOGIN.providerStaff);
  const [session] = await stack.query<{ id: string }>(
    `SELECT s.id FROM course_sessions s JOIN courses c ON c.id = s.course_id
       JOIN role_assignments r ON r.provider_id = c.provider_id JOIN users u ON u.id = r.user_id AND u.mobile = $1
      WHERE c.status = 'published' AND coalesce(c.max_age, 200) >= 70 AND coalesce(c.min_age, 0) <= 68
        AND now() BETWEEN s.enrolment_opens_at AND s.enrolment_closes_at AND s.enrolled_count < s.capacity
        AND s.cancelled_at IS NULL
      ORDER BY c.title, s.id LIMIT 1`,
    [DEMO_LOGIN.providerStaff],
  );
  const enrolment = await call(stack.apiUrl, 'POST', '/api/enrolments', {
    token: learner.token,
    body: { sessionId: session.id },
  });
  expect(enrolment.status).toBe(201);
  const outcome = await call(stack.apiUrl, 'POST', `/api/enrolments/${enrolment.body.id}/outcome`, {
    token: staff.token,
    body: { outcome: 'completed', reason: '线下考核合格' },
  });
  expect(outcome.status).toBe(204);
  const [certificate] = await stack.query<{ id: string }>(
    `SELECT id FROM certificates WHERE enrolment_id = $1`,
    [enrolment.body.id],
  );
  certificateId = certificate.id;
  const pdf = await until(
    'the certificate PDF',
    async () => {
      const res = await fetch(`${stack.apiUrl}/api/me/certificates/${certificateId}/pdf`, {
        headers: { authorization: `Bearer ${learner.token}` },
      });
      return res.status === 200 ? Buffer.from(await res.arrayBuffer()) : undefined;
    },
    30_000,
  );
  mkdirSync(SAMPLES, { recursive: true });
  writeFileSync(`${ARTIFACTS}verifiable-certificate.pdf`, pdf);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '150',
    '-singlefile',
    `${ARTIFACTS}verifiable-certificate.pdf`,
    `${ARTIFACTS}verifiable-certificate`,
  ]);
  const png = PNG.sync.read(readFileSync(`${ARTIFACTS}verifiable-certificate.png`));
  scanned = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? '';

  const credential = await call(
    stack.apiUrl,
    'GET',
    `/api/me/certificates/${certificateId}/credential.json`,
    {
      token: learner.token,
    },
  );
  expect(credential.status).toBe(200);
  credentialFile = `${SAMPLES}certificate.credential.json`;
  writeFileSync(credentialFile, JSON.stringify(credential.body, null, 2));
  const jwks = await fetch(`${stack.webUrl}/credentials/jwks.json`);
  expect(jwks.status).toBe(200);
  writeFileSync(`${SAMPLES}jwks.json`, JSON.stringify(await jwks.json(), null, 2));

  browser = await launchBrowser();
  visitor = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
  ).newPage();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('from the paper certificate to the verify page', () => {
  it('follows the QR code decoded from the printed PDF to a page that says valid, with a masked name', async () => {
    expect(scanned).toMatch(new RegExp(`^${stack.webUrl}/verify/[A-Z2-9]{10}$`));
    await open(visitor, scanned);
    const text = (await visitor.textContent('main')) ?? '';
    expect(text).toContain('有效证书');
    expect(text).toContain('王**');
    expect(text).not.toContain('王秀兰');
    await screenshot(visitor, 'verify-from-qr');
  });

  it('takes the scanned address typed into the form, and an uploaded credential file', async () => {
    await open(visitor, `${stack.webUrl}/verify`);
    await visitor.fill('#verify-code', `  ${scanned}  `);
    await Promise.all([
      visitor.waitForURL(/\/verify\/[A-Z2-9]{10}$/),
      visitor.click('main form[method="GET"] button'),
    ]);
    expect(visitor.url()).toBe(scanned);

    await open(visitor, `${stack.webUrl}/verify`);
    await visitor.setInputFiles('#credential-file', credentialFile);
    await visitor.click('main form[enctype] button[type="submit"]');
    await visitor.waitForSelector('[data-status="valid"]');
    expect(await visitor.textContent('.upload-result')).toContain('签名有效');
    await screenshot(visitor, 'verify-upload-valid');

    // The same file with one figure changed: the page says the signature does not match.
    const file = JSON.parse(readFileSync(credentialFile, 'utf8')) as { id: string };
    const [prefix, jws] = file.id.split(',');
    const [header, payload, signature] = jws.split('.');
    const changed = Buffer.from(payload, 'base64url')
      .toString('utf8')
      .replace(/"value":"[\d.]+"/, '"value":"480"');
    const forged = {
      ...file,
      id: `${prefix},${header}.${Buffer.from(changed).toString('base64url')}.${signature}`,
    };
    writeFileSync(`${ARTIFACTS}forged.credential.json`, JSON.stringify(forged));
    await open(visitor, `${stack.webUrl}/verify`);
    await visitor.setInputFiles('#credential-file', `${ARTIFACTS}forged.credential.json`);
    await visitor.click('main form[enctype] button[type="submit"]');
    await expect.poll(() => visitor.textContent('#credential-file-error')).toContain('签名不符');
    await screenshot(visitor, 'verify-upload-forged');
  });

  it('shows revoked with the date after the school administrator revokes it', async () => {
    const [{ number }] = await stack.query<{ number: string }>(
      `SELECT number FROM certificates WHERE id = $1`,
      [certificateId],
    );
    const admin = await (
      await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    ).newPage();
    await open(admin, `${stack.webUrl}/login`);
    await admin.fill('input[name="login"]', DEMO_LOGIN.providerAdmin);
    await admin.fill('input[name="password"]', 'Demo2026!');
    await signInThrough(
      admin,
      () => admin.click('main button[type="submit"]'),
      stack.apiUrl,
      DEMO_LOGIN.providerAdmin,
    );
    await open(admin, `${stack.webUrl}/certificates/revoke`);
    await admin.fill('input[name="number"]', number.toLowerCase());
    await admin.fill('textarea[name="reason"]', '学员信息登记错误，需重新发证');
    await Promise.all([admin.waitForURL(/revoked=/), admin.click('main button[type="submit"]')]);
    expect(await admin.textContent('main')).toContain(`证书 ${number} 已撤销`);
    await screenshot(admin, 'revoke-certificate');

    await open(visitor, scanned);
    const text = (await visitor.textContent('main')) ?? '';
    expect(text).toContain('证书已撤销');
    expect(text).toContain('撤销日期');
    await screenshot(visitor, 'verify-revoked');

    // In English, and in elder mode (large type) at 390 px, the same answer.
    const english = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await english.context().addCookies([
      { name: 'cll_lang', value: 'en', url: stack.webUrl },
      { name: 'cll_display', value: 'elder', url: stack.webUrl },
    ]);
    await open(english, scanned);
    const englishText = (await english.textContent('main')) ?? '';
    expect(englishText).toContain('Certificate revoked');
    expect(englishText).toContain('Revoked on');
    await screenshot(english, 'verify-revoked-en-elder');
  });
});
