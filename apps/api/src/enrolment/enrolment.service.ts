import { Injectable } from '@nestjs/common';
import { ageOn, EnrolmentSource, EnrolmentStatus, ErrorCode } from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { KeyedLine } from '../common/keyed-line.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OfferAccess } from '../catalogue/offer-access.service.js';
import { PeopleService } from '../people/people.service.js';
import type { ProxyEnrolDto } from './dto/enrolment-others.dto.js';
import { ProxyService } from '../proxy/proxy.service.js';
import type { EnrolmentResponse } from './dto/enrolment.dto.js';
import { Enrolment } from './enrolment.entity.js';
import { queryEnrolments } from './enrolment.query.js';

interface LockedSession {
  id: string;
  course_id: string;
  course_title: string;
  capacity: number;
  enrolled_count: number;
  window_open: boolean;
  staff_may_add: boolean;
  starts_on: string;
  min_age: number | null;
  max_age: number | null;
}

export interface EnrolOptions {
  source: EnrolmentSource;
  actorUserId: string;
  proxyRelationship?: string;
}

const ACTIVE: EnrolmentStatus[] = [
  EnrolmentStatus.Waitlisted,
  EnrolmentStatus.Enrolled,
  EnrolmentStatus.Completed,
];

/**
 * Seats are taken under the session row's lock, so capacity holds whatever the concurrency, and the waitlist is
 * served in the order learners reached the lock. A CHECK constraint (enrolled_count <= capacity) backs it up.
 */
