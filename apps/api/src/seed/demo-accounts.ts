import type { EntityManager } from 'typeorm';
import { SQL_UID } from './county/residents.js';

/**
 * The demo accounts' own histories, so that each screen has something of theirs the first time it opens:
 * - 王秀兰 (13800000001) finished past classes at several providers in her township or online, each with its
 *   learning-record entry and certificate (the PDFs are queued through the outbox, so the worker makes them as soon
 *   as the platform runs); she is halfway through an online course and on the waitlist of a full class;
 * - the vocational school (刘老师 uploaded it) has a roster import with enrolled rows and rejected ones, each with
 *   the reason the import job gives.
 * Runs after the residents and their history exist; every choice is by natural keys (titles, dates, mobiles), so the
 * same seed on the same day makes the same rows.
 */

export interface DemoAccountIds {
  learner: string;
  /** 刘老师, provider staff at the vocational school. */
  schoolStaff: string;
  vocationalProviderId: string;
  townshipCode: string;
}

/** Past classes the demo learner finished: the first of each provider, and a second at these kinds. */
const SECOND_CLASS_AT = ['elderly_university', 'community_college'];

export async function seedDemoAccountHistories(
  m: EntityManager,
  seed: number,
  today: string,
  ids: DemoAccountIds,
): Promise<void> {
  await learnerCompletions(m, seed, today, ids);
  await learnerInProgress(m, seed, ids);
  await learnerWaitlisted(m, seed, ids);
  await schoolRosterImport(m, seed, ids);
}

