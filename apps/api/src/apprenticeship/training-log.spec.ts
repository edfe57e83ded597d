import { addDays, isoWeekOf, mondayOfIsoWeek } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../common/date-only.js';
import {
  activeAgreement,
  makeEnterprise,
  makeEnterpriseUser,
  makeParties,
  type Parties,
} from '../testing/apprenticeship-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const bearer = { type: 'bearer' } as const;
let t: TestApp;
let p: Parties;
let agreementId: string;

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_REGISTRATIONS_PER_IP: '1000' });
  p = await makeParties(t);
  agreementId = await activeAgreement(t, p, { startDate: '2025-09-01' });
});
afterAll(async () => {
  await t.close();
});

/** Monday to Friday of an ISO week: Monday at school (6 h), the other days at the workplace. */
function weekBody(isoWeek: string, workplace = [8, 8, 8, 8], school = 6) {
  const monday = mondayOfIsoWeek(isoWeek) as string;
  return {
    days: [
      { date: monday, schoolHours: school, workplaceHours: 0 },
      ...workplace.map((h, i) => ({ date: addDays(monday, i + 1), schoolHours: 0, workplaceHours: h })),
    ],
    description: '周一在校学习数控编程，周二至周五在车间练习车削。',
  };
}
const submit = (isoWeek: string, body: object, token = p.apprentice.token, id = agreementId) =>
  t.http.put(`/api/apprenticeships/${id}/weeks/${isoWeek}`).auth(token, bearer).send(body);
const sign = (token: string, weekIds: string[]) =>
  t.http.post('/api/apprenticeships/weeks/sign').auth(token, bearer).send({ weekIds });
const detail = async () =>
  (await t.http.get(`/api/apprenticeships/${agreementId}`).auth(p.coordinator.token, bearer).expect(200))
    .body;

