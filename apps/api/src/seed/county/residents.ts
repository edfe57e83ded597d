import { AttainmentLevel, EmploymentStatus, Sex } from '@cll/domain';
import type { EntityManager } from 'typeorm';
import { Rng } from '../catalogue/prng.js';
import { DEMO_TOWNSHIPS, DEMO_VILLAGES } from '../demo-county.js';
import type { PopulationCell, TownshipKind, TownshipProfile } from './population.js';

/**
 * Registered residents of the demo county and their two to three years of learning: past classes of the demo
 * catalogue held around the county, enrolments and completions with learning-record entries. The people are drawn
 * in TypeScript from the population baseline (so their ages, sexes and schooling follow it) and written with one
 * statement per table; the history is made inside PostgreSQL with `INSERT … SELECT` and hash-based choices (as the
 * benchmark generator does), so nothing crosses the wire row by row. The assumptions are in docs/demo-county.md.
 */

/** Share of residents registered on the platform, by the first age of their five-year band. */
export function registrationRate(ageFrom: number): number {
  if (ageFrom < 20) return 0.03;
  if (ageFrom < 25) return 0.1;
  if (ageFrom < 35) return 0.19;
  if (ageFrom < 45) return 0.21;
  if (ageFrom < 55) return 0.2;
  if (ageFrom < 60) return 0.19;
  if (ageFrom < 70) return 0.21;
  if (ageFrom < 75) return 0.17;
  if (ageFrom < 80) return 0.11;
  if (ageFrom < 85) return 0.05;
  if (ageFrom < 90) return 0.02;
  return 0;
}

/** Urban residents register more, mountain ones less (distance, phones, time). */
export const KIND_FACTOR: Record<TownshipKind, number> = { urban: 1.25, town: 1, mountain: 0.7 };
/** Share of registered residents with some learning in the last 12 months (the rest learned only before). */
export const ACTIVE_SHARE = 0.68;
/** Quarters of history: classes that ended in each of the last eleven quarters (about 33 months). */
export const HISTORY_QUARTERS = 11;
/** Villages with a learning point, per hundred: now, and how many fewer each quarter back. */
export const VILLAGE_POINTS = { now: 40, perQuarter: 1 };
/** Classes a course may have run in one quarter (each kept with the odds below), in different townships. */
const CLASSES_PER_QUARTER = 5;
/** Mobile numbers of generated residents: 1590 followed by their number (never a real person's here). */
export const RESIDENT_MOBILE_PREFIX = '1590';

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕'];
const GIVEN: Record<'old' | 'middle' | 'young', Record<Sex, string[]>> = {
  old: {
    [Sex.Female]: [
      '秀兰',
      '桂英',
      '玉兰',
      '秀英',
      '凤英',
      '淑珍',
      '春花',
      '金花',
      '玉珍',
      '素芬',
      '桂芳',
      '月娥',
    ],
    [Sex.Male]: [
      '建国',
      '国庆',
      '建华',
      '志强',
      '德明',
      '文华',
      '永生',
      '福生',
      '长林',
      '有才',
      '金山',
      '树林',
    ],
  },
  middle: {
    [Sex.Female]: ['丽', '芳', '敏', '静', '艳', '娟', '海燕', '红梅', '丽华', '晓红', '春燕', '美玲'],
    [Sex.Male]: ['伟', '军', '磊', '强', '洋', '勇', '杰', '涛', '建军', '小平', '晓东', '海波'],
  },
  young: {
    [Sex.Female]: [
      '子涵',
      '雨欣',
      '欣怡',
      '思雨',
      '佳怡',
      '诗涵',
      '婉婷',
      '梦瑶',
      '雅琪',
      '晨曦',
      '可欣',
      '心怡',
    ],
    [Sex.Male]: [
      '浩然',
      '梓轩',
      '宇航',
      '俊杰',
      '博文',
      '一鸣',
      '子豪',
      '天佑',
      '明轩',
      '浩宇',
      '嘉豪',
      '思远',
    ],
  },
};

export interface Resident {
  n: number;
  name: string;
  birthDate: string;
  sex: Sex;
  townshipCode: string;
  villageCode: string;
  attainment: AttainmentLevel;
  employment: EmploymentStatus;
  /** Some learning in the last 12 months. */
  active: boolean;
}