/** Completed enrolments, record entries and certificates (PDF jobs in the outbox). Returns how many. */
async function learnerCompletions(
  m: EntityManager,
  seed: number,
  today: string,
  ids: DemoAccountIds,
): Promise<number> {
  const rows = await m.query<Array<{ id: string }>>(
    `WITH me AS (SELECT birth_date FROM learner_profiles WHERE user_id = $2),
     cand AS (
       SELECT s.id AS session_id, c.id AS course_id, p.kind, s.ends_at,
              row_number() OVER (PARTITION BY p.id ORDER BY md5($1 || c.title || s.starts_at::text)) AS k
         FROM course_sessions s JOIN courses c ON c.id = s.course_id JOIN providers p ON p.id = c.provider_id
         JOIN programmes pg ON pg.id = c.programme_id, me
        WHERE s.cancelled_at IS NULL AND s.ends_at < $3::date - 14 AND s.starts_at > $3::date - 730
          AND (s.online OR s.township_code = $4) AND pg.kind NOT IN ('apprenticeship', 'academic')
          -- not a class named after another township ('（梅岭乡班）') that history placed in hers
          AND NOT EXISTS (SELECT 1 FROM townships t WHERE t.code <> $4
                           AND strpos(c.title, regexp_replace(t.name, '(街道|镇|乡)$', '')) > 0)
          AND (c.min_age IS NULL OR date_part('year', age(s.starts_at::date, me.birth_date)) >= c.min_age)
          AND (c.max_age IS NULL OR date_part('year', age(s.starts_at::date, me.birth_date)) <= c.max_age)
     ), picked AS (
       SELECT *, row_number() OVER (ORDER BY ends_at, session_id) AS n FROM cand
        WHERE k = 1 OR (k = 2 AND kind = ANY($5::text[]))
     ), e AS (
       INSERT INTO enrolments (id, learner_user_id, session_id, course_id, status, queue_number, source, seat_taken_at,
                               ended_at, created_at)
       SELECT ${SQL_UID(`$1 || ':demo-learner:e' || x.n`)}, $2, x.session_id, x.course_id, 'completed',
              nextval('enrolment_queue_seq'), 'self', s.starts_at - interval '10 days', s.ends_at,
              s.starts_at - interval '10 days'
         FROM picked x JOIN course_sessions s ON s.id = x.session_id ORDER BY x.n
       RETURNING id, learner_user_id, course_id, ended_at
     )
     INSERT INTO learning_records (id, learner_user_id, enrolment_id, course_id, provider_id, course_title, provider_name,
                                   category, hours, credits, completed_on, evidence, created_at)
     SELECT ${SQL_UID(`'record:' || e.id::text`)}, e.learner_user_id, e.id, c.id, p.id, c.title, p.name, c.category,
            c.study_hours, c.credits, (e.ended_at AT TIME ZONE 'Asia/Shanghai')::date, '{"by":"demo"}', e.ended_at
       FROM e JOIN courses c ON c.id = e.course_id JOIN providers p ON p.id = c.provider_id
     RETURNING id`,
    [String(seed), ids.learner, today, ids.townshipCode, SECOND_CLASS_AT],
  );
  // Certificates in the order of completion, numbered in the year of issue; the verification code is drawn from the
  // seed in the certificate alphabet (no 0, 1, I or O).
  await m.query(
    `WITH r AS (
       SELECT r.id, r.enrolment_id, r.learner_user_id, r.completed_on, u.name,
              row_number() OVER (ORDER BY r.completed_on, r.course_title) AS n
         FROM learning_records r JOIN users u ON u.id = r.learner_user_id
        WHERE r.id = ANY($2::uuid[])
     )
     INSERT INTO certificates (id, enrolment_id, learner_user_id, number, verification_code, holder_name, record_id,
                               issued_at)
     SELECT ${SQL_UID(`'certificate:' || r.id::text`)}, r.enrolment_id, r.learner_user_id,
            'QX' || to_char(r.completed_on, 'YYYY') || '-' || lpad(nextval('certificate_number_seq')::text, 6, '0'),
            translate(upper(substr(md5($1 || ':certificate:' || r.n), 1, 10)), '01', 'GH'), r.name, r.id,
            (r.completed_on + time '18:00') AT TIME ZONE 'Asia/Shanghai'
       FROM r ORDER BY r.n`,
    [String(seed), rows.map((r) => r.id)],
  );
  // The worker makes the PDFs from these jobs (as it does for a certificate issued at completion).
  await m.query(
    `INSERT INTO job_outbox (queue, name, job_id, payload)
     SELECT 'certificates', 'certificate-pdf', 'certificate-pdf:' || k.id, jsonb_build_object('certificateId', k.id)
       FROM certificates k WHERE k.record_id = ANY($1::uuid[]) ORDER BY k.number`,
    [rows.map((r) => r.id)],
  );
  return rows.length;
}

