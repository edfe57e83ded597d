import { IndicatorCode as C, Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeAgreement, makeParties } from '../testing/apprenticeship-builders.js';
import { TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A1 } from '../testing/builders.js';
import { indicatorCourse } from '../testing/indicator-builders.js';
import { type Actor, makeActor, makeProvider, withSecondFactor } from '../testing/offer-builders.js';
import { recordProgrammeCompletion } from '../attainment/attainment.repository.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { waitFor } from '../testing/wait.js';
import { JobName, QueueName } from '../jobs/job.constants.js';
import { QueueService } from '../jobs/queue.service.js';
import { IndicatorEngine, type IndicatorFigure, type IndicatorResults } from './indicator-engine.js';
import { IndicatorsService } from './indicators.service.js';

const bearer = { type: 'bearer' } as const;
let t: TestApp;
let admin: Actor;

/**
 * The fixture baseline: 400,000 residents aged 15+ with the attainment mix of the DESIGN.md check (none 20,000,
 * primary 110,000, junior 160,000, senior 60,000, junior college 30,000, bachelor 18,000, postgraduate 2,000), in
 * bands 0-14, 15-24, 25-59, 60-64 and 65+. Residents 25–64: 250,000 (township A 158,000, B 92,000); 60+: 130,000.
 */
const BASELINE = [
  [TOWNSHIP_A, '0-14', 'male', 'none', 50_000],
  [TOWNSHIP_A, '15-24', 'female', 'senior_secondary', 60_000],
  [TOWNSHIP_A, '25-59', 'male', 'junior_secondary', 100_000],
  [TOWNSHIP_B, '25-59', 'female', 'junior_secondary', 60_000],
  [TOWNSHIP_B, '25-59', 'male', 'junior_college', 30_000],
  [TOWNSHIP_A, '25-59', 'female', 'bachelor', 18_000],
  [TOWNSHIP_B, '25-59', 'female', 'postgraduate', 2_000],
  [TOWNSHIP_A, '60-64', 'male', 'primary', 40_000],
  [TOWNSHIP_A, '65+', 'female', 'primary', 70_000],
  [TOWNSHIP_B, '65+', 'male', 'none', 20_000],
];
const csv = (rows: Array<Array<string | number>>) =>
  ['township_code,age_band,sex,attainment,count', ...rows.map((r) => r.join(','))].join('\n');

const course = (staff: Actor, providerId: string, programme: Record<string, unknown>, category: string) =>
  indicatorCourse(t, staff, providerId, programme, category);

/** A completion on a chosen date: a completed enrolment and its learning-record entry (and certificate). */
async function completion(
  learner: Actor,
  c: { courseId: string; sessionId: string },
  on: string,
  category: string,
) {
  const [e] = await t.db.query(
    `INSERT INTO enrolments (learner_user_id, session_id, course_id, status, queue_number)
     VALUES ($1, $2, $3, 'completed', nextval('enrolment_queue_seq')) RETURNING id`,
    [learner.id, c.sessionId, c.courseId],
  );
  const [r] = await t.db.query(
    `INSERT INTO learning_records (learner_user_id, enrolment_id, course_id, provider_id, course_title, provider_name,
                                   category, hours, credits, completed_on, evidence)
     SELECT $1, $2, c.id, c.provider_id, c.title, '测试职业学校', $4, 10, 1, $3, '{}' FROM courses c WHERE c.id = $5
     RETURNING id`,
    [learner.id, e.id, on, category, c.courseId],
  );
  // As the completion service does: completing an academic programme raises the level, dated on the day.
  await recordProgrammeCompletion(t.db.manager, r.id as string);
  await t.db.query(
    `INSERT INTO certificates (enrolment_id, learner_user_id, number, verification_code, holder_name, record_id, issued_at)
     VALUES ($1, $2, 'T-' || $3, upper(substr(md5($3), 1, 10)), 'x', $5, $4::date + time '10:00')`,
    [e.id, learner.id, String(r.id), on, r.id],
  );
}

