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

const viewed = async (actorId: string, enterpriseId: string): Promise<number> => {
  const [row] = await t.db.query(
    `SELECT count(*)::int AS n FROM audit_events
      WHERE action = 'enterprise.mentors_viewed' AND actor_user_id = $1 AND entity_id = $2`,
    [actorId, enterpriseId],
  );
  return row.n as number;
};

describe('least privilege on enterprise lookups', () => {
  it('lists an enterprise’s mentors only to schools with an agreement (a draft included) and to the enterprise', async () => {
    const p = await makeParties(t);
    const mentors = () =>
      t.http.get('/api/apprenticeships/enterprise-mentors').query({ enterpriseId: p.enterpriseId });

    // The school has not drafted anything with this enterprise yet: as if it did not exist, and no names leak.
    const before = await mentors().auth(p.coordinator.token, bearer).expect(404);
    expect(before.body.code).toBe('NOT_FOUND');
    expect(JSON.stringify(before.body)).not.toContain('陈师傅');
    expect(await viewed(p.coordinator.id, p.enterpriseId)).toBe(0);

    await draft(t, p);
    const after = await mentors().auth(p.coordinator.token, bearer).expect(200);
    expect(after.body).toEqual([{ userId: p.enterpriseMentor.id, name: '陈师傅' }]);
    expect(await viewed(p.coordinator.id, p.enterpriseId)).toBe(1);

    // Another school, with no agreement with this enterprise, is refused even though the first one has one.
    const stranger = await makeActor(t, Role.ProviderStaff, await makeProvider(t, 'approved', '无关的学校'));
    await mentors().auth(stranger.token, bearer).expect(404);
    expect(await viewed(stranger.id, p.enterpriseId)).toBe(0);

    // The enterprise's own mentor sees its colleagues; a mentor of another enterprise does not.
    await mentors().auth(p.enterpriseMentor.token, bearer).expect(200);
    const other = await makeEnterpriseUser(
      t,
      await makeEnterprise(t, '别家公司'),
      Role.EnterpriseAdmin,
      '何经理',
    );
    await mentors().auth(other.token, bearer).expect(404);

    // An enterprise id that does not exist answers the same 404.
    await t.http
      .get('/api/apprenticeships/enterprise-mentors')
      .query({ enterpriseId: '00000000-0000-4000-8000-000000000000' })
      .auth(p.coordinator.token, bearer)
      .expect(404);
  });

  it('shows an enterprise’s credit code only to the bureau, its own users and schools working with it', async () => {
    const p = await makeParties(t);
    const [{ credit_code: code }] = await t.db.query(`SELECT credit_code FROM enterprises WHERE id = $1`, [
      p.enterpriseId,
    ]);
    const codeSeenBy = async (token: string): Promise<string | null | undefined> => {
      const res = await t.http.get('/api/enterprises').auth(token, bearer).expect(200);
      return (res.body as Array<{ id: string; creditCode: string | null }>).find(
        (e) => e.id === p.enterpriseId,
      )?.creditCode;
    };
    const stranger = await makeActor(t, Role.ProviderStaff, await makeProvider(t, 'approved', '无关的学校'));
    const analyst = await makeActor(t, Role.BureauAnalyst);
    const otherMentor = await makeEnterpriseUser(t, await makeEnterprise(t, '别家公司'));

    expect(await codeSeenBy(p.coordinator.token)).toBeNull();
    expect(await codeSeenBy(stranger.token)).toBeNull();
    expect(await codeSeenBy(otherMentor.token)).toBeNull();
    expect(await codeSeenBy(p.enterpriseMentor.token)).toBe(code);
    expect(await codeSeenBy(analyst.token)).toBe(code);

    await draft(t, p);
    expect(await codeSeenBy(p.coordinator.token)).toBe(code);
    expect(await codeSeenBy(stranger.token)).toBeNull();

    // The full answer of a stranger holds no credit code anywhere.
    const all = await t.http.get('/api/enterprises').auth(stranger.token, bearer).expect(200);
    expect(JSON.stringify(all.body)).not.toContain(code);
  });
});