/** An online course running now (one starting soon if none), with the first half of its lessons done. */
async function learnerInProgress(m: EntityManager, seed: number, ids: DemoAccountIds): Promise<void> {
  const [session] = await m.query<Array<{ id: string; course_id: string }>>(
    `SELECT s.id, s.course_id FROM course_sessions s JOIN courses c ON c.id = s.course_id
       JOIN learner_profiles me ON me.user_id = $1
      WHERE c.mode = 'online' AND c.status = 'published' AND s.cancelled_at IS NULL
        AND s.ends_at > now() + interval '7 days' AND s.enrolled_count < s.capacity AND s.label <> '往期班'
        AND (SELECT count(*) FROM lessons l WHERE l.course_id = c.id AND l.required) >= 3
        AND (c.min_age IS NULL OR date_part('year', age(s.starts_at::date, me.birth_date)) >= c.min_age)
        AND (c.max_age IS NULL OR date_part('year', age(s.starts_at::date, me.birth_date)) <= c.max_age)
        AND c.category IN ('health', 'digital_skills', 'community_life', 'culture_arts', 'family_education')
        AND NOT EXISTS (SELECT 1 FROM learning_records r WHERE r.learner_user_id = $1
                         AND regexp_replace(r.course_title, '（[^）]*）$', '') = regexp_replace(c.title, '（[^）]*）$', ''))
      ORDER BY s.starts_at > now() - interval '3 days', md5($2 || c.title), s.starts_at, s.ends_at, s.label, s.township_code NULLS FIRST, s.village_code NULLS FIRST LIMIT 1`,
    [ids.learner, String(seed)],
  );
  if (!session) throw new Error('demo: no online course runs now for the demo learner');
  await m.query(
    `WITH e AS (
       INSERT INTO enrolments (id, learner_user_id, session_id, course_id, status, queue_number, source, seat_taken_at,
                               created_at)
       SELECT ${SQL_UID(`$3 || ':demo-learner:online'`)}, $1, s.id, s.course_id, 'enrolled',
              nextval('enrolment_queue_seq'), 'self', s.starts_at + interval '1 day', s.starts_at + interval '1 day'
         FROM course_sessions s WHERE s.id = $2
       RETURNING session_id
     )
     UPDATE course_sessions SET enrolled_count = enrolled_count + 1 WHERE id IN (SELECT session_id FROM e)`,
    [ids.learner, session.id, String(seed)],
  );
  // Lessons 1 … half done, a day or two apart, the last one yesterday; quizzes passed at the first attempt.
  await m.query(
    `WITH l AS (
       SELECT l.*, (count(*) OVER ())::int AS total FROM lessons l WHERE l.course_id = $2
     ), done AS (
       SELECT l.*, (now() - make_interval(days => 2 * (l.total / 2 - l.position) + 1)) AS at
         FROM l WHERE l.position <= l.total / 2
     )
     INSERT INTO lesson_progress (learner_user_id, lesson_id, course_id, position, completed_at, best_score, attempts,
                                  played_seconds, read_seconds, last_report_at, updated_at)
     SELECT $1, d.id, d.course_id, CASE WHEN d.kind = 'video' THEN coalesce(d.duration_minutes, 10) * 60 END, d.at,
            CASE WHEN d.kind = 'quiz' THEN 100 END, CASE WHEN d.kind = 'quiz' THEN 1 ELSE 0 END,
            CASE WHEN d.kind = 'video' THEN coalesce(d.duration_minutes, 10) * 60 ELSE 0 END,
            CASE WHEN d.kind = 'text' THEN 300 ELSE 0 END, d.at, d.at
       FROM done d ORDER BY d.position`,
    [ids.learner, session.course_id],
  );
}

