import { ATTAINMENT_RANK, type AttainmentLevel, AttainmentSource } from '@cll/domain';
import type { EntityManager } from 'typeorm';
import { todayInCounty } from '../common/date-only.js';

/**
 * The SQL of the attainment history. Every write goes through here, in the caller's transaction, and keeps the
 * profile's level equal to the latest event's.
 */

export interface AttainmentEventRow {
  id: string;
  effectiveOn: string;
  source: AttainmentSource;
  before: AttainmentLevel | null;
  after: AttainmentLevel;
  reason: string | null;
  programmeTitle: string | null;
  providerName: string | null;
  recordedAt: Date;
}

/** The first event of a history: the level given at registration (by the resident or a proxy). */
export async function recordRegistration(
  m: EntityManager,
  userId: string,
  level: AttainmentLevel,
  actorUserId: string,
): Promise<void> {
  await m.query(
    `INSERT INTO attainment_events (learner_user_id, effective_on, source, attainment_before, attainment_after,
                                    actor_user_id)
     VALUES ($1, $2, $3, NULL, $4, $5)`,
    [userId, todayInCounty(), AttainmentSource.Registration, level, actorUserId],
  );
}

/**
 * A change of level by a person (the learner's own declaration, or staff with a reason), dated today. The caller has
 * locked the profile and read `before` from it.
 */
export async function recordChange(
  m: EntityManager,
  change: {
    userId: string;
    source: AttainmentSource.SelfDeclared | AttainmentSource.StaffCorrection;
    before: AttainmentLevel;
    after: AttainmentLevel;
    actorUserId: string;
    reason?: string | null;
    providerId?: string | null;
  },
): Promise<string> {
  const [row]: Array<{ id: string }> = await m.query(
    `INSERT INTO attainment_events (learner_user_id, effective_on, source, attainment_before, attainment_after,
                                    actor_user_id, reason, provider_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      change.userId,
      todayInCounty(),
      change.source,
      change.before,
      change.after,
      change.actorUserId,
      change.reason ?? null,
      change.providerId ?? null,
    ],
  );
  await m.query(`UPDATE learner_profiles SET attainment = $2, updated_at = now() WHERE user_id = $1`, [
    change.userId,
    change.after,
  ]);
  return row.id;
}

/**
 * After a learning-record entry: when it completes an academic programme (the learner now has an entry for every
 * published course of a programme that confers a level) and that level is higher than the learner's, the level
 * rises, dated on the completion's day. Once per learner and programme, whatever order the courses were done in;
 * a completion never lowers the level. Returns the event id, or null when nothing changed.
 */
export async function recordProgrammeCompletion(
  m: EntityManager,
  recordId: string,
  actorUserId: string | null = null,
): Promise<{ id: string; before: AttainmentLevel; after: AttainmentLevel; programmeId: string } | null> {
  const [candidate]: Array<{
    learner_user_id: string;
    programme_id: string;
    confers: AttainmentLevel;
    completed_on: string;
  }> = await m.query(
    `SELECT r.learner_user_id, pg.id AS programme_id, pg.confers_attainment AS confers,
            to_char(r.completed_on, 'YYYY-MM-DD') AS completed_on
       FROM learning_records r JOIN courses c ON c.id = r.course_id JOIN programmes pg ON pg.id = c.programme_id
      WHERE r.id = $1 AND pg.kind = 'academic' AND pg.confers_attainment IS NOT NULL
        AND NOT EXISTS (
          SELECT 1 FROM courses c2 WHERE c2.programme_id = pg.id AND c2.status = 'published'
             AND NOT EXISTS (SELECT 1 FROM learning_records r2
                              WHERE r2.course_id = c2.id AND r2.learner_user_id = r.learner_user_id))`,
    [recordId],
  );
  if (!candidate) return null;
  const [profile]: Array<{ attainment: AttainmentLevel }> = await m.query(
    `SELECT attainment FROM learner_profiles WHERE user_id = $1 FOR UPDATE`,
    [candidate.learner_user_id],
  );
  if (!profile || ATTAINMENT_RANK[candidate.confers] <= ATTAINMENT_RANK[profile.attainment]) return null;
  const inserted: Array<{ id: string }> = await m.query(
    `INSERT INTO attainment_events (learner_user_id, effective_on, source, attainment_before, attainment_after,
                                    programme_id, learning_record_id, actor_user_id)
     VALUES ($1, $2, 'programme_completion', $3, $4, $5, $6, $7)
     ON CONFLICT (learner_user_id, programme_id) WHERE source = 'programme_completion' DO NOTHING
     RETURNING id`,
    [
      candidate.learner_user_id,
      candidate.completed_on,
      profile.attainment,
      candidate.confers,
      candidate.programme_id,
      recordId,
      actorUserId,
    ],
  );
  if (!inserted.length) return null;
  await m.query(`UPDATE learner_profiles SET attainment = $2, updated_at = now() WHERE user_id = $1`, [
    candidate.learner_user_id,
    candidate.confers,
  ]);
  return {
    id: inserted[0].id,
    before: profile.attainment,
    after: candidate.confers,
    programmeId: candidate.programme_id,
  };
}

/** A learner's history, oldest first (the order the indicators read it in). */
export async function attainmentHistory(m: EntityManager, userId: string): Promise<AttainmentEventRow[]> {
  return m.query(
    `SELECT e.id, to_char(e.effective_on, 'YYYY-MM-DD') AS "effectiveOn", e.source,
            e.attainment_before AS before, e.attainment_after AS after, e.reason,
            pg.title AS "programmeTitle", COALESCE(pv.name, ppv.name) AS "providerName", e.recorded_at AS "recordedAt"
       FROM attainment_events e
       LEFT JOIN programmes pg ON pg.id = e.programme_id
       LEFT JOIN providers ppv ON ppv.id = pg.provider_id
       LEFT JOIN providers pv ON pv.id = e.provider_id
      WHERE e.learner_user_id = $1
      ORDER BY e.effective_on, e.id`,
    [userId],
  );
}
