import { Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorCourse } from '../testing/indicator-builders.js';
import { type Actor, makeActor, makeProvider } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * The attainment history over HTTP: registration starts it, the learner's own edit is a self-declared event, the
 * completion of an academic programme raises the level (through the real outcome route and completion service), and
 * a provider's staff correct it with a reason (audited); bad input is refused with a code and nothing is stored.
 */
const bearer = { type: 'bearer' } as const;
let t: TestApp;
let providerId: string;
let otherProviderId: string;
let staff: Actor;
let otherStaff: Actor;
let learner: Actor;
let enrolmentId: string;

async function enrol(who: Actor, sessionId: string, courseId: string): Promise<string> {
  const [e] = await t.db.query(
    `INSERT INTO enrolments (learner_user_id, session_id, course_id, status, queue_number)
     VALUES ($1, $2, $3, 'enrolled', nextval('enrolment_queue_seq')) RETURNING id`,
    [who.id, sessionId, courseId],
  );
  return e.id as string;
}

const events = async (userId: string) =>
  t.db.query(
    `SELECT source, attainment_before, attainment_after, reason, actor_user_id, provider_id,
            to_char(effective_on, 'YYYY-MM-DD') AS effective_on
       FROM attainment_events WHERE learner_user_id = $1 ORDER BY id`,
    [userId],
  );
const count = async (sql: string) => Number((await t.db.query(sql))[0].n);

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_REGISTRATIONS_PER_IP: '1000' });
  providerId = await makeProvider(t);
  otherProviderId = await makeProvider(t, 'approved', '另一所学校');
  staff = await makeActor(t, Role.ProviderStaff, providerId);
  otherStaff = await makeActor(t, Role.ProviderStaff, otherProviderId);
  learner = await makeActor(t, Role.Learner, undefined, { attainment: 'junior_secondary' });
  const academic = await indicatorCourse(
    t,
    staff,
    providerId,
    { kind: 'academic', title: '成人中专', confersAttainment: 'secondary_vocational' },
    'academic',
  );
  enrolmentId = await enrol(learner, academic.sessionId, academic.courseId);
});
afterAll(async () => {
  await t?.close();
});

