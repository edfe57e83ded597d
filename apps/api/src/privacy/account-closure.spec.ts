import { randomInt } from 'node:crypto';
import { Role, Sex } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndicatorEngine } from '../indicators/indicator-engine.js';
import { completedLearner } from '../testing/credential-helpers.js';
import { makeIdNumber, registerBody, TOWNSHIP_B } from '../testing/builders.js';
import {
  type Actor,
  type BuiltCourse,
  buildCourse,
  makeActor,
  makeProvider,
  withSecondFactor,
} from '../testing/offer-builders.js';
import { enterCode } from '../testing/second-factor.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { CLOSED_ACCOUNT_NAME } from './account-closure.service.js';

const bearer = { type: 'bearer' } as const;
const PASSWORD = 'Learn2026ok';
const HAN = '春夏秋冬梅兰竹菊山川江河湖海云霞';
let t: TestApp;
let staff: Actor;
let course: BuiltCourse;
let admin: Actor;
let seq = 10;

/** A name no one else in the database has, so a search for it finds only this person's traces. */
const uniqueName = () => '欧阳' + Array.from({ length: 3 }, () => HAN[randomInt(HAN.length)]).join('');

interface Person extends Actor {
  name: string;
  idNumber: string;
  password: string;
  refreshToken: string;
  certificateId: string;
  verificationCode: string;
}

/** A resident with an ID number, a completed course (learning record, certificate) and two signed-in devices. */
async function person(): Promise<Person> {
  const name = uniqueName();
  const idNumber = makeIdNumber('1980-07-15', Sex.Female, seq++);
  const learner = await completedLearner(t.http, t, staff, course, () =>
    makeActor(t, undefined, undefined, { name, birthDate: '1980-07-15', idNumber }),
  );
  const second = await t.http
    .post('/api/auth/login')
    .set('User-Agent', 'Mozilla/5.0 (Linux; Android 13) Chrome/120.0 Mobile')
    .send({ login: learner.mobile, password: PASSWORD })
    .expect(200);
  return { ...learner, name, idNumber, password: PASSWORD, refreshToken: second.body.refreshToken };
}

/** Every figure the bureau sees for the year, as computed from the tables. */
async function figures(): Promise<unknown> {
  const today = new Date().toISOString().slice(0, 10);
  const results = await t.app.get(IndicatorEngine).compute({
    year: Number(today.slice(0, 4)),
    referenceDate: today,
    baseline: null,
    ageBand: { from: 25, to: 74 },
  });
  return JSON.parse(JSON.stringify(results, (k, v) => (k === 'computedAt' ? undefined : v)));
}

/**
 * Written a second way: every column of every table that can hold text (from information_schema, not from the
 * erasure code's list), searched for each of the person's values.
 */