@Injectable()
export class EnrolmentService {
  /** Requests for the same session wait here in turn rather than each holding a connection on its row lock. */
  private readonly line = new KeyedLine();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly access: OfferAccess,
    private readonly people: PeopleService,
    private readonly proxies: ProxyService,
  ) {}

  async enrolSelf(user: AuthUser, sessionId: string): Promise<EnrolmentResponse> {
    const id = await this.line.run(sessionId, () =>
      this.dataSource.transaction((m) =>
        this.enrol(m, user.id, sessionId, { source: EnrolmentSource.Self, actorUserId: user.id }),
      ),
    );
    return this.one(id);
  }

  /** Enrols `learnerId` in the caller's transaction; returns the enrolment id. */
  async enrol(
    m: EntityManager,
    learnerId: string,
    sessionId: string,
    options: EnrolOptions,
  ): Promise<string> {
    const session = await this.lockSession(m, sessionId);
    if (!session) throw new DomainException(ErrorCode.NotFound, 'No such session in the catalogue.');
    // Staff may add walk-ins to a township class after online enrolment closed, never to a cancelled or ended one.
    const staffAdds = options.source === EnrolmentSource.Staff || options.source === EnrolmentSource.Roster;
    if (!(session.window_open || (staffAdds && session.staff_may_add))) {
      throw new DomainException(ErrorCode.EnrolmentClosed, 'Enrolment for this session is not open.');
    }
    const [profile]: Array<{ birth_date: string }> = await m.query(
      `SELECT to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM learner_profiles WHERE user_id = $1`,
      [learnerId],
    );
    if (!profile)
      throw new DomainException(ErrorCode.LearnerProfileRequired, 'Only learners with a profile can enrol.');
    const age = ageOn(profile.birth_date, session.starts_on);
    if (
      (session.min_age !== null && age < session.min_age) ||
      (session.max_age !== null && age > session.max_age)
    ) {
      throw new DomainException(
        ErrorCode.EnrolmentAgeNotAllowed,
        `This course is for ages ${session.min_age ?? 0} to ${session.max_age ?? '—'}; the learner will be ${age}.`,
      );
    }
    const existing = await m.findOne(Enrolment, { where: { learnerUserId: learnerId, sessionId } });
    if (existing && ACTIVE.includes(existing.status)) {
      throw new DomainException(
        ErrorCode.EnrolmentDuplicate,
        'Already enrolled or waitlisted in this session.',
      );
    }
    const seat = session.enrolled_count < session.capacity;
    if (seat)
      await m.query(`UPDATE course_sessions SET enrolled_count = enrolled_count + 1 WHERE id = $1`, [
        sessionId,
      ]);
    const [{ queue }]: Array<{ queue: string }> = await m.query(
      `SELECT nextval('enrolment_queue_seq') AS queue`,
    );
    const fields = {
      status: seat ? EnrolmentStatus.Enrolled : EnrolmentStatus.Waitlisted,
      queueNumber: queue,
      source: options.source,
      enrolledByUserId: options.source === EnrolmentSource.Self ? null : options.actorUserId,
      proxyRelationship: options.proxyRelationship ?? null,
      consentRecordedAt: options.source === EnrolmentSource.Proxy ? new Date() : null,
      seatTakenAt: seat ? new Date() : null,
      endedAt: null,
      outcomeReason: null,
    };
    let id: string;
    if (existing) {
      await m.update(Enrolment, { id: existing.id }, fields);
      id = existing.id;
    } else {
      id = (
        await m.save(
          m.create(Enrolment, {
            ...fields,
            learnerUserId: learnerId,
            sessionId,
            courseId: session.course_id,
          }),
        )
      ).id;
    }
    await this.notifications.notify(
      m,
      [learnerId],
      seat ? 'enrolled' : 'waitlisted',
      { courseTitle: session.course_title },
      `enrolment:${id}:${queue}`,
    );
    await this.audit.record(m, {
      action: seat ? 'enrolment.enrolled' : 'enrolment.waitlisted',
      entityType: 'enrolment',
      entityId: id,
      actorUserId: options.actorUserId,
      onBehalfOfUserId: options.actorUserId === learnerId ? null : learnerId,
      details: { sessionId, source: options.source },
    });
    return id;
  }

  /** Provider staff enrol a registered learner by mobile number into one of their sessions. */
  async enrolByStaff(user: AuthUser, sessionId: string, mobile: string): Promise<EnrolmentResponse> {
    const id = await this.line.run(sessionId, () =>
      this.dataSource.transaction(async (m) => {
        await this.access.session(m, user, sessionId);
        const learner = await this.learnerByMobile(m, mobile);
        if (!learner)
          throw DomainException.field(
            ErrorCode.LearnerNotFound,
            'mobile',
            'No learner is registered with this mobile number.',
          );
        return this.enrol(m, learner, sessionId, { source: EnrolmentSource.Staff, actorUserId: user.id });
      }),
    );
    return this.one(id);
  }

  /**
   * A family member or village worker enrols a resident, only within a relationship the resident confirmed (see
   * ProxyService): without one the answer is PROXY_CONSENT_REQUIRED whether or not anyone has the number. A resident
   * with no account yet is registered on the mobile their consent code went to. The relationship is recorded on
   * the enrolment; the audit log names the proxy as actor and the resident as the person.
   */
  async enrolByProxy(user: AuthUser, dto: ProxyEnrolDto): Promise<EnrolmentResponse> {
    if (!dto.consent)
      throw new DomainException(ErrorCode.ConsentRequired, 'The learner’s consent is required.');
    await this.proxies.limitActions(user);
    const id = await this.line.run(dto.sessionId, () =>
      this.dataSource.transaction(async (m) => {
        if (dto.learnerUserId !== undefined && dto.learnerMobile !== undefined)
          throw DomainException.field(
            ErrorCode.ValidationFailed,
            'learnerUserId',
            'Give the resident’s mobile or their account, not both.',
          );
        const acting =
          dto.learnerUserId !== undefined
            ? await this.proxies.assertActingFor(m, user, dto.learnerUserId)
            : await this.proxies.assertActing(m, user, dto.learnerMobile as string);
        let learner =
          acting.learnerUserId ?? (await this.learnerByMobile(m, dto.learnerMobile as string, true));
        if (!learner) {
          if (!dto.newLearner) {
            throw DomainException.field(
              ErrorCode.LearnerNotFound,
              'learnerMobile',
              'The resident has no account yet; register them first.',
            );
          }
          learner = await this.people.registerByProxy(
            m,
            { ...dto.newLearner, mobile: dto.learnerMobile as string },
            user.id,
          );
        }
        await this.proxies.linkLearner(m, acting.relationshipId, learner);
        return this.enrol(m, learner, dto.sessionId, {
          source: EnrolmentSource.Proxy,
          actorUserId: user.id,
          proxyRelationship: acting.relationship,
        });
      }),
    );
    return this.one(id);
  }

  /** `ownOnly`: not a managed account holding a number given for it (a proxy's SMS consent does not reach it). */
  private async learnerByMobile(
    m: EntityManager,
    mobile: string,
    ownOnly = false,
  ): Promise<string | undefined> {
    const [row]: Array<{ id: string }> = await m.query(
      `SELECT id FROM users WHERE mobile = $1 AND status = 'active'${ownOnly ? ' AND NOT managed' : ''}`,
      [mobile],
    );
    return row?.id;
  }

  /** Withdrawing frees the seat and gives it at once to the first learner on the waitlist. */
  async withdraw(user: AuthUser, enrolmentId: string): Promise<EnrolmentResponse> {
    await this.dataSource.transaction(async (m) => {
      const enrolment = await m.findOne(Enrolment, { where: { id: enrolmentId, learnerUserId: user.id } });
      if (!enrolment) throw new DomainException(ErrorCode.NotFound, 'No such enrolment.');
      await this.lockSession(m, enrolment.sessionId);
      const current = await m.findOneByOrFail(Enrolment, { id: enrolmentId });
      if (current.status !== EnrolmentStatus.Enrolled && current.status !== EnrolmentStatus.Waitlisted) {
        throw new DomainException(
          ErrorCode.EnrolmentStateInvalid,
          `A ${current.status} enrolment cannot be withdrawn.`,
        );
      }
      await m.update(
        Enrolment,
        { id: enrolmentId },
        { status: EnrolmentStatus.Withdrawn, endedAt: new Date() },
      );
      if (current.status === EnrolmentStatus.Enrolled) {
        await m.query(`UPDATE course_sessions SET enrolled_count = enrolled_count - 1 WHERE id = $1`, [
          current.sessionId,
        ]);
        await this.promoteNext(m, current.sessionId);
      }
      await this.audit.record(m, {
        action: 'enrolment.withdrawn',
        entityType: 'enrolment',
        entityId: enrolmentId,
        actorUserId: user.id,
      });
    });
    return this.one(enrolmentId);
  }

  mine(user: AuthUser): Promise<EnrolmentResponse[]> {
    return queryEnrolments(this.dataSource.manager, 'e.learner_user_id = $1', [user.id]);
  }

  async one(id: string): Promise<EnrolmentResponse> {
    const [row] = await queryEnrolments(this.dataSource.manager, 'e.id = $1', [id]);
    return row;
  }

  /** Gives free seats to the waitlist in arrival order. The session row must already be locked. */
  private async promoteNext(m: EntityManager, sessionId: string): Promise<void> {
    const promoted: Array<{ id: string; learner_user_id: string; title: string }> = await m.query(
      `SELECT e.id, e.learner_user_id, c.title
         FROM enrolments e JOIN courses c ON c.id = e.course_id
        WHERE e.session_id = $1 AND e.status = 'waitlisted'
        ORDER BY e.queue_number
        LIMIT (SELECT greatest(capacity - enrolled_count, 0) FROM course_sessions WHERE id = $1)
          FOR UPDATE OF e`,
      [sessionId],
    );
    if (!promoted.length) return;
    await m.query(
      `UPDATE enrolments SET status = 'enrolled', seat_taken_at = now(), updated_at = now() WHERE id = ANY($1::uuid[])`,
      [promoted.map((p) => p.id)],
    );
    await m.query(`UPDATE course_sessions SET enrolled_count = enrolled_count + $2 WHERE id = $1`, [
      sessionId,
      promoted.length,
    ]);
    for (const p of promoted) {
      await this.notifications.notify(
        m,
        [p.learner_user_id],
        'promoted',
        { courseTitle: p.title },
        `promoted:${p.id}:${Date.now()}`,
      );
      await this.audit.record(m, {
        action: 'enrolment.promoted',
        entityType: 'enrolment',
        entityId: p.id,
        onBehalfOfUserId: p.learner_user_id,
      });
    }
  }

  private async lockSession(m: EntityManager, sessionId: string): Promise<LockedSession | undefined> {
    const [row]: LockedSession[] = await m.query(
      `SELECT s.id, s.course_id, c.title AS course_title, s.capacity, s.enrolled_count,
              (now() >= s.enrolment_opens_at AND now() < s.enrolment_closes_at AND s.cancelled_at IS NULL) AS window_open,
              (s.cancelled_at IS NULL AND now() < s.ends_at) AS staff_may_add,
              to_char(s.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS starts_on, c.min_age, c.max_age
         FROM course_sessions s
         JOIN courses c ON c.id = s.course_id AND c.status = 'published'
         JOIN providers p ON p.id = c.provider_id AND p.status = 'approved'
        WHERE s.id = $1
          FOR UPDATE OF s`,
      [sessionId],
    );
    return row;
  }
}
