import { STATES_ON } from '../apprenticeship/replay.service.js';

/**
 * The SQL behind the indicators. Every figure is one grouped query with GROUPING SETS, so the total and each
 * breakdown come from the same rows in one pass. Parameters are always: $1 reference date, $2 period start,
 * $3 baseline id (may be null); further ones are named where used. Every window is the one rule of
 * libs/domain/src/windows.ts: both its first day ($2 for the period, $4 for a rolling window) and its last day (the
 * reference date $1) are counted.
 */

export type Dimension = 'township' | 'age_band' | 'sex' | 'category';

/** Band label of an age: the baseline's bands when there is one, else five-year bands up to 100+. */
const bandOf = (age: string) => `
  COALESCE(
    (SELECT b.age_from || COALESCE('-' || b.age_to, '+') FROM population_bands b
      WHERE ${age} >= b.age_from AND (b.age_to IS NULL OR ${age} <= b.age_to) LIMIT 1),
    CASE WHEN ${age} >= 100 THEN '100+' ELSE (${age} / 5 * 5) || '-' || (${age} / 5 * 5 + 4) END)`;

/**
 * The band of every age from 0 to 150, worked out once per statement: looking the band up for each fact row was
 * most of the time of a figure (a subquery per row over hundreds of thousands of rows). An age outside the table
 * falls back to the per-row lookup, so every label stays the same.
 */
const AGE_BANDS_CTE = `age_bands AS MATERIALIZED (
  SELECT a AS age, ${bandOf('a')} AS band FROM generate_series(0, 150) a)`;

const BANDS_CTE = `population_bands AS MATERIALIZED (
  SELECT DISTINCT age_from, age_to FROM population_cells WHERE baseline_id = $3)`;

const GROUPS: Record<Dimension, string> = {
  township: 'township_code',
  age_band: 'band',
  sex: 'sex',
  category: 'category',
};

function groupColumns(dimensions: Dimension[]): string[] {
  return dimensions.map((d) => `GROUPING(${GROUPS[d]}) AS "g_${d}", ${GROUPS[d]}::text AS "k_${d}"`);
}

/**
 * Groups person-level facts (columns uid, township_code, sex, age, category) into distinct persons and person-times
 * for the total and each breakdown. `facts` is a SELECT using the standard parameters.
 */
export function groupedFacts(facts: string, dimensions: Dimension[], ageFilter = 'true'): string {
  const sets = ['()', ...dimensions.map((d) => `(${GROUPS[d]})`)].join(', ');
  return `
    WITH ${BANDS_CTE}, ${AGE_BANDS_CTE},
    facts AS (SELECT x.*, COALESCE(ab.band, ${bandOf('x.age')}) AS band
                FROM (${facts}) x LEFT JOIN age_bands ab ON ab.age = x.age WHERE ${ageFilter})
    SELECT ${[...groupColumns(dimensions), 'count(DISTINCT uid)::int AS persons', 'count(*)::int AS times'].join(', ')}
      FROM facts GROUP BY GROUPING SETS (${sets})`;
}

/** Residents of the baseline in an age range by total and breakdown ($4 from, $5 to or null). */
export function baselinePopulation(dimensions: Dimension[]): string {
  const dims = dimensions.filter((d) => d !== 'category');
  const sets = ['()', ...dims.map((d) => `(${GROUPS[d]})`)].join(', ');
  return `
    SELECT ${[...groupColumns(dims), 'sum(count)::float8 AS people'].join(', ')}
      FROM (SELECT township_code, sex, count, age_from || COALESCE('-' || age_to, '+') AS band
              FROM population_cells
             WHERE baseline_id = $3 AND age_from >= $4 AND ($5::int IS NULL OR (age_to IS NOT NULL AND age_to <= $5))) c
     GROUP BY GROUPING SETS (${sets})`;
}

/** Σ count × years and Σ count for residents 15+ ($4: years by attainment as jsonb). */
export const YEARS_OF_SCHOOLING = `
  SELECT GROUPING(township_code) AS "g_township", township_code::text AS "k_township",
         GROUPING(band) AS "g_age_band", band AS "k_age_band", GROUPING(sex) AS "g_sex", sex AS "k_sex",
         sum(c.count * w.years)::float8 AS years, sum(c.count)::float8 AS people
    FROM (SELECT *, age_from || COALESCE('-' || age_to, '+') AS band FROM population_cells
           WHERE baseline_id = $3 AND age_from >= 15) c
    JOIN (SELECT key AS attainment, value::numeric AS years FROM jsonb_each_text($4::jsonb)) w USING (attainment)
   GROUP BY GROUPING SETS ((), (township_code), (band), (sex))`;

const PROFILE = `p.township_code, p.sex, date_part('year', age($1::date, p.birth_date))::int AS age`;

