import { Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeAgreement,
  confirmAll,
  draft,
  draftBody,
  termsBody,
  makeEnterprise,
  makeEnterpriseUser,
  makeParties,
  type Parties,
} from '../testing/apprenticeship-builders.js';
import { makeActor, makeProvider } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const bearer = { type: 'bearer' } as const;
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_REGISTRATIONS_PER_IP: '1000' });
});
afterAll(async () => {
  await t.close();
});

const post = (token: string, path: string, body: object) =>
  t.http.post(`/api/apprenticeships${path}`).auth(token, bearer).send(body);
const get = (token: string, path = '') => t.http.get(`/api/apprenticeships${path}`).auth(token, bearer);

describe('drafting and confirming an agreement', () => {
  it('is pending until school, enterprise and apprentice confirm the same version, then active from its start', async () => {
    const p = await makeParties(t);
    const drafted = await draft(t, p);
    expect(drafted).toMatchObject({ state: 'pending', version: 1, guardianRequired: false });
    expect((drafted as unknown as { pendingParties: string[] }).pendingParties).toEqual([
      'school',
      'enterprise',
      'apprentice',
    ]);

    await post(p.coordinator.token, `/${drafted.id}/confirmations`, { version: 1 }).expect(200);
    const afterEnterprise = await post(p.enterpriseMentor.token, `/${drafted.id}/confirmations`, {
      version: 1,
    });
    expect(afterEnterprise.body).toMatchObject({ state: 'pending', pendingParties: ['apprentice'] });
    const active = await post(p.apprentice.token, `/${drafted.id}/confirmations`, { version: 1 }).expect(200);

    expect(active.body.state).toBe('active');
    expect(active.body.events.map((e: { type: string }) => e.type)).toEqual([
      'drafted',
      'confirmed',
      'confirmed',
      'confirmed',
      'activated',
    ]);
    const activated = active.body.events.at(-1);
    expect(activated).toMatchObject({
      stateAfter: 'active',
      effectiveDate: '2025-09-01',
      actorName: '李小军',
    });
    // Confirming again changes nothing.
    const again = await post(p.apprentice.token, `/${drafted.id}/confirmations`, { version: 1 }).expect(200);
    expect(again.body.events).toHaveLength(5);
  });

  it('asks again for every confirmation after a change, and refuses a confirmation of the old version', async () => {
    const p = await makeParties(t);
    const { id } = await draft(t, p);
    await post(p.coordinator.token, `/${id}/confirmations`, { version: 1 }).expect(200);
    await post(p.enterpriseMentor.token, `/${id}/confirmations`, { version: 1 }).expect(200);

    const amended = await t.http
      .put(`/api/apprenticeships/${id}`)
      .auth(p.coordinator.token, bearer)
      .send({ ...termsBody(p), version: 1, plannedWorkplaceHours: 1500 })
      .expect(200);
    expect(amended.body).toMatchObject({ version: 2, state: 'pending', plannedWorkplaceHours: 1500 });
    expect(amended.body.pendingParties).toEqual(['school', 'enterprise', 'apprentice']);

    const stale = await post(p.apprentice.token, `/${id}/confirmations`, { version: 1 }).expect(409);
    expect(stale.body.code).toBe('AGREEMENT_VERSION_CHANGED');
    const staleEdit = await t.http
      .put(`/api/apprenticeships/${id}`)
      .auth(p.coordinator.token, bearer)
      .send({ ...termsBody(p), version: 1 })
      .expect(409);
    expect(staleEdit.body.code).toBe('AGREEMENT_VERSION_CHANGED');

    await confirmAll(t, p, id, 2);
    const detail = await get(p.apprentice.token, `/${id}`).expect(200);
    expect(detail.body.state).toBe('active');
    const [v1, v2]: Array<{ terms: { plannedWorkplaceHours: number } }> = await t.db.query(
      `SELECT terms FROM apprenticeship_agreement_versions WHERE agreement_id = $1 ORDER BY version`,
      [id],
    );
    expect([v1.terms.plannedWorkplaceHours, v2.terms.plannedWorkplaceHours]).toEqual([1600, 1500]);

    // A change to an active agreement suspends it until every party has confirmed the new version.
    const changedWhileActive = await t.http
      .put(`/api/apprenticeships/${id}`)
      .auth(p.coordinator.token, bearer)
      .send({ ...termsBody(p), version: 2, plannedWorkplaceHours: 1400 })
      .expect(200);
    expect(changedWhileActive.body).toMatchObject({ version: 3, state: 'pending' });
    await confirmAll(t, p, id, 3);
    const reactivated = await get(p.coordinator.token, `/${id}`).expect(200);
    expect(reactivated.body.state).toBe('active');
    // Unchanged terms make no new version.
    const same = await t.http
      .put(`/api/apprenticeships/${id}`)
      .auth(p.coordinator.token, bearer)
      .send({ ...termsBody(p), version: 3, plannedWorkplaceHours: 1400 })
      .expect(200);
    expect(same.body).toMatchObject({ version: 3, state: 'active' });
  });

  it('activates exactly once when the three parties confirm at the same moment', async () => {
    const p = await makeParties(t);
    const { id } = await draft(t, p);
    const results = await Promise.all(
      [p.coordinator, p.enterpriseMentor, p.apprentice].map((actor) =>
        post(actor.token, `/${id}/confirmations`, { version: 1 }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const events: Array<{ type: string }> = await t.db.query(
      `SELECT type FROM apprenticeship_events WHERE agreement_id = $1 ORDER BY seq`,
      [id],
    );
    expect(events.filter((e) => e.type === 'activated')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'confirmed')).toHaveLength(3);
  });

  it('keeps the history append-only in the database itself', async () => {
    const p = await makeParties(t);
    const { id } = await draft(t, p);
    await expect(
      t.db.query(`UPDATE apprenticeship_events SET reason = 'x' WHERE agreement_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.db.query(`DELETE FROM apprenticeship_agreement_versions WHERE agreement_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
  });
});

describe('the rules on an agreement, each with its code', () => {
  let p: Parties;
  beforeAll(async () => {
    p = await makeParties(t);
  });
  const attempt = (body: Record<string, unknown>, actor = p.coordinator) =>
    post(actor.token, '', draftBody(p, body));

  it('refuses an apprentice under 16 at the start', async () => {
    const young = await makeActor(t, Role.Learner, undefined, { birthDate: '2010-01-10' });
    const res = await attempt({ apprenticeMobile: young.mobile, startDate: '2025-09-01' }).expect(422);
    expect(res.body.code).toBe('APPRENTICE_TOO_YOUNG');
    expect(res.body.fields[0].field).toBe('startDate');
    // The same person is 16 a year later, and then needs a guardian.
    const later = await attempt({
      apprenticeMobile: young.mobile,
      startDate: '2026-09-01',
      plannedEndDate: '2028-06-30',
      guardian: { name: '张丽', relationship: '母亲', mobile: '13900000002' },
    }).expect(201);
    expect(later.body.guardianRequired).toBe(true);
  });

  it('asks for a guardian under 18, and counts the guardian’s consent as a party', async () => {
    const minor = await makeActor(t, Role.Learner, undefined, { birthDate: '2008-03-01', name: '赵小华' });
    const refused = await attempt({ apprenticeMobile: minor.mobile }).expect(422);
    expect(refused.body).toMatchObject({ code: 'GUARDIAN_REQUIRED', fields: [{ field: 'guardian' }] });

    const ok = await attempt({
      apprenticeMobile: minor.mobile,
      guardian: { name: '赵建国', relationship: '父亲', mobile: '13900000001' },
    }).expect(201);
    expect(ok.body.pendingParties).toEqual(['school', 'enterprise', 'apprentice', 'guardian']);
    expect(ok.body.guardian).toEqual({ name: '赵建国', relationship: '父亲', mobileMasked: '139****0001' });
    for (const actor of [p.coordinator, p.enterpriseMentor, minor]) {
      await post(actor.token, `/${ok.body.id}/confirmations`, { version: 1 }).expect(200);
    }
    const waiting = await get(p.coordinator.token, `/${ok.body.id}`).expect(200);
    expect(waiting.body).toMatchObject({ state: 'pending', pendingParties: ['guardian'] });
    const notSchool = await post(minor.token, `/${ok.body.id}/guardian-consent`, {
      version: 1,
      consentedOn: '2025-08-20',
    }).expect(403);
    expect(notSchool.body.code).toBe('NOT_A_PARTY');
    const consented = await post(p.coordinator.token, `/${ok.body.id}/guardian-consent`, {
      version: 1,
      consentedOn: '2025-08-20',
      note: '知情同意书已存档',
    }).expect(200);
    expect(consented.body.state).toBe('active');
    expect(
      consented.body.confirmations.find((c: { party: string }) => c.party === 'guardian').note,
    ).toContain('2025-08-20');
  });

  it('wants the planned end after the start', async () => {
    const res = await attempt({ startDate: '2025-09-01', plannedEndDate: '2025-09-01' }).expect(400);
    expect(res.body).toMatchObject({
      code: 'AGREEMENT_DATES_INVALID',
      fields: [{ field: 'plannedEndDate' }],
    });
  });

  it('cannot be confirmed before both mentors are assigned', async () => {
    const drafted = await attempt({ enterpriseMentorUserId: undefined }).expect(201);
    const res = await post(p.coordinator.token, `/${drafted.body.id}/confirmations`, { version: 1 }).expect(
      409,
    );
    expect(res.body.code).toBe('MENTORS_REQUIRED');
    expect(drafted.body.enterpriseMentorUserId).toBeNull();
  });

  it('takes each mentor only from their own side’s organisation', async () => {
    const asSchool = await attempt({ schoolMentorUserId: p.enterpriseMentor.id }).expect(400);
    expect(asSchool.body).toMatchObject({
      code: 'MENTOR_NOT_IN_ORGANISATION',
      fields: [{ field: 'schoolMentorUserId' }],
    });
    const dual = await makeEnterpriseUser(t, p.enterpriseId, Role.EnterpriseMentor, '身兼两职');
    await t.db.query(
      `INSERT INTO role_assignments (user_id, role, provider_id) VALUES ($1, 'provider_staff', $2)`,
      [dual.id, p.providerId],
    );
    const samePerson = await attempt({ schoolMentorUserId: dual.id, enterpriseMentorUserId: dual.id }).expect(
      400,
    );
    expect(samePerson.body.fields[0].field).toBe('enterpriseMentorUserId');
    const otherEnterprise = await makeEnterprise(t, '别家公司');
    const stranger = await makeEnterpriseUser(t, otherEnterprise);
    const asEnterprise = await attempt({ enterpriseMentorUserId: stranger.id }).expect(400);
    expect(asEnterprise.body).toMatchObject({
      code: 'MENTOR_NOT_IN_ORGANISATION',
      fields: [{ field: 'enterpriseMentorUserId' }],
    });
  });

  it('gives one apprentice one active apprenticeship at a time, and keeps nothing of a refused confirmation', async () => {
    const q = await makeParties(t);
    await activeAgreement(t, q);
    const second = await draft(t, q, { startDate: '2026-01-01' });
    await post(q.coordinator.token, `/${second.id}/confirmations`, { version: 1 }).expect(200);
    await post(q.enterpriseMentor.token, `/${second.id}/confirmations`, { version: 1 }).expect(200);
    const res = await post(q.apprentice.token, `/${second.id}/confirmations`, { version: 1 }).expect(409);
    expect(res.body.code).toBe('APPRENTICE_ALREADY_ACTIVE');
    const [row] = await t.db.query(
      `SELECT count(*)::int AS n FROM apprenticeship_confirmations WHERE agreement_id = $1 AND party = 'apprentice'`,
      [second.id],
    );
    expect(row.n).toBe(0);
  });

  it('rejects bad input with the field named and writes nothing', async () => {
    const [before] = await t.db.query(`SELECT count(*)::int AS n FROM apprenticeship_agreements`);
    const res = await attempt({ startDate: '2025-02-30', plannedSchoolHours: -1, extra: true }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(
      ['extra', 'plannedSchoolHours', 'startDate'].sort(),
    );
    const [after] = await t.db.query(`SELECT count(*)::int AS n FROM apprenticeship_agreements`);
    expect(after.n).toBe(before.n);
  });
});

describe('who sees and does what', () => {
  it('shows an agreement only to its school, its enterprise and its apprentice (404 for everyone else)', async () => {
    const p = await makeParties(t);
    const id = await activeAgreement(t, p);
    const otherSchool = await makeActor(t, Role.ProviderStaff, await makeProvider(t, 'approved', '别的学校'));
    const otherMentor = await makeEnterpriseUser(t, await makeEnterprise(t, '别的企业'));
    const otherLearner = await makeActor(t, Role.Learner);

    for (const outsider of [otherSchool, otherMentor, otherLearner]) {
      const res = await get(outsider.token, `/${id}`).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
      await post(outsider.token, `/${id}/confirmations`, { version: 1 }).expect(404);
      await t.http.get(`/api/apprenticeships/${id}/weeks`).auth(outsider.token, bearer).expect(404);
      const list = await get(outsider.token).expect(200);
      expect(list.body.map((a: { id: string }) => a.id)).not.toContain(id);
    }
    for (const party of [p.coordinator, p.schoolMentor, p.enterpriseMentor, p.apprentice]) {
      await get(party.token, `/${id}`).expect(200);
      const list = await get(party.token).expect(200);
      expect(list.body.map((a: { id: string }) => a.id)).toContain(id);
    }
    const mine = await get(p.apprentice.token, `/${id}`).expect(200);
    expect(mine.body.myParties).toEqual(['apprentice']);
  });

  it('lets only the school change terms or record a change of state', async () => {
    const p = await makeParties(t);
    const id = await activeAgreement(t, p);
    for (const actor of [p.enterpriseMentor, p.apprentice]) {
      const edit = await t.http
        .put(`/api/apprenticeships/${id}`)
        .auth(actor.token, bearer)
        .send({ ...termsBody(p), version: 1 })
        .expect(403);
      expect(edit.body.code).toBe('NOT_A_PARTY');
      await post(actor.token, `/${id}/pause`, { effectiveDate: '2025-10-01', reason: '休息' }).expect(403);
    }
    // Drafting is for school staff; a learner cannot set the school or the apprentice.
    const res = await post(p.apprentice.token, '', draftBody(p)).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });
});
