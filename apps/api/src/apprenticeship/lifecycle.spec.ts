import { Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../common/date-only.js';
import {
  activeAgreement,
  draft,
  makeEnterprise,
  makeEnterpriseUser,
  makeParties,
  type Parties,
} from '../testing/apprenticeship-builders.js';
import { makeActor } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { ReplayService } from './replay.service.js';

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

/** Another apprentice at the same school and enterprise. */
async function withApprentice(p: Parties, birthDate = '2005-06-01'): Promise<Parties> {
  return { ...p, apprentice: await makeActor(t, Role.Learner, undefined, { birthDate, name: '学徒' }) };
}

describe('breaks, withdrawals and transfers', () => {
  it('takes effect from its date and never before the change in effect, nor in the future', async () => {
    const p = await makeParties(t);
    const id = await activeAgreement(t, p, { startDate: '2025-03-01' });
    const future = await post(p.coordinator.token, `/${id}/pause`, {
      effectiveDate: '2999-01-01',
      reason: '病假',
    });
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ code: 'EVENT_DATE_INVALID', fields: [{ field: 'effectiveDate' }] });
    const beforeStart = await post(p.coordinator.token, `/${id}/pause`, {
      effectiveDate: '2025-02-01',
      reason: '病假',
    }).expect(400);
    expect(beforeStart.body.code).toBe('EVENT_DATE_INVALID');

    const resumeActive = await post(p.coordinator.token, `/${id}/resume`, {
      effectiveDate: '2025-05-01',
    }).expect(409);
    expect(resumeActive.body.code).toBe('AGREEMENT_STATE_INVALID');
    const paused = await post(p.coordinator.token, `/${id}/pause`, {
      effectiveDate: '2025-06-01',
      reason: '病假',
    }).expect(200);
    expect(paused.body.state).toBe('paused');
    const backdated = await post(p.coordinator.token, `/${id}/resume`, {
      effectiveDate: '2025-05-20',
    }).expect(400);
    expect(backdated.body.code).toBe('EVENT_DATE_INVALID');
    await post(p.coordinator.token, `/${id}/resume`, { effectiveDate: '2025-09-01' }).expect(200);

    const withdrawn = await post(p.coordinator.token, `/${id}/withdraw`, {
      effectiveDate: '2025-10-10',
      reasonCode: 'changed_job',
      reason: '到外地就业',
    }).expect(200);
    expect(withdrawn.body.state).toBe('withdrawn');
    expect(withdrawn.body.events.at(-1)).toMatchObject({ type: 'withdrawn', reasonCode: 'changed_job' });
    const again = await post(p.coordinator.token, `/${id}/pause`, {
      effectiveDate: '2025-11-01',
      reason: 'x',
    });
    expect(again.status).toBe(409);
    const badReason = await post(p.coordinator.token, `/${id}/withdraw`, {
      effectiveDate: '2025-10-10',
      reasonCode: 'bored',
    }).expect(400);
    expect(badReason.body.fields[0].field).toBe('reasonCode');
  });

  it('continues with another enterprise under a new linked agreement that the parties confirm', async () => {
    const p = await makeParties(t);
    const id = await activeAgreement(t, p, { startDate: '2025-02-01' });
    const enterpriseB = await makeEnterprise(t, '新的企业');
    const mentorB = await makeEnterpriseUser(t, enterpriseB, Role.EnterpriseMentor, '新师傅');
    const res = await post(p.coordinator.token, `/${id}/transfer`, {
      effectiveDate: '2025-10-01',
      enterpriseId: enterpriseB,
      enterpriseMentorUserId: mentorB.id,
      reason: '原企业转产',
    }).expect(201);
    expect(res.body).toMatchObject({
      predecessorId: id,
      enterpriseId: enterpriseB,
      state: 'pending',
      startDate: '2025-10-01',
      plannedEndDate: '2027-06-30',
    });
    const old = await t.http.get(`/api/apprenticeships/${id}`).auth(p.coordinator.token, bearer).expect(200);
    expect(old.body).toMatchObject({ state: 'transferred', successorId: res.body.id });
    // The old enterprise keeps the history of its own agreement but does not see the new one.
    await t.http.get(`/api/apprenticeships/${id}`).auth(p.enterpriseMentor.token, bearer).expect(200);
    await t.http
      .get(`/api/apprenticeships/${res.body.id}`)
      .auth(p.enterpriseMentor.token, bearer)
      .expect(404);
    for (const actor of [p.coordinator, mentorB, p.apprentice]) {
      await post(actor.token, `/${res.body.id}/confirmations`, { version: 1 }).expect(200);
    }
    const continued = await t.http
      .get(`/api/apprenticeships/${res.body.id}`)
      .auth(mentorB.token, bearer)
      .expect(200);
    expect(continued.body.state).toBe('active');
    expect(continued.body.events.at(-1)).toMatchObject({ type: 'activated', effectiveDate: '2025-10-01' });
  });
});