describe('attainment history', () => {
  it('starts at registration with the level given, dated today, and the learner sees it', async () => {
    const rows = await events(learner.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: 'registration',
      attainment_before: null,
      attainment_after: 'junior_secondary',
      actor_user_id: learner.id,
    });
    const mine = await t.http.get('/api/me/attainment').auth(learner.token, bearer).expect(200);
    expect(mine.body.current).toBe('junior_secondary');
    expect(mine.body.events.map((e: { source: string }) => e.source)).toEqual(['registration']);
  });

  it('rises when staff mark the academic programme completed (the completion service), once', async () => {
    await t.http
      .post(`/api/enrolments/${enrolmentId}/outcome`)
      .auth(staff.token, bearer)
      .send({ outcome: 'completed', reason: '考核合格' })
      .expect(204);
    const rows = await events(learner.id);
    expect(rows.map((r: { source: string }) => r.source)).toEqual(['registration', 'programme_completion']);
    expect(rows[1]).toMatchObject({
      attainment_before: 'junior_secondary',
      attainment_after: 'secondary_vocational',
    });
    const [p] = await t.db.query(`SELECT attainment FROM learner_profiles WHERE user_id = $1`, [learner.id]);
    expect(p.attainment).toBe('secondary_vocational');
    expect(
      await count(`SELECT count(*) AS n FROM audit_events WHERE action = 'attainment.raised'
                     AND entity_id = '${learner.id}'`),
    ).toBe(1);
    const mine = await t.http.get('/api/me/attainment').auth(learner.token, bearer).expect(200);
    expect(mine.body.events[1]).toMatchObject({
      source: 'programme_completion',
      before: 'junior_secondary',
      after: 'secondary_vocational',
      programmeTitle: '成人中专',
      providerName: '测试职业学校',
    });
  });

  it('records the learner’s own edit as a self-declared event; saving the same level adds nothing', async () => {
    await t.http.patch('/api/me').auth(learner.token, bearer).send({ attainment: 'bachelor' }).expect(200);
    await t.http.patch('/api/me').auth(learner.token, bearer).send({ attainment: 'bachelor' }).expect(200);
    const rows = await events(learner.id);
    expect(rows.map((r: { source: string }) => r.source)).toEqual([
      'registration',
      'programme_completion',
      'self_declared',
    ]);
    expect(rows[2]).toMatchObject({
      attainment_before: 'secondary_vocational',
      attainment_after: 'bachelor',
    });
  });

  it('lets the provider’s staff correct the level with a reason: stored, audited with the request id', async () => {
    const res = await t.http
      .post(`/api/enrolments/${enrolmentId}/attainment-corrections`)
      .auth(staff.token, bearer)
      .send({ attainment: 'junior_college', reason: '  核验毕业证书：大专（2019年）  ' })
      .expect(201);
    expect(res.body.current).toBe('junior_college');
    const last = res.body.events.at(-1);
    expect(last).toMatchObject({
      source: 'staff_correction',
      before: 'bachelor',
      after: 'junior_college',
      reason: '核验毕业证书：大专（2019年）',
      providerName: '测试职业学校',
    });
    const rows = await events(learner.id);
    expect(rows.at(-1)).toMatchObject({ actor_user_id: staff.id, provider_id: providerId });
    const [audit] = await t.db.query(
      `SELECT actor_user_id, request_id, details FROM audit_events WHERE action = 'attainment.corrected'`,
    );
    expect(audit.actor_user_id).toBe(staff.id);
    expect(audit.request_id).toBe(res.headers['x-request-id']);
    expect(audit.details).toMatchObject({ enrolmentId, providerId });
    // The learner sees the correction and its reason.
    const mine = await t.http.get('/api/me/attainment').auth(learner.token, bearer).expect(200);
    expect(mine.body.events.at(-1).reason).toBe('核验毕业证书：大专（2019年）');
    const seen = await t.http
      .get(`/api/enrolments/${enrolmentId}/attainment`)
      .auth(staff.token, bearer)
      .expect(200);
    expect(seen.body.events).toHaveLength(4);
  });

  it('refuses bad input with a code and stores nothing', async () => {
    const before = await count(`SELECT count(*) AS n FROM attainment_events`);
    const audits = await count(
      `SELECT count(*) AS n FROM audit_events WHERE action = 'attainment.corrected'`,
    );
    const url = `/api/enrolments/${enrolmentId}/attainment-corrections`;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ attainment: 'bachelor' }, 'VALIDATION_FAILED'],
      [{ attainment: 'bachelor', reason: '   ' }, 'VALIDATION_FAILED'],
      [{ attainment: 'bachelor', reason: '好' }, 'VALIDATION_FAILED'],
      [{ attainment: 'phd', reason: '核验学位证书' }, 'VALIDATION_FAILED'],
      [{ attainment: 'bachelor', reason: 'x'.repeat(501) }, 'VALIDATION_FAILED'],
      [{ attainment: 'bachelor', reason: '核验学位证书', extra: 1 }, 'VALIDATION_FAILED'],
      [{ attainment: 'junior_college', reason: '再次核验毕业证书' }, 'ATTAINMENT_UNCHANGED'],
    ];
    for (const [body, code] of cases) {
      const res = await t.http.post(url).auth(staff.token, bearer).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code, JSON.stringify(body)).toBe(code);
    }
    const bad = await t.http
      .post('/api/enrolments/not-a-uuid/attainment-corrections')
      .auth(staff.token, bearer)
      .send({ attainment: 'bachelor', reason: '核验学位证书' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(await count(`SELECT count(*) AS n FROM attainment_events`)).toBe(before);
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE action = 'attainment.corrected'`)).toBe(
      audits,
    );
    const [p] = await t.db.query(`SELECT attainment FROM learner_profiles WHERE user_id = $1`, [learner.id]);
    expect(p.attainment).toBe('junior_college');
  });

  it('answers 404 to another provider’s staff and for unknown enrolments, 403 to a learner; nothing stored', async () => {
    const before = await count(`SELECT count(*) AS n FROM attainment_events`);
    const body = { attainment: 'postgraduate', reason: '核验学位证书' };
    for (const id of [enrolmentId, '00000000-0000-4000-8000-000000000000']) {
      const res = await t.http
        .post(`/api/enrolments/${id}/attainment-corrections`)
        .auth(otherStaff.token, bearer)
        .send(body);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
      await t.http.get(`/api/enrolments/${id}/attainment`).auth(otherStaff.token, bearer).expect(404);
    }
    const own = await t.http
      .post(`/api/enrolments/${enrolmentId}/attainment-corrections`)
      .auth(learner.token, bearer)
      .send(body);
    expect(own.status).toBe(403);
    expect(await count(`SELECT count(*) AS n FROM attainment_events`)).toBe(before);
  });

  it('keeps the history append-only in the database', async () => {
    await expect(
      t.db.query(`UPDATE attainment_events SET attainment_after = 'postgraduate'`),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM attainment_events`)).rejects.toThrow(/append-only/);
  });

  it('refuses a staff correction without a reason in the database too', async () => {
    await expect(
      t.db.query(
        `INSERT INTO attainment_events (learner_user_id, effective_on, source, attainment_before, attainment_after,
                                        actor_user_id)
         VALUES ($1, '2026-01-01', 'staff_correction', 'primary', 'junior_secondary', $1)`,
        [learner.id],
      ),
    ).rejects.toThrow(/chk_attainment_events_reason/);
  });
});