const figure = (results: IndicatorResults, code: C) =>
  results.indicators.find((f) => f.code === code) as IndicatorFigure;

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_REGISTRATIONS_PER_IP: '1000' });
  admin = await makeActor(t, Role.Learner);
  await t.db.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'bureau_admin')`, [admin.id]);
  await withSecondFactor(t, admin);
  const uploaded = await t.http
    .post('/api/population-baselines')
    .auth(admin.token, bearer)
    .send({ name: '测试县人口普查', source: 'census', year: 2020, csv: csv(BASELINE) })
    .expect(201);
  await waitFor(async () => {
    const b = await t.http.get(`/api/population-baselines/${uploaded.body.id}`).auth(admin.token, bearer);
    return b.body.status === 'ready' ? b.body : undefined;
  });

  const providerId = await makeProvider(t);
  const staff = await makeActor(t, Role.ProviderStaff, providerId);
  const vocA = await course(
    staff,
    providerId,
    { kind: 'vocational_skill', title: '电工', occupationCode: '6-31-01-03' },
    'vocational_skills',
  );
  const vocB = await course(
    staff,
    providerId,
    { kind: 'vocational_skill', title: '焊工', occupationCode: '6-18-02-04' },
    'vocational_skills',
  );
  const community = await course(staff, providerId, { kind: 'community', title: '社区' }, 'community_life');
  const elderly = await course(staff, providerId, { kind: 'elderly', title: '书法' }, 'culture_arts');
  const academic = await course(
    staff,
    providerId,
    { kind: 'academic', title: '成人中专', confersAttainment: 'secondary_vocational' },
    'academic',
  );
  // P1 (45, township A): three completions in 2025, one of them in the last 4 weeks.
  const p1 = await makeActor(t, Role.Learner, undefined, { birthDate: '1980-01-01', sex: 'male' });
  await completion(p1, vocA, '2025-12-20', 'vocational_skills');
  await completion(p1, vocB, '2025-06-01', 'vocational_skills');
  await completion(p1, community, '2025-03-01', 'community_life');
  // P2 (35, township B, junior secondary): an academic programme conferring secondary vocational.
  const p2 = await makeActor(t, Role.Learner, undefined, {
    birthDate: '1990-05-05',
    townshipCode: TOWNSHIP_B,
    villageCode: '330799102201',
  });
  await completion(p2, academic, '2025-06-01', 'academic');
  // P3 (67, township A): an elderly class. P4 (25): a completion in 2024 only.
  const p3 = await makeActor(t, Role.Learner, undefined, { birthDate: '1958-03-21' });
  await completion(p3, elderly, '2025-12-01', 'culture_arts');
  const p4 = await makeActor(t, Role.Learner, undefined, { birthDate: '2000-01-01', sex: 'male' });
  await completion(p4, community, '2024-06-01', 'community_life');
  // An elderly class held in township A, village A1, from 2025-11-01 to 2025-12-15.
  await t.db.query(
    `INSERT INTO course_sessions (course_id, label, starts_at, ends_at, capacity, class_count, online, township_code,
                                  village_code, venue, enrolment_opens_at, enrolment_closes_at)
     VALUES ($1, '秋季班', '2025-11-01T09:00+08', '2025-12-15T11:00+08', 30, 6, false, $2, $3, '文化站',
             '2025-10-01T00:00+08', '2025-10-31T00:00+08')`,
    [elderly.courseId, TOWNSHIP_A, VILLAGE_A1],
  );
  // Three apprenticeships from 2025-03-01: one logs a signed week (6 school and 32 workplace hours), one is paused
  // on 2025-12-01 (across the reference date 2025-12-31), one withdrew on 2025-09-30.
  const school = await makeParties(t);
  const logging = await activeAgreement(t, school, { startDate: '2025-03-01' });
  const week = await t.http
    .put(`/api/apprenticeships/${logging}/weeks/2025-W40`)
    .auth(school.apprentice.token, bearer)
    .send({
      days: [
        { date: '2025-09-29', schoolHours: 6, workplaceHours: 0 },
        ...['2025-09-30', '2025-10-01', '2025-10-02', '2025-10-03'].map((date) => ({
          date,
          schoolHours: 0,
          workplaceHours: 8,
        })),
      ],
      description: '在校学习与车间实操',
    })
    .expect(200);
  for (const mentor of [school.schoolMentor, school.enterpriseMentor]) {
    await t.http
      .post('/api/apprenticeships/weeks/sign')
      .auth(mentor.token, bearer)
      .send({ weekIds: [week.body.id] })
      .expect(204);
  }
  // The mentors signed it in October 2025 (the test cannot wait for that date, so it sets the signature time).
  await t.db.query(
    `UPDATE apprenticeship_log_weeks SET school_signed_at = '2025-10-06T10:00+08', workplace_signed_at = '2025-10-05T10:00+08'
      WHERE id = $1`,
    [week.body.id],
  );
  const leaving = {
    ...school,
    apprentice: await makeActor(t, Role.Learner, undefined, { birthDate: '2003-03-03' }),
  };
  const withdrawn = await activeAgreement(t, leaving, { startDate: '2025-03-01' });
  await t.http
    .post(`/api/apprenticeships/${withdrawn}/withdraw`)
    .auth(school.coordinator.token, bearer)
    .send({ effectiveDate: '2025-09-30', reasonCode: 'changed_job' })
    .expect(200);
  const other = {
    ...school,
    apprentice: await makeActor(t, Role.Learner, undefined, { birthDate: '2004-02-02' }),
  };
  const paused = await activeAgreement(t, other, { startDate: '2025-03-01' });
  await t.http
    .post(`/api/apprenticeships/${paused}/pause`)
    .auth(school.coordinator.token, bearer)
    .send({ effectiveDate: '2025-12-01', reason: '病假' })
    .expect(200);
});
afterAll(async () => {
  await t.close();
});

describe('indicators reproduce the hand-computed fixture exactly', () => {
  let results: IndicatorResults;
  beforeAll(async () => {
    results = await t.app.get(IndicatorsService).compute(2025);
  });

  it('average years of schooling: 9.05 with bulletin weights, 8.99 fine, over 400,000 residents 15+', () => {
    expect(results.referenceDate).toBe('2025-12-31');
    expect(figure(results, C.Mys15Bulletin)).toMatchObject({ value: 9.05, denominator: 400_000 });
    expect(figure(results, C.Mys15Fine).value).toBeCloseTo(8.99, 12);
    const byTownship = figure(results, C.Mys15Bulletin).breakdowns.township ?? [];
    // A: 60k·12 + 100k·9 + 18k·16 + 40k·6 + 70k·6 = 2,568,000 years over 288,000; B: 1,052,000 over 112,000.
    expect(byTownship.map((c) => [c.key, c.denominator, Number(c.value?.toFixed(6))])).toEqual([
      [TOWNSHIP_A, 288_000, Number((2_568_000 / 288_000).toFixed(6))],
      [TOWNSHIP_B, 112_000, Number((1_052_000 / 112_000).toFixed(6))],
    ]);
  });

  it('adult upgrading: one adult from junior to secondary vocational adds 3 / 400,000 years', () => {
    expect(figure(results, C.UpgradingContribution)).toMatchObject({ numerator: 3, denominator: 400_000 });
    expect(figure(results, C.UpgradingContribution).value).toBeCloseTo(0.0000075, 15);
  });

  it('counts a person with three completions once in the rates and three times in the volumes', () => {
    // 25–64 in the 12 months to 2025-12-31: P1 and P2 of 250,000 residents; in 4 weeks: P1 only.
    expect(figure(results, C.Participation12m)).toMatchObject({
      numerator: 2,
      denominator: 250_000,
      value: 2 / 250_000,
    });
    expect(figure(results, C.Participation4w)).toMatchObject({
      numerator: 1,
      denominator: 250_000,
      value: 1 / 250_000,
    });
    expect(figure(results, C.Participation12m).breakdowns.township).toEqual([
      { key: TOWNSHIP_A, numerator: 1, denominator: 158_000, value: 1 / 158_000, people: 1 },
      { key: TOWNSHIP_B, numerator: 1, denominator: 92_000, value: 1 / 92_000, people: 1 },
    ]);
    expect(figure(results, C.Completions).value).toBe(5);
    expect(figure(results, C.SkillsTrainingVolume).value).toBe(2);
    expect(figure(results, C.SkillsTrainees).value).toBe(1);
    expect(figure(results, C.CertificatesIssued).value).toBe(5);
    expect(figure(results, C.Completions).breakdowns.category).toEqual([
      { key: 'academic', numerator: 1, denominator: null, value: 1, people: 1 },
      { key: 'community_life', numerator: 1, denominator: null, value: 1, people: 1 },
      { key: 'culture_arts', numerator: 1, denominator: null, value: 1, people: 1 },
      // Two person-times of one person: the cell has one person behind it.
      { key: 'vocational_skills', numerator: 2, denominator: null, value: 2, people: 1 },
    ]);
    // The people behind person-times, certificates and hours, which decide what may be published.
    expect(figure(results, C.Completions)).toMatchObject({ numerator: 5, people: 3 });
    expect(figure(results, C.CertificatesIssued)).toMatchObject({ numerator: 5, people: 3 });
    expect(figure(results, C.SkillsTrainingVolume)).toMatchObject({ numerator: 2, people: 1 });
  });

  it('elderly participation and coverage of townships and villages', () => {
    expect(figure(results, C.ElderlyParticipation)).toMatchObject({ numerator: 1, denominator: 130_000 });
    expect(figure(results, C.ElderlyTownshipCoverage)).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 0.5,
    });
    expect(figure(results, C.VillagePointCoverage)).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 0.5,
    });
  });

  it('apprenticeships replayed to the reference date: one paused across it is started but not active', () => {
    expect(figure(results, C.ApprenticesStarted).value).toBe(3);
    expect(figure(results, C.ApprenticesActive).value).toBe(1);
    expect(figure(results, C.ApprenticesCompleted).value).toBe(0);
    expect(figure(results, C.ApprenticesWithdrawn).value).toBe(1);
    expect(figure(results, C.ApprenticeSchoolHours).value).toBe(6);
    expect(figure(results, C.ApprenticeWorkplaceHours).value).toBe(32);
    // 32 hours, from one apprentice.
    expect(figure(results, C.ApprenticeWorkplaceHours).people).toBe(1);
    expect(figure(results, C.ApprenticesStarted).people).toBe(3);
  });

  it('counts hours only once signed by the reference date', async () => {
    const onFifth = await t.app.get(IndicatorEngine).compute({
      year: 2025,
      referenceDate: '2025-10-05',
      baseline: results.baseline,
      ageBand: { from: 25, to: 64 },
    });
    expect(figure(onFifth, C.ApprenticeWorkplaceHours).value).toBe(32);
    expect(figure(onFifth, C.ApprenticeSchoolHours).value).toBe(0);
  });

  it('agrees with a single hand-written GROUP BY over the same rows', async () => {
    const [row] = await t.db.query(
      `SELECT count(DISTINCT r.learner_user_id)::int AS persons, count(*)::int AS times
         FROM learning_records r JOIN learner_profiles p ON p.user_id = r.learner_user_id
        WHERE r.completed_on > DATE '2025-12-31' - 365 AND r.completed_on <= DATE '2025-12-31'
          AND date_part('year', age(DATE '2025-12-31', p.birth_date)) BETWEEN 25 AND 64`,
    );
    expect(row.persons).toBe(figure(results, C.Participation12m).numerator);
    const engine = await t.app.get(IndicatorEngine).compute({
      year: 2025,
      referenceDate: '2025-12-31',
      baseline: results.baseline,
      ageBand: { from: 16, to: 59 },
    });
    // 16–59 is not made of whole bands of this baseline: no denominator rather than a wrong one.
    expect(figure(engine, C.Participation12m).denominator).toBeNull();
  });
});

describe('publishing, periods and restatements', () => {
  it('suppresses cells under 5 people with their complements, and shows larger ones', async () => {
    const res = await t.http.get('/api/indicators?year=2025').auth(admin.token, bearer).expect(200);
    // Reading never writes: nothing was stored, and the figures say they were computed for this request.
    const [stored] = await t.db.query(`SELECT count(*)::int AS n FROM indicator_snapshots`);
    expect(stored.n).toBe(0);
    expect(res.body.live).toBe(true);
    expect(res.body.indicators.every((f: { basis: string }) => f.basis === 'live')).toBe(true);
    const byCode = (code: C) => res.body.indicators.find((f: { code: C }) => f.code === code);
    expect(byCode(C.Participation12m)).toMatchObject({ suppressed: true, value: null, numerator: null });
    // Five completions and five certificates, but from three people: hidden, whatever they count.
    expect(byCode(C.Completions)).toMatchObject({ suppressed: true, value: null });
    expect(byCode(C.CertificatesIssued)).toMatchObject({ suppressed: true, value: null });
    // 32 workplace hours, from one apprentice.
    expect(byCode(C.ApprenticeWorkplaceHours)).toMatchObject({ suppressed: true, value: null });
    expect(
      byCode(C.Completions).breakdowns.township.every((c: { suppressed: boolean }) => c.suppressed),
    ).toBe(true);
    await t.http.post('/api/indicators/2025/recompute').auth(admin.token, bearer).expect(200);
    const again = await t.http.get('/api/indicators?year=2025').auth(admin.token, bearer).expect(200);
    const p12 = again.body.indicators.find((f: { code: C }) => f.code === C.Participation12m);
    expect(p12).toMatchObject({ basis: 'provisional', window: '12m' });
    expect(p12.trend).toContainEqual({ year: 2025, value: null, frozen: false });
    expect(again.body.windows).toEqual({
      period: { first: '2025-01-01', last: '2025-12-31' },
      '12m': { first: '2025-01-01', last: '2025-12-31' },
      '4w': { first: '2025-12-04', last: '2025-12-31' },
      '90d': { first: '2025-10-03', last: '2025-12-31' },
    });
    expect(byCode(C.Mys15Bulletin)).toMatchObject({ value: 9.05, suppressed: false });
    expect(byCode(C.VillagePointCoverage)).toMatchObject({ value: 0.5, suppressed: false });
    expect(JSON.stringify(res.body)).not.toMatch(/1380|王秀兰/);
  });

  it('freezes a closed year byte for byte and shows later data as a restatement', async () => {
    await t.http
      .put(`/api/indicators/targets/${C.Completions}/2025`)
      .auth(admin.token, bearer)
      .send({ value: 8 })
      .expect(204);
    const closed = await t.http
      .post('/api/indicators/periods/2025/close')
      .auth(admin.token, bearer)
      .expect(201);
    const [before] = await t.db.query(
      `SELECT results, checksum FROM indicator_snapshots WHERE year = 2025 AND kind = 'frozen'`,
    );
    expect(before.checksum).toBe(closed.body.checksum);
    const again = await t.http
      .post('/api/indicators/periods/2025/close')
      .auth(admin.token, bearer)
      .expect(409);
    expect(again.body.code).toBe('PERIOD_CLOSED');
    const lateTarget = await t.http
      .put(`/api/indicators/targets/${C.Completions}/2025`)
      .auth(admin.token, bearer)
      .send({ value: 4 })
      .expect(409);
    expect(lateTarget.body.code).toBe('PERIOD_CLOSED');

    // A completion dated 2025 recorded after the close.
    const late = await makeActor(t, Role.Learner, undefined, { birthDate: '1985-08-08' });
    const [c] = await t.db.query(
      `SELECT id AS "courseId", (SELECT id FROM course_sessions s WHERE s.course_id = c.id LIMIT 1) AS "sessionId" FROM courses c LIMIT 1`,
    );
    await completion(late, c, '2025-10-10', 'community_life');
    await t.http.post('/api/indicators/2025/recompute').auth(admin.token, bearer).expect(200);

    const [after] = await t.db.query(
      `SELECT results, checksum FROM indicator_snapshots WHERE year = 2025 AND kind = 'frozen'`,
    );
    expect(after.results).toBe(before.results);
    expect(after.checksum).toBe(before.checksum);
    await expect(
      t.db.query(`UPDATE indicator_snapshots SET results = '{}' WHERE year = 2025 AND kind = 'frozen'`),
    ).rejects.toThrow(/frozen/);

    const res = await t.http.get('/api/indicators?year=2025').auth(admin.token, bearer).expect(200);
    expect(res.body.status).toBe('closed');
    const completions = res.body.indicators.find((f: { code: C }) => f.code === C.Completions);
    // Frozen 5 from 3 people, restated 6 from 4: one late person is no difference anyone may see.
    expect(completions).toMatchObject({
      basis: 'closed',
      value: null,
      target: 8,
      gap: null,
      restatement: { value: null, numerator: null, difference: null, suppressed: true },
    });
    expect(completions.trend).toContainEqual({ year: 2025, value: null, frozen: true });
    const mys = res.body.indicators.find((f: { code: C }) => f.code === C.Mys15Bulletin);
    expect(mys).toMatchObject({ basis: 'closed', value: 9.05, restatement: null });
  });

  it('lets analysts read but only administrators close, set targets and upload; others are refused', async () => {
    const analyst = await makeActor(t, Role.Learner);
    await t.db.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'bureau_analyst')`, [
      analyst.id,
    ]);
    await withSecondFactor(t, analyst);
    await t.http.get('/api/indicators?year=2025').auth(analyst.token, bearer).expect(200);
    await t.http.post('/api/indicators/periods/2024/close').auth(analyst.token, bearer).expect(403);
    await t.http
      .put(`/api/indicators/targets/${C.Completions}/2026`)
      .auth(analyst.token, bearer)
      .send({ value: 1 })
      .expect(403);
    // A bureau analyst limited to township B sees B's rows only, and no drill-down into A.
    const limited = await makeActor(t, Role.Learner);
    await t.db.query(
      `INSERT INTO role_assignments (user_id, role, township_prefix) VALUES ($1, 'bureau_analyst', $2)`,
      [limited.id, TOWNSHIP_B.slice(0, 9)],
    );
    await withSecondFactor(t, limited);
    const scoped = await t.http.get('/api/indicators?year=2025').auth(limited.token, bearer).expect(200);
    const mys = scoped.body.indicators.find((f: { code: C }) => f.code === C.Mys15Bulletin);
    expect(mys.breakdowns.township.map((c: { key: string }) => c.key)).toEqual([TOWNSHIP_B]);
    await t.http
      .get(`/api/indicators/drill?year=2025&code=${C.Completions}&township=${TOWNSHIP_A}`)
      .auth(limited.token, bearer)
      .expect(404);
    const learner = await makeActor(t, Role.Learner);
    await t.http.get('/api/indicators?year=2025').auth(learner.token, bearer).expect(403);
    const unknown = await t.http
      .put('/api/indicators/targets/nope/2026')
      .auth(admin.token, bearer)
      .send({ value: 1 });
    expect(unknown.status).toBe(404);
  });

  it('drills from a township to the courses behind it, never to residents, and exports what is published', async () => {
    const drill = await t.http
      .get(`/api/indicators/drill?year=2025&code=${C.Completions}&township=${TOWNSHIP_A}`)
      .auth(admin.token, bearer)
      .expect(200);
    expect(drill.body.length).toBeGreaterThan(0);
    for (const code of [
      C.Participation12m,
      C.Participation4w,
      C.ElderlyParticipation,
      C.VillagePointCoverage,
    ]) {
      await t.http
        .get(`/api/indicators/drill?year=2025&code=${code}&township=${TOWNSHIP_A}`)
        .auth(admin.token, bearer)
        .expect(200);
    }
    expect(drill.body.every((r: { persons: number | null }) => r.persons === null)).toBe(true); // all under 5
    expect(Object.keys(drill.body[0]).sort()).toEqual([
      'courseId',
      'persons',
      'providerId',
      'providerName',
      'times',
      'title',
    ]);

    const csvFile = await t.http
      .get('/api/indicators/export.csv?year=2025')
      .auth(admin.token, bearer)
      .expect(200);
    expect(csvFile.headers['content-type']).toMatch(/text\/csv/);
    expect(csvFile.text).toContain(`2025,${C.Mys15Bulletin},1,total,,,3620000,400000,9.05`);
    expect(csvFile.text).toContain(`2025,${C.Participation12m},3,total,,,,,`);
    const xlsx = await t.http
      .get('/api/indicators/export.xlsx?year=2025')
      .auth(admin.token, bearer)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('the nightly job', () => {
  it('recomputes this year, last year and every closed year through Bull', async () => {
    const year = t.app.get(IndicatorsService).currentYear();
    await t.db.query(`DELETE FROM indicator_snapshots WHERE kind = 'provisional'`);
    await t.app
      .get(QueueService)
      .get(QueueName.Maintenance)
      .add(JobName.RecomputeIndicators, { payload: {}, requestId: null });
    const rows = await waitFor(async () => {
      const found: Array<{ year: number }> = await t.db.query(
        `SELECT year FROM indicator_snapshots WHERE kind = 'provisional' ORDER BY year`,
      );
      return found.length >= 2 ? found : undefined;
    });
    expect(rows.map((r) => r.year)).toEqual([...new Set([2025, year - 1, year])].sort());
  });
});

describe('population baselines', () => {
  it('imports nothing from a file with bad rows, and lists every problem', async () => {
    const bad = csv([
      ['330799999000', '15-19', 'male', 'primary', 10],
      [TOWNSHIP_A, '0-14', 'male', 'none', -3],
      [TOWNSHIP_A, '15-24', 'other', 'primary', 1],
      [TOWNSHIP_A, '25-64', 'male', 'primary', 1],
    ]);
    const res = await t.http
      .post('/api/population-baselines')
      .auth(admin.token, bearer)
      .send({ name: '有错的文件', source: 'sample_survey', year: 2025, csv: bad })
      .expect(201);
    const done = await waitFor(async () => {
      const b = await t.http.get(`/api/population-baselines/${res.body.id}`).auth(admin.token, bearer);
      return b.body.status === 'failed' ? b.body : undefined;
    });
    expect(done.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [2, 'TOWNSHIP_UNKNOWN'],
      [3, 'COUNT_NEGATIVE'],
      [4, 'SEX_INVALID'],
      [2, 'BANDS_OVERLAP'],
      [5, 'BANDS_NO_OPEN_TOP'],
    ]);
    // The lines involved are named: both overlapping bands, in the file's words.
    expect(done.errors[3]).toMatchObject({ lines: [2, 4], bands: ['15-19', '15-24'] });
    expect(done.errors[3].message).toBe('15-19 (line 2) and 15-24 (line 4) overlap.');
    expect(done.errors[4]).toMatchObject({ lines: [5], bands: ['25-64'] });
    const [cells] = await t.db.query(
      `SELECT count(*)::int AS n FROM population_cells WHERE baseline_id = $1`,
      [res.body.id],
    );
    expect(cells.n).toBe(0);
    const report = await t.http
      .get(`/api/population-baselines/${res.body.id}/errors.csv`)
      .auth(admin.token, bearer)
      .expect(200);
    expect(report.text).toContain('TOWNSHIP_UNKNOWN');
    const header = await t.http
      .post('/api/population-baselines')
      .auth(admin.token, bearer)
      .send({ name: 'x', source: 'census', year: 2020, csv: 'a,b\n1,2' })
      .expect(400);
    expect(header.body.code).toBe('IMPORT_CSV_INVALID');
  });
});
