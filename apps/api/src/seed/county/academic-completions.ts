import { ATTAINMENT_RANK } from '@cll/domain';
import type { EntityManager } from 'typeorm';
import { RESIDENT_MOBILE_PREFIX, SQL_UID } from './residents.js';

/** Graduates per academic programme over the last two years, before the spread below. */
const BASE_GRADUATES = 24;

/**
 * Adult upgrading in the demo county: residents aged 22-50 one level below what an academic programme confers
 * finished every published course of it in one term and graduated, on a day 20 to 720 days ago (so the closed last year and this
 * year both have some), always after they registered. About 25-45 graduates per
 * programme, deterministic for a seed. Written in bulk after the attainment histories: the classes, the completed
 * enrolments and learning-record entries of each course, and the dated `programme_completion` event (level before
 * and after) with the profile raised, as the completion hook records them.
 */
export async function seedDemoAcademicCompletions(
  m: EntityManager,
  seed: number,
  today: string,
): Promise<number> {
  const rank = `('${JSON.stringify(ATTAINMENT_RANK)}'::jsonb ->> %s)::int`;
  await m.query(
    `CREATE TEMP TABLE demo_graduates ON COMMIT DROP AS
     WITH pg AS (
       SELECT pg.id, pg.confers_attainment AS confers, row_number() OVER (ORDER BY pg.title, pg.id) AS pi
         FROM programmes pg
        WHERE pg.kind = 'academic' AND pg.confers_attainment IS NOT NULL
          AND EXISTS (SELECT 1 FROM courses c WHERE c.programme_id = pg.id AND c.status = 'published')
     ), candidates AS (
       SELECT pg.id AS programme_id, pg.pi, p.user_id, p.attainment, reg.effective_on AS registered_on,
              hashint8(substr(u.mobile, 5)::bigint * 131 + pg.pi * 7 + $2) & 2147483647 AS roll
         FROM pg JOIN learner_profiles p
           ON ${rank.replace('%s', 'p.attainment')} = ${rank.replace('%s', 'pg.confers')} - 1
         JOIN users u ON u.id = p.user_id AND u.mobile LIKE '${RESIDENT_MOBILE_PREFIX}%'
         JOIN attainment_events reg ON reg.learner_user_id = p.user_id AND reg.source IN ('registration', 'backfill')
        WHERE date_part('year', age($1::date, p.birth_date)) BETWEEN 22 AND 50
     ), ranked AS (
       SELECT c.*, row_number() OVER (PARTITION BY c.programme_id ORDER BY c.roll, c.user_id) AS k
         FROM candidates c
        -- Registered (the first event of their history) before they graduated.
        WHERE $1::date - 20 - (c.roll / 7) % 700 > c.registered_on
     ), picked AS (
       SELECT DISTINCT ON (r.user_id) r.* FROM ranked r
        WHERE r.k <= ${BASE_GRADUATES} + (r.pi * 7) % 21
        ORDER BY r.user_id, r.pi
     )
     SELECT p.*, $1::date - 20 - (p.roll / 7) % 700 AS graduated_on FROM picked p`,
    [today, seed],
  );
  // One class per course of the programme for each graduation day: a term of 120 days ending on it.
  await m.query(
    `CREATE TEMP TABLE demo_graduate_classes ON COMMIT DROP AS
     SELECT DISTINCT ON (c.id, g.graduated_on)
            ${SQL_UID(`$1 || ':g' || c.id || g.graduated_on`)} AS id, c.id AS course_id, g.graduated_on,
            c.mode = 'online' AS online, pv.township_code
       FROM demo_graduates g JOIN courses c ON c.programme_id = g.programme_id AND c.status = 'published'
       JOIN providers pv ON pv.id = c.provider_id`,
    [String(seed)],
  );
  await m.query(
    `INSERT INTO course_sessions (id, course_id, label, starts_at, ends_at, capacity, class_count, online, township_code,
                                  venue, enrolment_opens_at, enrolment_closes_at)
     SELECT k.id, k.course_id, '往期班', (k.graduated_on - 120) + time '09:00', k.graduated_on + time '11:00',
            60, 12, k.online, CASE WHEN k.online THEN NULL ELSE k.township_code END,
            CASE WHEN k.online THEN NULL ELSE '开放大学学习中心面授教室' END,
            (k.graduated_on - 150) + time '09:00', (k.graduated_on - 121) + time '17:00'
       FROM demo_graduate_classes k ORDER BY k.id`,
  );
  await m.query(
    `WITH e AS (
       INSERT INTO enrolments (id, learner_user_id, session_id, course_id, status, queue_number, source, seat_taken_at,
                               ended_at, created_at)
       SELECT ${SQL_UID(`$1 || ':ge' || g.user_id || k.id`)}, g.user_id, k.id, k.course_id, 'completed',
              nextval('enrolment_queue_seq'), 'self', (g.graduated_on - 130) + time '10:00',
              (g.graduated_on + time '11:00') AT TIME ZONE 'Asia/Shanghai',
              (g.graduated_on - 130) + time '10:00'
         FROM demo_graduates g JOIN demo_graduate_classes k
           ON k.graduated_on = g.graduated_on
          AND k.course_id IN (SELECT id FROM courses WHERE programme_id = g.programme_id AND status = 'published')
        ORDER BY g.user_id, k.id
       RETURNING id, learner_user_id, course_id, ended_at
     )
     INSERT INTO learning_records (learner_user_id, enrolment_id, course_id, provider_id, course_title, provider_name,
                                   category, hours, credits, completed_on, evidence, created_at)
     SELECT e.learner_user_id, e.id, c.id, p.id, c.title, p.name, c.category, c.study_hours, c.credits,
            (e.ended_at AT TIME ZONE 'Asia/Shanghai')::date, '{"by":"demo"}', e.ended_at
       FROM e JOIN courses c ON c.id = e.course_id JOIN providers p ON p.id = c.provider_id`,
    [String(seed)],
  );
  const raised: Array<{ n: number }> = await m.query(
    `WITH ev AS (
       INSERT INTO attainment_events (learner_user_id, effective_on, source, attainment_before, attainment_after,
                                      programme_id, learning_record_id, actor_user_id)
       SELECT g.user_id, g.graduated_on, 'programme_completion', g.attainment, pg.confers_attainment, g.programme_id,
              (SELECT r.id FROM learning_records r JOIN courses c ON c.id = r.course_id
                WHERE r.learner_user_id = g.user_id AND c.programme_id = g.programme_id
                ORDER BY r.completed_on DESC, r.id LIMIT 1), NULL
         FROM demo_graduates g JOIN programmes pg ON pg.id = g.programme_id
        ORDER BY g.graduated_on, g.user_id
       ON CONFLICT (learner_user_id, programme_id) WHERE source = 'programme_completion' DO NOTHING
       RETURNING learner_user_id, attainment_after
     ), up AS (
       UPDATE learner_profiles p SET attainment = ev.attainment_after, updated_at = now()
         FROM ev WHERE p.user_id = ev.learner_user_id RETURNING 1
     )
     SELECT count(*)::int AS n FROM up`,
  );
  return raised[0]?.n ?? 0;
}
