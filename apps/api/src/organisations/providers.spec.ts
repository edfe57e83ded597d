import { creditCodeCheckCharacter, Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOWNSHIP_A, TOWNSHIP_B } from '../testing/builders.js';
import { type Actor, makeActor, withSecondFactor } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let bureau: Actor;
let analystB: Actor;
const bearer = { type: 'bearer' } as const;
const application = {
  name: '青溪县老年大学溪口分校',
  kind: 'elderly_university',
  townshipCode: TOWNSHIP_A,
  contactName: '李主任',
  contactPhone: '0571-88880000',
};

beforeAll(async () => {
  t = await startTestApp();
  bureau = await makeActor(t, Role.BureauAdmin);
  analystB = await makeActor(t, Role.BureauAnalyst);
  // An analyst limited to township B's division-code prefix.
  await t.db.query(
    `UPDATE role_assignments SET township_prefix = $2 WHERE user_id = $1 AND role = 'bureau_analyst'`,
    [analystB.id, TOWNSHIP_B.slice(0, 9)],
  );
});
afterAll(() => t?.close());

describe('provider applications', () => {
  it('lets a resident apply, the bureau approve, and makes the applicant the provider’s administrator', async () => {
    const applicant = await makeActor(t);
    const applied = await t.http
      .post('/api/providers/applications')
      .auth(applicant.token, bearer)
      .send(application);
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ status: 'pending', townshipName: '测试一镇', courseCount: 0 });
    expect((await t.http.get('/api/me/providers').auth(applicant.token, bearer)).body).toEqual([]);

    const pending = await t.http.get('/api/providers?status=pending').auth(bureau.token, bearer);
    expect(pending.body.map((p: { id: string }) => p.id)).toContain(applied.body.id);
    const approved = await t.http
      .post(`/api/providers/${applied.body.id}/decision`)
      .auth(bureau.token, bearer)
      .send({ decision: 'approve' });
    expect(approved.body.status).toBe('approved');
    const again = await t.http
      .post(`/api/providers/${applied.body.id}/decision`)
      .auth(bureau.token, bearer)
      .send({ decision: 'reject', reason: 'x' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PROVIDER_STATE_INVALID');

    // Now a provider administrator: the session that applied must set up an authenticator before going on.
    const limited = await t.http.get('/api/me/providers').auth(applicant.token, bearer);
    expect(limited.body).toMatchObject({ code: 'MFA_REQUIRED', secondFactorEnrolled: false });
    await withSecondFactor(t, applicant);
    expect((await t.http.get('/api/me/providers').auth(applicant.token, bearer)).body).toEqual([
      expect.objectContaining({ id: applied.body.id, role: 'provider_admin', status: 'approved' }),
    ]);
    const notes = await t.http.get('/api/me/notifications').auth(applicant.token, bearer);
    expect(notes.body.items).toContainEqual(expect.objectContaining({ kind: 'provider_approved' }));
  });

  it('needs a reason to reject, and shows it to the applicant', async () => {
    const applicant = await makeActor(t);
    const applied = await t.http
      .post('/api/providers/applications')
      .auth(applicant.token, bearer)
      .send(application);
    const noReason = await t.http
      .post(`/api/providers/${applied.body.id}/decision`)
      .auth(bureau.token, bearer)
      .send({ decision: 'reject' });
    expect(noReason.body).toMatchObject({ code: 'REASON_REQUIRED', fields: [{ field: 'reason' }] });
    await t.http
      .post(`/api/providers/${applied.body.id}/decision`)
      .auth(bureau.token, bearer)
      .send({ decision: 'reject', reason: '缺少办学许可证' });
    const mine = await t.http.get('/api/providers/applications/mine').auth(applicant.token, bearer);
    expect(mine.body).toEqual([
      expect.objectContaining({ status: 'rejected', decisionReason: '缺少办学许可证' }),
    ]);
  });

  it('keeps learners out of the bureau’s routes and a pending provider out of publishing', async () => {
    const applicant = await makeActor(t);
    const applied = await t.http
      .post('/api/providers/applications')
      .auth(applicant.token, bearer)
      .send(application);
    expect((await t.http.get('/api/providers').auth(applicant.token, bearer)).status).toBe(403);
    expect(
      (
        await t.http
          .post(`/api/providers/${applied.body.id}/decision`)
          .auth(applicant.token, bearer)
          .send({ decision: 'approve' })
      ).status,
    ).toBe(403);
    // Even if someone had a role at the pending provider, it could not add to its offer.
    await t.db.query(
      `INSERT INTO role_assignments (user_id, role, provider_id) VALUES ($1, 'provider_admin', $2)`,
      [applicant.id, applied.body.id],
    );
    await withSecondFactor(t, applicant);
    const programme = await t.http
      .post(`/api/providers/${applied.body.id}/programmes`)
      .auth(applicant.token, bearer)
      .send({ kind: 'elderly', title: '书法' });
    expect(programme.status).toBe(403);
    expect(programme.body.code).toBe('PROVIDER_NOT_APPROVED');
  });

  it('shows a township-limited analyst only the providers of their townships', async () => {
    const applicant = await makeActor(t);
    const inB = await t.http
      .post('/api/providers/applications')
      .auth(applicant.token, bearer)
      .send({ ...application, townshipCode: TOWNSHIP_B });
    const list = await t.http.get('/api/providers').auth(analystB.token, bearer);
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    expect(list.body.every((p: { townshipCode: string }) => p.townshipCode === TOWNSHIP_B)).toBe(true);
    expect(list.body.map((p: { id: string }) => p.id)).toContain(inB.body.id);
  });
});

