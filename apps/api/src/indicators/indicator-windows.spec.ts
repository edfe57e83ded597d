import { addDays, IndicatorCode as C, Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A1 } from '../testing/builders.js';
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
 * Fixtures for every boundary day of every window: for each reference date, a person with an activity on the day
 * before a window's first day, on its first day, on its last day (the reference date) and the day after; a session
 * ending the day before the 90 days, on their first day, and starting on the reference date or the day after. The
 * windows are written out by hand here (the second way), not taken from the code under test.
 */
const WINDOWS: Record<string, Record<'period' | '12m' | '4w' | '90d', string>> = {
  '2024-02-29': { period: '2024-01-01', '12m': '2023-03-01', '4w': '2024-02-02', '90d': '2023-12-02' },
  '2025-03-01': { period: '2025-01-01', '12m': '2024-03-02', '4w': '2025-02-02', '90d': '2024-12-02' },
  '2025-12-31': { period: '2025-01-01', '12m': '2025-01-01', '4w': '2025-12-04', '90d': '2025-10-03' },
};
const bearer = { type: 'bearer' } as const;
let t: TestApp;
let admin: Actor;
let course: CourseRef;
let elderlyCourse: CourseRef;
const adults: Array<{ on: string }> = [];
const elders: Array<{ on: string }> = [];
const sessions: Array<{ starts: string; ends: string; village: string }> = [];

const boundaryDays = (first: string, last: string) => [addDays(first, -1), first, last, addDays(last, 1)];
const allDays = [
  ...new Set(
    Object.entries(WINDOWS).flatMap(([ref, w]) =>
      Object.values(w).flatMap((first) => boundaryDays(first, ref)),
    ),
  ),
].sort();

