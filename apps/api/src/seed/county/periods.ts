import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { todayInChina } from '../../common/date-only.js';
import { IndicatorEngine } from '../../indicators/indicator-engine.js';
import { DEFAULT_AGE_BAND } from '../../indicators/indicators.service.js';
import { RESIDENT_MOBILE_PREFIX } from './residents.js';

/** Residents whose completions last year were reported after it was closed (a restatement from them shows). */
export const LATE_REPORTS = 12;

const checksum = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The bureau's years as a county would have them: the year before last with its stored figures, last year closed in
 * January (frozen figures, the period closed by the bureau's administrator) and then a restatement, because a
 * township school reported twelve completions of last November after the close; this year's figures recomputed.
 * So the dashboard's trends have three points and a closed year shows its frozen figure beside the recomputed one.
 * Runs after the demo county is committed: the indicator engine reads through its own connections.
 */
export async function seedDemoPeriods(dataSource: DataSource, bureauAdminUserId: string): Promise<void> {
  const engine = new IndicatorEngine(dataSource);
  const thisYear = Number(todayInChina().slice(0, 4));
  const [baseline] = await dataSource.query<
    Array<{ id: string; name: string; source: string; year: number }>
  >(
    `SELECT id, name, source, year FROM population_baselines WHERE status = 'ready'
      ORDER BY year DESC, created_at DESC LIMIT 1`,
  );
  const store = async (year: number, kind: 'provisional' | 'frozen', computedAt: string | null) => {
    const results = await engine.compute({
      year,
      referenceDate: year < thisYear ? `${year}-12-31` : todayInChina(),
      baseline: baseline ?? null,
      ageBand: DEFAULT_AGE_BAND,
    });
    const text = JSON.stringify(results);
    await dataSource.query(
      `INSERT INTO indicator_snapshots (year, kind, baseline_id, results, checksum, computed_at)
       VALUES ($1, $2, $3, $4, $5, COALESCE($6::timestamptz, now()))
       ON CONFLICT (year, kind) DO NOTHING`,
      [year, kind, baseline?.id ?? null, text, checksum(text), computedAt],
    );
    return checksum(text);
  };
  const closed = thisYear - 1;
  const closedAt = `${thisYear}-01-15 10:00+08`;
  await store(thisYear - 2, 'provisional', `${thisYear - 1}-01-10 02:00+08`);
  const frozen = await store(closed, 'frozen', closedAt);
  await dataSource.transaction(async (m) => {
    await m.query(
      `INSERT INTO indicator_periods (year, status, closed_at, closed_by_user_id) VALUES ($1, 'closed', $2, $3)
       ON CONFLICT DO NOTHING`,
      [closed, closedAt, bureauAdminUserId],
    );
    await m.query(
      `INSERT INTO audit_events (at, action, entity_type, entity_id, actor_user_id, details)
       VALUES ($1, 'indicators.period_closed', 'indicator_period', $2, $3, $4)`,
      [
        closedAt,
        String(closed),
        bureauAdminUserId,
        JSON.stringify({ checksum: frozen, baselineId: baseline?.id }),
      ],
    );
    // Reported late: residents with nothing in last year finished a class that ended in November.
    await m.query(
      `WITH s AS (
         SELECT s.id, s.course_id, s.ends_at FROM course_sessions s
          WHERE s.label = '往期班' AND NOT s.online AND s.ends_at >= $1::date AND s.ends_at < $1::date + 30
          ORDER BY s.ends_at, s.id LIMIT 1
       ), u AS (
         SELECT u.id FROM users u
          WHERE u.mobile LIKE '${RESIDENT_MOBILE_PREFIX}%'
            AND NOT EXISTS (SELECT 1 FROM learning_records r WHERE r.learner_user_id = u.id
                               AND r.completed_on >= $2::date AND r.completed_on <= $3::date)
            AND NOT EXISTS (SELECT 1 FROM enrolments e JOIN s ON e.session_id = s.id WHERE e.learner_user_id = u.id)
          ORDER BY u.mobile LIMIT ${LATE_REPORTS}
       ), e AS (
         INSERT INTO enrolments (learner_user_id, session_id, course_id, status, queue_number, source, ended_at,
                                 created_at)
         SELECT u.id, s.id, s.course_id, 'completed', nextval('enrolment_queue_seq'), 'staff', s.ends_at, $4::timestamptz
           FROM u, s
         RETURNING id, learner_user_id, course_id, ended_at
       )
       INSERT INTO learning_records (learner_user_id, enrolment_id, course_id, provider_id, course_title, provider_name,
                                     category, hours, credits, completed_on, evidence, created_at)
       SELECT e.learner_user_id, e.id, c.id, p.id, c.title, p.name, c.category, c.study_hours, c.credits,
              (e.ended_at AT TIME ZONE 'Asia/Shanghai')::date, '{"by":"demo","reported":"late"}', $4::timestamptz
         FROM e JOIN courses c ON c.id = e.course_id JOIN providers p ON p.id = c.provider_id`,
      [`${closed}-11-01`, `${closed}-01-01`, `${closed}-12-31`, `${thisYear}-02-20 15:00+08`],
    );
  });
  await store(closed, 'provisional', null);
  await store(thisYear, 'provisional', null);
}
