import { Role, Sex } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber, TOWNSHIP_A, TOWNSHIP_B, uniqueMobile, VILLAGE_A1 } from '../testing/builders.js';
import {
  type Actor,
  buildCourse,
  type BuiltCourse,
  makeActor,
  makeProvider,
} from '../testing/offer-builders.js';
import { lastCode } from '../testing/proxy-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import type { DevSmsGateway } from '../verification/dev-sms.gateway.js';
import { SMS_GATEWAY } from '../verification/sms.gateway.js';

let t: TestApp;
let bureau: Actor;
let staffA: Actor; // designated for township A
let staffB: Actor; // designated for township B
let course: BuiltCourse;
const bearer = { type: 'bearer' } as const;
let serial = 100;
const nextId = (birthDate = '1970-05-06', sex = Sex.Female) => makeIdNumber(birthDate, sex, (serial += 1));
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

const post = (path: string, who: Actor, body: Record<string, unknown>) =>
  t.http.post(path).auth(who.token, bearer).send(body);

async function designate(who: Actor, townshipCode: string) {
  const res = await post('/api/service-points/staff', bureau, { login: who.mobile, townshipCode });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

/** A resident of township A with an ID number on their profile. */
async function resident(overrides: Record<string, unknown> = {}) {
  const idNumber = nextId('1970-05-06', Sex.Female);
  const actor = await makeActor(t, undefined, undefined, {
    birthDate: '1970-05-06',
    sex: Sex.Female,
    idNumber,
    ...overrides,
  });
  return { ...actor, idNumber };
}

async function snapshot() {
  const [row] = await t.db.query(
    `SELECT (SELECT count(*) FROM users)::int AS users,
            (SELECT count(*) FROM proxy_relationships)::int AS relationships,
            (SELECT count(*) FROM in_person_reset_codes)::int AS codes,
            (SELECT count(*) FROM service_point_staff)::int AS designations,
            (SELECT string_agg(password_hash, ',' ORDER BY id) FROM users) AS passwords`,
  );
  return row as Record<string, unknown>;
}

beforeAll(async () => {
  t = await startTestApp({
    RATE_LIMIT_REGISTRATIONS_PER_IP: '1000',
    RATE_LIMIT_CODES_PER_IP: '1000',
  });
  bureau = await makeActor(t, Role.BureauAdmin);
  staffA = await makeActor(t, undefined, undefined, { name: '乡镇窗口张' });
  staffB = await makeActor(t, undefined, undefined, { name: '乡镇窗口李' });
  await designate(staffA, TOWNSHIP_A);
  await designate(staffB, TOWNSHIP_B);
  const provider = await makeProvider(t);
  const providerStaff = await makeActor(t, Role.ProviderAdmin, provider);
  course = await buildCourse(t, providerStaff, provider, { capacity: 200 });
});
afterAll(() => t?.close());

describe('designation by the bureau', () => {
  it('designates, lists (audited), refuses a second live designation, and withdraws at once', async () => {
    const clerk = await makeActor(t, undefined, undefined, { name: '窗口新人' });
    const made = await designate(clerk, TOWNSHIP_A);
    const again = await post('/api/service-points/staff', bureau, {
      login: clerk.mobile,
      townshipCode: TOWNSHIP_A,
    });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_DESIGNATED']);
    const mine = await t.http.get('/api/service-points/mine').auth(clerk.token, bearer);
    expect(mine.body.map((p: { townshipCode: string }) => p.townshipCode)).toEqual([TOWNSHIP_A]);

    const list = await t.http.get('/api/service-points/staff').auth(bureau.token, bearer);
    expect(list.status).toBe(200);
    const shown = list.body.find((d: { id: string }) => d.id === made.id);
    expect(shown.mobileMasked).toBe(`${clerk.mobile.slice(0, 3)}****${clerk.mobile.slice(-4)}`);
    expect(JSON.stringify(list.body)).not.toContain(clerk.mobile);

    const withdrawn = await post(`/api/service-points/staff/${made.id}/withdraw`, bureau, {});
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.withdrawnAt).not.toBeNull();
    const r = await resident();
    const refused = await post('/api/service-points/reset-codes', clerk, {
      townshipCode: TOWNSHIP_A,
      documentType: 'resident_id_card',
      idNumber: r.idNumber,
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'SERVICE_POINT_NOT_DESIGNATED']);
    const events = await t.db.query(
      `SELECT action, actor_user_id FROM audit_events WHERE entity_id = $1 ORDER BY id`,
      [made.id],
    );
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'service_point.staff_designated',
      'service_point.staff_withdrawn',
    ]);
    expect(events.every((e: { actor_user_id: string }) => e.actor_user_id === bureau.id)).toBe(true);
  });

  it('refuses an unknown account or township with coded answers and changes nothing', async () => {
    const before = await snapshot();
    const unknown = await post('/api/service-points/staff', bureau, {
      login: uniqueMobile(),
      townshipCode: TOWNSHIP_A,
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    const township = await post('/api/service-points/staff', bureau, {
      login: staffA.mobile,
      townshipCode: '330799999000',
    });
    expect([township.status, township.body.code]).toEqual([400, 'TOWNSHIP_UNKNOWN']);
    expect(await snapshot()).toEqual(before);
  });
});