describe('completion through the final assessment', () => {
  it('adds a learning-record entry with the signed hours and issues a certificate', async () => {
    const p = await makeParties(t);
    const id = await activeAgreement(t, p, { startDate: '2025-03-01' });
    await t.http
      .put(`/api/apprenticeships/${id}/weeks/2025-W11`)
      .auth(p.apprentice.token, bearer)
      .send({
        days: [
          { date: '2025-03-10', schoolHours: 6, workplaceHours: 0 },
          { date: '2025-03-11', schoolHours: 0, workplaceHours: 8 },
        ],
        description: '学校理论课与车间实操。',
      })
      .expect(200);
    const [week] = await t.db.query(`SELECT id FROM apprenticeship_log_weeks WHERE agreement_id = $1`, [id]);
    await t.http
      .post('/api/apprenticeships/weeks/sign')
      .auth(p.enterpriseMentor.token, bearer)
      .send({ weekIds: [week.id] });
    await t.http
      .post('/api/apprenticeships/weeks/sign')
      .auth(p.schoolMentor.token, bearer)
      .send({ weekIds: [week.id] });

    const byApprentice = await post(p.apprentice.token, `/${id}/assessments`, {
      kind: 'final',
      title: '出师考核',
      result: 'passed',
      assessedOn: '2025-11-20',
    }).expect(403);
    expect(byApprentice.body.code).toBe('NOT_A_PARTY');
    const failed = await post(p.enterpriseMentor.token, `/${id}/assessments`, {
      kind: 'final',
      title: '出师考核',
      result: 'failed',
      assessedOn: '2025-11-10',
      comment: '公差超差，需补考。',
    }).expect(201);
    expect(failed.body.state).toBe('active');
    const passed = await post(p.enterpriseMentor.token, `/${id}/assessments`, {
      kind: 'final',
      title: '出师考核（补考）',
      result: 'passed',
      assessedOn: '2025-11-20',
    }).expect(201);
    expect(passed.body.state).toBe('completed');
    expect(passed.body.assessments.map((a: { result: string }) => a.result)).toEqual(['failed', 'passed']);

    const record = await t.http.get('/api/me/record').auth(p.apprentice.token, bearer).expect(200);
    expect(record.body.entries).toEqual([
      expect.objectContaining({
        courseTitle: '数控技术现代学徒制（数控车工）',
        category: 'apprenticeship',
        hours: 14,
        completedOn: '2025-11-20',
      }),
    ]);
    const certificates = await t.http
      .get('/api/me/certificates')
      .auth(p.apprentice.token, bearer)
      .expect(200);
    expect(certificates.body).toHaveLength(1);
    const [outbox] = await t.db.query(`SELECT count(*)::int AS n FROM job_outbox WHERE job_id = $1`, [
      `certificate-pdf:${certificates.body[0].id}`,
    ]);
    expect(outbox.n).toBe(1);
    const afterwards = await post(p.enterpriseMentor.token, `/${id}/assessments`, {
      kind: 'final',
      title: '再考',
      result: 'passed',
      assessedOn: '2025-11-25',
    }).expect(409);
    expect(afterwards.body.code).toBe('AGREEMENT_STATE_INVALID');
  });
});

