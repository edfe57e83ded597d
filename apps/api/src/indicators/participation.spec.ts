import { IndicatorCode as C, INDICATORS, Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeAgreement, makeParties } from '../testing/apprenticeship-builders.js';
import { TOWNSHIP_A, VILLAGE_A1 } from '../testing/builders.js';
import {
  type CourseRef,
  indicatorCourse,
  insertCompletion,
  insertResident,
} from '../testing/indicator-builders.js';
import { type Actor, makeActor, makeProvider, withSecondFactor } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { IndicatorEngine, type IndicatorResults } from './indicator-engine.js';

/**
 * One meaning of participating: a resident took part in a window when they had any learning activity in it (a
 * completion, a class attended, a lesson finished, apprenticeship hours signed by the reference date), counted once.
 */
const bearer = { type: 'bearer' } as const;
let t: TestApp;
let admin: Actor;
let course: CourseRef;
let evening: CourseRef;
let results: IndicatorResults;
const REF = '2025-12-31';

async function resident(birthDate = '1985-05-05') {
  return insertResident(t, { birthDate, sex: 'female', township: TOWNSHIP_A, village: VILLAGE_A1 });
}
async function attended(learner: string, on: string, where: CourseRef = course) {
  const [e] = await t.db.query(
    `INSERT INTO enrolments (learner_user_id, session_id, course_id, status, queue_number)
     VALUES ($1, $2, $3, 'enrolled', nextval('enrolment_queue_seq')) RETURNING id`,
    [learner, where.sessionId, where.courseId],
  );
  await t.db.query(
    `INSERT INTO attendance (enrolment_id, class_date, session_id, recorded_by_user_id) VALUES ($1, $2, $3, $4)`,
    [e.id, on, where.sessionId, admin.id],
  );
}
async function lessonFinished(learner: string, at: string) {
  const [lesson] = await t.db.query(`SELECT id FROM lessons WHERE course_id = $1 LIMIT 1`, [course.courseId]);
  await t.db.query(
    `INSERT INTO lesson_progress (learner_user_id, lesson_id, course_id, completed_at) VALUES ($1, $2, $3, $4)`,
    [learner, lesson.id, course.courseId, at],
  );
}
const figure = (code: C) => results.indicators.find((f) => f.code === code);