async function tracesOf(values: string[], bytes: Buffer[]): Promise<string[]> {
  const columns: Array<{ table_name: string; column_name: string; data_type: string }> = await t.db.query(
    `SELECT c.table_name, c.column_name, c.data_type
       FROM information_schema.columns c JOIN information_schema.tables b
         ON b.table_name = c.table_name AND b.table_schema = c.table_schema AND b.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public'
        AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY', 'bytea')`,
  );
  expect(columns.length).toBeGreaterThan(100);
  const found: string[] = [];
  for (const c of columns) {
    const col = `"${c.table_name}"."${c.column_name}"`;
    if (c.data_type === 'bytea') {
      for (const b of bytes) {
        const [{ n }] = await t.db.query(
          `SELECT count(*)::int AS n FROM "${c.table_name}" WHERE position($1::bytea IN ${col}) > 0`,
          [b],
        );
        if (n) found.push(`${col} holds the ciphertext`);
      }
      continue;
    }
    for (const v of values) {
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM "${c.table_name}" WHERE strpos(${col}::text, $1) > 0`,
        [v],
      );
      if (n) found.push(`${col} holds ${v}`);
    }
  }
  return found;
}

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_REGISTRATIONS_PER_IP: '1000' });
  const providerId = await makeProvider(t);
  staff = await makeActor(t, Role.ProviderStaff, providerId);
  course = await buildCourse(t, staff, providerId, { title: '老年智能手机' });
  admin = await makeActor(t, Role.BureauAdmin);
});
afterAll(async () => {
  await t.close();
});

describe('closing one’s own account (PIPL art. 47)', () => {
  it('erases every personal value, keeps the figures and the certificate, and frees the mobile and ID number', async () => {
    const p = await person();
    const [before] = await t.db.query(
      `SELECT p.id_number_hash, p.id_number_enc, p.id_number_masked FROM learner_profiles p WHERE p.user_id = $1`,
      [p.id],
    );
    expect(before.id_number_hash).toHaveLength(64);
    // The traces exist before closing (the search can find them), so their absence afterwards means something.
    expect(
      (await tracesOf([p.name, p.mobile, p.idNumber, before.id_number_hash], [before.id_number_enc])).length,
    ).toBeGreaterThanOrEqual(5);
    const figuresBefore = await figures();
    const verifiedBefore = await t.http.get(`/api/verify/${p.verificationCode}`).expect(200);
    expect(verifiedBefore.body).toMatchObject({ status: 'valid', holderMasked: '欧****' });

    await t.http
      .post('/api/me/account-closure')
      .auth(p.token, bearer)
      .send({ password: 'WrongPass2026' })
      .expect(400)
      .expect((r) => expect(r.body.code).toBe('PASSWORD_WRONG'));
    const closed = await t.http
      .post('/api/me/account-closure')
      .auth(p.token, bearer)
      .send({ password: p.password })
      .expect(200);
    expect(closed.body).toMatchObject({ userId: p.id, sessionsEnded: 2 });

    // Field by field.
    const [user] = await t.db.query(`SELECT * FROM users WHERE id = $1`, [p.id]);
    expect(user).toMatchObject({
      name: CLOSED_ACCOUNT_NAME,
      mobile: null,
      email: null,
      account_number: null,
      status: 'closed',
      managed: false,
    });
    expect(user.password_hash).not.toMatch(/^\$argon2/);
    expect(user.closed_at).not.toBeNull();
    const [profile] = await t.db.query(`SELECT * FROM learner_profiles WHERE user_id = $1`, [p.id]);
    expect(profile).toMatchObject({
      id_number_enc: null,
      id_number_hash: null,
      id_number_hash_version: null,
      id_number_masked: null,
      sex: 'female',
    });
    const sessions = await t.db.query(`SELECT * FROM auth_sessions WHERE user_id = $1`, [p.id]);
    expect(sessions).toHaveLength(2);
    for (const s of sessions) expect(s).toMatchObject({ user_agent: null, place: null });
    for (const s of sessions) expect(s.revoked_at).not.toBeNull();
    const [{ n: tokens }] = await t.db.query(
      `SELECT count(*)::int AS n FROM refresh_tokens r JOIN auth_sessions s ON s.id = r.session_id
        WHERE s.user_id = $1`,
      [p.id],
    );
    expect(tokens).toBe(0);
    const [cert] = await t.db.query(`SELECT holder_name, pdf FROM certificates WHERE id = $1`, [
      p.certificateId,
    ]);
    expect(cert).toEqual({ holder_name: '欧****', pdf: null });
    const consents = await t.db.query(
      `SELECT kind, withdrawn_at FROM privacy_consents WHERE user_id = $1 ORDER BY kind`,
      [p.id],
    );
    expect(consents.map((c: { kind: string }) => c.kind)).toEqual(['privacy_notice', 'sensitive_id_number']);
    expect(consents[1].withdrawn_at).not.toBeNull();
    // The second way: no column anywhere holds the name, mobile, ID number, its hash or its ciphertext.
    expect(
      await tracesOf([p.name, p.mobile, p.idNumber, before.id_number_hash], [before.id_number_enc]),
    ).toEqual([]);

    // Kept: the learning record and the attainment facts, the county's figures, the certificate's verification.
    const [{ n: records }] = await t.db.query(
      `SELECT count(*)::int AS n FROM learning_records WHERE learner_user_id = $1`,
      [p.id],
    );
    expect(records).toBe(1);
    expect(await figures()).toEqual(figuresBefore);
    const verifiedAfter = await t.http.get(`/api/verify/${p.verificationCode}`).expect(200);
    expect(verifiedAfter.body).toEqual(verifiedBefore.body);

    // Signed out everywhere, and no way back in.
    await t.http.get('/api/me').auth(p.token, bearer).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: p.refreshToken }).expect(401);
    await t.http
      .post('/api/auth/login')
      .send({ login: p.mobile, password: p.password })
      .expect(401)
      .expect((r) => expect(r.body.code).toBe('AUTH_INVALID_CREDENTIALS'));
    // A closed account cannot be closed twice (its stale token is refused; the administrator gets 409).
    await t.http
      .post('/api/me/account-closure')
      .auth(p.token, bearer)
      .send({ password: p.password })
      .expect(401);

    // The same mobile and ID number register again as a new person.
    const again = await t.http
      .post('/api/auth/register')
      .send(registerBody({ mobile: p.mobile, idNumber: p.idNumber, birthDate: '1980-07-15', name: p.name }))
      .expect(201);
    expect(again.body.user.id).not.toBe(p.id);
  });

  it('ends a sign-in made at the same moment: no token issued around the closure still works', async () => {
    for (let round = 0; round < 3; round++) {
      const p = await person();
      const [closure, login] = await Promise.all([
        t.http.post('/api/me/account-closure').auth(p.token, bearer).send({ password: p.password }),
        t.http.post('/api/auth/login').send({ login: p.mobile, password: p.password }),
      ]);
      expect(closure.status).toBe(200);
      expect([200, 401]).toContain(login.status);
      if (login.status === 200) {
        await t.http.get('/api/me').auth(login.body.accessToken, bearer).expect(401);
        await t.http.post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
      }
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM auth_sessions WHERE user_id = $1 AND revoked_at IS NULL`,
        [p.id],
      );
      // A session opened after the closure's commit would be dead anyway (the account is closed); none is left open
      // by the closure itself.
      expect(n).toBeLessThanOrEqual(login.status === 200 ? 1 : 0);
    }
  });

  it('refuses to close someone else’s account and staff accounts', async () => {
    const p = await person();
    const other = await person();
    // No way to name another account on one's own route.
    await t.http
      .post('/api/me/account-closure')
      .auth(p.token, bearer)
      .send({ password: p.password, userId: other.id })
      .expect(400);
    // A resident is not an administrator.
    await t.http
      .post('/api/admin/account-closures')
      .auth(p.token, bearer)
      .send({ account: other.id, reason: '本人现场申请' })
      .expect(403);
    // An administrator of another township does not see this resident.
    const elsewhere = await makeActor(t, Role.Learner);
    await t.db.query(
      `INSERT INTO role_assignments (user_id, role, township_prefix) VALUES ($1, 'bureau_admin', $2)`,
      [elsewhere.id, TOWNSHIP_B.slice(0, 9)],
    );
    await withSecondFactor(t, elsewhere);
    await t.http
      .post('/api/admin/account-closures')
      .auth(elsewhere.token, bearer)
      .send({ account: other.mobile, reason: '本人现场申请' })
      .expect(404);
    // Staff close their accounts only after their roles are withdrawn.
    await t.http
      .post('/api/admin/account-closures')
      .auth(admin.token, bearer)
      .send({ account: staff.mobile, reason: '本人现场申请' })
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('ACCOUNT_HAS_STAFF_ROLES'));
    const [{ status }] = await t.db.query(`SELECT status FROM users WHERE id = $1`, [other.id]);
    expect(status).toBe('active');
    await t.http.get('/api/me').auth(other.token, bearer).expect(200);
  });
});

