/**
 * The SQL behind the bureau's data-quality view.
 *
 * A completion is "faster than the planned hours allow" when the time from the learner's first sign of taking the
 * course to the moment the completion was recorded is below FAST_COMPLETION_SHARE of the course's planned study
 * hours (学时, counted as clock hours). The first sign is the earlier of the enrolment (the seat, or the enrolment
 * itself when no seat was recorded) and the first class attended (from 00:00 China time that day), never before the
 * session began; the completion moment is when its learning-record entry was written. Only course completions count
 * (apprenticeship milestones have no planned course hours), and only courses with planned hours.
 *
 * Parameters: $1 first day, $2 last day of the window (both counted, on the completion's date), $3 the share,
 * $4 township prefixes the viewer is limited to (null: the whole county); the rows query adds $5 a provider id (null:
 * all) and $6 the row limit.
 */
export const FAST_COMPLETION_SHARE = 0.5;

const TIMED = `
  SELECT r.id AS record_id, r.enrolment_id, r.learner_user_id, r.provider_id, r.provider_name, r.course_title,
         r.completed_on, c.study_hours::float8 AS planned_hours, p.township_code,
         GREATEST(s.starts_at, LEAST(COALESCE(e.seat_taken_at, e.created_at), e.created_at,
                  COALESCE((SELECT (min(a.class_date)::timestamp AT TIME ZONE 'Asia/Shanghai')
                              FROM attendance a WHERE a.enrolment_id = e.id), 'infinity'::timestamptz)))
           AS started_at,
         r.created_at AS completed_at
    FROM learning_records r
    JOIN enrolments e ON e.id = r.enrolment_id
    JOIN course_sessions s ON s.id = e.session_id
    JOIN courses c ON c.id = r.course_id
    JOIN learner_profiles p ON p.user_id = r.learner_user_id
   WHERE r.completed_on >= $1::date AND r.completed_on <= $2::date AND c.study_hours > 0
     AND ($4::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest($4::text[]) x WHERE p.township_code LIKE x || '%'))`;

const FLAGGED = `
  SELECT t.*, extract(epoch FROM t.completed_at - t.started_at)::float8 AS duration_seconds,
         extract(epoch FROM t.completed_at - t.started_at) < $3::float8 * t.planned_hours * 3600 AS fast
    FROM (${TIMED}) t`;

/** Course completions and fast ones by provider, in the viewer's townships. */
export const FAST_BY_PROVIDER = `
  SELECT f.provider_id AS "providerId", max(f.provider_name) AS "providerName",
         count(*)::int AS completions, count(*) FILTER (WHERE f.fast)::int AS fast
    FROM (${FLAGGED}) f
   GROUP BY f.provider_id`;

/** The fast completions themselves, fastest first relative to the plan. */
export const FAST_ROWS = `
  SELECT f.record_id AS "recordId", f.enrolment_id AS "enrolmentId", u.name AS learner, f.township_code AS township,
         f.course_title AS "courseTitle", f.provider_id AS "providerId", f.provider_name AS "providerName",
         f.planned_hours AS "plannedHours", f.started_at AS "startedAt", f.completed_at AS "completedAt",
         f.duration_seconds AS "durationSeconds"
    FROM (${FLAGGED}) f JOIN users u ON u.id = f.learner_user_id
   WHERE f.fast AND ($5::uuid IS NULL OR f.provider_id = $5::uuid)
   ORDER BY f.duration_seconds / (f.planned_hours * 3600), f.completed_at, f.record_id
   LIMIT $6`;
