import { addDays, ATTAINMENT_LEVELS, AttainmentLevel, IndicatorCode, SEXES } from '@cll/domain';
import type { EntityManager } from 'typeorm';
import { todayInChina } from '../common/date-only.js';
import { DEMO_TOWNSHIPS } from './demo-county.js';

/** Share of residents by five-year band 0-4 … 95-99 and 100+ (an ageing rural county). */
const AGE_SHARES = [
  0.038, 0.045, 0.048, 0.044, 0.042, 0.05, 0.058, 0.062, 0.07, 0.08, 0.085, 0.082, 0.078, 0.07, 0.06, 0.045,
  0.03, 0.017, 0.0045, 0.001, 0.0005,
];

/** Attainment mix by age: children are counted at the level they attend, older residents had less schooling. */
function attainmentMix(ageFrom: number): Record<AttainmentLevel, number> {
  const mix = (n: number, p: number, j: number, s: number, v: number, c: number, b: number, g: number) => ({
    [AttainmentLevel.None]: n,
    [AttainmentLevel.Primary]: p,
    [AttainmentLevel.JuniorSecondary]: j,
    [AttainmentLevel.SeniorSecondary]: s,
    [AttainmentLevel.SecondaryVocational]: v,
    [AttainmentLevel.JuniorCollege]: c,
    [AttainmentLevel.Bachelor]: b,
    [AttainmentLevel.Postgraduate]: g,
  });
  if (ageFrom < 5) return mix(1, 0, 0, 0, 0, 0, 0, 0);
  if (ageFrom < 10) return mix(0.1, 0.9, 0, 0, 0, 0, 0, 0);
  if (ageFrom < 15) return mix(0, 0.5, 0.5, 0, 0, 0, 0, 0);
  if (ageFrom < 20) return mix(0, 0.02, 0.3, 0.38, 0.3, 0, 0, 0);
  if (ageFrom < 35) return mix(0.01, 0.06, 0.33, 0.18, 0.14, 0.14, 0.12, 0.02);
  if (ageFrom < 50) return mix(0.02, 0.16, 0.46, 0.14, 0.08, 0.08, 0.05, 0.01);
  if (ageFrom < 65) return mix(0.05, 0.34, 0.42, 0.11, 0.03, 0.03, 0.02, 0);
  return mix(0.22, 0.5, 0.2, 0.06, 0.01, 0.01, 0, 0);
}

/**
 * Demo indicators: a census-style baseline of the demo county (about 300,000 residents), the action plan's targets,
 * and a year and a half of completions by demo residents in past sessions of the demo catalogue, so the bureau's
 * dashboard has figures, trends and township differences to show.
 */
export async function seedDemoIndicators(m: EntityManager, uploadedByUserId: string): Promise<void> {
  const rows: Array<[string, number, number | null, string, string, number]> = [];
  DEMO_TOWNSHIPS.forEach((township, t) => {
    const population = 16_000 + ((t * 7_919) % 14_000);
    AGE_SHARES.forEach((share, band) => {
      const from = band * 5;
      const to = band === 20 ? null : from + 4;
      for (const sex of SEXES) {
        const mix = attainmentMix(from);
        for (const level of ATTAINMENT_LEVELS) {
          const count = Math.round(population * share * 0.5 * mix[level]);
          if (count > 0) rows.push([township.code, from, to, sex, level, count]);
        }
      }
    });
  });
  const csv = [
    'township_code,age_band,sex,attainment,count',
    ...rows.map(([c, f, to, s, l, n]) => `${c},${to === null ? `${f}+` : `${f}-${to}`},${s},${l},${n}`),
  ].join('\n');
  const [baseline] = await m.query<Array<{ id: string }>>(
    `INSERT INTO population_baselines (name, source, year, status, csv, total_rows, processed_rows, population,
                                       uploaded_by_user_id, finished_at)
     VALUES ('青溪县第七次全国人口普查（示例数据）', 'census', 2020, 'ready', $1, $2, $2, $3, $4, now()) RETURNING id`,
    [csv, rows.length, rows.reduce((sum, r) => sum + r[5], 0), uploadedByUserId],
  );
  await m.query(
    `INSERT INTO population_cells (baseline_id, township_code, age_from, age_to, sex, attainment, count)
     SELECT $1, t, f, NULLIF(a, -1), s, l, c
       FROM unnest($2::text[], $3::int[], $4::int[], $5::text[], $6::text[], $7::int[]) AS x(t, f, a, s, l, c)`,
    [
      baseline.id,
      rows.map((r) => r[0]),
      rows.map((r) => r[1]),
      rows.map((r) => r[2] ?? -1),
      rows.map((r) => r[3]),
      rows.map((r) => r[4]),
      rows.map((r) => r[5]),
    ],
  );
  const thisYear = Number(todayInChina().slice(0, 4));
  const targets: Array<[IndicatorCode, number]> = [
    [IndicatorCode.Mys15Bulletin, 9.6],
    [IndicatorCode.Participation12m, 0.5],
    [IndicatorCode.ElderlyParticipation, 0.2],
    [IndicatorCode.ElderlyTownshipCoverage, 0.5],
    [IndicatorCode.VillagePointCoverage, 0.3],
    [IndicatorCode.SkillsTrainingVolume, 3000],
    [IndicatorCode.ApprenticesStarted, 50],
  ];
  for (const year of [thisYear - 1, thisYear]) {
    for (const [code, value] of targets) {
      await m.query(
        `INSERT INTO indicator_targets (code, year, value, set_by_user_id) VALUES ($1, $2, $3, $4)`,
        [code, year, value, uploadedByUserId],
      );
    }
  }
  await seedCompletions(m);
}