describe('closing an account on a request made in person', () => {
  it('needs a fresh authenticator code, keeps the reason in the audit trail, and answers 409 the second time', async () => {
    const p = await person();
    await t.db.query(`UPDATE auth_sessions SET step_up_at = now() - interval '1 hour' WHERE user_id = $1`, [
      admin.id,
    ]);
    const body = { account: p.mobile, reason: '本人持身份证到城关镇服务点申请注销，已核验' };
    await t.http
      .post('/api/admin/account-closures')
      .auth(admin.token, bearer)
      .send(body)
      .expect(403)
      .expect((r) => expect(r.body.code).toBe('STEP_UP_REQUIRED'));
    await enterCode(t, admin.token, admin.totpSecret as string);
    const res = await t.http
      .post('/api/admin/account-closures')
      .auth(admin.token, bearer)
      .send(body)
      .expect(200);
    expect(res.body).toMatchObject({ userId: p.id, sessionsEnded: 2 });
    const events = await t.db.query(
      `SELECT actor_user_id, details FROM audit_events WHERE action = 'privacy.account_closed_in_person' AND entity_id = $1`,
      [p.id],
    );
    expect(events).toEqual([{ actor_user_id: admin.id, details: { sessionsEnded: 2, reason: body.reason } }]);
    await t.http.get('/api/me').auth(p.token, bearer).expect(401);
    // Closed twice: by its id (the mobile is no longer anyone's).
    await t.http
      .post('/api/admin/account-closures')
      .auth(admin.token, bearer)
      .send({ account: p.id, reason: body.reason })
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('ACCOUNT_CLOSED'));
    await t.http.post('/api/admin/account-closures').auth(admin.token, bearer).send(body).expect(404);
  });
});