describe('staff invitations', () => {
  it('lets the invited account join the staff once, and nobody else', async () => {
    const admin = await makeActor(t);
    const applied = await t.http
      .post('/api/providers/applications')
      .auth(admin.token, bearer)
      .send(application);
    await t.http
      .post(`/api/providers/${applied.body.id}/decision`)
      .auth(bureau.token, bearer)
      .send({ decision: 'approve' });
    await withSecondFactor(t, admin);
    const invitee = await makeActor(t);
    const stranger = await makeActor(t);

    const sent = await t.http
      .post(`/api/providers/${applied.body.id}/invitations`)
      .auth(admin.token, bearer)
      .send({ contact: invitee.mobile, role: 'provider_staff' });
    expect(sent.status).toBe(201);
    expect(sent.body.contactMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    const code = sent.body.code as string;
    const inbox = await t.http.get('/api/me/notifications').auth(invitee.token, bearer);
    expect(inbox.body.items).toContainEqual(
      expect.objectContaining({ kind: 'provider_invitation', params: expect.objectContaining({ code }) }),
    );

    expect((await t.http.get(`/api/invitations/${code}`).auth(stranger.token, bearer)).body.forYou).toBe(
      false,
    );
    const wrong = await t.http.post(`/api/invitations/${code}/accept`).auth(stranger.token, bearer);
    expect(wrong.body.code).toBe('INVITATION_NOT_FOR_YOU');
    expect((await t.http.post(`/api/invitations/${code}/accept`).auth(invitee.token, bearer)).status).toBe(
      204,
    );
    expect((await t.http.post(`/api/invitations/${code}/accept`).auth(invitee.token, bearer)).body.code).toBe(
      'INVITATION_INVALID',
    );

    expect((await t.http.get('/api/me/providers').auth(invitee.token, bearer)).body).toEqual([
      expect.objectContaining({ id: applied.body.id, role: 'provider_staff' }),
    ]);
    const staff = await t.http.get(`/api/providers/${applied.body.id}/staff`).auth(admin.token, bearer);
    expect(staff.body.staff.map((s: { userId: string }) => s.userId).sort()).toEqual(
      [admin.id, invitee.id].sort(),
    );
    // Staff are not administrators: they cannot invite.
    const byStaff = await t.http
      .post(`/api/providers/${applied.body.id}/invitations`)
      .auth(invitee.token, bearer)
      .send({ contact: stranger.mobile, role: 'provider_admin' });
    expect(byStaff.status).toBe(403);
  });
});

describe('enterprises', () => {
  const code = (serial: string) => {
    const first17 = `91339901MA2QY${serial}`;
    return first17 + creditCodeCheckCharacter(first17);
  };

  it('registers an enterprise with a checked credit code, once', async () => {
    const body = {
      name: '青溪电气安装有限公司',
      creditCode: code('0051').toLowerCase(),
      industry: 'E49',
      townshipCode: TOWNSHIP_A,
    };
    const created = await t.http.post('/api/enterprises').auth(bureau.token, bearer).send(body);
    expect(created.status).toBe(201);
    expect(created.body.creditCode).toBe(code('0051'));
    expect((await t.http.post('/api/enterprises').auth(bureau.token, bearer).send(body)).body.code).toBe(
      'ENTERPRISE_EXISTS',
    );
    const wrong = code('0052').slice(0, 17) + (code('0052').endsWith('0') ? '1' : '0');
    const bad = await t.http
      .post('/api/enterprises')
      .auth(bureau.token, bearer)
      .send({ ...body, creditCode: wrong });
    expect(bad.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'creditCode', code: 'isCreditCode' }],
    });
    const found = await t.http.get('/api/enterprises').query({ q: '电气' }).auth(bureau.token, bearer);
    expect(found.body.map((e: { name: string }) => e.name)).toEqual(['青溪电气安装有限公司']);
    expect((await t.http.get('/api/enterprises').query({ q: '%' }).auth(bureau.token, bearer)).body).toEqual(
      [],
    );
    const learner = await makeActor(t);
    expect((await t.http.post('/api/enterprises').auth(learner.token, bearer).send(body)).status).toBe(403);
  });
});