/** Completions (learning-record entries) from the first day (`$2` the period, `$4` a rolling window) to $1. */
export function completionFacts(first: '$2' | '$4'): string {
  return `SELECT r.learner_user_id AS uid, ${PROFILE}, r.category
            FROM learning_records r JOIN learner_profiles p ON p.user_id = r.learner_user_id
           WHERE r.completed_on >= ${first}::date AND r.completed_on <= $1::date`;
}

/**
 * Taking part in learning in the window $4..$1, as adult-learning surveys count it: a completion, a class attended,
 * a lesson finished, or a day of apprenticeship hours signed by its mentor by the reference date. One row per
 * person and category (a course's category; `apprenticeship` for signed hours), so a person counts once in the
 * total and once in each category they took part in.
 */
export const ACTIVITY_FACTS = `
  SELECT a.uid, ${PROFILE}, a.category FROM (
    SELECT learner_user_id AS uid, category FROM learning_records
     WHERE completed_on >= $4::date AND completed_on <= $1::date
    UNION SELECT e.learner_user_id, c.category FROM attendance t JOIN enrolments e ON e.id = t.enrolment_id
      JOIN courses c ON c.id = e.course_id
     WHERE t.class_date >= $4::date AND t.class_date <= $1::date
    UNION SELECT l.learner_user_id, c.category FROM lesson_progress l JOIN courses c ON c.id = l.course_id
     WHERE (l.completed_at AT TIME ZONE 'Asia/Shanghai')::date >= $4::date
       AND (l.completed_at AT TIME ZONE 'Asia/Shanghai')::date <= $1::date
    UNION SELECT g.apprentice_user_id, 'apprenticeship' FROM apprenticeship_log_days d
      JOIN apprenticeship_log_weeks w ON w.id = d.week_id
      JOIN apprenticeship_agreements g ON g.id = w.agreement_id
     WHERE d.day >= $4::date AND d.day <= $1::date
       AND ((d.school_hours > 0 AND w.school_status = 'signed'
             AND (w.school_signed_at AT TIME ZONE 'Asia/Shanghai')::date <= $1::date)
         OR (d.workplace_hours > 0 AND w.workplace_status = 'signed'
             AND (w.workplace_signed_at AT TIME ZONE 'Asia/Shanghai')::date <= $1::date))) a
  JOIN learner_profiles p ON p.user_id = a.uid`;

/** Completions of vocational-skill programmes in the period. */
export const SKILLS_FACTS = `
  SELECT r.learner_user_id AS uid, ${PROFILE}, r.category
    FROM learning_records r JOIN learner_profiles p ON p.user_id = r.learner_user_id
    JOIN courses c ON c.id = r.course_id JOIN programmes pg ON pg.id = c.programme_id
   WHERE pg.kind = 'vocational_skill' AND r.completed_on >= $2::date AND r.completed_on <= $1::date`;

/** Certificates issued in the period and not revoked, with the record's category. */
export const CERTIFICATE_FACTS = `
  SELECT k.learner_user_id AS uid, ${PROFILE}, r.category
    FROM certificates k JOIN learning_records r ON r.id = k.record_id
    JOIN learner_profiles p ON p.user_id = k.learner_user_id
   WHERE k.revoked_at IS NULL AND (k.issued_at AT TIME ZONE 'Asia/Shanghai')::date >= $2::date
     AND (k.issued_at AT TIME ZONE 'Asia/Shanghai')::date <= $1::date`;

/**
 * Years gained through academic programmes in the period, from the attainment history ($4: bulletin years as
 * jsonb). Each person once: the years of the level just after their last programme completion in the period minus
 * the years of the level just before their first (never below 0). Both levels are stored in the events, so a later
 * profile edit or correction (a later event) changes nothing; staff corrections and the learner's own edits are
 * never upgrading. People: those whose level rose through a completion in the period.
 */
export const UPGRADING = `
  WITH ev AS (
    SELECT e.learner_user_id AS uid, e.attainment_before, e.attainment_after,
           row_number() OVER (PARTITION BY e.learner_user_id ORDER BY e.effective_on, e.id) AS first_n,
           row_number() OVER (PARTITION BY e.learner_user_id ORDER BY e.effective_on DESC, e.id DESC) AS last_n
      FROM attainment_events e
     WHERE e.source = 'programme_completion' AND e.effective_on >= $2::date AND e.effective_on <= $1::date
  ), per AS (
    SELECT f.uid, GREATEST(0, ($4::jsonb ->> l.attainment_after)::numeric
                               - ($4::jsonb ->> f.attainment_before)::numeric) AS gained
      FROM ev f JOIN ev l ON l.uid = f.uid AND l.last_n = 1
     WHERE f.first_n = 1
  )
  SELECT GROUPING(p.township_code) AS "g_township", p.township_code::text AS "k_township",
         COALESCE(sum(per.gained), 0)::float8 AS years, count(DISTINCT per.uid)::int AS persons
    FROM per JOIN learner_profiles p ON p.user_id = per.uid
   GROUP BY GROUPING SETS ((), (p.township_code))`;

