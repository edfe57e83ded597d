import type { EntityManager } from 'typeorm';
import type { EnrolmentResponse } from './dto/enrolment.dto.js';

/** Enrolments with their session, course and live waitlist position, newest first. */
export function queryEnrolments(
  manager: EntityManager,
  where: string,
  params: unknown[],
): Promise<EnrolmentResponse[]> {
  return manager.query(
    `SELECT e.id, e.status, e.source, e.created_at AS "createdAt",
            CASE WHEN e.status = 'waitlisted' THEN (
              SELECT count(*)::int FROM enrolments w
               WHERE w.session_id = e.session_id AND w.status = 'waitlisted' AND w.queue_number <= e.queue_number)
            END AS "waitlistPosition",
            json_build_object('id', s.id, 'label', s.label, 'startsAt', s.starts_at, 'endsAt', s.ends_at, 'online', s.online,
                              'townshipName', t.name, 'venue', s.venue) AS session,
            json_build_object('id', c.id, 'title', c.title, 'providerName', p.name) AS course
       FROM enrolments e
       JOIN course_sessions s ON s.id = e.session_id
       JOIN courses c ON c.id = e.course_id
       JOIN providers p ON p.id = c.provider_id
       LEFT JOIN townships t ON t.code = s.township_code
      WHERE ${where}
      ORDER BY e.created_at DESC`,
    params,
  );
}
