import type { DataSource } from 'typeorm';

/**
 * A digest of what the demo shows, by natural keys (generated ids of demo accounts and courses are random). People
 * made by the test itself (mobiles 139…) are left out.
 */
export async function digest(db: DataSource): Promise<Record<string, string>> {
  const queries: Record<string, string> = {
    baseline: `SELECT township_code, age_from, age_to, sex, attainment, count FROM population_cells ORDER BY 1, 2, 4, 5`,
    residents: `SELECT u.mobile, u.name, p.birth_date::text, p.sex, p.township_code, p.village_code, p.attainment,
                       p.employment_status FROM users u JOIN learner_profiles p ON p.user_id = u.id
                 WHERE u.mobile NOT LIKE '139%' ORDER BY u.mobile`,
    records: `SELECT u.mobile, r.course_title, r.provider_name, r.completed_on::text, r.hours FROM learning_records r
                JOIN users u ON u.id = r.learner_user_id ORDER BY 1, 2, 4`,
    enrolments: `SELECT u.mobile, c.title, e.status, s.starts_at::text, s.township_code, s.village_code
                   FROM enrolments e JOIN users u ON u.id = e.learner_user_id JOIN courses c ON c.id = e.course_id
                   JOIN course_sessions s ON s.id = e.session_id ORDER BY 1, 2, 4`,
    agreements: `SELECT u.mobile, x.name, a.start_date::text, a.planned_end_date::text, a.occupation_name,
                        (SELECT string_agg(type || '@' || effective_date, ',' ORDER BY seq) FROM apprenticeship_events
                          WHERE agreement_id = a.id) AS events
                   FROM apprenticeship_agreements a JOIN users u ON u.id = a.apprentice_user_id
                   JOIN enterprises x ON x.id = a.enterprise_id ORDER BY 1, 3`,
    weeks: `SELECT u.mobile, k.week_start::text, k.school_status, k.workplace_status, k.workplace_hours
              FROM apprenticeship_log_weeks k JOIN apprenticeship_agreements a ON a.id = k.agreement_id
              JOIN users u ON u.id = a.apprentice_user_id ORDER BY 1, 2, 5`,
    attainment: `SELECT u.mobile, e.effective_on::text, e.source, e.attainment_before, e.attainment_after
                   FROM attainment_events e JOIN users u ON u.id = e.learner_user_id
                  WHERE u.mobile NOT LIKE '139%' ORDER BY 1, 2, 3, 5`,
    figures: `SELECT s.year, s.kind, f->>'code' AS code, f->>'value' AS value, f->>'numerator' AS numerator
                FROM indicator_snapshots s, jsonb_array_elements(s.results::jsonb -> 'indicators') f ORDER BY 1, 2, 3`,
  };
  const out: Record<string, string> = {};
  for (const [name, sql] of Object.entries(queries)) {
    const [row]: Array<{ n: number; digest: string }> = await db.query(
      // Ordered inside the aggregate: the subquery's ORDER BY leaves ties (same course and start in two townships)
      // in any order, and PostgreSQL may aggregate a large table in parallel, which keeps no order at all.
      `SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS digest, count(*)::int AS n FROM (${sql}) x`,
    );
    out[name] = `${row.n}:${row.digest}`;
  }
  return out;
}
