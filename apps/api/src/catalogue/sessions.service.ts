import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
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
  enrolmentOpensAt: Date;
  enrolmentClosesAt: Date;
}

/** The session as it will be: the request's fields over the stored ones. */
function merge(dto: Partial<SessionDto>, current?: CourseSession): SessionFields {
  const date = (value: string | undefined, stored: Date | undefined) =>
    value !== undefined ? new Date(value) : (stored as Date);
  return {
    label: dto.label ?? (current?.label as string),
    startsAt: date(dto.startsAt, current?.startsAt),
    endsAt: date(dto.endsAt, current?.endsAt),
    capacity: dto.capacity ?? (current?.capacity as number),
    classCount: dto.classCount ?? current?.classCount ?? 1,
    online: dto.online ?? (current?.online as boolean),
    townshipCode: dto.townshipCode !== undefined ? dto.townshipCode : (current?.townshipCode ?? null),
    villageCode: dto.villageCode !== undefined ? dto.villageCode : (current?.villageCode ?? null),
    venue: dto.venue !== undefined ? dto.venue || null : (current?.venue ?? null),
    enrolmentOpensAt: date(dto.enrolmentOpensAt, current?.enrolmentOpensAt),
    enrolmentClosesAt: date(dto.enrolmentClosesAt, current?.enrolmentClosesAt),
  };
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
    if (s.townshipCode && s.villageCode) await this.geo.assertPlace(manager, s.townshipCode, s.villageCode);
    else if (s.townshipCode) await this.geo.assertTownship(manager, s.townshipCode);
  }

  private async one(manager: EntityManager, courseId: string, id: string): Promise<SessionResponse> {
    return (await querySessions(manager, courseId, false)).find((s) => s.id === id) as SessionResponse;
  }
}
