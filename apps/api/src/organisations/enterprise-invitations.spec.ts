import { Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  draft,
  makeEnterprise,
  makeEnterpriseUser,
  makeParties,
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

describe('enterprise accounts', () => {
  it('a school invites an enterprise mentor, who accepts and then holds the role at that enterprise', async () => {
    const enterpriseId = await makeEnterprise(t, '青溪精工机械有限公司');
    const staff = await makeActor(t, Role.ProviderStaff, await makeProvider(t));
    const invitee = await makeActor(t, Role.Learner, undefined, { name: '陈师傅' });

    const sent = await t.http
      .post(`/api/enterprises/${enterpriseId}/invitations`)
      .auth(staff.token, bearer)
      .send({ contact: invitee.mobile, role: 'enterprise_mentor' })
      .expect(201);
    expect(sent.body).toMatchObject({ role: 'enterprise_mentor', acceptedAt: null });
    const preview = await t.http
      .get(`/api/invitations/${sent.body.code}`)
      .auth(invitee.token, bearer)
      .expect(200);
    expect(preview.body).toMatchObject({
      organisationName: '青溪精工机械有限公司',
      organisationKind: 'enterprise',
      role: 'enterprise_mentor',
      forYou: true,
    });
    const [notice] = await t.db.query(
      `SELECT kind, params FROM notifications WHERE user_id = $1 AND kind <> 'welcome'`,
      [invitee.id],
    );
    expect(notice).toMatchObject({
      kind: 'enterprise_invitation',
      params: { organisationName: '青溪精工机械有限公司' },
    });

    await t.http.post(`/api/invitations/${sent.body.code}/accept`).auth(invitee.token, bearer).expect(204);
    const [grant] = await t.db.query(
      `SELECT role, enterprise_id, provider_id FROM role_assignments WHERE user_id = $1 AND role <> 'learner'`,
      [invitee.id],
    );
    expect(grant).toEqual({ role: 'enterprise_mentor', enterprise_id: enterpriseId, provider_id: null });
    const users = await t.http
      .get(`/api/enterprises/${enterpriseId}/users`)
      .auth(staff.token, bearer)
      .expect(200);
    expect(users.body.staff).toEqual([
      expect.objectContaining({ userId: invitee.id, role: 'enterprise_mentor' }),
    ]);
    const [audit] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'enterprise.user_joined'`,
    );
    expect(audit.n).toBe(1);
  });

  it('once an enterprise has an administrator, only schools that work with it may manage its accounts', async () => {
    const p = await makeParties(t);
    await draft(t, p);
    await makeEnterpriseUser(t, p.enterpriseId, Role.EnterpriseAdmin, '何经理');
    const stranger = await makeActor(t, Role.ProviderStaff, await makeProvider(t, 'approved', '无关的学校'));
    const body = { contact: '13900009999', role: 'enterprise_mentor' };
    await t.http.get(`/api/enterprises/${p.enterpriseId}/users`).auth(stranger.token, bearer).expect(404);
    await t.http
      .post(`/api/enterprises/${p.enterpriseId}/invitations`)
      .auth(stranger.token, bearer)
      .send(body)
      .expect(404);
    await t.http
      .get(`/api/enterprises/${p.enterpriseId}/users`)
      .auth(p.coordinator.token, bearer)
      .expect(200);
    await t.http
      .post(`/api/enterprises/${p.enterpriseId}/invitations`)
      .auth(p.coordinator.token, bearer)
      .send(body)
      .expect(201);
  });

  it('an enterprise administrator manages only their own enterprise; mentors and learners cannot invite', async () => {
    const mine = await makeEnterprise(t, '甲公司');
    const other = await makeEnterprise(t, '乙公司');
    const admin = await makeEnterpriseUser(t, mine, Role.EnterpriseAdmin, '何经理');
    const mentor = await makeEnterpriseUser(t, mine);
    const learner = await makeActor(t, Role.Learner);
    const body = { contact: 'new.mentor@example.com', role: 'enterprise_mentor' };

    await t.http
      .post(`/api/enterprises/${mine}/invitations`)
      .auth(admin.token, bearer)
      .send(body)
      .expect(201);
    const elsewhere = await t.http
      .post(`/api/enterprises/${other}/invitations`)
      .auth(admin.token, bearer)
      .send(body);
    expect(elsewhere.status).toBe(404);
    await t.http.get(`/api/enterprises/${other}/users`).auth(admin.token, bearer).expect(404);
    for (const actor of [mentor, learner]) {
      const res = await t.http
        .post(`/api/enterprises/${mine}/invitations`)
        .auth(actor.token, bearer)
        .send(body);
      expect(res.status).toBe(403);
    }
    const wrongRole = await t.http
      .post(`/api/enterprises/${mine}/invitations`)
      .auth(admin.token, bearer)
      .send({ contact: 'x@example.com', role: 'provider_admin' })
      .expect(400);
    expect(wrongRole.body.fields[0].field).toBe('role');
    const [count] = await t.db.query(`SELECT count(*)::int AS n FROM invitations WHERE enterprise_id = $1`, [
      mine,
    ]);
    expect(count.n).toBe(1);
  });
});
