import { Sex } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber, registerBody } from '../testing/builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { CURRENT_NOTICE } from './privacy-notice.js';

const bearer = { type: 'bearer' } as const;
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_REGISTRATIONS_PER_IP: '1000' });
});
afterAll(async () => {
  await t.close();
});

const consents = (userId: string) =>
  t.db.query<Array<{ kind: string; notice_version: string; given_at: Date }>>(
    `SELECT kind, notice_version, given_at FROM privacy_consents WHERE user_id = $1 ORDER BY kind`,
    [userId],
  );

describe('privacy notice and consent (PIPL)', () => {
  it('publishes the versioned notice in both languages, without signing in', async () => {
    const res = await t.http.get('/api/privacy/notice').expect(200);
    expect(res.body).toMatchObject({ version: CURRENT_NOTICE.version, current: true });
    expect(res.body['zh-CN'].map((s: { heading: string }) => s.heading)).toContain(
      '身份证号（敏感个人信息）',
    );
    expect(res.body.en).toHaveLength(res.body['zh-CN'].length);
    const old = await t.http
      .get('/api/privacy/notice')
      .query({ version: CURRENT_NOTICE.version })
      .expect(200);
    expect(old.body.version).toBe(CURRENT_NOTICE.version);
    expect((await t.http.get('/api/privacy/notice').query({ version: '2001-01-01' })).status).toBe(404);
    expect((await t.http.get('/api/privacy/notice').query({ version: 'latest' })).status).toBe(400);
  });

  it('refuses an ID number without its separate consent, and keeps nothing', async () => {
    const idNumber = makeIdNumber('1958-03-21', Sex.Female, 301);
    const body = registerBody({ idNumber, idNumberConsent: undefined });
    delete body.idNumberConsent;
    const refused = await t.http.post('/api/auth/register').send(body).expect(400);
    expect(refused.body).toMatchObject({
      code: 'ID_NUMBER_CONSENT_REQUIRED',
      fields: [{ field: 'idNumberConsent', code: 'ID_NUMBER_CONSENT_REQUIRED' }],
    });
    const unticked = await t.http
      .post('/api/auth/register')
      .send(registerBody({ idNumber, idNumberConsent: false }))
      .expect(400);
    expect(unticked.body.code).toBe('ID_NUMBER_CONSENT_REQUIRED');
    const [users] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE mobile = $1`, [body.mobile]);
    expect(users.n).toBe(0);
    // A string is not a tick.
    const typed = await t.http
      .post('/api/auth/register')
      .send(registerBody({ idNumber, idNumberConsent: 'yes' }))
      .expect(400);
    expect(typed.body.code).toBe('VALIDATION_FAILED');
  });

  it('records the notice version and time at registration, and the ID-number consent only with an ID number', async () => {
    const before = Date.now();
    const withId = await t.http
      .post('/api/auth/register')
      .send(registerBody({ idNumber: makeIdNumber('1958-03-21', Sex.Female, 302), idNumberConsent: true }))
      .expect(201);
    const rows = await consents(withId.body.user.id);
    expect(rows.map((r) => [r.kind, r.notice_version])).toEqual([
      ['privacy_notice', CURRENT_NOTICE.version],
      ['sensitive_id_number', CURRENT_NOTICE.version],
    ]);
    for (const r of rows) expect(new Date(r.given_at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(withId.body.user.privacyNotice).toEqual({
      currentVersion: CURRENT_NOTICE.version,
      acceptedVersion: CURRENT_NOTICE.version,
      acceptanceRequired: false,
    });

    const withoutId = await t.http.post('/api/auth/register').send(registerBody()).expect(201);
    expect((await consents(withoutId.body.user.id)).map((r) => r.kind)).toEqual(['privacy_notice']);

    // Adding the ID number later needs the consent too.
    const token = withoutId.body.accessToken as string;
    const idNumber = makeIdNumber('1958-03-21', Sex.Female, 303);
    const edit = await t.http.patch('/api/me').auth(token, bearer).send({ idNumber }).expect(400);
    expect(edit.body.code).toBe('ID_NUMBER_CONSENT_REQUIRED');
    await t.http.patch('/api/me').auth(token, bearer).send({ idNumber, idNumberConsent: true }).expect(200);
    expect((await consents(withoutId.body.user.id)).map((r) => r.kind)).toEqual([
      'privacy_notice',
      'sensitive_id_number',
    ]);
  });

  it('asks again after the notice changed, until the user agrees to the current version', async () => {
    const reg = await t.http.post('/api/auth/register').send(registerBody()).expect(201);
    const token = reg.body.accessToken as string;
    // As if the user had agreed to an earlier version only.
    await t.db.query(`UPDATE privacy_consents SET notice_version = '2020-01-01' WHERE user_id = $1`, [
      reg.body.user.id,
    ]);
    const login = await t.http
      .post('/api/auth/login')
      .send({ login: reg.body.user.mobile, password: 'Learn2026ok' })
      .expect(200);
    expect(login.body.user.privacyNotice).toEqual({
      currentVersion: CURRENT_NOTICE.version,
      acceptedVersion: '2020-01-01',
      acceptanceRequired: true,
    });
    const stale = await t.http
      .post('/api/me/privacy-notice')
      .auth(token, bearer)
      .send({ version: '2020-01-01' })
      .expect(409);
    expect(stale.body.code).toBe('PRIVACY_NOTICE_OUTDATED');
    await t.http.post('/api/me/privacy-notice').send({ version: CURRENT_NOTICE.version }).expect(401);
    const ok = await t.http
      .post('/api/me/privacy-notice')
      .auth(token, bearer)
      .send({ version: CURRENT_NOTICE.version })
      .expect(200);
    expect(ok.body.acceptanceRequired).toBe(false);
    const me = await t.http.get('/api/me').auth(token, bearer).expect(200);
    expect(me.body.privacyNotice.acceptanceRequired).toBe(false);
    const [audit] = await t.db.query(
      `SELECT details FROM audit_events WHERE action = 'privacy.notice_accepted' AND actor_user_id = $1`,
      [reg.body.user.id],
    );
    expect(audit.details).toEqual({ version: CURRENT_NOTICE.version });
  });
});
