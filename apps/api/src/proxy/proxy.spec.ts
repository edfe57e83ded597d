import { Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueMobile, TOWNSHIP_A, VILLAGE_A1 } from '../testing/builders.js';
import {
  type Actor,
  buildCourse,
  type BuiltCourse,
  makeActor,
  makeProvider,
} from '../testing/offer-builders.js';
import { confirmProxy, lastCode } from '../testing/proxy-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import type { DevSmsGateway } from '../verification/dev-sms.gateway.js';
import { SMS_GATEWAY } from '../verification/sms.gateway.js';

let t: TestApp;
let course: BuiltCourse;
const bearer = { type: 'bearer' } as const;

beforeAll(async () => {
  t = await startTestApp({
    RATE_LIMIT_REGISTRATIONS_PER_IP: '1000',
    RATE_LIMIT_PROXY_CONSENTS_PER_HOUR: '6',
    RATE_LIMIT_PROXY_ACTIONS_PER_HOUR: '8',
    RATE_LIMIT_CODES_PER_IP: '1000',
  });
  const provider = await makeProvider(t);
  const staff = await makeActor(t, Role.ProviderAdmin, provider);
  course = await buildCourse(t, staff, provider, { capacity: 200 });
});
afterAll(() => t?.close());

// The built course takes learners up to 60.
const elder = () => makeActor(t, undefined, undefined, { birthDate: '1970-04-04', name: '赵桂英' });
const newLearner = {
  name: '钱奶奶',
  birthDate: '1971-09-09',
  sex: 'female',
  townshipCode: TOWNSHIP_A,
  villageCode: VILLAGE_A1,
  attainment: 'primary',
  employmentStatus: 'retired',
};
const enrolBody = (learnerMobile: string, extra: Record<string, unknown> = {}) => ({
  sessionId: course.sessionId,
  relationship: 'family',
  consent: true,
  learnerMobile,
  ...extra,
});
const enrol = (proxy: Actor, body: Record<string, unknown>) =>
  t.http.post('/api/proxy/enrolments').auth(proxy.token, bearer).send(body);
const ask = (proxy: Actor, learnerMobile: string) =>
  t.http.post('/api/proxy/relationships/consent-requests').auth(proxy.token, bearer).send({ learnerMobile });
const count = async (table: string) =>
  (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined, challengeId: undefined });

describe('a proxy without the resident’s confirmed consent', () => {
  it('cannot enrol a registered resident nor register a stranger’s number, and both answers are the same', async () => {
    const proxy = await makeActor(t);
    const resident = await elder();
    const stranger = uniqueMobile();
    const before = [await count('users'), await count('enrolments')];
    const known = await enrol(proxy, enrolBody(resident.mobile));
    const unknown = await enrol(proxy, enrolBody(stranger, { newLearner }));
    expect([known.status, known.body.code]).toEqual([403, 'PROXY_CONSENT_REQUIRED']);
    expect(strip(unknown.body)).toEqual(strip(known.body));
    expect(unknown.status).toBe(known.status);
    expect([await count('users'), await count('enrolments')]).toEqual(before);
    // The real owner of the number can still register it.
    const owner = await t.http.post('/api/auth/register').send({
      ...newLearner,
      mobile: stranger,
      password: 'Owner-2026-ok',
    });
    expect(owner.status).toBe(201);
  });

  it('asking for consent answers alike for known and unknown numbers, and texts the same message to both', async () => {
    const proxy = await makeActor(t);
    const resident = await elder();
    const stranger = uniqueMobile();
    const a = await ask(proxy, resident.mobile);
    const b = await ask(proxy, stranger);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(Object.keys(a.body).sort()).toEqual(Object.keys(b.body).sort());
    expect(a.body.expiresInSeconds).toBe(b.body.expiresInSeconds);
    const textOf = (mobile: string) => (lastCode(t, mobile) ? textWithoutCode(mobile) : '');
    expect(textOf(resident.mobile)).toBe(textOf(stranger));
  });

  it('cannot use a code meant for another proxy or another number', async () => {
    const proxy = await makeActor(t);
    const other = await makeActor(t);
    const resident = await elder();
    const asked = await ask(proxy, resident.mobile);
    const code = lastCode(t, resident.mobile);
    const confirm = (who: Actor, learnerMobile: string) =>
      t.http
        .post('/api/proxy/relationships')
        .auth(who.token, bearer)
        .send({ challengeId: asked.body.challengeId, code, learnerMobile, relationship: 'family' });
    expect((await confirm(other, resident.mobile)).body.code).toBe('CODE_INVALID');
    expect((await confirm(proxy, uniqueMobile())).body.code).toBe('CODE_INVALID');
    expect(
      await t.db.query(`SELECT 1 FROM proxy_relationships WHERE proxy_user_id = $1`, [other.id]),
    ).toEqual([]);
    expect((await confirm(proxy, resident.mobile)).status).toBe(201);
  });
});

