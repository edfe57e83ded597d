import { createHash } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type pg from 'pg';
import { type CountySizes, prng } from './sizes.js';
import { PREFIXES, SUBJECTS } from '../../../apps/api/src/testing/catalogue-generator.js';

/**
 * Loads a whole county into a database already migrated (and seeded with the demo county, whose townships, villages
 * and population baseline it reuses). Every row is made inside PostgreSQL with `INSERT … SELECT generate_series`
 * (`pg-copy-streams` is not installed, and nothing has to cross the wire this way). Ids are md5 of a label and a
 * number, and every "random" choice is a hash of the row number with salts drawn from a seeded PRNG, so the same
 * seed builds the same county. Bulk tables are written with foreign-key triggers off (`session_replication_role`):
 * the generator builds their references itself.
 */
export interface GeneratedCounty {
  sizes: CountySizes;
  seconds: number;
  steps: Array<{ step: string; rows: number; seconds: number }>;
  /** The big school (half of all courses) and a small one, each with its admin's user id. */
  bigProvider: { id: string; adminUserId: string };
  smallProvider: { id: string; adminUserId: string };
  /** Learner user ids are bench_uid('r' || n) for n in 1..residents. */
  password: string;
}

export const BENCH_PASSWORD = 'Bench-county-2024';
/** The id the generator gives row `n` of a kind: PostgreSQL's `bench_uid(label || n)`. */
export const uid = (label: string, n: number | string) => {
  const h = createHash('md5').update(`${label}${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
};

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
];
const GIVEN = [
  '秀兰',
  '建国',
  '丽',
  '伟',
  '芳',
  '军',
  '敏',
  '静',
  '磊',
  '强',
  '洋',
  '艳',
  '勇',
  '杰',
  '娟',
  '涛',
];
const CATEGORIES = [
  'vocational_skills',
  'health',
  'culture_arts',
  'digital_skills',
  'community_life',
  'agriculture',
];
const ATTAINMENT = [
  'none',
  'primary',
  'junior_secondary',
  'senior_secondary',
  'secondary_vocational',
  'junior_college',
];
const EMPLOYMENT = ['employed', 'self_employed', 'farmer', 'unemployed', 'student', 'retired', 'other'];

const arr = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(',')}]`;
const pick = (values: string[], index: string) => `(${arr(values)})[1 + (${index}) % ${values.length}]`;

export async function generateCounty(
  client: pg.Client,
  sizes: CountySizes,
  seed = 20240901,
): Promise<GeneratedCounty> {
  const random = prng(seed);
  const salt = () => Math.floor(random() * 1_000_000_007);
  /** A non-negative pseudo-random int from a row number (PostgreSQL's own integer hash). */
  const h = (expr: string) => `(hashint8((${expr})::bigint * 31 + ${salt()}) & 2147483647)`;
  const steps: GeneratedCounty['steps'] = [];
  const started = performance.now();
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const result = await client.query(sql, params);
    steps.push({ step: name, rows: result.rowCount ?? 0, seconds: round((performance.now() - t) / 1000) });
  };
  const { residents: R, providers: P, courses: C, sessions: S, lessonsPerCourse: L, enrolments: E } = sizes;
  const stride = Math.floor(C / S);
  const rounds = Math.ceil(E / R);
  /** Course of session j: one per stride, spread over odd and even course numbers (big and small schools). */
  const courseOf = (j: string) => `((${j} - 1) * ${stride} + 1 + ${j} % ${stride})`;
  /** Half the courses belong to school 1 (the big one), the rest spread over the others. */
  const providerOf = (c: string) => `CASE WHEN ${c} % 2 = 0 THEN 1 ELSE 2 + ${c} % ${P - 1} END`;

  await client.query(
    `SET synchronous_commit = off; SET maintenance_work_mem = '256MB'; SET work_mem = '64MB'`,
  );
  // Inlined by the planner; dropped again at the end. Version-4 shaped, as the API's ParseUUIDPipe expects.
  await client.query(`CREATE OR REPLACE FUNCTION bench_uid(text) RETURNS uuid IMMUTABLE LANGUAGE sql
    AS $$ SELECT overlay(overlay(md5($1) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid $$`);
  const passwordHash = await hash(BENCH_PASSWORD);

  await step(
    'providers',
    `WITH t AS (SELECT code, row_number() OVER (ORDER BY code) - 1 AS n, count(*) OVER () AS nt FROM townships)
     INSERT INTO providers (id, name, kind, township_code, status, verified_at)
     SELECT bench_uid('p' || i), '县第' || i || '职业技能学校',
            ${pick(['vocational_school', 'community_college', 'elderly_university', 'training_centre'], 'i')},
            t.code, 'approved', now()
       FROM generate_series(1, ${P}) i JOIN t ON t.n = i % t.nt`,
  );
  await step(
    'programmes',
    `INSERT INTO programmes (id, provider_id, kind, title, occupation_code)
     SELECT bench_uid('g' || i), bench_uid('p' || i), ${pick(['vocational_skill', 'community', 'elderly', 'vocational_skill'], 'i')},
            '项目' || i, '6-31-01-03' FROM generate_series(1, ${P}) i
     UNION ALL
     SELECT bench_uid('ga' || i), bench_uid('p' || i), 'apprenticeship', '现代学徒制' || i, '6-31-01-03'
       FROM generate_series(1, ${P}) i`,
  );
  await step(
    'school admins',
    `INSERT INTO users (id, name, mobile, password_hash)
     SELECT bench_uid('pa' || i), '学校管理员' || i, '18' || lpad(i::text, 9, '0'), $1 FROM generate_series(1, ${P}) i`,
    [passwordHash],
  );
  await step(
    'school admin roles',
    `INSERT INTO role_assignments (user_id, role, provider_id)
     SELECT bench_uid('pa' || i), 'provider_admin', bench_uid('p' || i) FROM generate_series(1, ${P}) i`,
  );
  await step(
    'residents (users)',
    `INSERT INTO users (id, name, mobile, password_hash, created_at)
     SELECT bench_uid('r' || i), ${pick(SURNAMES, h('i'))} || ${pick(GIVEN, h('i'))}, '19' || lpad(i::text, 9, '0'), $1,
            now() - make_interval(days => ${h('i')} % 900)
       FROM generate_series(1, ${R}) i`,
    [passwordHash],
  );
  await step(
    'residents (learner role)',
    `INSERT INTO role_assignments (id, user_id, role) SELECT bench_uid('ra' || i), bench_uid('r' || i), 'learner' FROM generate_series(1, ${R}) i`,
  );
  await step(
    'residents (profiles)',
    `WITH v AS (SELECT code, township_code, row_number() OVER (ORDER BY code) - 1 AS n, count(*) OVER () AS nv FROM villages)
     INSERT INTO learner_profiles (user_id, birth_date, sex, township_code, village_code, attainment, employment_status)
     SELECT bench_uid('r' || i), date '1940-01-01' + ${h('i')} % (365 * 68), (ARRAY['male','female'])[1 + i % 2],
            v.township_code, v.code, ${pick(ATTAINMENT, h('i'))}, ${pick(EMPLOYMENT, h('i'))}
       FROM generate_series(1, ${R}) i JOIN v ON v.n = ${h('i')} % v.nv`,
  );
  await step(
    'courses',
    `INSERT INTO courses (id, provider_id, programme_id, title, title_en, category, mode, study_hours, credits, description,
                          cover_text, status, published_at)
     SELECT bench_uid('c' || i), bench_uid('p' || (${providerOf('i')})), bench_uid('g' || (${providerOf('i')})),
            ${pick(PREFIXES, 'i')} || ${pick(SUBJECTS, 'i / 6')} || '（第' || (i % 97 + 1) || '期）',
            'course ' || i, ${pick(CATEGORIES, 'i')}, (ARRAY['online','offline','blended'])[1 + i % 3],
            8 + i % 40, 1 + i % 3, '面向全县居民开放的课程，第 ' || i || ' 号。', '县域终身学习', 'published', now()
       FROM generate_series(1, ${C}) i`,
  );
  await step(
    'sessions',
    `WITH t AS (SELECT code, row_number() OVER (ORDER BY code) - 1 AS n, count(*) OVER () AS nt FROM townships)
     INSERT INTO course_sessions (id, course_id, label, starts_at, ends_at, capacity, online, township_code, venue,
                                  enrolment_opens_at, enrolment_closes_at)
     SELECT bench_uid('s' || j), bench_uid('c' || ${courseOf('j')}), '第' || (1 + j % 4) || '期',
            now() + make_interval(days => 1 + j % 90), now() + make_interval(days => 31 + j % 90), 1000, j % 3 = 0,
            t.code, '文化站', now() - interval '30 days', now() + make_interval(days => 1 + j % 90)
       FROM generate_series(1, ${S}) j JOIN t ON t.n = j % t.nt`,
  );
  await step(
    'lessons',
    `INSERT INTO lessons (id, course_id, position, kind, title, body, duration_minutes)
     SELECT bench_uid('l' || j || '-' || k), bench_uid('c' || ${courseOf('j')}), k, 'text', '第' || k || '课', '课文 ' || j, 20
       FROM generate_series(1, ${S}) j CROSS JOIN generate_series(1, ${L}) k`,
  );
  await client.query(`SET session_replication_role = replica`);
  await step(
    'enrolments',
    `INSERT INTO enrolments (id, learner_user_id, session_id, course_id, status, queue_number, source, seat_taken_at, created_at)
     SELECT bench_uid('e' || e), bench_uid('r' || l), bench_uid('s' || j), bench_uid('c' || ${courseOf('j')}),
            CASE WHEN ${h('e')} % 100 < ${Math.round(sizes.completedShare * 100)} THEN 'completed' ELSE 'enrolled' END, e, 'self',
            now() - make_interval(days => 30 + ${h('e')} % 300), now() - make_interval(days => 30 + ${h('e')} % 300)
       FROM (SELECT e, (e - 1) % ${R} + 1 AS l, (e - 1) / ${R} AS r FROM generate_series(1, ${E}) e) x,
            LATERAL (SELECT 1 + (${h('l')} + r * ${Math.floor(S / rounds)}) % ${S} AS j) s`,
  );
  await step(
    'lesson progress',
    `INSERT INTO lesson_progress (learner_user_id, lesson_id, course_id, position, completed_at, updated_at)
     SELECT e.learner_user_id, l.id, e.course_id, 60 * l.position,
            CASE WHEN e.status = 'completed' OR l.position <= ${h('e.queue_number')} % ${L + 1}
                 THEN now() - make_interval(days => ${h('e.queue_number + l.position')} % 360) END, now()
       FROM enrolments e JOIN lessons l ON l.course_id = e.course_id
      WHERE e.id = bench_uid('e' || e.queue_number)`,
  );
  await step(
    'learning records',
    `INSERT INTO learning_records (id, learner_user_id, enrolment_id, course_id, provider_id, course_title, provider_name,
                                   category, hours, credits, completed_on, evidence)
     SELECT bench_uid('lr' || e.queue_number), e.learner_user_id, e.id, c.id, p.id, c.title, p.name, c.category,
            c.study_hours, c.credits, current_date - ${h('e.queue_number')} % 360, '{"rule":"lessons"}'
       FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN providers p ON p.id = c.provider_id
      WHERE e.status = 'completed' AND e.id = bench_uid('e' || e.queue_number)`,
  );
  await client.query(`SET session_replication_role = origin`);
  await step(
    'seats taken',
    `UPDATE course_sessions s SET enrolled_count = n.taken, capacity = n.taken + 20 + n.taken % 20
       FROM (SELECT session_id, count(*)::int AS taken FROM enrolments
              WHERE id = bench_uid('e' || queue_number) GROUP BY session_id) n
      WHERE n.session_id = s.id`,
  );
  await client.query(
    `SELECT setval('enrolment_queue_seq', greatest(${E + 1_000}, nextval('enrolment_queue_seq')))`,
  );
  await generateApprenticeships(sizes, step, h);
  await client.query('DROP FUNCTION bench_uid(text)');
  const analyze = performance.now();
  await client.query('VACUUM ANALYZE');
  steps.push({ step: 'vacuum analyze', rows: 0, seconds: round((performance.now() - analyze) / 1000) });
  const provider = (n: number) => ({ id: uid('p', n), adminUserId: uid('pa', n) });
  return {
    sizes,
    seconds: round((performance.now() - started) / 1000),
    steps,
    bigProvider: provider(1),
    smallProvider: provider(2),
    password: BENCH_PASSWORD,
  };
}

type Step = (name: string, sql: string, params?: unknown[]) => Promise<void>;

/** Apprenticeships that started a year and a week ago, each with 52 signed weekly logs of 5 days. */
async function generateApprenticeships(
  sizes: CountySizes,
  step: Step,
  h: (expr: string) => string,
): Promise<void> {
  const { apprenticeships: A, providers: P, residents: R, logWeeks: W } = sizes;
  const start = `(date_trunc('week', current_date - ${7 * (W + 1)})::date)`;
  await step(
    'enterprises',
    `INSERT INTO enterprises (id, name, credit_code, industry, township_code)
     SELECT bench_uid('ent' || i), '合作企业' || i, '91339900' || lpad(i::text, 10, '0'), 'manufacturing',
            (SELECT code FROM townships ORDER BY code LIMIT 1 OFFSET i % (SELECT count(*) FROM townships))
       FROM generate_series(1, 20) i`,
  );
  await step(
    'apprenticeship agreements',
    `INSERT INTO apprenticeship_agreements (id, scheme, provider_id, enterprise_id, apprentice_user_id, programme_id,
              occupation_code, occupation_name, start_date, planned_end_date, planned_school_hours, planned_workplace_hours,
              created_by_user_id)
     SELECT bench_uid('a' || i), 'modern', bench_uid('p' || (1 + i % ${P})), bench_uid('ent' || (1 + i % 20)),
            bench_uid('r' || (1 + (i * ${Math.max(1, Math.floor(R / A))}) % ${R})), bench_uid('ga' || (1 + i % ${P})),
            '6-31-01-03', '电工', ${start}, ${start} + 730, 400, 1200, bench_uid('pa' || (1 + i % ${P}))
       FROM generate_series(1, ${A}) i`,
  );
  await step(
    'apprenticeship versions',
    `INSERT INTO apprenticeship_agreement_versions (agreement_id, version, terms, created_by_user_id)
     SELECT bench_uid('a' || i), 1, '{}', bench_uid('pa' || (1 + i % ${P})) FROM generate_series(1, ${A}) i`,
  );
  await step(
    'apprenticeship events',
    `INSERT INTO apprenticeship_events (agreement_id, type, state_after, effective_date, version, actor_user_id)
     SELECT a.id, x.type, x.state, a.start_date - x.before, 1, a.created_by_user_id
       FROM apprenticeship_agreements a
       JOIN generate_series(1, ${A}) i ON a.id = bench_uid('a' || i)
       CROSS JOIN (VALUES ('drafted', 'pending', 7, 1), ('activated', 'active', 0, 2)) x(type, state, before, o)
      ORDER BY a.id, x.o`,
  );
  await step(
    'apprenticeship log weeks',
    `INSERT INTO apprenticeship_log_weeks (id, agreement_id, week_start, description, school_hours, workplace_hours,
              school_status, workplace_status, school_signed_at, workplace_signed_at, submitted_at)
     SELECT bench_uid('w' || a || '-' || w), bench_uid('a' || a), ${start} + 7 * w, '本周实训记录', 8, 32,
            'signed', 'signed', ${start} + 7 * w + 6, ${start} + 7 * w + 6, ${start} + 7 * w + 5
       FROM generate_series(1, ${A}) a CROSS JOIN generate_series(0, ${W - 1}) w`,
  );
  await step(
    'apprenticeship log days',
    `INSERT INTO apprenticeship_log_days (week_id, day, school_hours, workplace_hours)
     SELECT bench_uid('w' || a || '-' || w), ${start} + 7 * w + d, CASE WHEN d = 0 THEN 8 ELSE 0 END,
            CASE WHEN d = 0 THEN 0 ELSE 8 - ${h('a * 100 + w')} % 2 END
       FROM generate_series(1, ${A}) a CROSS JOIN generate_series(0, ${W - 1}) w CROSS JOIN generate_series(0, 4) d`,
  );
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
