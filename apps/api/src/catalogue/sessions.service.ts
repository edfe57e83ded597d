import { Injectable } from '@nestjs/common';
import {
  type ClassSchedule,
  classDates,
  dateInTimeZone,
  ErrorCode,
  isoWeekday,
  scheduleProblem,
  timeInTimeZone,
} from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { currentCountyTimeZone } from '../common/date-only.js';
import { DomainException } from '../common/domain.exception.js';
import { GeoService } from '../geo/geo.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CourseSession } from './catalogue.entities.js';
import type { SessionDto, SessionResponse, UpdateSessionDto } from './dto/session.dto.js';
import { assertCourseEditable, OfferAccess } from './offer-access.service.js';
import { querySessions } from './offer.queries.js';

interface SessionFields {
  label: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  classCount: number;
  online: boolean;
  townshipCode: string | null;
  villageCode: string | null;
  venue: string | null;
  address: string | null;
  classWeekdays: number[];
  classStartTime: string;
  classEndTime: string;
  feeFen: number;
  contactPhone: string | null;
  enrolmentOpensAt: Date;
  enrolmentClosesAt: Date;
}

/** The pattern of a session being written: first and last dates from its start and end, in county time. */
function scheduleOfFields(s: SessionFields): ClassSchedule {
  const zone = currentCountyTimeZone();
  return {
    weekdays: s.classWeekdays,
    startTime: s.classStartTime,
    endTime: s.classEndTime,
    firstDate: dateInTimeZone(s.startsAt, zone),
    lastDate: dateInTimeZone(s.endsAt, zone),
  };
}

/** A new session without a pattern meets on its start's weekday, at the times of its start and end (2 h if none). */
function defaultPattern(
  startsAt: Date,
  endsAt: Date,
): Pick<SessionFields, 'classWeekdays' | 'classStartTime' | 'classEndTime'> {
  const zone = currentCountyTimeZone();
  // A class starting in the day's last hour is taken to start at 23:00, so it still ends after it starts.
  const start = [timeInTimeZone(startsAt, zone), '23:00'].sort()[0];
  const end = timeInTimeZone(endsAt, zone);
  const hour = Number(start.slice(0, 2));
  return {
    classWeekdays: [isoWeekday(dateInTimeZone(startsAt, zone))],
    classStartTime: start,
    classEndTime:
      end > start ? end : hour < 22 ? `${String(hour + 2).padStart(2, '0')}${start.slice(2)}` : '23:59',
  };
}

