import type { EntityManager } from 'typeorm';
import { recordProgrammeCompletion } from '../attainment/attainment.repository.js';

/**
 * The demo county's attainment histories, as the platform would have recorded them: each demo resident's level at
 * registration (dated when the account was made, or at their first completion if that came earlier in the demo's
 * back-dated data), then every academic completion in the order of its day through the same hook as the completion
 * service, so programmes raise the level and the upgrading figure has something to count.
 */
export async function seedDemoAttainmentHistory(m: EntityManager): Promise<void> {
  await m.query(
    `INSERT INTO attainment_events (learner_user_id, effective_on, source, attainment_before, attainment_after,
                                    actor_user_id)
     SELECT p.user_id,
            LEAST((u.created_at AT TIME ZONE 'Asia/Shanghai')::date,
                  COALESCE((SELECT min(r.completed_on) FROM learning_records r WHERE r.learner_user_id = p.user_id),
                           'infinity'::date)),
            'registration', NULL, p.attainment, p.user_id
       FROM learner_profiles p JOIN users u ON u.id = p.user_id
      WHERE NOT EXISTS (SELECT 1 FROM attainment_events e WHERE e.learner_user_id = p.user_id)
      ORDER BY u.created_at, p.user_id`,
  );
  const records: Array<{ id: string }> = await m.query(
    `SELECT r.id FROM learning_records r JOIN courses c ON c.id = r.course_id
       JOIN programmes pg ON pg.id = c.programme_id
      WHERE pg.confers_attainment IS NOT NULL ORDER BY r.completed_on, r.id`,
  );
  for (const r of records) await recordProgrammeCompletion(m, r.id);
}