beforeAll(async () => {
  t = await startTestApp();
  admin = await makeActor(t, Role.Learner);
  await t.db.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'bureau_admin')`, [admin.id]);
  await withSecondFactor(t, admin);
  const providerId = await makeProvider(t);
  const staff = await makeActor(t, Role.ProviderStaff, providerId);
  course = await indicatorCourse(
    t,
    staff,
    providerId,
    { kind: 'community', title: '社区' },
    'community_life',
  );
  evening = await indicatorCourse(
    t,
    staff,
    providerId,
    { kind: 'community', title: '夜校' },
    'community_life',
  );
  await t.db.query(
    `INSERT INTO lessons (course_id, position, kind, title, body) VALUES ($1, 1, 'text', '第一课', '正文')`,
    [course.courseId],
  );
  // One of each activity, one person with all three of the course activities (counted once), one whose
  // activity is the day before the 12 months, one with a lesson finished at 23:30 Beijing time on the last day.
  const completer = await resident();
  await insertCompletion(t, completer, course, '2025-04-01', 'community_life', false);
  await attended(await resident(), '2025-05-01');
  await lessonFinished(await resident(), '2025-06-01T10:00+08');
  const busy = await resident();
  await insertCompletion(t, busy, course, '2025-02-01', 'community_life', false);
  await attended(busy, '2025-02-02', evening);
  await lessonFinished(busy, '2025-02-03T10:00+08');
  await attended(await resident(), '2024-12-31');
  await lessonFinished(await resident(), '2025-12-31T23:30+08');
  // An apprentice of 30 with signed hours, and one of 30 whose week is submitted but not signed.
  const signed = await makeParties(t, '1995-01-01');
  const agreement = await activeAgreement(t, signed, { startDate: '2025-03-01' });
  const week = await t.http
    .put(`/api/apprenticeships/${agreement}/weeks/2025-W40`)
    .auth(signed.apprentice.token, bearer)
    .send({
      days: [{ date: '2025-09-29', schoolHours: 0, workplaceHours: 8 }],
      description: '车间实操',
    })
    .expect(200);
  // Workplace hours only: the enterprise mentor signs.
  for (const mentor of [signed.enterpriseMentor]) {
    const res = await t.http
      .post('/api/apprenticeships/weeks/sign')
      .auth(mentor.token, bearer)
      .send({ weekIds: [week.body.id] });
    if (res.status !== 204) throw new Error(JSON.stringify(res.body));
  }
  await t.db.query(
    `UPDATE apprenticeship_log_weeks SET school_signed_at = '2025-10-06T10:00+08', workplace_signed_at = '2025-10-05T10:00+08'
      WHERE id = $1`,
    [week.body.id],
  );
  const unsigned = await makeParties(t, '1995-02-02');
  const other = await activeAgreement(t, unsigned, { startDate: '2025-03-01' });
  await t.http
    .put(`/api/apprenticeships/${other}/weeks/2025-W40`)
    .auth(unsigned.apprentice.token, bearer)
    .send({ days: [{ date: '2025-09-29', schoolHours: 0, workplaceHours: 8 }], description: '车间实操' })
    .expect(200);
  results = await t.app.get(IndicatorEngine).compute({
    year: 2025,
    referenceDate: REF,
    baseline: null,
    ageBand: { from: 25, to: 64 },
  });
});
afterAll(async () => {
  await t.close();
});

describe('participating', () => {
  it('counts every kind of activity, each person once, and apprentices with signed hours', () => {
    // completer, attender, lesson, busy (once), last-day lesson, signed apprentice = 6; not the one of 2024-12-31,
    // not the apprentice whose hours are unsigned.
    expect(figure(C.Participation12m)).toMatchObject({ numerator: 6, people: 6, version: 3 });
    expect(figure(C.Participation12m)?.breakdowns.category).toEqual([
      { key: 'apprenticeship', numerator: 1, denominator: null, value: null, people: 1 },
      { key: 'community_life', numerator: 5, denominator: null, value: null, people: 5 },
    ]);
    // In the 4 weeks: only the lesson finished late on the last day.
    expect(figure(C.Participation4w)).toMatchObject({ numerator: 1, version: 2 });
    // Completions stay a figure of their own.
    expect(figure(C.Completions)?.numerator).toBe(2);
  });

  it('gives the elderly rate the same meaning', async () => {
    const elder = await resident('1950-01-01');
    await attended(elder, '2025-09-09');
    const again = await t.app.get(IndicatorEngine).compute({
      year: 2025,
      referenceDate: REF,
      baseline: null,
      ageBand: { from: 25, to: 64 },
    });
    expect(again.indicators.find((f) => f.code === C.ElderlyParticipation)).toMatchObject({
      numerator: 1,
      version: 3,
      window: '12m',
    });
  });

  it('keeps the definition version a closed year was published with', async () => {
    // A year closed under the earlier definition: its stored figures, version and all, are what is answered.
    const old = structuredClone(results);
    old.year = 2024;
    for (const f of old.indicators) if (f.code === C.Participation12m) f.version = 2;
    await t.db.query(
      `INSERT INTO indicator_periods (year, status, closed_at) VALUES (2024, 'closed', now())`,
    );
    await t.db.query(
      `INSERT INTO indicator_snapshots (year, kind, baseline_id, results, checksum, computed_at)
       VALUES (2024, 'frozen', NULL, $1, repeat('0', 64), now())`,
      [JSON.stringify(old)],
    );
    const closed = await t.http.get('/api/indicators?year=2024').auth(admin.token, bearer).expect(200);
    const p12 = closed.body.indicators.find((f: { code: C }) => f.code === C.Participation12m);
    expect(p12).toMatchObject({ version: 2, basis: 'closed' });
    const open = await t.http.get('/api/indicators?year=2025').auth(admin.token, bearer).expect(200);
    expect(open.body.indicators.find((f: { code: C }) => f.code === C.Participation12m).version).toBe(
      INDICATORS[C.Participation12m].version,
    );
  });
});
