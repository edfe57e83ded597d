import { Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBody } from '../../testing/builders.js';
import { type Actor, makeActor, makeProvider } from '../../testing/offer-builders.js';
import { freshCode, stepAt, totpCode } from '../../testing/second-factor.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_REGISTRATIONS_PER_IP: '1000' });
});
afterAll(() => t?.close());

const bearer = { type: 'bearer' } as const;

/** A registered account given `role` directly, as an administrator would; it has no authenticator yet. */
async function staffWithoutFactor(role: Role) {
  const body = registerBody() as { mobile: string; password: string };
  const res = await t.http.post('/api/auth/register').send(body).expect(201);
  await t.db.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, $2)`, [res.body.user.id, role]);
  return { ...body, id: res.body.user.id as string };
}
const login = (who: { mobile: string; password: string }) =>
  t.http.post('/api/auth/login').send({ login: who.mobile, password: who.password }).expect(200);
const verify = (token: string, body: Record<string, unknown>) =>
  t.http.post('/api/auth/mfa/verify').auth(token, bearer).send(body);
/** A route every signed-in account may use, and a session short of its second factor may not. */
const auditEvents = (token: string) => t.http.get('/api/me/notifications').auth(token, bearer);

async function enrol(token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await t.http.post('/api/auth/mfa/enrolment').auth(token, bearer).send({}).expect(201);
  const confirmed = await t.http
    .post('/api/auth/mfa/enrolment/confirm')
    .auth(token, bearer)
    .send({ code: await freshCode(started.body.secret) })
    .expect(200);
  return { secret: started.body.secret, recoveryCodes: confirmed.body.recoveryCodes };
}

describe('enrolling an authenticator (TOTP)', () => {
  it('steers a bureau administrator without one to enrolment, and lets nothing else through until then', async () => {
    const admin = await staffWithoutFactor(Role.BureauAdmin);
    const signIn = await login(admin);
    expect(signIn.body.secondFactor).toBe('enrol');
    const token = signIn.body.accessToken as string;
    const refused = await auditEvents(token);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'MFA_REQUIRED', secondFactorEnrolled: false });
    await t.http.get('/api/me').auth(token, bearer).expect(200);
    const status = await t.http.get('/api/auth/mfa').auth(token, bearer).expect(200);
    expect(status.body).toMatchObject({
      required: true,
      enrolled: false,
      verified: false,
      stepUpFresh: false,
    });

    const started = await t.http.post('/api/auth/mfa/enrolment').auth(token, bearer).send({}).expect(201);
    const secret = started.body.secret as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(started.body.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('period')).toBe('30');
    expect(decodeURIComponent(uri.pathname)).toContain(admin.mobile);
    expect(started.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    // Not yet in force: the session is still limited.
    expect((await auditEvents(token)).status).toBe(403);

    const wrong = String((Number(totpCode(secret)) + 1) % 1_000_000).padStart(6, '0');
    const bad = await t.http
      .post('/api/auth/mfa/enrolment/confirm')
      .auth(token, bearer)
      .send({ code: wrong });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('MFA_CODE_INVALID');

    const code = await freshCode(secret);
    const confirmed = await t.http
      .post('/api/auth/mfa/enrolment/confirm')
      .auth(token, bearer)
      .send({ code: `${code.slice(0, 3)} ${code.slice(3)}` })
      .expect(200);
    const codes = confirmed.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    await auditEvents(token).expect(200);

    // At rest: the secret is encrypted, the recovery codes are hashes.
    const [row] = await t.db.query(`SELECT secret_enc FROM user_totp WHERE user_id = $1`, [admin.id]);
    expect((row.secret_enc as Buffer).toString('latin1')).not.toContain(secret);
    const hashes: Array<{ code_hash: string }> = await t.db.query(
      `SELECT code_hash FROM mfa_recovery_codes WHERE user_id = $1`,
      [admin.id],
    );
    expect(hashes).toHaveLength(10);
    for (const c of codes) {
      expect(hashes.some((h) => h.code_hash.includes(c.replace('-', '')))).toBe(false);
    }
    // A second enrolment cannot replace it (a stolen password-only session could otherwise).
    const again = await t.http.post('/api/auth/mfa/enrolment').auth(token, bearer).send({});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('MFA_ALREADY_ENROLLED');
    const [events] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.mfa_enrolled' AND entity_id = $1`,
      [admin.id],
    );
    expect(events.n).toBe(1);
  });

  it('asks the code at sign-in once enrolled; refuses a wrong code and a code already used', async () => {
    const analyst = await staffWithoutFactor(Role.BureauAnalyst);
    const { secret } = await enrol((await login(analyst)).body.accessToken);
    const [{ last_used_step: enrolStep }] = await t.db.query(
      `SELECT last_used_step FROM user_totp WHERE user_id = $1`,
      [analyst.id],
    );

    const signIn = await login(analyst);
    expect(signIn.body.secondFactor).toBe('code');
    const token = signIn.body.accessToken as string;
    const limited = await auditEvents(token);
    expect(limited.status).toBe(403);
    expect(limited.body).toMatchObject({ code: 'MFA_REQUIRED', secondFactorEnrolled: true });
    // With a factor the session cannot start another enrolment.
    expect((await t.http.post('/api/auth/mfa/enrolment').auth(token, bearer).send({})).status).toBe(409);

    // The code the enrolment used is still within the ±1 step window while this runs, but it was used.
    if (stepAt() - Number(enrolStep) <= 1) {
      const replayed = await verify(token, { code: totpCode(secret, Number(enrolStep)) });
      expect(replayed.status).toBe(409);
      expect(replayed.body.code).toBe('MFA_CODE_USED');
    }
    const wrong = await verify(token, { code: '000000' === totpCode(secret) ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('MFA_CODE_INVALID');
    const garbage = await verify(token, { code: '12ab56' });
    expect(garbage.status).toBe(400);
    expect(garbage.body.code).toBe('VALIDATION_FAILED');
    expect((await auditEvents(token)).status).toBe(403);

    const code = await freshCode(secret);
    await verify(token, { code }).expect(200);
    await auditEvents(token).expect(200);

    // The same code on another sign-in within its time step: refused.
    const other = (await login(analyst)).body.accessToken as string;
    const replay = await verify(other, { code });
    expect(replay.status).toBe(409);
    expect(replay.body.code).toBe('MFA_CODE_USED');
    expect((await auditEvents(other)).status).toBe(403);
  });

  it('accepts each recovery code once, typed loosely', async () => {
    const admin = await staffWithoutFactor(Role.BureauAdmin);
    const { recoveryCodes } = await enrol((await login(admin)).body.accessToken);
    const first = (await login(admin)).body.accessToken as string;
    const used = await verify(first, { recoveryCode: recoveryCodes[0] }).expect(200);
    expect(used.body.recoveryCodesLeft).toBe(9);
    await t.http.get('/api/auth/sessions').auth(first, bearer).expect(200);

    const second = (await login(admin)).body.accessToken as string;
    const twice = await verify(second, { recoveryCode: recoveryCodes[0] });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('MFA_CODE_USED');
    const unknown = await verify(second, { recoveryCode: 'ZZZZZ-ZZZZZ' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('MFA_CODE_INVALID');
    // Lower case, no hyphen, O for 0 and l for 1 (people copy by hand).
    const loose = recoveryCodes[1].replace('-', ' ').toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    const ok = await verify(second, { recoveryCode: loose }).expect(200);
    expect(ok.body.recoveryCodesLeft).toBe(8);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.mfa_recovery_code_used' AND entity_id = $1`,
      [admin.id],
    );
    expect(n).toBe(2);
  });

  it('throttles wrong codes: after five, even the right code waits', async () => {
    const admin = await staffWithoutFactor(Role.BureauAnalyst);
    const { secret } = await enrol((await login(admin)).body.accessToken);
    const token = (await login(admin)).body.accessToken as string;
    const right = totpCode(secret);
    const wrongCodes = ['000001', '000002', '000003', '000004', '000005'].filter((c) => c !== right);
    for (const code of wrongCodes.slice(0, 5)) expect((await verify(token, { code })).status).toBe(400);
    const blocked = await verify(token, { code: await freshCode(secret) });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(blocked.body.retryAfterSeconds).toBeGreaterThan(0);
    expect((await auditEvents(token)).status).toBe(403);
  });

  it('lets a learner go on without a factor, but asks the code of one who chose to set it up', async () => {
    const body = registerBody() as { mobile: string; password: string };
    const reg = await t.http.post('/api/auth/register').send(body).expect(201);
    expect(reg.body.secondFactor).toBe('none');
    await t.http.get('/api/me/notifications').auth(reg.body.accessToken, bearer).expect(200);
    const { secret } = await enrol(reg.body.accessToken);
    const signIn = await login(body);
    expect(signIn.body.secondFactor).toBe('code');
    const limited = await t.http.get('/api/me/notifications').auth(signIn.body.accessToken, bearer);
    expect(limited.status).toBe(403);
    await verify(signIn.body.accessToken, { code: await freshCode(secret) }).expect(200);
    await t.http.get('/api/me/notifications').auth(signIn.body.accessToken, bearer).expect(200);
  });
});

describe('step-up before the weightiest actions', () => {
  it('refuses an action when the code is older than the window, and allows it after a new code', async () => {
    const admin = await makeActor(t, Role.BureauAdmin);
    const providerId = await makeProvider(t);
    const suspend = () =>
      t.http
        .post(`/api/providers/${providerId}/suspend`)
        .auth(admin.token, bearer)
        .send({ reason: '资质到期，暂停招生' });
    // The window is 300 s by the database clock: 290 s ago still counts, 301 s ago does not.
    const ageStepUp = (seconds: number) =>
      t.db.query(
        `UPDATE auth_sessions SET step_up_at = now() - make_interval(secs => $2) WHERE user_id = $1`,
        [admin.id, seconds],
      );
    await ageStepUp(301);
    const stale = await suspend();
    expect(stale.status).toBe(403);
    expect(stale.body).toMatchObject({ code: 'STEP_UP_REQUIRED', secondFactorEnrolled: true });
    const [unchanged] = await t.db.query(`SELECT status FROM providers WHERE id = $1`, [providerId]);
    expect(unchanged.status).toBe('approved');
    // Ordinary reads do not need the step-up.
    await t.http.get('/api/providers').auth(admin.token, bearer).expect(200);

    await verify(admin.token, { code: await freshCode(admin.totpSecret as string) }).expect(200);
    await ageStepUp(290);
    await suspend().expect(200);
    const [suspended] = await t.db.query(`SELECT status FROM providers WHERE id = $1`, [providerId]);
    expect(suspended.status).toBe('suspended');
  });

  it('guards the other weighty routes too (close a year, decide, unpublish, revoke, export records)', async () => {
    const admin = await makeActor(t, Role.BureauAdmin);
    const providerId = await makeProvider(t);
    const providerAdmin = await makeActor(t, Role.ProviderAdmin, providerId);
    await t.db.query(`UPDATE auth_sessions SET step_up_at = NULL WHERE user_id = ANY($1)`, [
      [admin.id, providerAdmin.id],
    ]);
    const calls = [
      t.http.post('/api/indicators/periods/2024/close').auth(admin.token, bearer),
      t.http
        .post(`/api/providers/${providerId}/decision`)
        .auth(admin.token, bearer)
        .send({ decision: 'approve' }),
      t.http
        .post(`/api/courses/00000000-0000-4000-8000-000000000000/unpublish`)
        .auth(admin.token, bearer)
        .send({ reason: '内容需要更新' }),
      t.http
        .post('/api/certificates/revocations')
        .auth(providerAdmin.token, bearer)
        .send({ certificateId: '00000000-0000-4000-8000-000000000000', reason: '发错了' }),
      t.http.get(`/api/providers/${providerId}/records.csv`).auth(providerAdmin.token, bearer),
      t.http.post('/api/auth/mfa/recovery-codes').auth(admin.token, bearer).send({}),
    ];
    const answers = await Promise.all(calls);
    expect(answers.map((res) => [res.status, res.body?.code])).toEqual(
      calls.map(() => [403, 'STEP_UP_REQUIRED']),
    );
  });
});

describe('a lost device', () => {
  let admin: Actor;
  let other: Actor;
  beforeAll(async () => {
    admin = await makeActor(t, Role.BureauAdmin);
    other = await makeActor(t, Role.BureauAnalyst);
  });
  const reset = (token: string, mobile: string) =>
    t.http.post('/api/admin/mfa-resets').auth(token, bearer).send({ mobile });

  it('is reset by a bureau administrator for someone else, never for themselves', async () => {
    const own = await reset(admin.token, admin.mobile);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('MFA_RESET_OWN');
    const [{ n: kept }] = await t.db.query(`SELECT count(*)::int AS n FROM user_totp WHERE user_id = $1`, [
      admin.id,
    ]);
    expect(kept).toBe(1);

    const done = await reset(admin.token, ` ${other.mobile} `).expect(200);
    expect(done.body).toEqual({ userId: other.id, sessionsEnded: 1 });
    // Their sessions ended at once; at the next sign-in they enrol again.
    expect((await t.http.get('/api/me').auth(other.token, bearer)).status).toBe(401);
    const signIn = await t.http
      .post('/api/auth/login')
      .send({ login: other.mobile, password: 'Learn2026ok' })
      .expect(200);
    expect(signIn.body.secondFactor).toBe('enrol');
    const [event] = await t.db.query(
      `SELECT actor_user_id, details FROM audit_events WHERE action = 'auth.mfa_reset' AND entity_id = $1`,
      [other.id],
    );
    expect(event).toMatchObject({ actor_user_id: admin.id, details: { sessionsEnded: 1 } });

    const nothing = await reset(admin.token, other.mobile);
    expect(nothing.status).toBe(409);
    expect(nothing.body.code).toBe('MFA_NOT_ENROLLED');
    expect((await reset(admin.token, '13999999999')).status).toBe(404);
  });

  it('is not reset by anyone but a bureau administrator', async () => {
    const providerAdmin = await makeActor(t, Role.ProviderAdmin, await makeProvider(t));
    const res = await reset(providerAdmin.token, admin.mobile);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });
});