function dateMinusYears(today: string, years: number, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

function employmentOf(age: number, kind: TownshipKind, rng: Rng): EmploymentStatus {
  if (age >= 60)
    return rng.chance(kind === 'urban' ? 0.85 : 0.45) ? EmploymentStatus.Retired : EmploymentStatus.Farmer;
  if (age < 22 && rng.chance(0.5)) return EmploymentStatus.Student;
  const farm = kind === 'mountain' ? 0.45 : kind === 'town' ? 0.25 : 0.03;
  const r = rng.next();
  if (r < farm) return EmploymentStatus.Farmer;
  if (r < farm + 0.15) return EmploymentStatus.SelfEmployed;
  if (r < farm + 0.2) return EmploymentStatus.Unemployed;
  return EmploymentStatus.Employed;
}

/** The registered residents, drawn stratum by stratum (township × age band × sex) from the baseline. */
export function drawResidents(
  profiles: TownshipProfile[],
  cells: PopulationCell[],
  seed: number,
  today: string,
): Resident[] {
  const rng = new Rng(seed ^ 0x5eed_0002);
  const kinds = new Map(profiles.map((p) => [p.code, p.kind]));
  const strata = new Map<string, PopulationCell[]>();
  for (const c of cells) {
    if (c.ageFrom < 15 || c.ageTo === null) continue;
    const key = `${c.townshipCode}|${c.ageFrom}|${c.sex}`;
    strata.set(key, [...(strata.get(key) ?? []), c]);
  }
  const residents: Resident[] = [];
  for (const [key, group] of strata) {
    const [townshipCode, from, sex] = key.split('|') as [string, string, Sex];
    const ageFrom = Number(from);
    const kind = kinds.get(townshipCode) ?? 'town';
    const people = group.reduce((sum, c) => sum + c.count, 0);
    const count = Math.round(people * registrationRate(ageFrom) * KIND_FACTOR[kind]);
    const villages = DEMO_VILLAGES.filter((v) => v.townshipCode === townshipCode);
    for (let i = 0; i < count; i += 1) {
      const age = ageFrom + rng.int(0, 4);
      // Registered residents are a little better schooled than their neighbours: the draw leans up one step.
      let pick = rng.next() * people;
      const lean = rng.chance(0.15) ? 1 : 0;
      let index = 0;
      while (index < group.length - 1 && pick >= group[index].count) pick -= group[index++].count;
      const attainment = group[Math.min(group.length - 1, index + lean)].attainment;
      const generation = age >= 60 ? 'old' : age >= 35 ? 'middle' : 'young';
      residents.push({
        n: 0,
        name: rng.pick(SURNAMES) + rng.pick(GIVEN[generation][sex]),
        birthDate: dateMinusYears(today, age, rng.int(1, 364)),
        sex,
        townshipCode,
        villageCode: rng.pick(villages).code,
        attainment,
        employment: employmentOf(age, kind, rng),
        active: rng.chance(ACTIVE_SHARE),
      });
    }
  }
  residents.forEach((r, i) => (r.n = i + 1));
  return residents;
}

/** PostgreSQL's version-4-shaped uuid from md5 of a text, as the benchmark generator makes its ids. */
export const SQL_UID = (text: string) =>
  `overlay(overlay(md5(${text}) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid`;

/** Writes the residents (users without a password, learner role, profile); returns how many. */
export async function insertResidents(
  m0: EntityManager,
  seed: number,
  residents: Resident[],
): Promise<number> {
  const m = timed(m0);
  const col = <K extends keyof Resident>(k: K) => residents.map((r) => r[k]);
  // Bulk statements over fresh tables have poor estimates; compiling them (JIT) took longer than running them.
  await m.query(`SET LOCAL jit = off`);
  await m.query(
    `CREATE TEMP TABLE demo_residents ON COMMIT DROP AS
     SELECT x.n, ${SQL_UID(`$1 || ':r' || x.n`)} AS uid, x.name, x.birth_date, x.sex, x.township_code, x.village_code,
            x.attainment, x.employment, x.active
       FROM unnest($2::int[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::bool[]) AS x(n, name, birth_date, sex, township_code, village_code, attainment, employment, active)`,
    [
      String(seed),
      col('n'),
      col('name'),
      col('birthDate'),
      col('sex'),
      col('townshipCode'),
      col('villageCode'),
      col('attainment'),
      col('employment'),
      col('active'),
    ],
  );
  const superuser = await skipForeignKeyChecks(m);
  await m.query(
    `INSERT INTO users (id, name, mobile, password_hash, created_at)
     SELECT uid, name, '${RESIDENT_MOBILE_PREFIX}' || lpad(n::text, 7, '0'), '!', now() - make_interval(days => 400 + n % 600)
       FROM demo_residents ORDER BY n`,
  );
  await m.query(
    `INSERT INTO role_assignments (user_id, role) SELECT uid, 'learner' FROM demo_residents ORDER BY n`,
  );
  await m.query(
    `INSERT INTO learner_profiles (user_id, birth_date, sex, township_code, village_code, attainment, employment_status)
     SELECT uid, birth_date, sex, township_code, village_code, attainment, employment FROM demo_residents ORDER BY n`,
  );
  if (superuser) await m.query(`SET LOCAL session_replication_role = origin`);
  return residents.length;
}

/**
 * Past classes and what the residents did in them. Each course of the catalogue ran a few classes in some of the last
 * eleven quarters ('往期班'), in a township (often a village hall) or online. Each resident finished one to four classes:
 * an active one at least one in the last 12 months, the others only earlier; a few enrolments ended withdrawn or
 * failed. Residents take classes in their own township or online, elderly residents those open to them.
 */
export async function insertHistory(m0: EntityManager, seed: number, today: string): Promise<void> {
  const m = timed(m0);
  const rng = new Rng(seed ^ 0x5eed_0003);
  const salt = () => rng.int(1, 1_000_000_007);
  const h = (expr: string) => `(hashint8((${expr})::bigint * 31 + ${salt()}) & 2147483647)`;
  await m.query(
    `CREATE TEMP TABLE demo_history_sessions ON COMMIT DROP AS
     WITH c AS (
       SELECT c.id, c.mode, c.study_hours, row_number() OVER (ORDER BY c.title, c.id) AS ci, pv.township_code AS home,
              (pv.kind = 'elderly_university' OR ((c.max_age IS NULL OR c.max_age >= 65)
                 AND c.category IN ('health', 'culture_arts', 'digital_skills', 'community_life', 'family_education')))
                AS senior,
              (pv.kind <> 'elderly_university' AND (c.min_age IS NULL OR c.min_age <= 55)) AS adult,
              c.category = 'academic' AS academic
         FROM courses c JOIN providers pv ON pv.id = c.provider_id
         JOIN programmes pg ON pg.id = c.programme_id
        WHERE c.status = 'published' AND pg.kind <> 'apprenticeship'
     ), s AS (
       -- A course runs several classes a quarter (one course, many sessions: issue 24), up to CLASSES_PER_QUARTER.
       SELECT c.*, q, x, ${h('(c.ci * 100 + q) * 10 + x')} AS r
         FROM c CROSS JOIN generate_series(0, ${HISTORY_QUARTERS - 1}) q
         CROSS JOIN generate_series(1, ${CLASSES_PER_QUARTER}) x
     )
     SELECT ${SQL_UID(`$1 || ':s' || s.ci || '-' || s.q || '-' || s.x`)} AS id, s.id AS course_id, s.q, s.senior, s.adult,
            s.mode = 'online' AS online,
            CASE WHEN s.mode = 'online' THEN NULL
                 WHEN s.r % 3 = 0 THEN s.home
                 ELSE ($3::text[])[1 + (s.r / 3) % cardinality($3::text[])] END AS township_code,
            $2::date - 7 - s.q * 91 - (s.r / 7) % 80 AS ends_on,
            least(70, greatest(7, (s.study_hours * 2)::int)) AS days
       -- Academic programmes run a few terms a year; other courses in about three quarters of five.
       FROM s WHERE s.r % 100 < CASE WHEN s.academic THEN 8 ELSE 60 END`,
    [String(seed), today, DEMO_TOWNSHIPS.map((t) => t.code)],
  );
  await m.query(
    `UPDATE demo_history_sessions h SET township_code = NULL, online = true WHERE h.township_code IS NULL`,
  );
  await m.query(
    `INSERT INTO course_sessions (id, course_id, label, starts_at, ends_at, capacity, class_count, online, township_code,
                                  village_code, venue, enrolment_opens_at, enrolment_closes_at)
     SELECT h.id, h.course_id, '往期班', (h.ends_on - h.days) + time '09:00', h.ends_on + time '11:00', 60,
            greatest(1, h.days / 7), h.online, h.township_code, v.code,
            CASE WHEN h.online THEN NULL WHEN v.code IS NULL THEN t.name || '文化站二楼教室' ELSE v.name || '文化礼堂' END,
            (h.ends_on - h.days - 30) + time '09:00', (h.ends_on - h.days - 1) + time '17:00'
       FROM demo_history_sessions h
       LEFT JOIN townships t ON t.code = h.township_code
       LEFT JOIN LATERAL (
         SELECT code, name FROM villages
          WHERE township_code = h.township_code AND ${h("('x' || substr(md5(h.id::text), 1, 8))::bit(32)::int")} % 100 < 55
            -- Only villages with a learning point hold classes; points opened one after another, so the share
            -- grows by about one village in a hundred a quarter to about two in five now (no year-to-year jumps).
            AND ${h("('x' || substr(md5(code), 1, 8))::bit(32)::int")} % 100
                  < ${VILLAGE_POINTS.now} - ${VILLAGE_POINTS.perQuarter} * h.q
          ORDER BY md5(code || h.id::text) LIMIT 1) v ON true
      ORDER BY h.id`,
  );
  await m.query(
    `CREATE TEMP TABLE demo_history_buckets ON COMMIT DROP AS
     SELECT h.id, h.course_id, h.q, g.grp, COALESCE(h.township_code, 'online') AS place,
            row_number() OVER (PARTITION BY g.grp, h.q, COALESCE(h.township_code, 'online') ORDER BY h.id) - 1 AS k
       FROM demo_history_sessions h
       CROSS JOIN LATERAL (SELECT 'senior' AS grp WHERE h.senior UNION ALL SELECT 'adult' WHERE h.adult) g`,
  );
  await m.query(
    `CREATE TEMP TABLE demo_history_bucket_sizes ON COMMIT DROP AS
     SELECT grp, q, place, count(*)::int AS size FROM demo_history_buckets GROUP BY grp, q, place`,
  );
  await m.query(`ANALYZE demo_history_buckets; ANALYZE demo_history_bucket_sizes`);
  // One row per planned class: an active resident's first class in the last four quarters, the others anywhere in
  // the history; an inactive resident's only from the fifth quarter back. Elderly residents take more classes. The
  // class is one of their group's in that quarter, in their own township (mostly) or online. Then the enrolments,
  // and a learning-record entry for each completed one, in the same statement.
  await m.query(
    `CREATE TEMP TABLE demo_history_plan ON COMMIT DROP AS
     WITH r AS (
       SELECT d.*, date_part('year', age($1::date, d.birth_date))::int AS age FROM demo_residents d
     ), plan AS (
       SELECT r.n, r.uid, r.township_code, CASE WHEN r.age >= 60 THEN 'senior' ELSE 'adult' END AS grp, j,
              CASE WHEN r.active AND j = 1 THEN ${h('r.n * 10 + j')} % 4
                   WHEN r.active THEN ${h('r.n * 10 + j')} % ${HISTORY_QUARTERS}
                   ELSE 4 + ${h('r.n * 10 + j')} % ${HISTORY_QUARTERS - 4} END AS q,
              ${h('r.n * 10 + j + 5')} % 100 AS where_roll, ${h('r.n * 10 + j + 7')} AS pick_roll,
              ${h('r.n * 10 + j + 9')} % 100 AS outcome_roll
         FROM r CROSS JOIN generate_series(1, 3) j
        WHERE j <= 1 + ${h('r.n')} % CASE WHEN r.age >= 60 THEN 3 ELSE 2 END
     ), sized AS (
       SELECT p.*, CASE WHEN p.where_roll < 78 THEN p.pick_roll % own_n.size END AS own_k,
              p.pick_roll % online_n.size AS online_k
         FROM plan p
         LEFT JOIN demo_history_bucket_sizes own_n
                ON own_n.grp = p.grp AND own_n.q = p.q AND own_n.place = p.township_code
         LEFT JOIN demo_history_bucket_sizes online_n
                ON online_n.grp = p.grp AND online_n.q = p.q AND online_n.place = 'online'
     ), chosen AS (
       SELECT DISTINCT ON (p.uid, COALESCE(own.id, online.id))
              p.n, p.j, p.uid, COALESCE(own.id, online.id) AS session_id,
              COALESCE(own.course_id, online.course_id) AS course_id, p.outcome_roll
         FROM sized p
         LEFT JOIN demo_history_buckets own
                ON own.grp = p.grp AND own.q = p.q AND own.place = p.township_code AND own.k = p.own_k
         LEFT JOIN demo_history_buckets online
                ON online.grp = p.grp AND online.q = p.q AND online.place = 'online' AND online.k = p.online_k
        WHERE COALESCE(own.id, online.id) IS NOT NULL
        ORDER BY p.uid, COALESCE(own.id, online.id), p.j
     )
     SELECT * FROM chosen`,
    [today],
  );
  await m.query(`ANALYZE demo_history_plan`);
  const superuser = await skipForeignKeyChecks(m);
  await m.query(
    `WITH e AS (
       INSERT INTO enrolments (id, learner_user_id, session_id, course_id, status, queue_number, source, seat_taken_at,
                               ended_at, created_at)
       SELECT ${SQL_UID(`$1 || ':e' || c.n || '-' || c.j`)}, c.uid, c.session_id, c.course_id,
              CASE WHEN c.outcome_roll < 6 THEN 'withdrawn' WHEN c.outcome_roll < 9 THEN 'failed' ELSE 'completed' END,
              nextval('enrolment_queue_seq'), 'self', s.starts_at - interval '10 days',
              CASE WHEN c.outcome_roll < 6 THEN s.starts_at + interval '14 days' ELSE s.ends_at END,
              s.starts_at - interval '10 days'
         FROM demo_history_plan c JOIN course_sessions s ON s.id = c.session_id
        ORDER BY c.n, c.j
       RETURNING id, learner_user_id, session_id, course_id, status, ended_at
     )
     INSERT INTO learning_records (learner_user_id, enrolment_id, course_id, provider_id, course_title, provider_name,
                                   category, hours, credits, completed_on, evidence, created_at)
     SELECT e.learner_user_id, e.id, c.id, p.id, c.title, p.name, c.category, c.study_hours, c.credits,
            (e.ended_at AT TIME ZONE 'Asia/Shanghai')::date, '{"by":"demo"}', e.ended_at
       FROM e JOIN courses c ON c.id = e.course_id JOIN providers p ON p.id = c.provider_id
      WHERE e.status = 'completed'`,
    [String(seed)],
  );
  if (superuser) await m.query(`SET LOCAL session_replication_role = origin`);
  // A class holds the people who took it: its capacity is at least its enrolments.
  await m.query(
    `UPDATE course_sessions s SET capacity = greatest(s.capacity, n.taken)
       FROM (SELECT session_id, count(*)::int AS taken FROM enrolments GROUP BY session_id) n
      WHERE n.session_id = s.id AND s.label = '往期班'`,
  );
}

/**
 * The bulk rows reference only rows made just before (or the demo's places), so with a superuser (the embedded
 * database's) their per-row foreign-key triggers are skipped for speed until `origin` is set again, as the benchmark
 * generator does. Returns whether they were.
 */
async function skipForeignKeyChecks(m: Pick<EntityManager, 'query'>): Promise<boolean> {
  const [{ superuser }] = await m.query<Array<{ superuser: boolean }>>(
    `SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`,
  );
  if (superuser) await m.query(`SET LOCAL session_replication_role = replica`);
  return superuser;
}

/** With SEED_TIMING=1, logs how long each statement took (to keep the demo load fast). */
function timed(m: EntityManager): Pick<EntityManager, 'query'> {
  if (!process.env.SEED_TIMING) return m;
  return {
    async query(sql: string, params?: unknown[]) {
      const t = performance.now();
      const result: unknown = await m.query(sql, params);
      console.log(
        `${((performance.now() - t) / 1000).toFixed(2)} s  ${sql.trim().split('\n')[0].slice(0, 90)}`,
      );
      return result;
    },
  } as Pick<EntityManager, 'query'>;
}