describe('a confirmed relationship', () => {
  it('lets the proxy enrol the resident, recorded with the relationship; the resident sees who acts for them', async () => {
    const proxy = await makeActor(t, undefined, undefined, { name: '李明' });
    const resident = await elder();
    await confirmProxy(t, proxy.token, resident.mobile, 'village_worker');
    const res = await enrol(proxy, enrolBody(resident.mobile, { relationship: 'family' }));
    expect(res.status).toBe(201);
    const [e] = await t.db.query(`SELECT learner_user_id, proxy_relationship FROM enrolments WHERE id = $1`, [
      res.body.id,
    ]);
    expect(e).toEqual({ learner_user_id: resident.id, proxy_relationship: 'village_worker' });
    const mine = await t.http.get('/api/proxy/relationships').auth(resident.token, bearer);
    expect(mine.body).toEqual([
      expect.objectContaining({
        side: 'resident',
        otherName: '李明',
        otherMobileMasked: `${proxy.mobile.slice(0, 3)}****${proxy.mobile.slice(-4)}`,
        relationship: 'village_worker',
        scope: 'enrolment',
        confirmedVia: 'sms',
        revokedAt: null,
      }),
    ]);
  });

  it('registers a resident with no account on the mobile their consent came from', async () => {
    const proxy = await makeActor(t);
    const mobile = uniqueMobile();
    await confirmProxy(t, proxy.token, mobile);
    const without = await enrol(proxy, enrolBody(mobile));
    expect([without.status, without.body.code]).toEqual([404, 'LEARNER_NOT_FOUND']);
    const res = await enrol(proxy, enrolBody(mobile, { newLearner }));
    expect(res.status).toBe(201);
    const [user] = await t.db.query(`SELECT id FROM users WHERE mobile = $1`, [mobile]);
    const [rel] = await t.db.query(
      `SELECT learner_user_id FROM proxy_relationships WHERE learner_mobile = $1`,
      [mobile],
    );
    expect(rel.learner_user_id).toBe(user.id);
  });

  it('ends when the resident revokes it; others cannot see or revoke it', async () => {
    const proxy = await makeActor(t);
    const resident = await elder();
    const stranger = await makeActor(t);
    const rel = await confirmProxy(t, proxy.token, resident.mobile);
    const theirs = await t.http
      .post(`/api/proxy/relationships/${rel.id}/revoke`)
      .auth(stranger.token, bearer);
    expect([theirs.status, theirs.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await t.http.get('/api/proxy/relationships').auth(stranger.token, bearer)).body).toEqual([]);
    const revoked = await t.http
      .post(`/api/proxy/relationships/${rel.id}/revoke`)
      .auth(resident.token, bearer);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const after = await enrol(proxy, enrolBody(resident.mobile));
    expect([after.status, after.body.code]).toEqual([403, 'PROXY_CONSENT_REQUIRED']);
    const [event] = await t.db.query(
      `SELECT actor_user_id, on_behalf_of_user_id, details FROM audit_events WHERE action = 'proxy.relationship_revoked' AND entity_id = $1`,
      [rel.id],
    );
    expect(event).toEqual({
      actor_user_id: resident.id,
      on_behalf_of_user_id: resident.id,
      details: { by: 'resident' },
    });
  });

  it('a revocation racing an enrolment: the enrolment either came first or is refused', async () => {
    for (let i = 0; i < 4; i++) {
      const proxy = await makeActor(t);
      const resident = await elder();
      const rel = await confirmProxy(t, proxy.token, resident.mobile);
      const [enrolled, revoked] = await Promise.all([
        enrol(proxy, enrolBody(resident.mobile)),
        t.http.post(`/api/proxy/relationships/${rel.id}/revoke`).auth(resident.token, bearer),
      ]);
      expect(revoked.status).toBe(200);
      if (enrolled.status === 201) {
        const [row] = await t.db.query(
          `SELECT e.created_at < r.revoked_at AS before FROM enrolments e, proxy_relationships r
            WHERE e.id = $1 AND r.id = $2`,
          [enrolled.body.id, rel.id],
        );
        expect(row.before).toBe(true);
      } else {
        expect([enrolled.status, enrolled.body.code]).toEqual([403, 'PROXY_CONSENT_REQUIRED']);
        expect(
          await t.db.query(`SELECT 1 FROM enrolments WHERE learner_user_id = $1`, [resident.id]),
        ).toEqual([]);
      }
    }
  });
});

describe('limits per proxy', () => {
  it('refuses the 7th consent request and the 9th proxy action within the hour', async () => {
    const proxy = await makeActor(t);
    for (let i = 0; i < 6; i++) expect((await ask(proxy, uniqueMobile())).status).toBe(200);
    const seventh = await ask(proxy, uniqueMobile());
    expect([seventh.status, seventh.body.code]).toEqual([429, 'RATE_LIMITED']);

    const busy = await makeActor(t);
    const codes = [];
    for (let i = 0; i < 9; i++) codes.push((await enrol(busy, enrolBody(uniqueMobile()))).body.code);
    expect(codes).toEqual([...Array(8).fill('PROXY_CONSENT_REQUIRED'), 'RATE_LIMITED']);
  });
});

/** The newest text to this number with its code blanked out. */
function textWithoutCode(mobile: string): string {
  return t.app.get<DevSmsGateway>(SMS_GATEWAY).list(mobile)[0].text.replace(/\d{6}/, '######');
}
