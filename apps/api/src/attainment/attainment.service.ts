import { Injectable } from '@nestjs/common';
import { AttainmentSource, ErrorCode } from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { providerIdsOf } from '../organisations/provider-access.js';
import { attainmentHistory, recordChange } from './attainment.repository.js';
import type {
  AttainmentCorrectionRequest,
  AttainmentEventResponse,
  AttainmentHistoryResponse,
} from './dto/attainment.dto.js';
import type { AttainmentLevel } from '@cll/domain';

/**
 * A learner's attainment history: their own, and, for the staff of a provider the learner enrolled with, the same
 * history reached through the enrolment, with the correction of the level (reason required, audited). Anyone else
 * gets 404, as for an enrolment that does not exist.
 */
@Injectable()
export class AttainmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async mine(user: AuthUser): Promise<AttainmentHistoryResponse> {
    return this.history(this.dataSource.manager, user.id);
  }

  async forEnrolment(user: AuthUser, enrolmentId: string): Promise<AttainmentHistoryResponse> {
    const learner = await this.learnerOf(this.dataSource.manager, user, enrolmentId);
    return this.history(this.dataSource.manager, learner.learnerUserId);
  }

  async correct(
    user: AuthUser,
    enrolmentId: string,
    body: AttainmentCorrectionRequest,
  ): Promise<AttainmentHistoryResponse> {
    return this.dataSource.transaction(async (m) => {
      const learner = await this.learnerOf(m, user, enrolmentId);
      const [profile]: Array<{ attainment: AttainmentLevel }> = await m.query(
        `SELECT attainment FROM learner_profiles WHERE user_id = $1 FOR UPDATE`,
        [learner.learnerUserId],
      );
      if (!profile) throw new DomainException(ErrorCode.NotFound, 'No such enrolment.');
      if (profile.attainment === body.attainment) {
        throw DomainException.field(
          ErrorCode.AttainmentUnchanged,
          'attainment',
          'This is already the learner’s level: nothing to correct.',
        );
      }
      const eventId = await recordChange(m, {
        userId: learner.learnerUserId,
        source: AttainmentSource.StaffCorrection,
        before: profile.attainment,
        after: body.attainment,
        actorUserId: user.id,
        reason: body.reason,
        providerId: learner.providerId,
      });
      // The reason is in the event; the audit trail names who, for whom and which event, never the levels.
      await this.audit.record(m, {
        action: 'attainment.corrected',
        entityType: 'user',
        entityId: learner.learnerUserId,
        actorUserId: user.id,
        onBehalfOfUserId: null,
        details: { eventId, enrolmentId, providerId: learner.providerId },
      });
      return this.history(m, learner.learnerUserId);
    });
  }

  private async learnerOf(
    m: EntityManager,
    user: AuthUser,
    enrolmentId: string,
  ): Promise<{ learnerUserId: string; providerId: string }> {
    const [row]: Array<{ learnerUserId: string; providerId: string }> = await m.query(
      `SELECT e.learner_user_id AS "learnerUserId", c.provider_id AS "providerId"
         FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE e.id = $1`,
      [enrolmentId],
    );
    if (!row || !providerIdsOf(user).includes(row.providerId)) {
      throw new DomainException(ErrorCode.NotFound, 'No such enrolment.');
    }
    return row;
  }

  private async history(m: EntityManager, userId: string): Promise<AttainmentHistoryResponse> {
    const [person]: Array<{ name: string; attainment: AttainmentLevel | null }> = await m.query(
      `SELECT u.name, p.attainment FROM users u LEFT JOIN learner_profiles p ON p.user_id = u.id WHERE u.id = $1`,
      [userId],
    );
    const events = await attainmentHistory(m, userId);
    return {
      name: person?.name ?? '',
      current: person?.attainment ?? null,
      events: events.map((e): AttainmentEventResponse => ({
        ...e,
        id: String(e.id),
        recordedAt: new Date(e.recordedAt).toISOString(),
      })),
    };
  }
}