/**
 * 1,200 demo residents (no sign-in) who finished classes over the last eighteen months: a past session is added to
 * forty demo courses, and each resident completes one to three of them.
 */
async function seedCompletions(m: EntityManager): Promise<void> {
  const today = todayInChina();
  const courses = await m.query<Array<{ id: string }>>(
    `SELECT c.id FROM courses c WHERE c.status = 'published' ORDER BY c.title LIMIT 40`,
  );
  const sessions: Array<{ id: string; courseId: string; endsOn: string }> = [];
  for (const [i, course] of courses.entries()) {
    const endsOn = addDays(today, -(20 + ((i * 37) % 520)));
    const [s] = await m.query<Array<{ id: string }>>(
      `INSERT INTO course_sessions (course_id, label, starts_at, ends_at, capacity, class_count, online, township_code,
                                    village_code, venue, enrolment_opens_at, enrolment_closes_at)
       SELECT $1, '往期班', ($2::date - 42) + time '09:00', $2::date + time '11:00', 200, 6, false, v.township_code,
              v.code, '文化活动中心', ($2::date - 60) + time '09:00', ($2::date - 43) + time '09:00'
         FROM villages v ORDER BY v.code OFFSET $3 LIMIT 1
       RETURNING id`,
      [course.id, endsOn, (i * 7) % 60],
    );
    sessions.push({ id: s.id, courseId: course.id, endsOn });
  }
  await m.query(
    `WITH people AS (
       INSERT INTO users (name, mobile, password_hash)
       SELECT '示例学员' || n, '1370000' || lpad(n::text, 4, '0'), '!' FROM generate_series(1, 1200) AS n
       RETURNING id, substr(mobile, 8)::int AS n
     ), roles AS (
       INSERT INTO role_assignments (user_id, role) SELECT id, 'learner' FROM people
     ), profiles AS (
       INSERT INTO learner_profiles (user_id, birth_date, sex, township_code, village_code, attainment, employment_status)
       SELECT p.id, DATE '1940-01-01' + ((p.n * 7919) % 25000), CASE WHEN p.n % 2 = 0 THEN 'female' ELSE 'male' END,
              v.township_code, v.code,
              (ARRAY['primary','junior_secondary','junior_secondary','senior_secondary','secondary_vocational'])[1 + p.n % 5],
              (ARRAY['employed','farmer','retired','self_employed'])[1 + p.n % 4]
         FROM people p JOIN LATERAL (SELECT * FROM villages ORDER BY code OFFSET (p.n * 13) % 60 LIMIT 1) v ON true
     )
     SELECT count(*) FROM people`,
  );
  const learners = await m.query<Array<{ id: string; n: number }>>(
    `SELECT id, substr(mobile, 8)::int AS n FROM users WHERE mobile LIKE '1370000%' ORDER BY mobile`,
  );
  const pairs = new Map<string, { learner: string; session: string }>();
  for (const learner of learners) {
    const count = 1 + (learner.n % 3 === 0 ? 2 : learner.n % 5 === 0 ? 1 : 0);
    for (let k = 0; k < count; k += 1) {
      const s = sessions[(learner.n * 11 + k * 17) % sessions.length];
      pairs.set(`${learner.id}:${s.id}`, { learner: learner.id, session: s.id });
    }
  }
  const list = [...pairs.values()];
  await m.query(
    `WITH e AS (
       INSERT INTO enrolments (learner_user_id, session_id, course_id, status, queue_number, ended_at)
       SELECT x.l, x.s, cs.course_id, 'completed', nextval('enrolment_queue_seq'), cs.ends_at
         FROM unnest($1::uuid[], $2::uuid[]) AS x(l, s) JOIN course_sessions cs ON cs.id = x.s
       RETURNING id, learner_user_id, session_id, course_id
     )
     INSERT INTO learning_records (learner_user_id, enrolment_id, course_id, provider_id, course_title, provider_name,
                                   category, hours, credits, completed_on, evidence)
     SELECT e.learner_user_id, e.id, c.id, p.id, c.title, p.name, c.category, c.study_hours, c.credits,
            (cs.ends_at AT TIME ZONE 'Asia/Shanghai')::date, '{"by":"demo"}'
       FROM e JOIN course_sessions cs ON cs.id = e.session_id JOIN courses c ON c.id = e.course_id
       JOIN providers p ON p.id = c.provider_id`,
    [list.map((x) => x.learner), list.map((x) => x.session)],
  );
}
