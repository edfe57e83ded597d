import { type ClassSchedule, nextClassDate } from '@cll/domain';
import type { EntityManager } from 'typeorm';
import { currentCountyTimeZone } from '../common/date-only.js';
import type { LessonResponse } from './dto/lesson.dto.js';
import type { SessionResponse } from './dto/session.dto.js';
import type { Lesson } from './catalogue.entities.js';

type SessionRow = Omit<SessionResponse, 'nextClassDate'>;

/**
 * Sessions of a course with place names, seats left and the timetable; `currentOnly` keeps those not yet ended.
 * With `nearTownship` (a signed-in resident's own township), the classes held there come first.
 */
export async function querySessions(
  manager: EntityManager,
  courseId: string,
  currentOnly: boolean,
  nearTownship: string | null = null,
  now: Date = new Date(),
): Promise<SessionResponse[]> {
  // Dates and times are read in the connection's time zone, which is the county's (database/data-source.ts).
  const rows: SessionRow[] = await manager.query(
    `SELECT s.id, s.label, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.capacity, s.class_count AS "classCount", s.enrolled_count AS "enrolledCount",
            s.capacity - s.enrolled_count AS "seatsLeft", s.online, s.township_code AS "townshipCode", t.name AS "townshipName",
            s.village_code AS "villageCode", v.name AS "villageName", s.venue, s.address,
            s.class_weekdays::int[] AS "classWeekdays", to_char(s.class_start_time, 'HH24:MI') AS "classStartTime",
            to_char(s.class_end_time, 'HH24:MI') AS "classEndTime",
            to_char(s.starts_at, 'YYYY-MM-DD') AS "firstClassDate", to_char(s.ends_at, 'YYYY-MM-DD') AS "lastClassDate",
            s.fee_fen AS "feeFen", s.contact_phone AS "contactPhone",
            s.enrolment_opens_at AS "enrolmentOpensAt", s.enrolment_closes_at AS "enrolmentClosesAt",
            (now() >= s.enrolment_opens_at AND now() < s.enrolment_closes_at AND s.cancelled_at IS NULL) AS "enrolmentOpen",
            s.cancelled_at IS NOT NULL AS cancelled, s.cancel_reason AS "cancelReason"
       FROM course_sessions s
       LEFT JOIN townships t ON t.code = s.township_code
       LEFT JOIN villages v ON v.code = s.village_code
      WHERE s.course_id = $1 AND ($2::boolean IS FALSE OR (s.ends_at > now() AND s.cancelled_at IS NULL))
      ORDER BY (s.township_code IS NOT NULL AND s.township_code = $3::text) DESC, s.starts_at, s.id`,
    [courseId, currentOnly, nearTownship],
  );
  return rows.map((r) => ({
    ...r,
    nextClassDate: nextClassDate(scheduleOf(r), now, currentCountyTimeZone()),
  }));
}

/** The class pattern of a session as the domain functions take it. */
export function scheduleOf(s: {
  classWeekdays: number[];
  classStartTime: string;
  classEndTime: string;
  firstClassDate: string;
  lastClassDate: string;
}): ClassSchedule {
  return {
    weekdays: s.classWeekdays,
    startTime: s.classStartTime,
    endTime: s.classEndTime,
    firstDate: s.firstClassDate,
    lastDate: s.lastClassDate,
  };
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