describe('in-person reset', () => {
  const issue = (who: Actor, idNumber: string, townshipCode = TOWNSHIP_A) =>
    post('/api/service-points/reset-codes', who, {
      townshipCode,
      documentType: 'resident_id_card',
      idNumber,
    });
  const use = (login: string, code: string, newPassword = 'Qingshan-hu-2026') =>
    t.http.post('/api/auth/in-person-reset').send({ login, code, newPassword });

  it('staff check the ID, give a one-time code; the resident sets a password, every session ends, and signs in', async () => {
    const r = await resident();
    const other = await t.http.post('/api/auth/login').send({ login: r.mobile, password: 'Learn2026ok' });
    expect(other.status).toBe(200);
    // Typed with spaces and a lower-case x as people do: the same number after normalising.
    const issued = await issue(staffA, ` ${r.idNumber.toLowerCase()} `);
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body.code).toMatch(/^\d{8}$/);
    expect(issued.body.login).toBe(`${r.mobile.slice(0, 3)}****${r.mobile.slice(-4)}`);
    const [stored] = await t.db.query(`SELECT code_hash FROM in_person_reset_codes WHERE user_id = $1`, [
      r.id,
    ]);
    expect(stored.code_hash).not.toContain(issued.body.code);

    const done = await use(r.mobile, issued.body.code);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.user.id).toBe(r.id);
    expect((await t.http.get('/api/me').auth(r.token, bearer)).status).toBe(401);
    expect((await t.http.get('/api/me').auth(other.body.accessToken, bearer)).status).toBe(401);
    const signIn = await t.http
      .post('/api/auth/login')
      .send({ login: r.mobile, password: 'Qingshan-hu-2026' });
    expect(signIn.status).toBe(200);

    const [audit] = await t.db.query(
      `SELECT details FROM audit_events WHERE action = 'auth.password_reset' AND entity_id = $1`,
      [r.id],
    );
    expect(audit.details).toMatchObject({
      via: 'in_person',
      issuedByUserId: staffA.id,
      documentType: 'resident_id_card',
      townshipCode: TOWNSHIP_A,
    });
    expect(audit.details.sessionsEnded).toBeGreaterThanOrEqual(2);
    const [issuedAudit] = await t.db.query(
      `SELECT actor_user_id, details FROM audit_events WHERE action = 'service_point.reset_code_issued' AND entity_id = $1`,
      [r.id],
    );
    expect(issuedAudit.actor_user_id).toBe(staffA.id);
    expect(JSON.stringify(issuedAudit.details)).not.toContain(r.idNumber.slice(6, 14));

    // Used twice: refused, nothing changes (the password set first still works).
    const before = await snapshot();
    const twice = await use(r.mobile, issued.body.code, 'Another-pass-991');
    expect([twice.status, twice.body.code]).toEqual([409, 'CODE_USED']);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a code for another account, an expired one, and a wrong one five times, changing nothing', async () => {
    const a = await resident();
    const b = await resident();
    const forA = (await issue(staffA, a.idNumber)).body.code as string;
    const before = await snapshot();
    const crossed = await use(b.mobile, forA);
    expect([crossed.status, crossed.body.code]).toEqual([400, 'CODE_INVALID']);
    const nobody = await use(uniqueMobile(), forA);
    expect([nobody.status, nobody.body.code]).toEqual([400, 'CODE_INVALID']);
    expect(nobody.body.message).toBe(crossed.body.message);
    expect(await snapshot()).toEqual(before);

    await t.db.query(
      `UPDATE in_person_reset_codes SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [a.id],
    );
    const expired = await use(a.mobile, forA);
    expect([expired.status, expired.body.code]).toEqual([400, 'CODE_EXPIRED']);

    const fresh = (await issue(staffA, a.idNumber)).body.code as string;
    const wrong = fresh === '00000000' ? '00000001' : '00000000';
    for (let i = 0; i < 5; i++) expect((await use(a.mobile, wrong)).body.code).toBe('CODE_INVALID');
    const exhausted = await use(a.mobile, fresh);
    expect([exhausted.status, exhausted.body.code]).toEqual([429, 'CODE_ATTEMPTS_EXHAUSTED']);
    const stillOld = await t.http.post('/api/auth/login').send({ login: a.mobile, password: 'Learn2026ok' });
    expect(stillOld.status).toBe(200);
  });

  it('refuses staff of another township, an unregistered or malformed ID number, and one’s own account', async () => {
    const r = await resident();
    const before = await snapshot();
    const elsewhere = await issue(staffB, r.idNumber);
    expect([elsewhere.status, elsewhere.body.code]).toEqual([403, 'SERVICE_POINT_NOT_DESIGNATED']);
    const wrongPoint = await issue(staffB, r.idNumber, TOWNSHIP_B);
    expect([wrongPoint.status, wrongPoint.body.code]).toEqual([404, 'LEARNER_NOT_FOUND']);
    const notDesignated = await issue(r, r.idNumber);
    expect([notDesignated.status, notDesignated.body.code]).toEqual([403, 'SERVICE_POINT_NOT_DESIGNATED']);
    const unknown = await issue(staffA, nextId());
    expect([unknown.status, unknown.body.code]).toEqual([404, 'LEARNER_NOT_FOUND']);
    const badChecksum = `${r.idNumber.slice(0, 17)}${r.idNumber[17] === '0' ? '1' : '0'}`;
    const malformed = await issue(staffA, badChecksum);
    expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const badDoc = await post('/api/service-points/reset-codes', staffA, {
      townshipCode: TOWNSHIP_A,
      documentType: 'passport',
      idNumber: r.idNumber,
    });
    expect([badDoc.status, badDoc.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await snapshot()).toEqual(before);
  });
});

describe('managed accounts and claiming a mobile', () => {
  async function registerManaged(extra: Record<string, unknown> = {}) {
    const res = await post('/api/service-points/managed-accounts', staffA, {
      townshipCode: TOWNSHIP_A,
      documentType: 'household_register',
      idNumber: nextId('1966-02-03', Sex.Female),
      name: '孙桂芝',
      villageCode: VILLAGE_A1,
      attainment: 'primary',
      employmentStatus: 'farmer',
      ...extra,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { userId: string; accountNumber: string; relationshipId: string | null };
  }
  const enrolFor = (proxy: Actor, learnerUserId: string) =>
    post('/api/proxy/enrolments', proxy, {
      sessionId: course.sessionId,
      relationship: 'family',
      consent: true,
      learnerUserId,
    });

  it('registers a resident without a phone, with a proxy by signed consent, who can enrol them', async () => {
    const daughter = await makeActor(t, undefined, undefined, { name: '孙丽' });
    const m = await registerManaged({
      proxy: { login: daughter.mobile, relationship: 'family', consentFormDate: today() },
    });
    expect(m.accountNumber).toMatch(/^[2-9]\d{8}$/);
    const [row] = await t.db.query(
      `SELECT u.mobile, u.managed, p.birth_date::text AS birth, p.sex, p.id_number_masked
         FROM users u JOIN learner_profiles p ON p.user_id = u.id WHERE u.id = $1`,
      [m.userId],
    );
    expect(row).toMatchObject({ mobile: null, managed: true, birth: '1966-02-03', sex: 'female' });
    expect(row.id_number_masked).toMatch(/\*/);
    const [rel] = await t.db.query(`SELECT * FROM proxy_relationships WHERE id = $1`, [m.relationshipId]);
    expect(rel).toMatchObject({
      confirmed_via: 'in_person',
      recorded_by_user_id: staffA.id,
      consent_document_type: 'household_register',
      learner_user_id: m.userId,
      learner_mobile: null,
    });
    const enrolled = await enrolFor(daughter, m.userId);
    expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
    expect(enrolled.body.learnerUserId ?? m.userId).toBe(m.userId);
    const [e] = await t.db.query(`SELECT learner_user_id, source FROM enrolments WHERE id = $1`, [
      enrolled.body.id,
    ]);
    expect(e).toEqual({ learner_user_id: m.userId, source: 'proxy' });

    // No password until an in-person reset; then the resident signs in with the account number.
    const noPassword = await t.http
      .post('/api/auth/login')
      .send({ login: m.accountNumber, password: 'Learn2026ok' });
    expect(noPassword.status).toBe(401);
    const idNumber = (
      await t.db.query(`SELECT id_number_enc FROM learner_profiles WHERE user_id = $1`, [m.userId])
    )[0];
    expect(idNumber.id_number_enc).toBeTruthy();
  });

  it('lets the resident revoke the consent; the proxy is then refused and nothing is enrolled', async () => {
    const son = await makeActor(t, undefined, undefined, { name: '周强' });
    const idNumber = nextId('1968-08-08', Sex.Male);
    const m = await registerManaged({
      idNumber,
      name: '周大伯',
      proxy: { login: son.mobile, relationship: 'family', consentFormDate: today() },
    });
    const code = (
      await post('/api/service-points/reset-codes', staffA, {
        townshipCode: TOWNSHIP_A,
        documentType: 'resident_id_card',
        idNumber,
      })
    ).body.code as string;
    expect(code).toMatch(/^\d{8}$/);
    const signedIn = await t.http
      .post('/api/auth/in-person-reset')
      .send({ login: m.accountNumber, code, newPassword: 'Zhou-dabo-1968x' });
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
    const token = signedIn.body.accessToken as string;
    const mine = await t.http.get('/api/proxy/relationships').auth(token, bearer);
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0]).toMatchObject({ side: 'resident', confirmedVia: 'in_person', otherName: '周强' });
    const revoked = await t.http
      .post(`/api/proxy/relationships/${m.relationshipId}/revoke`)
      .auth(token, bearer)
      .send({});
    expect(revoked.status).toBe(200);
    const [count] = await t.db.query(`SELECT count(*)::int AS n FROM enrolments WHERE learner_user_id = $1`, [
      m.userId,
    ]);
    const refused = await enrolFor(son, m.userId);
    expect([refused.status, refused.body.code]).toEqual([403, 'PROXY_CONSENT_REQUIRED']);
    const [after] = await t.db.query(`SELECT count(*)::int AS n FROM enrolments WHERE learner_user_id = $1`, [
      m.userId,
    ]);
    expect(after.n).toBe(count.n);
    // A stranger naming the account is refused the same way.
    const stranger = await makeActor(t);
    expect((await enrolFor(stranger, m.userId)).body.code).toBe('PROXY_CONSENT_REQUIRED');
  });

  it('a squatted-looking managed account is claimed by the owner of the mobile, and keeps working without it', async () => {
    const owner = uniqueMobile();
    const proxy = await makeActor(t, undefined, undefined, { name: '冒名者' });
    const m = await registerManaged({
      mobile: owner,
      proxy: { login: proxy.mobile, relationship: 'other', consentFormDate: today() },
    });
    const sms = t.app.get<DevSmsGateway>(SMS_GATEWAY);
    // The number's given, not proven: no reset code goes to it.
    await t.http.post('/api/auth/password-reset/code').send({ mobile: owner }).expect(200);
    expect(sms.list(owner)).toEqual([]);
    // Without a code the number is not taken from the managed account.
    const unproven = await t.http.post('/api/auth/register').send({
      name: '真机主',
      mobile: owner,
      password: 'Zhenji-zhu-2026',
      birthDate: '1980-01-01',
      sex: 'male',
      townshipCode: TOWNSHIP_A,
      villageCode: VILLAGE_A1,
      attainment: 'bachelor',
      employmentStatus: 'employed',
    });
    expect([unproven.status, unproven.body.code]).toEqual([409, 'ACCOUNT_EXISTS']);

    // The real owner asks for a code: a real code, like any fresh number (not the "you have an account" notice).
    const asked = await t.http.post('/api/auth/register/code').send({ mobile: owner });
    expect(asked.status).toBe(200);
    const code = lastCode(t, owner);
    expect(sms.list(owner).at(-1)?.text).toContain(code);
    const claimed = await t.http.post('/api/auth/register').send({
      name: '真机主',
      mobile: owner,
      password: 'Zhenji-zhu-2026',
      challengeId: asked.body.challengeId,
      code,
      birthDate: '1980-01-01',
      sex: 'male',
      townshipCode: TOWNSHIP_A,
      villageCode: VILLAGE_A1,
      attainment: 'bachelor',
      employmentStatus: 'employed',
    });
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(201);
    expect(claimed.body.user.id).not.toBe(m.userId);
    const rows = await t.db.query(
      `SELECT id, mobile, managed FROM users WHERE id = ANY($1::uuid[]) ORDER BY managed`,
      [[claimed.body.user.id, m.userId]],
    );
    expect(rows).toEqual([
      { id: claimed.body.user.id, mobile: owner, managed: false },
      { id: m.userId, mobile: null, managed: true },
    ]);
    const [audit] = await t.db.query(
      `SELECT actor_user_id, details FROM audit_events WHERE action = 'account.mobile_claimed' AND entity_id = $1`,
      [m.userId],
    );
    expect(audit.actor_user_id).toBe(claimed.body.user.id);
    expect(JSON.stringify(audit.details)).not.toContain(owner);
    // The owner signs in with the number; the managed account goes on through its proxy.
    expect(
      (await t.http.post('/api/auth/login').send({ login: owner, password: 'Zhenji-zhu-2026' })).body.user.id,
    ).toBe(claimed.body.user.id);
    expect((await enrolFor(proxy, m.userId)).status).toBe(201);
    // The proxy's relationship never reached the owner's new account.
    const ownersRelationships = await t.http
      .get('/api/proxy/relationships')
      .auth(claimed.body.accessToken, bearer);
    expect(ownersRelationships.body).toEqual([]);
  });

  it('a proxy the number’s holder gave an SMS consent code registers them, and the number leaves the managed account', async () => {
    const holder = uniqueMobile();
    const m = await registerManaged({ mobile: holder });
    const helper = await makeActor(t, undefined, undefined, { name: '热心邻居' });
    const asked = await post('/api/proxy/relationships/consent-requests', helper, { learnerMobile: holder });
    expect(asked.status).toBe(200);
    const confirmed = await post('/api/proxy/relationships', helper, {
      challengeId: asked.body.challengeId,
      code: lastCode(t, holder),
      learnerMobile: holder,
      relationship: 'family',
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
    // The SMS consent is for whoever holds the number: it does not reach the managed account.
    expect(confirmed.body.otherName).toBeNull();
    const enrolled = await post('/api/proxy/enrolments', helper, {
      sessionId: course.sessionId,
      relationship: 'family',
      consent: true,
      learnerMobile: holder,
      newLearner: {
        name: '机主本人',
        birthDate: '1975-06-06',
        sex: 'male',
        townshipCode: TOWNSHIP_A,
        villageCode: VILLAGE_A1,
        attainment: 'primary',
        employmentStatus: 'farmer',
      },
    });
    expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
    const [owner] = await t.db.query(`SELECT id, managed FROM users WHERE mobile = $1`, [holder]);
    expect(owner.id).not.toBe(m.userId);
    expect(owner.managed).toBe(false);
    const [managed] = await t.db.query(`SELECT mobile FROM users WHERE id = $1`, [m.userId]);
    expect(managed.mobile).toBeNull();
    const [claim] = await t.db.query(
      `SELECT actor_user_id FROM audit_events WHERE action = 'account.mobile_claimed' AND entity_id = $1`,
      [m.userId],
    );
    expect(claim.actor_user_id).toBe(helper.id);
  });

  it('refuses a mobile that already has an account of its own, a taken ID number, staff of another township', async () => {
    const someone = await makeActor(t);
    const before = await snapshot();
    const body = {
      townshipCode: TOWNSHIP_A,
      documentType: 'resident_id_card',
      idNumber: nextId('1966-02-03', Sex.Female),
      name: '测试',
      villageCode: VILLAGE_A1,
      attainment: 'primary',
      employmentStatus: 'farmer',
    };
    const taken = await post('/api/service-points/managed-accounts', staffA, {
      ...body,
      mobile: someone.mobile,
    });
    expect([taken.status, taken.body.code]).toEqual([409, 'ACCOUNT_EXISTS']);
    const elsewhere = await post('/api/service-points/managed-accounts', staffB, body);
    expect([elsewhere.status, elsewhere.body.code]).toEqual([403, 'SERVICE_POINT_NOT_DESIGNATED']);
    const future = await post('/api/service-points/managed-accounts', staffA, {
      ...body,
      proxy: { login: someone.mobile, relationship: 'family', consentFormDate: '2099-01-01' },
    });
    expect([future.status, future.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const noProxy = await post('/api/service-points/managed-accounts', staffA, {
      ...body,
      proxy: { login: uniqueMobile(), relationship: 'family', consentFormDate: today() },
    });
    expect([noProxy.status, noProxy.body.code]).toEqual([404, 'NOT_FOUND']);
    expect(await snapshot()).toEqual(before);
    await registerManaged({ idNumber: body.idNumber });
    const twice = await post('/api/service-points/managed-accounts', staffA, body);
    expect([twice.status, twice.body.code]).toEqual([409, 'ID_NUMBER_TAKEN']);
  });
});

describe('consent recorded in person for an existing resident', () => {
  it('records it with the form date and document type, never the ID number; refuses bad input unchanged', async () => {
    const r = await resident();
    const helper = await makeActor(t, undefined, undefined, { name: '村干部吴' });
    const body = {
      townshipCode: TOWNSHIP_A,
      documentType: 'temporary_id_card',
      idNumber: r.idNumber,
      proxyLogin: helper.mobile,
      relationship: 'village_worker',
      consentFormDate: today(),
    };
    const before = await snapshot();
    for (const [bad, code, status] of [
      [{ consentFormDate: '2099-12-31' }, 'VALIDATION_FAILED', 400],
      [{ proxyLogin: r.mobile }, 'VALIDATION_FAILED', 400],
      [{ proxyLogin: uniqueMobile() }, 'NOT_FOUND', 404],
      [{ idNumber: nextId() }, 'LEARNER_NOT_FOUND', 404],
      [{ townshipCode: TOWNSHIP_B }, 'SERVICE_POINT_NOT_DESIGNATED', 403],
    ] as const) {
      const res = await post('/api/service-points/proxy-consents', staffA, { ...body, ...bad });
      expect([res.status, res.body.code], JSON.stringify(bad)).toEqual([status, code]);
    }
    expect(await snapshot()).toEqual(before);

    const made = await post('/api/service-points/proxy-consents', staffA, body);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      learnerUserId: r.id,
      proxyName: '村干部吴',
      documentType: 'temporary_id_card',
    });
    const [rel] = await t.db.query(
      `SELECT row_to_json(r)::text AS j FROM proxy_relationships r WHERE id = $1`,
      [made.body.id],
    );
    expect(rel.j).not.toContain(r.idNumber);
    const [audit] = await t.db.query(
      `SELECT actor_user_id, on_behalf_of_user_id, details::text AS d FROM audit_events
        WHERE action = 'proxy.relationship_confirmed' AND entity_id = $1`,
      [made.body.id],
    );
    expect(audit.actor_user_id).toBe(staffA.id);
    expect(audit.on_behalf_of_user_id).toBe(r.id);
    expect(audit.d).toContain('in_person');
    expect(audit.d).not.toContain(r.idNumber);
    // The helper can act now, by account; the resident sees who recorded it and can end it.
    const enrolled = await post('/api/proxy/enrolments', helper, {
      sessionId: course.sessionId,
      relationship: 'village_worker',
      consent: true,
      learnerUserId: r.id,
    });
    expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
    const seen = await t.http.get('/api/proxy/relationships').auth(r.token, bearer);
    expect(seen.body[0]).toMatchObject({
      side: 'resident',
      confirmedVia: 'in_person',
      relationship: 'village_worker',
    });
  });
});
