import { Injectable } from '@nestjs/common';
import { classDates, EnrolmentStatus, ErrorCode, maskMobile, nearestClassDate } from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { OfferAccess } from '../catalogue/offer-access.service.js';
import { todayInCounty } from '../common/date-only.js';
import { DomainException } from '../common/domain.exception.js';
import { scheduleOf } from '../catalogue/offer.queries.js';
import { Enrolment } from '../enrolment/enrolment.entity.js';
import { CompletionService } from './completion.service.js';
import type { AttendanceDto, OutcomeDto, RosterResponse } from './dto/attendance.dto.js';

const ON_ROSTER: EnrolmentStatus[] = [EnrolmentStatus.Enrolled, EnrolmentStatus.Completed];

/** Township classes: staff take attendance per class date; a roster submitted twice counts once. */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OfferAccess,
    private readonly completion: CompletionService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Without a date, the roster opens on the class date nearest today (the first before the class starts, the last
   * after it ended). A date outside the session's first and last day is refused: there is no class to take.
   */
  async roster(user: AuthUser, sessionId: string, date?: string): Promise<RosterResponse> {
    await this.access.session(this.dataSource.manager, user, sessionId);
    const m = this.dataSource.manager;
    const session = await this.sessionOf(m, sessionId);
    const today = todayInCounty();
    const shown = date ?? nearestClassDate(scheduleOf(session), today) ?? session.firstClassDate;
    if (shown < session.firstClassDate || shown > session.lastClassDate) {
      throw DomainException.field(
        ErrorCode.AttendanceDateInvalid,
        'date',
        `This class meets from ${session.firstClassDate} to ${session.lastClassDate}.`,
      );
    }
    return this.rosterOf(m, sessionId, shown);
  }

  async record(user: AuthUser, sessionId: string, dto: AttendanceDto): Promise<RosterResponse> {
    return this.dataSource.transaction(async (m) => {
      const { session } = await this.access.session(m, user, sessionId, true);
      const [range]: Array<{ first: string; last: string; today: string }> = await m.query(
        `SELECT to_char($1::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS first,
                to_char($2::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS last,
                to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS today`,
        [session.startsAt, session.endsAt],
      );
      if (dto.date < range.first || dto.date > range.last || dto.date > range.today) {
        throw DomainException.field(
          ErrorCode.AttendanceDateInvalid,
          'date',
          `Attendance can be taken from ${range.first} to ${range.last < range.today ? range.last : range.today}.`,
        );
      }
      const present = [...new Set(dto.presentEnrolmentIds)];
      const valid: Array<{ id: string }> = await m.query(
        `SELECT id FROM enrolments WHERE session_id = $1 AND id = ANY($2::uuid[]) AND status = ANY($3)`,
        [sessionId, present, ON_ROSTER],
      );
      if (valid.length !== present.length) {
        const known = new Set(valid.map((v) => v.id));
        throw new DomainException(
          ErrorCode.NotInSession,
          'Some learners are not enrolled in this session.',
          present
            .filter((id) => !known.has(id))
            .map((id) => ({ field: 'presentEnrolmentIds', code: ErrorCode.NotInSession, message: id })),
        );
      }
      await m.query(
        `INSERT INTO class_dates (session_id, class_date) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [sessionId, dto.date],
      );
      await m.query(
        `DELETE FROM attendance WHERE session_id = $1 AND class_date = $2 AND NOT (enrolment_id = ANY($3::uuid[]))`,
        [sessionId, dto.date, present],
      );
      await m.query(
        `INSERT INTO attendance (enrolment_id, class_date, session_id, recorded_by_user_id)
         SELECT unnest($1::uuid[]), $2, $3, $4 ON CONFLICT DO NOTHING`,
        [present, dto.date, sessionId, user.id],
      );
      for (const id of present) await this.completion.evaluate(m, id);
      await this.audit.record(m, {
        action: 'attendance.recorded',
        entityType: 'session',
        entityId: sessionId,
        actorUserId: user.id,
        details: { date: dto.date, present: present.length },
      });
      return this.rosterOf(m, sessionId, dto.date);
    });
  }

  /** Staff decide completion or failure themselves, with a reason. */
  async outcome(user: AuthUser, enrolmentId: string, dto: OutcomeDto): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const enrolment = await m.findOne(Enrolment, {
        where: { id: enrolmentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!enrolment) throw new DomainException(ErrorCode.NotFound, 'No such enrolment.');
      await this.access.course(m, user, enrolment.courseId);
      if (enrolment.status !== EnrolmentStatus.Enrolled) {
        throw new DomainException(
          ErrorCode.EnrolmentStateInvalid,
          `A ${enrolment.status} enrolment has no outcome to set.`,
        );
      }
      if (dto.outcome === 'completed') {
        await this.completion.complete(m, enrolmentId, { by: 'staff', reason: dto.reason }, user.id);
        return;
      }
      await m.update(
        Enrolment,
        { id: enrolmentId },
        { status: EnrolmentStatus.Failed, endedAt: new Date(), outcomeReason: dto.reason },
      );
      await this.audit.record(m, {
        action: 'enrolment.failed',
        entityType: 'enrolment',
        entityId: enrolmentId,
        actorUserId: user.id,
      });
    });
  }

  private async sessionOf(
    m: EntityManager,
    sessionId: string,
  ): Promise<RosterResponse['session'] & { startsAt: Date; endsAt: Date }> {
    // Dates and times in the connection's time zone, the county's (database/data-source.ts).
    const [session]: Array<RosterResponse['session'] & { startsAt: Date; endsAt: Date }> = await m.query(
      `SELECT s.id, s.label, c.title AS "courseTitle", s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.class_count AS "classCount",
              s.class_weekdays::int[] AS "classWeekdays", to_char(s.class_start_time, 'HH24:MI') AS "classStartTime",
              to_char(s.class_end_time, 'HH24:MI') AS "classEndTime",
              to_char(s.starts_at, 'YYYY-MM-DD') AS "firstClassDate", to_char(s.ends_at, 'YYYY-MM-DD') AS "lastClassDate"
         FROM course_sessions s JOIN courses c ON c.id = s.course_id WHERE s.id = $1`,
      [sessionId],
    );
    return session;
  }

  private async rosterOf(m: EntityManager, sessionId: string, date: string): Promise<RosterResponse> {
    const session = await this.sessionOf(m, sessionId);
    const learners: Array<{
      enrolment_id: string;
      name: string;
      mobile: string | null;
      status: EnrolmentStatus;
      present: boolean;
      attended: number;
    }> = await m.query(
      `SELECT e.id AS enrolment_id, u.name, u.mobile, e.status,
                EXISTS (SELECT 1 FROM attendance a WHERE a.enrolment_id = e.id AND a.class_date = $2) AS present,
                (SELECT count(*) FROM attendance a WHERE a.enrolment_id = e.id)::int AS attended
           FROM enrolments e JOIN users u ON u.id = e.learner_user_id
          WHERE e.session_id = $1 AND e.status = ANY($3)
          ORDER BY u.name, e.id`,
      [sessionId, date, ON_ROSTER],
    );
    const held: Array<{ d: string }> = await m.query(
      `SELECT to_char(class_date, 'YYYY-MM-DD') AS d FROM class_dates WHERE session_id = $1 ORDER BY class_date`,
      [sessionId],
    );
    return {
      session: {
        ...session,
        startsAt: new Date(session.startsAt).toISOString(),
        endsAt: new Date(session.endsAt).toISOString(),
      },
      date,
      heldDates: held.map((h) => h.d),
      classDates: [...new Set([...classDates(scheduleOf(session)), ...held.map((h) => h.d)])].sort(),
      learners: learners.map((l) => ({
        enrolmentId: l.enrolment_id,
        name: l.name,
        mobileMasked: l.mobile ? maskMobile(l.mobile) : null,
        status: l.status,
        present: l.present,
        attended: l.attended,
      })),
    };
  }
}