beforeAll(async () => {
  t = await startTestApp();
  admin = await makeActor(t, Role.Learner);
  await t.db.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'bureau_admin')`, [admin.id]);
  await withSecondFactor(t, admin);
  const [b] = await t.db.query(
    `INSERT INTO population_baselines (name, source, year, status, csv, total_rows, processed_rows, population,
                                       uploaded_by_user_id, finished_at)
     VALUES ('测试基数', 'census', 2020, 'ready', '', 0, 0, 0, $1, now()) RETURNING id`,
    [admin.id],
  );
  for (const [from, to] of [
    [0, 14],
    [15, 24],
    [25, 59],
    [60, 64],
    [65, null],
  ] as const) {
    await t.db.query(
      `INSERT INTO population_cells (baseline_id, township_code, age_from, age_to, sex, attainment, count)
       VALUES ($1, $2, $3, $4, 'male', 'junior_secondary', 1000)`,
      [b.id, TOWNSHIP_A, from, to],
    );
  }
  const providerId = await makeProvider(t);
  const staff = await makeActor(t, Role.ProviderStaff, providerId);
  course = await indicatorCourse(
    t,
    staff,
    providerId,
    { kind: 'community', title: '社区' },
    'community_life',
  );
  elderlyCourse = await indicatorCourse(
    t,
    staff,
    providerId,
    { kind: 'elderly', title: '书法' },
    'culture_arts',
  );
  for (const on of allDays) {
    // An adult (30 on every reference date) with a completion, an elder (70) with a class attended.
    const adult = await insertResident(t, {
      birthDate: '1994-01-01',
      sex: 'male',
      township: TOWNSHIP_A,
      village: VILLAGE_A1,
    });
    await insertCompletion(t, adult, course, on, 'community_life', true);
    adults.push({ on });
    const elder = await insertResident(t, {
      birthDate: '1954-01-01',
      sex: 'female',
      township: TOWNSHIP_A,
      village: VILLAGE_A1,
    });
    const [e] = await t.db.query(
      `INSERT INTO enrolments (learner_user_id, session_id, course_id, status, queue_number)
       VALUES ($1, $2, $3, 'enrolled', nextval('enrolment_queue_seq')) RETURNING id`,
      [elder, elderlyCourse.sessionId, elderlyCourse.courseId],
    );
    await t.db.query(
      `INSERT INTO attendance (enrolment_id, class_date, session_id, recorded_by_user_id) VALUES ($1, $2, $3, $4)`,
      [e.id, on, elderlyCourse.sessionId, admin.id],
    );
    elders.push({ on });
  }
  // Sessions around the 90-day window of each reference date, each in a village of its own.
  let n = 300;
  for (const [ref, w] of Object.entries(WINDOWS)) {
    for (const [starts, ends] of [
      [addDays(w['90d'], -30), addDays(w['90d'], -1)],
      [addDays(w['90d'], -30), w['90d']],
      [ref, addDays(ref, 20)],
      [addDays(ref, 1), addDays(ref, 20)],
    ]) {
      n += 1;
      const village = `330799102${n}`;
      await t.db.query(`INSERT INTO villages (code, township_code, name, name_en) VALUES ($1, $2, $3, $3)`, [
        village,
        TOWNSHIP_B,
        `村${n}`,
      ]);
      await t.db.query(
        `INSERT INTO course_sessions (course_id, label, starts_at, ends_at, capacity, class_count, online, township_code,
                                      village_code, venue, enrolment_opens_at, enrolment_closes_at)
         VALUES ($1, '班', ($2::date + time '09:00') AT TIME ZONE 'Asia/Shanghai',
                 ($3::date + time '11:00') AT TIME ZONE 'Asia/Shanghai', 30, 1, false, $4, $5, '文化站',
                 ($2::date - 30) + time '00:00', ($2::date - 1) + time '00:00')`,
        [elderlyCourse.courseId, starts, ends, TOWNSHIP_B, village],
      );
      sessions.push({ starts, ends, village });
    }
  }
});
afterAll(async () => {
  await t.close();
});

const figure = (r: IndicatorResults, code: C) => r.indicators.find((f) => f.code === code);
const within = (on: string, first: string, last: string) => on >= first && on <= last;

describe('one window rule, on every boundary day', () => {
  it.each(Object.keys(WINDOWS))('reference date %s', async (ref) => {
    const w = WINDOWS[ref];
    const results = await t.app.get(IndicatorEngine).compute({
      year: Number(ref.slice(0, 4)),
      referenceDate: ref,
      baseline: null,
      ageBand: { from: 25, to: 64 },
    });
    expect(results.windows).toEqual({
      period: { first: w.period, last: ref },
      '12m': { first: w['12m'], last: ref },
      '4w': { first: w['4w'], last: ref },
      '90d': { first: w['90d'], last: ref },
    });
    const count = (list: Array<{ on: string }>, first: string) =>
      list.filter((p) => within(p.on, first, ref)).length;
    expect(figure(results, C.Participation12m)?.numerator).toBe(count(adults, w['12m']));
    expect(figure(results, C.Participation4w)?.numerator).toBe(count(adults, w['4w']));
    expect(figure(results, C.Completions)?.numerator).toBe(count(adults, w.period));
    expect(figure(results, C.CertificatesIssued)?.numerator).toBe(count(adults, w.period));
    // The elderly rate's period is the 12 months, named so.
    expect(figure(results, C.ElderlyParticipation)).toMatchObject({
      window: '12m',
      numerator: count(elders, w['12m']),
    });
    // A session counts when it was held on any day of the 90: it ends on or after the first, starts by the last.
    const held = sessions.filter((s) => s.ends >= w['90d'] && s.starts <= ref).length;
    expect(figure(results, C.VillagePointCoverage)).toMatchObject({ window: '90d', numerator: held });
    // Each boundary pair really is on both sides: the day before the first and the day after the last are out.
    expect(adults.some((p) => p.on === addDays(w['12m'], -1))).toBe(true);
    expect(held).toBe(2);
  });
});

describe('bounded inputs', () => {
  it('refuses years outside the baseline range with a code, and stores nothing', async () => {
    for (const year of ['0', '-1', '99999', '1999']) {
      for (const request of [
        t.http.post(`/api/indicators/${year}/recompute`),
        t.http.put(`/api/indicators/targets/${C.Completions}/${year}`).send({ value: 1 }),
        t.http.post(`/api/indicators/periods/${year}/close`),
      ]) {
        const res = await request.auth(admin.token, bearer);
        expect([res.status, res.body.code]).toEqual([400, 'YEAR_OUT_OF_RANGE']);
        expect(res.body.requestId).toBeTruthy();
      }
    }
    // The rule: 10 years before the baseline's year (2020) to this year; targets up to 10 years ahead.
    const dashboard = await t.http.get('/api/indicators?year=2009').auth(admin.token, bearer);
    expect([dashboard.status, dashboard.body.code]).toEqual([400, 'YEAR_OUT_OF_RANGE']);
    expect(dashboard.body.message).toMatch(/2010/);
    await t.http.get('/api/indicators?year=2010').auth(admin.token, bearer).expect(200);
    const thisYear = Number(new Date().toISOString().slice(0, 4));
    await t.http
      .put(`/api/indicators/targets/${C.Completions}/${thisYear + 10}`)
      .auth(admin.token, bearer)
      .send({ value: 1 })
      .expect(204);
    const [stored] = await t.db.query(`SELECT count(*)::int AS n FROM indicator_snapshots`);
    expect(stored.n).toBe(0);
    const [periods] = await t.db.query(`SELECT count(*)::int AS n FROM indicator_periods`);
    expect(periods.n).toBe(0);
  });

  it('refuses a participation band that cuts across the baseline bands, naming them', async () => {
    const res = await t.http.get('/api/indicators?year=2025&ageFrom=16&ageTo=59').auth(admin.token, bearer);
    expect([res.status, res.body.code]).toEqual([400, 'AGE_BAND_NOT_SERVED']);
    expect(res.body.message).toContain('15-24, 25-59');
    const fine = await t.http
      .get('/api/indicators?year=2025&ageFrom=15&ageTo=59')
      .auth(admin.token, bearer)
      .expect(200);
    expect(fine.body.ageBand).toEqual({ from: 15, to: 59 });
  });
});