/** A popular class in her township, full, with the demo learner first on its waitlist. */
async function learnerWaitlisted(m: EntityManager, seed: number, ids: DemoAccountIds): Promise<void> {
  const [session] = await m.query<
    Array<{ id: string; free: number; min_age: number | null; max_age: number | null }>
  >(
    `SELECT s.id, s.capacity - s.enrolled_count AS free, c.min_age, c.max_age
       FROM course_sessions s JOIN courses c ON c.id = s.course_id JOIN learner_profiles me ON me.user_id = $1
      WHERE NOT s.online AND s.township_code = $2 AND s.cancelled_at IS NULL AND c.status = 'published'
        AND s.enrolment_opens_at < now() AND s.enrolment_closes_at > now() + interval '3 days'
        AND s.capacity BETWEEN 10 AND 40
        AND (c.min_age IS NULL OR date_part('year', age(s.starts_at::date, me.birth_date)) >= c.min_age)
        AND (c.max_age IS NULL OR date_part('year', age(s.starts_at::date, me.birth_date)) <= c.max_age)
        AND c.category IN ('health', 'culture_arts', 'community_life', 'digital_skills')
        AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.learner_user_id = $1 AND e.course_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM learning_records r WHERE r.learner_user_id = $1
                         AND regexp_replace(r.course_title, '（[^）]*）$', '') = regexp_replace(c.title, '（[^）]*）$', ''))
      ORDER BY s.capacity, md5($3 || c.title), s.starts_at, s.ends_at, s.label, s.township_code NULLS FIRST, s.village_code NULLS FIRST LIMIT 1`,
    [ids.learner, ids.townshipCode, String(seed)],
  );
  if (!session) throw new Error('demo: no class in her township to put the demo learner on a waitlist');
  // Residents of the township who may take it fill the free seats, a few days apart from the opening.
  await m.query(
    `WITH s AS (SELECT * FROM course_sessions WHERE id = $1),
     takers AS (
       SELECT u.id, row_number() OVER (ORDER BY u.mobile) AS n
         FROM users u JOIN learner_profiles p ON p.user_id = u.id, s
        WHERE u.mobile LIKE '1590%' AND p.township_code = $2
          AND ($4::int IS NULL OR date_part('year', age(s.starts_at::date, p.birth_date)) >= $4)
          AND ($5::int IS NULL OR date_part('year', age(s.starts_at::date, p.birth_date)) <= $5)
          AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.learner_user_id = u.id AND e.session_id = s.id)
        ORDER BY md5($3 || u.mobile) LIMIT $6
     ), e AS (
       INSERT INTO enrolments (id, learner_user_id, session_id, course_id, status, queue_number, source, seat_taken_at,
                               created_at)
       SELECT ${SQL_UID(`$3 || ':demo-full:' || t.n`)}, t.id, s.id, s.course_id, 'enrolled',
              nextval('enrolment_queue_seq'), 'self', least(now(), s.enrolment_opens_at + make_interval(hours => t.n::int * 5)),
              least(now(), s.enrolment_opens_at + make_interval(hours => t.n::int * 5))
         FROM takers t, s ORDER BY t.n
       RETURNING session_id
     )
     UPDATE course_sessions SET enrolled_count = enrolled_count + (SELECT count(*) FROM e) WHERE id = $1`,
    [session.id, ids.townshipCode, String(seed), session.min_age, session.max_age, session.free],
  );
  const waiting = await m.query<unknown[]>(
    `INSERT INTO enrolments (id, learner_user_id, session_id, course_id, status, queue_number, source, created_at)
     SELECT ${SQL_UID(`$3 || ':demo-learner:waitlist'`)}, $1, s.id, s.course_id, 'waitlisted',
            nextval('enrolment_queue_seq'), 'self', now() - interval '2 days'
       FROM course_sessions s WHERE s.id = $2 AND s.enrolled_count = s.capacity RETURNING id`,
    [ids.learner, session.id, String(seed)],
  );
  if (!waiting.length)
    throw new Error('demo: too few residents to fill the class the demo learner waits for');
}

/** Rejected rows as the roster job writes them (line, mobile, code, message). */
const REJECTED: Array<{ mobile: string; code: string; message: string }> = [
  { mobile: '1380000123', code: 'VALIDATION_FAILED', message: 'Not an 11-digit mainland mobile number.' },
  {
    mobile: '13912345670',
    code: 'LEARNER_NOT_FOUND',
    message: 'No learner is registered with this mobile number.',
  },
  {
    mobile: '13912345671',
    code: 'LEARNER_NOT_FOUND',
    message: 'No learner is registered with this mobile number.',
  },
];

/**
 * 刘老师 uploaded the class list of a vocational course two days ago: eight residents enrolled, one listed twice,
 * one mobile number mistyped, two not registered on the platform.
 */
