import { Role, Sex } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber, registerBody, TOWNSHIP_A } from '../testing/builders.js';
import { type Actor, makeActor } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const bearer = { type: 'bearer' } as const;
let t: TestApp;
let clerk: Actor;
let serial = 300;

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_REGISTRATIONS_PER_IP: '1000' });
  const bureau = await makeActor(t, Role.BureauAdmin);
  clerk = await makeActor(t);
  await t.http
    .post('/api/service-points/staff')
    .auth(bureau.token, bearer)
    .send({ login: clerk.mobile, townshipCode: TOWNSHIP_A })
    .expect(201);
});
afterAll(async () => {
  await t.close();
});

const resetCode = (idNumber: string) =>
  t.http
    .post('/api/service-points/reset-codes')
    .auth(clerk.token, bearer)
    .send({ townshipCode: TOWNSHIP_A, documentType: 'resident_id_card', idNumber });

describe('withdrawing the consent to the ID number (PIPL art. 15)', () => {
  it('erases the number, keeps the consent with its withdrawal time, and what matched by it no longer does', async () => {
    const idNumber = makeIdNumber('1971-02-03', Sex.Female, serial++);
    const r = await makeActor(t, undefined, undefined, { birthDate: '1971-02-03', idNumber });
    // Before: the service point finds the resident by the number.
    expect((await resetCode(idNumber)).status).toBe(201);

    const res = await t.http
      .post('/api/me/id-number-consent/withdraw')
      .auth(r.token, bearer)
      .send({})
      .expect(200);
    expect(res.body.idNumberErased).toBe(true);

    const [profile] = await t.db.query(
      `SELECT id_number_enc, id_number_hash, id_number_hash_version, id_number_masked, birth_date IS NOT NULL AS kept
         FROM learner_profiles WHERE user_id = $1`,
      [r.id],
    );
    expect(profile).toEqual({
      id_number_enc: null,
      id_number_hash: null,
      id_number_hash_version: null,
      id_number_masked: null,
      kept: true,
    });
    const consents = await t.db.query(
      `SELECT kind, given_at, withdrawn_at FROM privacy_consents WHERE user_id = $1 ORDER BY kind`,
      [r.id],
    );
    expect(consents.map((c: { kind: string }) => c.kind)).toEqual(['privacy_notice', 'sensitive_id_number']);
    expect(consents[0].withdrawn_at).toBeNull();
    expect(consents[1].withdrawn_at).toEqual(new Date(res.body.withdrawnAt));
    const me = await t.http.get('/api/me').auth(r.token, bearer).expect(200);
    expect(JSON.stringify(me.body)).not.toContain(idNumber.slice(-4) + '"');
    const [event] = await t.db.query(
      `SELECT actor_user_id, details FROM audit_events WHERE action = 'privacy.id_number_consent_withdrawn'
          AND entity_id = $1`,
      [r.id],
    );
    expect(event).toEqual({ actor_user_id: r.id, details: { idNumberErased: true } });

    // What depended on it: the service point no longer finds the resident by the number.
    const refused = await resetCode(idNumber);
    expect([refused.status, refused.body.code]).toEqual([404, 'LEARNER_NOT_FOUND']);
    // Nothing left to withdraw.
    await t.http
      .post('/api/me/id-number-consent/withdraw')
      .auth(r.token, bearer)
      .send({})
      .expect(409)
      .expect((x) => expect(x.body.code).toBe('ID_NUMBER_CONSENT_NOT_GIVEN'));
    // The number is free for whoever proves it next, and giving it again needs the consent again (a new row).
    await t.http
      .patch('/api/me')
      .auth(r.token, bearer)
      .send({ idNumber })
      .expect(400)
      .expect((x) => expect(x.body.code).toBe('ID_NUMBER_CONSENT_REQUIRED'));
    await t.http.patch('/api/me').auth(r.token, bearer).send({ idNumber, idNumberConsent: true }).expect(200);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM privacy_consents WHERE user_id = $1 AND kind = 'sensitive_id_number'`,
      [r.id],
    );
    expect(n).toBe(2);
  });

  it('refuses a resident who never gave the number, and touches no one else', async () => {
    const other = makeIdNumber('1972-02-03', Sex.Female, serial++);
    const holder = await makeActor(t, undefined, undefined, { birthDate: '1972-02-03', idNumber: other });
    const without = await t.http.post('/api/auth/register').send(registerBody()).expect(201);
    await t.http
      .post('/api/me/id-number-consent/withdraw')
      .auth(without.body.accessToken, bearer)
      .send({})
      .expect(409);
    const [row] = await t.db.query(
      `SELECT id_number_hash IS NOT NULL AS held FROM learner_profiles WHERE user_id = $1`,
      [holder.id],
    );
    expect(row.held).toBe(true);
  });
});