/**
 * Apprenticeship figures by the apprentice's township, replayed from the events: started (first activation in the
 * period, no predecessor), active on the reference date, completed and withdrawn in the period, and hours on days in
 * the period signed by the reference date.
 */
export const APPRENTICESHIPS = `
  WITH states AS (${STATES_ON}), firsts AS (
    SELECT agreement_id, type, min(effective_date) AS on_date FROM apprenticeship_events
     WHERE type IN ('activated', 'completed', 'withdrawn') GROUP BY agreement_id, type
  ), hours AS (
    SELECT w.agreement_id,
           sum(d.school_hours) FILTER (WHERE w.school_status = 'signed'
             AND (w.school_signed_at AT TIME ZONE 'Asia/Shanghai')::date <= $1::date) AS school,
           sum(d.workplace_hours) FILTER (WHERE w.workplace_status = 'signed'
             AND (w.workplace_signed_at AT TIME ZONE 'Asia/Shanghai')::date <= $1::date) AS workplace
      FROM apprenticeship_log_weeks w JOIN apprenticeship_log_days d ON d.week_id = w.id
     WHERE d.day >= $2::date AND d.day <= $1::date
     GROUP BY w.agreement_id
  ), per AS (
    SELECT a.id, a.apprentice_user_id AS uid, p.township_code,
           (a.predecessor_id IS NULL AND EXISTS (SELECT 1 FROM firsts f WHERE f.agreement_id = a.id
              AND f.type = 'activated' AND f.on_date >= $2::date AND f.on_date <= $1::date))::int AS started,
           (s.state = 'active')::int AS active,
           EXISTS (SELECT 1 FROM firsts f WHERE f.agreement_id = a.id AND f.type = 'completed'
              AND f.on_date >= $2::date AND f.on_date <= $1::date)::int AS completed,
           EXISTS (SELECT 1 FROM firsts f WHERE f.agreement_id = a.id AND f.type = 'withdrawn'
              AND f.on_date >= $2::date AND f.on_date <= $1::date)::int AS withdrawn,
           COALESCE(h.school, 0) AS school, COALESCE(h.workplace, 0) AS workplace
      FROM apprenticeship_agreements a
      JOIN learner_profiles p ON p.user_id = a.apprentice_user_id
      LEFT JOIN states s ON s.agreement_id = a.id
      LEFT JOIN hours h ON h.agreement_id = a.id
  )
  SELECT GROUPING(township_code) AS "g_township", township_code::text AS "k_township",
         sum(started)::int AS started, sum(active)::int AS active, sum(completed)::int AS completed,
         sum(withdrawn)::int AS withdrawn, sum(school)::float8 AS school, sum(workplace)::float8 AS workplace,
         count(DISTINCT uid) FILTER (WHERE started = 1)::int AS started_people,
         count(DISTINCT uid) FILTER (WHERE active = 1)::int AS active_people,
         count(DISTINCT uid) FILTER (WHERE completed = 1)::int AS completed_people,
         count(DISTINCT uid) FILTER (WHERE withdrawn = 1)::int AS withdrawn_people,
         count(DISTINCT uid) FILTER (WHERE school > 0)::int AS school_people,
         count(DISTINCT uid) FILTER (WHERE workplace > 0)::int AS workplace_people
    FROM per GROUP BY GROUPING SETS ((), (township_code))`;

/**
 * Places with a session held in the 90-day window $4..$1: townships (elderly programmes only) and villages
 * (any session), each out of all places, by township.
 */
export const COVERAGE = `
  WITH held AS (
    SELECT s.township_code, s.village_code, pg.kind
      FROM course_sessions s JOIN courses c ON c.id = s.course_id JOIN programmes pg ON pg.id = c.programme_id
     WHERE s.cancelled_at IS NULL AND s.township_code IS NOT NULL
       AND (s.starts_at AT TIME ZONE 'Asia/Shanghai')::date <= $1::date
       AND (s.ends_at AT TIME ZONE 'Asia/Shanghai')::date >= $4::date
  )
  SELECT GROUPING(t.code) AS "g_township", t.code::text AS "k_township",
         count(DISTINCT t.code) FILTER (WHERE EXISTS (SELECT 1 FROM held h WHERE h.township_code = t.code
                                                       AND h.kind = 'elderly'))::int AS townships_active,
         count(DISTINCT t.code)::int AS townships,
         count(DISTINCT v.code) FILTER (WHERE EXISTS (SELECT 1 FROM held h WHERE h.village_code = v.code))::int
           AS villages_active,
         count(DISTINCT v.code)::int AS villages
    FROM townships t LEFT JOIN villages v ON v.township_code = t.code
   GROUP BY GROUPING SETS ((), (t.code))`;
