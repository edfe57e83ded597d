import type { EntityManager } from 'typeorm';
import type { LessonResponse } from './dto/lesson.dto.js';
import type { SessionResponse } from './dto/session.dto.js';
import type { Lesson } from './catalogue.entities.js';

/** Sessions of a course with place names and seats left; `currentOnly` keeps those not yet ended. */
export function querySessions(
  manager: EntityManager,
  courseId: string,
  currentOnly: boolean,
): Promise<SessionResponse[]> {
  return manager.query(
    `SELECT s.id, s.label, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.capacity, s.class_count AS "classCount", s.enrolled_count AS "enrolledCount",
            s.capacity - s.enrolled_count AS "seatsLeft", s.online, s.township_code AS "townshipCode", t.name AS "townshipName",
            s.village_code AS "villageCode", v.name AS "villageName", s.venue,
            s.enrolment_opens_at AS "enrolmentOpensAt", s.enrolment_closes_at AS "enrolmentClosesAt",
            (now() >= s.enrolment_opens_at AND now() < s.enrolment_closes_at AND s.cancelled_at IS NULL) AS "enrolmentOpen",
            s.cancelled_at IS NOT NULL AS cancelled, s.cancel_reason AS "cancelReason"
       FROM course_sessions s
       LEFT JOIN townships t ON t.code = s.township_code
       LEFT JOIN villages v ON v.code = s.village_code
      WHERE s.course_id = $1 AND ($2::boolean IS FALSE OR (s.ends_at > now() AND s.cancelled_at IS NULL))
      ORDER BY s.starts_at, s.id`,
    [courseId, currentOnly],
  );
}

export function toLessonResponse(l: Lesson): LessonResponse {
  return {
    id: l.id,
    position: l.position,
    kind: l.kind,
    title: l.title,
    body: l.body,
    videoUrl: l.videoUrl,
    durationMinutes: l.durationMinutes,
    required: l.required,
    quiz: l.quiz,
  };
}