async function schoolRosterImport(m: EntityManager, seed: number, ids: DemoAccountIds): Promise<void> {
  const [session] = await m.query<Array<{ id: string; min_age: number | null; max_age: number | null }>>(
    `SELECT s.id, c.min_age, c.max_age FROM course_sessions s JOIN courses c ON c.id = s.course_id
      WHERE c.provider_id = $1 AND NOT s.online AND s.cancelled_at IS NULL AND c.status = 'published'
        AND s.ends_at > now() + interval '14 days' AND s.capacity - s.enrolled_count >= 8 AND s.label <> '往期班'
      ORDER BY s.starts_at, c.title, s.ends_at, s.label, s.township_code NULLS FIRST, s.village_code NULLS FIRST LIMIT 1`,
    [ids.vocationalProviderId],
  );
  if (!session) throw new Error('demo: the vocational school has no class for a roster import');
  const people = await m.query<Array<{ id: string; mobile: string; name: string }>>(
    `SELECT u.id, u.mobile, u.name FROM users u JOIN learner_profiles p ON p.user_id = u.id
       JOIN course_sessions s ON s.id = $1
      WHERE u.mobile LIKE '1590%' AND p.township_code = s.township_code
        AND date_part('year', age(s.starts_at::date, p.birth_date)) BETWEEN greatest(coalesce($2::int, 18), 18)
            AND least(coalesce($3::int, 55), 55)
      ORDER BY md5($4 || u.mobile) LIMIT 8`,
    [session.id, session.min_age, session.max_age, String(seed)],
  );
  const lines = [
    ...people.slice(0, 4).map((p) => ({ mobile: p.mobile, name: p.name })),
    { mobile: REJECTED[0].mobile, name: '张伟' },
    ...people.slice(4, 6).map((p) => ({ mobile: p.mobile, name: p.name })),
    { mobile: people[1]?.mobile ?? '', name: people[1]?.name ?? '' },
    { mobile: REJECTED[1].mobile, name: '李娜' },
    ...people.slice(6).map((p) => ({ mobile: p.mobile, name: p.name })),
    { mobile: REJECTED[2].mobile, name: '陈静' },
  ];
  const rejected = lines.flatMap((l, i) => {
    const line = i + 2; // the header is line 1
    if (l.mobile === REJECTED[0].mobile) return [{ line, mobile: l.mobile, ...pick(REJECTED[0]) }];
    if (l.mobile === REJECTED[1].mobile) return [{ line, mobile: l.mobile, ...pick(REJECTED[1]) }];
    if (l.mobile === REJECTED[2].mobile) return [{ line, mobile: l.mobile, ...pick(REJECTED[2]) }];
    if (lines.findIndex((x) => x.mobile === l.mobile) < i) {
      return [
        {
          line,
          mobile: l.mobile,
          code: 'ENROLMENT_DUPLICATE',
          message: 'Already enrolled or waitlisted in this session.',
        },
      ];
    }
    return [];
  });
  const csv = ['mobile,name', ...lines.map((l) => `${l.mobile},${l.name}`)].join('\r\n');
  await m.query(
    `WITH e AS (
       INSERT INTO enrolments (id, learner_user_id, session_id, course_id, status, queue_number, source,
                               enrolled_by_user_id, seat_taken_at, created_at)
       SELECT ${SQL_UID(`$4 || ':roster:' || x.n`)}, x.id, s.id, s.course_id, 'enrolled', nextval('enrolment_queue_seq'),
              'roster', $3, now() - interval '2 days', now() - interval '2 days'
         FROM unnest($2::uuid[]) WITH ORDINALITY AS x(id, n), course_sessions s WHERE s.id = $1 ORDER BY x.n
       RETURNING session_id
     )
     UPDATE course_sessions SET enrolled_count = enrolled_count + (SELECT count(*) FROM e) WHERE id = $1`,
    [session.id, people.map((p) => p.id), ids.schoolStaff, String(seed)],
  );
  await m.query(
    `INSERT INTO roster_imports (id, session_id, uploaded_by_user_id, csv, status, total, processed, enrolled,
                                 waitlisted, rejected_rows, created_at, updated_at)
     VALUES (${SQL_UID(`$1 || ':roster-import'`)}, $2, $3, $4, 'done', $5, $5, $6, 0, $7,
             now() - interval '2 days', now() - interval '2 days' + interval '40 seconds')`,
    [String(seed), session.id, ids.schoolStaff, csv, lines.length, people.length, JSON.stringify(rejected)],
  );
}

const pick = (r: { code: string; message: string }) => ({ code: r.code, message: r.message });