/** The session as it will be: the request's fields over the stored ones. */
function merge(dto: Partial<SessionDto>, current?: CourseSession): SessionFields {
  const date = (value: string | undefined, stored: Date | undefined) =>
    value !== undefined ? new Date(value) : (stored as Date);
  const startsAt = date(dto.startsAt, current?.startsAt);
  const endsAt = date(dto.endsAt, current?.endsAt);
  const fallback = current
    ? {
        classWeekdays: current.classWeekdays,
        classStartTime: current.classStartTime.slice(0, 5),
        classEndTime: current.classEndTime.slice(0, 5),
      }
    : defaultPattern(startsAt, endsAt);
  const pattern = {
    classWeekdays: dto.classWeekdays
      ? [...new Set(dto.classWeekdays)].sort((a, b) => a - b)
      : fallback.classWeekdays,
    classStartTime: dto.classStartTime ?? fallback.classStartTime,
    classEndTime: dto.classEndTime ?? fallback.classEndTime,
  };
  const fields: SessionFields = {
    label: dto.label ?? (current?.label as string),
    startsAt,
    endsAt,
    capacity: dto.capacity ?? (current?.capacity as number),
    ...pattern,
    address: dto.address !== undefined ? dto.address || null : (current?.address ?? null),
    feeFen: dto.feeFen ?? current?.feeFen ?? 0,
    contactPhone: dto.contactPhone !== undefined ? dto.contactPhone || null : (current?.contactPhone ?? null),
    classCount: dto.classCount ?? current?.classCount ?? 1,
    online: dto.online ?? (current?.online as boolean),
    townshipCode: dto.townshipCode !== undefined ? dto.townshipCode : (current?.townshipCode ?? null),
    villageCode: dto.villageCode !== undefined ? dto.villageCode : (current?.villageCode ?? null),
    venue: dto.venue !== undefined ? dto.venue || null : (current?.venue ?? null),
    enrolmentOpensAt: date(dto.enrolmentOpensAt, current?.enrolmentOpensAt),
    enrolmentClosesAt: date(dto.enrolmentClosesAt, current?.enrolmentClosesAt),
  };
  // Dates moved without a pattern, and the stored one no longer meets between them: it follows the new dates.
  if (current && !dto.classWeekdays && scheduleProblem(scheduleOfFields(fields)) === 'no_class_date') {
    Object.assign(fields, defaultPattern(startsAt, endsAt));
  }
  // A pattern given without a count: the class meets on each of its dates.
  if (dto.classWeekdays && dto.classCount === undefined && endsAt > startsAt) {
    const count = classDates(scheduleOfFields(fields)).length;
    if (count > 0) fields.classCount = Math.min(count, 500);
  }
  return fields;
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OfferAccess,
    private readonly geo: GeoService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async create(user: AuthUser, courseId: string, dto: SessionDto): Promise<SessionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const course = await this.access.course(manager, user, courseId, true);
      assertCourseEditable(course);
      const fields = merge(dto);
      await this.check(manager, fields);
      const session = await manager.save(manager.create(CourseSession, { ...fields, courseId }));
      await this.audit.record(manager, {
        action: 'session.created',
        entityType: 'session',
        entityId: session.id,
        actorUserId: user.id,
      });
      return this.one(manager, courseId, session.id);
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateSessionDto): Promise<SessionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { session, course } = await this.access.session(manager, user, id, true);
      assertCourseEditable(course);
      const fields = merge(dto, session);
      await this.check(manager, fields);
      if (fields.capacity < session.enrolledCount) {
        throw DomainException.field(
          ErrorCode.SessionHasEnrolments,
          'capacity',
          `${session.enrolledCount} learners are enrolled; the capacity cannot go below that.`,
        );
      }
      await manager.update(CourseSession, { id }, fields);
      await this.notifyIfMoved(manager, session, fields, course.title);
      await this.audit.record(manager, {
        action: 'session.updated',
        entityType: 'session',
        entityId: id,
        actorUserId: user.id,
        details: { fields: Object.keys(dto) },
      });
      return this.one(manager, session.courseId, id);
    });
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { session, course } = await this.access.session(manager, user, id, true);
      assertCourseEditable(course);
      if (session.enrolledCount > 0) {
        throw new DomainException(
          ErrorCode.SessionHasEnrolments,
          'Learners are enrolled in this session; it cannot be deleted.',
        );
      }
      await manager.delete(CourseSession, { id });
      await this.audit.record(manager, {
        action: 'session.deleted',
        entityType: 'session',
        entityId: id,
        actorUserId: user.id,
      });
    });
  }

  /** Cancelling withdraws everyone (seat or waitlist) and tells them why; the session leaves the catalogue. */
  async cancel(user: AuthUser, id: string, reason: string): Promise<SessionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { session, course } = await this.access.session(manager, user, id, true);
      if (session.cancelledAt) {
        // A repeated cancellation changes nothing, and is on record as such (found by the bad-input suite).
        await this.audit.record(manager, {
          action: 'session.cancel_repeated',
          entityType: 'session',
          entityId: id,
          actorUserId: user.id,
          details: { unchanged: true },
        });
        return this.one(manager, session.courseId, id);
      }
      const learners: Array<{ learner_user_id: string }> = await manager.query(
        `SELECT learner_user_id FROM enrolments WHERE session_id = $1 AND status IN ('enrolled', 'waitlisted') FOR UPDATE`,
        [id],
      );
      await manager.query(
        `UPDATE enrolments SET status = 'withdrawn', ended_at = now(), outcome_reason = $2, updated_at = now()
          WHERE session_id = $1 AND status IN ('enrolled', 'waitlisted')`,
        [id, `session_cancelled: ${reason}`],
      );
      await manager.update(
        CourseSession,
        { id },
        { cancelledAt: new Date(), cancelReason: reason, enrolledCount: 0 },
      );
      await this.notifications.notify(
        manager,
        learners.map((l) => l.learner_user_id),
        'session_cancelled',
        { courseTitle: course.title, sessionLabel: session.label, reason },
        `session-cancelled:${id}`,
      );
      await this.audit.record(manager, {
        action: 'session.cancelled',
        entityType: 'session',
        entityId: id,
        actorUserId: user.id,
        details: { learners: learners.length },
      });
      return this.one(manager, session.courseId, id);
    });
  }

  /** Learners with a seat or on the waitlist hear when their class moves in time or place. */
  private async notifyIfMoved(
    manager: EntityManager,
    before: CourseSession,
    after: SessionFields,
    courseTitle: string,
  ): Promise<void> {
    const moved =
      before.startsAt.getTime() !== after.startsAt.getTime() ||
      before.endsAt.getTime() !== after.endsAt.getTime() ||
      before.townshipCode !== after.townshipCode ||
      before.venue !== after.venue ||
      before.address !== after.address ||
      before.classWeekdays.join() !== after.classWeekdays.join() ||
      before.classStartTime.slice(0, 5) !== after.classStartTime ||
      before.classEndTime.slice(0, 5) !== after.classEndTime ||
      before.online !== after.online;
    if (!moved) return;
    const learners: Array<{ learner_user_id: string }> = await manager.query(
      `SELECT learner_user_id FROM enrolments WHERE session_id = $1 AND status IN ('enrolled', 'waitlisted')`,
      [before.id],
    );
    await this.notifications.notify(
      manager,
      learners.map((l) => l.learner_user_id),
      'session_changed',
      { courseTitle, sessionLabel: after.label },
      `session-changed:${before.id}:${Date.now()}`,
    );
  }

  private async check(manager: EntityManager, s: SessionFields): Promise<void> {
    if (s.endsAt <= s.startsAt) {
      throw DomainException.field(
        ErrorCode.SessionEndsBeforeStart,
        'endsAt',
        'The session must end after it starts.',
      );
    }
    if (s.enrolmentClosesAt <= s.enrolmentOpensAt || s.enrolmentClosesAt > s.endsAt) {
      throw DomainException.field(
        ErrorCode.EnrolmentWindowInvalid,
        'enrolmentClosesAt',
        'Enrolment must close after it opens and no later than the session ends.',
      );
    }
    if (!s.online && (!s.townshipCode || !s.venue)) {
      throw DomainException.field(
        ErrorCode.SessionPlaceRequired,
        s.townshipCode ? 'venue' : 'townshipCode',
        'A class in person needs its township and venue.',
      );
    }
    const problem = scheduleProblem(scheduleOfFields(s));
    if (problem) {
      const field = problem === 'weekdays' || problem === 'no_class_date' ? 'classWeekdays' : 'classEndTime';
      throw DomainException.field(
        ErrorCode.SessionScheduleInvalid,
        field,
        problem === 'times'
          ? 'The class must end after it starts.'
          : 'The class days must include at least one date between the session’s start and end.',
      );
    }
    if (s.townshipCode && s.villageCode) await this.geo.assertPlace(manager, s.townshipCode, s.villageCode);
    else if (s.townshipCode) await this.geo.assertTownship(manager, s.townshipCode);
  }

  private async one(manager: EntityManager, courseId: string, id: string): Promise<SessionResponse> {
    return (await querySessions(manager, courseId, false)).find((s) => s.id === id) as SessionResponse;
  }
}