describe('the weekly training log', () => {
  it('counts hours only once the mentor of each setting has signed them', async () => {
    const res = await submit('2025-W40', weekBody('2025-W40')).expect(200);
    expect(res.body).toMatchObject({
      isoWeek: '2025-W40',
      weekStart: '2025-09-29',
      schoolHours: 6,
      workplaceHours: 32,
      schoolStatus: 'submitted',
      workplaceStatus: 'submitted',
    });
    expect(res.body.days).toHaveLength(5);
    expect(await detail()).toMatchObject({ signedSchoolHours: 0, signedWorkplaceHours: 0, weeksToSign: 1 });

    const mentorQueue = await t.http
      .get('/api/apprenticeships/weeks/to-sign')
      .auth(p.enterpriseMentor.token, bearer)
      .expect(200);
    expect(mentorQueue.body).toEqual([
      expect.objectContaining({ id: res.body.id, setting: 'workplace', apprenticeName: '李小军' }),
    ]);
    await sign(p.enterpriseMentor.token, [res.body.id]).expect(204);
    expect(await detail()).toMatchObject({ signedSchoolHours: 0, signedWorkplaceHours: 32 });

    const schoolQueue = await t.http
      .get('/api/apprenticeships/weeks/to-sign')
      .auth(p.schoolMentor.token, bearer)
      .expect(200);
    expect(schoolQueue.body.map((w: { setting: string }) => w.setting)).toEqual(['school']);
    await sign(p.schoolMentor.token, [res.body.id]).expect(204);
    expect(await detail()).toMatchObject({ signedSchoolHours: 6, signedWorkplaceHours: 32, weeksToSign: 0 });
  });

  it('refuses more than 8 workplace hours a day and 40 a week', async () => {
    const day = await submit('2025-W41', weekBody('2025-W41', [8, 9, 8, 8])).expect(400);
    expect(day.body).toMatchObject({ code: 'LOG_DAY_LIMIT', fields: [{ field: 'days.2.workplaceHours' }] });

    const monday = mondayOfIsoWeek('2025-W41') as string;
    const sixDays = Array.from({ length: 6 }, (_, i) => ({
      date: addDays(monday, i),
      schoolHours: 0,
      workplaceHours: 7,
    }));
    const week = await submit('2025-W41', { days: sixDays, description: '连续六天在车间。' }).expect(400);
    expect(week.body.code).toBe('LOG_WEEK_LIMIT');
    // Five days of 8 hours (Tuesday to Saturday) make exactly 40, which is allowed.
    const full = await submit('2025-W41', weekBody('2025-W41', [8, 8, 8, 8, 8], 0)).expect(200);
    expect(full.body.workplaceHours).toBe(40);
  });

  it('refuses a week before the start, after the planned end, or still to come', async () => {
    const before = await submit('2025-W30', weekBody('2025-W30')).expect(400);
    expect(before.body).toMatchObject({ code: 'LOG_WEEK_OUT_OF_RANGE', fields: [{ field: 'days.0.date' }] });
    const next = isoWeekOf(addDays(todayInChina(), 7));
    const future = await submit(next, weekBody(next)).expect(400);
    expect(future.body.code).toBe('LOG_WEEK_OUT_OF_RANGE');
    const q = await makeParties(t);
    const short = await activeAgreement(t, q, { startDate: '2025-09-01', plannedEndDate: '2025-10-31' });
    const after = await submit('2025-W46', weekBody('2025-W46'), q.apprentice.token, short).expect(400);
    expect(after.body.code).toBe('LOG_WEEK_OUT_OF_RANGE');
    const notThisWeek = await submit('2025-W40', weekBody('2025-W41')).expect(400);
    expect(notThisWeek.body.code).toBe('VALIDATION_FAILED');
  });

  it('lets only the apprentice log', async () => {
    const res = await submit('2025-W42', weekBody('2025-W42'), p.enterpriseMentor.token).expect(403);
    expect(res.body.code).toBe('NOT_A_PARTY');
  });

  it('signs many weeks in one action, all or none', async () => {
    const ids: string[] = [];
    for (const week of ['2025-W43', '2025-W44', '2025-W45']) {
      ids.push((await submit(week, weekBody(week)).expect(200)).body.id);
    }
    const [signedBefore] = await t.db.query(
      `SELECT count(*)::int AS n FROM apprenticeship_log_weeks WHERE workplace_status = 'signed'`,
    );
    // One of them is signed already, so the batch fails as a whole and changes nothing.
    await sign(p.enterpriseMentor.token, [ids[0]]).expect(204);
    const refused = await sign(p.enterpriseMentor.token, ids).expect(409);
    expect(refused.body.code).toBe('LOG_STATE_INVALID');
    const [afterRefusal] = await t.db.query(
      `SELECT count(*)::int AS n FROM apprenticeship_log_weeks WHERE workplace_status = 'signed'`,
    );
    expect(afterRefusal.n).toBe(signedBefore.n + 1);

    await sign(p.enterpriseMentor.token, ids.slice(1)).expect(204);
    const rows = await t.db.query(
      `SELECT workplace_status, workplace_signed_by_user_id FROM apprenticeship_log_weeks WHERE id = ANY($1)`,
      [ids],
    );
    expect(rows.every((r: { workplace_status: string }) => r.workplace_status === 'signed')).toBe(true);
    expect(
      new Set(rows.map((r: { workplace_signed_by_user_id: string }) => r.workplace_signed_by_user_id)),
    ).toEqual(new Set([p.enterpriseMentor.id]));
  });

  it('hides another enterprise’s apprentices from a mentor: they cannot list or sign their weeks (404)', async () => {
    const week = (await submit('2025-W46', weekBody('2025-W46')).expect(200)).body;
    const stranger = await makeEnterpriseUser(t, await makeEnterprise(t, '别家公司'));
    const queue = await t.http
      .get('/api/apprenticeships/weeks/to-sign')
      .auth(stranger.token, bearer)
      .expect(200);
    expect(queue.body).toEqual([]);
    const res = await sign(stranger.token, [week.id]).expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
    await t.http
      .post(`/api/apprenticeships/weeks/${week.id}/return`)
      .auth(stranger.token, bearer)
      .send({ comment: '不对' })
      .expect(404);
    // A colleague at the same enterprise who is not the assigned mentor cannot sign either.
    const colleague = await makeEnterpriseUser(t, p.enterpriseId);
    await sign(colleague.token, [week.id]).expect(404);
    const [row] = await t.db.query(`SELECT workplace_status FROM apprenticeship_log_weeks WHERE id = $1`, [
      week.id,
    ]);
    expect(row.workplace_status).toBe('submitted');
  });

  it('returns a week with a comment, takes the correction, and keeps signed parts locked', async () => {
    const week = (await submit('2025-W47', weekBody('2025-W47')).expect(200)).body;
    await t.http
      .post(`/api/apprenticeships/weeks/${week.id}/return`)
      .auth(p.enterpriseMentor.token, bearer)
      .send({ comment: '请补充周三的工作内容。' })
      .expect(204);
    await sign(p.schoolMentor.token, [week.id]).expect(204);
    const weeks = await t.http
      .get(`/api/apprenticeships/${agreementId}/weeks`)
      .auth(p.apprentice.token, bearer);
    expect(weeks.body.find((w: { id: string }) => w.id === week.id)).toMatchObject({
      workplaceStatus: 'returned',
      workplaceComment: '请补充周三的工作内容。',
      schoolStatus: 'signed',
    });
    const [notification] = await t.db.query(
      `SELECT params FROM notifications WHERE user_id = $1 AND kind = 'log_week_returned'`,
      [p.apprentice.id],
    );
    expect(notification.params).toMatchObject({ isoWeek: '2025-W47', agreementId });

    const corrected = await submit('2025-W47', weekBody('2025-W47', [8, 8, 6, 8])).expect(200);
    expect(corrected.body).toMatchObject({
      workplaceStatus: 'submitted',
      workplaceComment: null,
      workplaceHours: 30,
    });
    expect(corrected.body.schoolStatus).toBe('signed');
    const locked = await submit('2025-W47', weekBody('2025-W47', [8, 8, 6, 8], 4)).expect(409);
    expect(locked.body.code).toBe('LOG_WEEK_LOCKED');
  });
});