describe('replaying the events to a reference date', () => {
  it('gives the hand-computed counts on three dates for a fixture with breaks, a withdrawal and a transfer', async () => {
    const school = await makeParties(t);
    // A: started 2025-03-01, on a break from 2025-06-01, back on 2025-09-01.
    const a = await withApprentice(school);
    const aId = await activeAgreement(t, a, { startDate: '2025-03-01' });
    await post(a.coordinator.token, `/${aId}/pause`, { effectiveDate: '2025-06-01', reason: '病假' }).expect(
      200,
    );
    await post(a.coordinator.token, `/${aId}/resume`, { effectiveDate: '2025-09-01' }).expect(200);
    // B: started 2025-04-01, withdrew on 2025-08-15.
    const b = await withApprentice(school);
    const bId = await activeAgreement(t, b, { startDate: '2025-04-01' });
    await post(b.coordinator.token, `/${bId}/withdraw`, {
      effectiveDate: '2025-08-15',
      reasonCode: 'changed_job',
    }).expect(200);
    // C: started 2025-02-01, moved to another enterprise on 2025-10-01 (C2 continues, confirmed).
    const c = await withApprentice(school);
    const cId = await activeAgreement(t, c, { startDate: '2025-02-01' });
    const enterpriseB = await makeEnterprise(t, '承接企业');
    const mentorB = await makeEnterpriseUser(t, enterpriseB);
    const c2 = await post(c.coordinator.token, `/${cId}/transfer`, {
      effectiveDate: '2025-10-01',
      enterpriseId: enterpriseB,
      enterpriseMentorUserId: mentorB.id,
      reason: '原企业转产',
    }).expect(201);
    for (const actor of [c.coordinator, mentorB, c.apprentice]) {
      await post(actor.token, `/${c2.body.id}/confirmations`, { version: 1 }).expect(200);
    }
    // D: started 2025-05-01, completed on 2025-11-20.
    const d = await withApprentice(school);
    const dId = await activeAgreement(t, d, { startDate: '2025-05-01' });
    await post(d.enterpriseMentor.token, `/${dId}/assessments`, {
      kind: 'final',
      title: '出师考核',
      result: 'passed',
      assessedOn: '2025-11-20',
    }).expect(201);
    // E: starts 2026-01-15. F: drafted, never confirmed.
    const e = await withApprentice(school);
    await activeAgreement(t, e, { startDate: '2026-01-15' });
    await draft(t, await withApprentice(school), { startDate: '2025-03-01' });

    const replay = t.app.get(ReplayService);
    const scope = { providerIds: [school.providerId] };
    const counts = async (date: string) => {
      const { active, paused, started, completed, withdrawn, transferred } = await replay.summaryOn(
        date,
        scope,
      );
      return { active, paused, started, completed, withdrawn, transferred };
    };
    // 2025-05-15: A, B, C, D active; E not begun; F never confirmed.
    expect(await counts('2025-05-15')).toEqual({
      active: 4,
      paused: 0,
      started: 4,
      completed: 0,
      withdrawn: 0,
      transferred: 0,
    });
    // 2025-07-01: A is on its break across the date.
    expect(await counts('2025-07-01')).toEqual({
      active: 3,
      paused: 1,
      started: 4,
      completed: 0,
      withdrawn: 0,
      transferred: 0,
    });
    // 2025-12-31: A back, B withdrawn, C transferred and C2 active (a continuation, not a new start), D completed.
    expect(await counts('2025-12-31')).toEqual({
      active: 2,
      paused: 0,
      started: 4,
      completed: 1,
      withdrawn: 1,
      transferred: 1,
    });
    expect((await counts('2026-02-01')).started).toBe(5);

    const states = await replay.statesOn('2025-07-01', scope);
    expect(states.get(aId)).toBe('paused');
    expect(states.get(bId)).toBe('active');
    expect(states.get(c2.body.id)).toBeUndefined();
    expect((await replay.statesOn('2025-12-31', scope)).get(c2.body.id)).toBe('active');

    // The same figures through the API, for the school only.
    const api = await t.http
      .get(`/api/apprenticeships/summary?date=2025-12-31&providerId=${school.providerId}`)
      .auth(school.coordinator.token, bearer)
      .expect(200);
    expect(api.body).toMatchObject({ date: '2025-12-31', active: 2, started: 4, completed: 1 });
    await t.http
      .get(`/api/apprenticeships/summary?date=2025-12-31&providerId=${school.providerId}`)
      .auth(school.enterpriseMentor.token, bearer)
      .expect(403);
  });
});

describe('early warning', () => {
  it('flags an agreement behind plan, with weeks unsigned and no milestone, and lists it first', async () => {
    const p = await makeParties(t);
    const calm = await activeAgreement(t, await withApprentice(p), {
      startDate: todayInChina(),
      plannedWorkplaceHours: 0,
    });
    const risky = await activeAgreement(t, p, { startDate: '2025-06-01' });
    for (const week of ['2025-W30', '2025-W31']) {
      await t.http
        .put(`/api/apprenticeships/${risky}/weeks/${week}`)
        .auth(p.apprentice.token, bearer)
        .send({
          days: [{ date: `2025-07-2${week.endsWith('30') ? 2 : 9}`, schoolHours: 0, workplaceHours: 8 }],
          description: '车间实操',
        })
        .expect(200);
    }
    // Submitted more than ten days ago and still unsigned.
    await t.db.query(
      `UPDATE apprenticeship_log_weeks SET submitted_at = now() - interval '15 days' WHERE agreement_id = $1`,
      [risky],
    );
    const list = await t.http.get('/api/apprenticeships').auth(p.coordinator.token, bearer).expect(200);
    const ids = list.body.map((x: { id: string }) => x.id);
    expect(ids.indexOf(risky)).toBeLessThan(ids.indexOf(calm));
    const flagged = list.body.find((x: { id: string }) => x.id === risky);
    expect(flagged.warnings.map((w: { flag: string }) => w.flag)).toEqual([
      'hours_behind',
      'unsigned_weeks',
      'no_milestone',
    ]);
    expect(flagged.warnings[0].figures.signed).toBe(0);
    expect(flagged.warnings[1].figures.weeks).toBe(2);
    expect(list.body.find((x: { id: string }) => x.id === calm).warnings).toEqual([]);
  });
});
