import { Role, Sex } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber, registerBody } from '../testing/builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { enrolSecondFactor } from '../testing/second-factor.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    RATE_LIMIT_LOGIN_FAILURES_PER_PAIR: '3',
    RATE_LIMIT_REGISTRATIONS_PER_IP: '1000',
  });
});
afterAll(() => t?.close());

async function register(overrides: Record<string, unknown> = {}) {
  const body = registerBody(overrides);
  const res = await t.http.post('/api/auth/register').send(body);
  return { body, res };
}

describe('registration', () => {
  it('creates a learner and returns tokens with the profile', async () => {
    const { body, res } = await register();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      expiresIn: 900,
      user: {
        name: '王秀兰',
        mobile: body.mobile,
        roles: [{ role: Role.Learner, providerId: null, enterpriseId: null, townshipPrefix: null }],
        profile: {
          birthDate: '1958-03-21',
          townshipName: '测试一镇',
          villageName: '一村',
          idNumberMasked: null,
        },
      },
    });
    const me = await t.http.get('/api/me').auth(res.body.accessToken, { type: 'bearer' });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(res.body.user.id);
  });

  it('hashes the password with argon2id', async () => {
    const { res } = await register();
    const [row] = await t.db.query('SELECT password_hash FROM users WHERE id = $1', [res.body.user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('rejects an ID number with a wrong check character, naming the field', async () => {
    const good = makeIdNumber('1958-03-21', Sex.Female, 7);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const { res } = await register({ idNumber: bad });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'idNumber', code: 'isResidentIdNumber' }],
    });
    expect(JSON.stringify(res.body)).not.toContain(bad);
  });

  it('rejects an ID number whose birth date differs from the one given', async () => {
    const { res } = await register({ idNumber: makeIdNumber('1960-01-01', Sex.Female, 8) });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'ID_NUMBER_MISMATCH', fields: [{ field: 'idNumber' }] });
  });

  it('refuses a second account with the same mobile or the same ID number', async () => {
    const idNumber = makeIdNumber('1958-03-21', Sex.Female, 9);
    const { body } = await register({ idNumber });
    expect((await register({ mobile: body.mobile })).res.body).toMatchObject({ code: 'ACCOUNT_EXISTS' });
    const again = await register({ idNumber: idNumber.toLowerCase() });
    expect(again.res.status).toBe(409);
    expect(again.res.body).toMatchObject({ code: 'ID_NUMBER_TAKEN', fields: [{ field: 'idNumber' }] });
  });

  it('lists every invalid field, refuses unknown ones, and writes nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM users');
    const res = await t.http
      .post('/api/auth/register')
      .send(registerBody({ mobile: '12345', birthDate: '1958-02-30', sex: 'x', role: 'bureau_admin' }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['mobile', 'birthDate', 'sex', 'role']));
    expect(res.body.requestId).toMatch(/.{8,}/);
    expect(await t.db.query('SELECT count(*)::int AS n FROM users')).toEqual(before);
  });

  it('refuses short, letter-only or digit-only passwords and the most used ones', async () => {
    for (const password of ['Ab1', 'onlyletters', '1234567890', 'woaini1314', 'Password123']) {
      const { res } = await register({ password });
      expect(res.status).toBe(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['password']);
    }
    expect((await register({ password: 'woaini1314' })).res.body.fields[0].code).toBe('isNotCommonPassword');
  });

  it('needs a mobile or an e-mail, a known village in the township, and an age of 16 or more', async () => {
    expect((await register({ mobile: undefined })).res.body.code).toBe('CONTACT_REQUIRED');
    expect((await register({ villageCode: '330799102201' })).res.body.code).toBe('VILLAGE_UNKNOWN');
    expect((await register({ townshipCode: '330799109000' })).res.body.code).toBe('TOWNSHIP_UNKNOWN');
    expect((await register({ birthDate: '2015-01-01' })).res.body.code).toBe('BIRTH_DATE_INVALID');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await t.http
      .post('/api/auth/register')
      .set('content-type', 'application/json')
      .send('{"name": ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });
});

describe('login, refresh and logout', () => {
  it('logs in with mobile or e-mail and refuses a wrong password with 401', async () => {
    const { body } = await register({ email: 'Li.Ming@Example.cn' });
    const byMobile = await t.http
      .post('/api/auth/login')
      .send({ login: body.mobile, password: body.password });
    expect(byMobile.status).toBe(200);
    const byEmail = await t.http
      .post('/api/auth/login')
      .send({ login: 'li.ming@example.cn', password: body.password });
    expect(byEmail.status).toBe(200);
    const wrong = await t.http
      .post('/api/auth/login')
      .send({ login: body.mobile, password: 'wrong-password1' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    const unknown = await t.http
      .post('/api/auth/login')
      .send({ login: '13000000000', password: 'whatever1' });
    expect(unknown.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('answers 429 after repeated failures, even with the right password, until the window ends', async () => {
    const { body } = await register();
    for (let i = 0; i < 3; i++) {
      expect(
        (await t.http.post('/api/auth/login').send({ login: body.mobile, password: 'nope-nope1' })).status,
      ).toBe(401);
    }
    const limited = await t.http
      .post('/api/auth/login')
      .send({ login: body.mobile, password: body.password });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('rotates refresh tokens, tolerates a duplicate within 30 s, and ends the session when a used one comes back later', async () => {
    const { res } = await register();
    const first = res.body.refreshToken as string;
    const rotated = await t.http.post('/api/auth/refresh').send({ refreshToken: first });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(first);
    expect((await t.http.get('/api/me').auth(rotated.body.accessToken, { type: 'bearer' })).status).toBe(200);

    // Sent twice at once (two tabs, a retried request): both answers are valid.
    const duplicate = await t.http.post('/api/auth/refresh').send({ refreshToken: first });
    expect(duplicate.status).toBe(200);

    // Presented again after the leeway: a copied token. It ends the session.
    await t.db.query(
      `UPDATE refresh_tokens SET used_at = now() - interval '5 minutes' WHERE used_at IS NOT NULL`,
    );
    const replay = await t.http.post('/api/auth/refresh').send({ refreshToken: first });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('AUTH_REFRESH_INVALID');
    // The replay revoked the session: the rotated tokens are dead too.
    expect((await t.http.get('/api/me').auth(rotated.body.accessToken, { type: 'bearer' })).body.code).toBe(
      'AUTH_TOKEN_INVALID',
    );
    expect(
      (await t.http.post('/api/auth/refresh').send({ refreshToken: rotated.body.refreshToken })).status,
    ).toBe(401);
    // The reuse is on record against the session it ended, once.
    const reused: Array<{ actor_user_id: string }> = await t.db.query(
      `SELECT actor_user_id FROM audit_events WHERE action = 'auth.refresh_token_reused'`,
    );
    expect(reused).toEqual([{ actor_user_id: res.body.user.id }]);
  });

  it('logout revokes the access token and the refresh token at once', async () => {
    const { res } = await register();
    const auth = { type: 'bearer' } as const;
    expect((await t.http.post('/api/auth/logout').auth(res.body.accessToken, auth).send({})).status).toBe(
      204,
    );
    const me = await t.http.get('/api/me').auth(res.body.accessToken, auth);
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('AUTH_TOKEN_INVALID');
    expect(
      (await t.http.post('/api/auth/refresh').send({ refreshToken: res.body.refreshToken })).status,
    ).toBe(401);
  });
});

describe('role guard', () => {
  it('answers 401 to anonymous callers and 403 to a wrong role, and lets the right role in', async () => {
    const anonymous = await t.http.get('/api/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('AUTH_REQUIRED');
    expect((await t.http.get('/api/me').auth('not-a-jwt', { type: 'bearer' })).body.code).toBe(
      'AUTH_TOKEN_INVALID',
    );

    const { res } = await register();
    const learner = await t.http.get('/api/audit/events').auth(res.body.accessToken, { type: 'bearer' });
    expect(learner.status).toBe(403);
    expect(learner.body.code).toBe('FORBIDDEN');

    await t.db.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'bureau_admin')`, [
      res.body.user.id,
    ]);
    // A bureau administrator's session must pass the second factor: set one up, as the web app would steer to.
    const refused = await t.http
      .get('/api/audit/events?action=account.registered')
      .auth(res.body.accessToken, { type: 'bearer' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'MFA_REQUIRED', secondFactorEnrolled: false });
    await enrolSecondFactor(t, res.body.accessToken);
    const admin = await t.http
      .get('/api/audit/events?action=account.registered')
      .auth(res.body.accessToken, { type: 'bearer' });
    expect(admin.status).toBe(200);
    expect(admin.body.total).toBeGreaterThan(0);
    expect(admin.body.items.every((e: { action: string }) => e.action === 'account.registered')).toBe(true);
  });
});
