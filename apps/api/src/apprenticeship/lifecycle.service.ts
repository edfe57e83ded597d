import { Injectable } from '@nestjs/common';
import { AgreementEventType, AgreementParty, AgreementState, ErrorCode } from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { todayInChina } from '../common/date-only.js';
import { DomainException } from '../common/domain.exception.js';
import {
  appendEvent,
  assertEffectiveDate,
  assertState,
  type EventInput,
  stateOn,
} from './agreement-events.js';
import { AgreementsService } from './agreements.service.js';
import { loadAgreement, requireParty } from './apprenticeship-access.js';
import { ApprenticeshipAgreement } from './apprenticeship.entities.js';
import type { PauseDto, TransferDto, WithdrawDto, EffectiveDateDto } from './dto/agreement.dto.js';

/**
 * Breaks in learning, withdrawals and transfers, recorded by the school. Each is one event with its effective date,
 * never an edit of the past.
 */
@Injectable()
export class LifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly agreements: AgreementsService,
  ) {}

  pause(user: AuthUser, id: string, dto: PauseDto): Promise<void> {
    return this.change(user, id, [AgreementState.Active], {
      type: AgreementEventType.Paused,
      effectiveDate: dto.effectiveDate,
      reason: dto.reason,
    });
  }

  resume(user: AuthUser, id: string, dto: EffectiveDateDto): Promise<void> {
    return this.change(user, id, [AgreementState.Paused], {
      type: AgreementEventType.Resumed,
      effectiveDate: dto.effectiveDate,
    });
  }

  withdraw(user: AuthUser, id: string, dto: WithdrawDto): Promise<void> {
    return this.change(user, id, [AgreementState.Pending, AgreementState.Active, AgreementState.Paused], {
      type: AgreementEventType.Withdrawn,
      effectiveDate: dto.effectiveDate,
      reasonCode: dto.reasonCode,
      reason: dto.reason ?? null,
    });
  }

  /**
   * The apprenticeship continues with another enterprise: this agreement ends as transferred, and a new one, linked
   * to it, starts on the transfer date with the remaining planned hours and waits for the parties' confirmation.
   */
  async transfer(user: AuthUser, id: string, dto: TransferDto): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      const old = await this.record(m, user, id, [AgreementState.Active, AgreementState.Paused], {
        type: AgreementEventType.Transferred,
        effectiveDate: dto.effectiveDate,
        reason: dto.reason,
        details: { toEnterpriseId: dto.enterpriseId },
      });
      if (dto.enterpriseId === old.enterpriseId) {
        throw DomainException.field(
          ErrorCode.ValidationFailed,
          'enterpriseId',
          'A transfer goes to another enterprise; change the mentor with an edit instead.',
        );
      }
      const [enterprise]: unknown[] = await m.query(`SELECT 1 FROM enterprises WHERE id = $1`, [
        dto.enterpriseId,
      ]);
      if (!enterprise) throw DomainException.field(ErrorCode.NotFound, 'enterpriseId', 'No such enterprise.');
      const [signed]: Array<{ school: number; workplace: number }> = await m.query(
        `SELECT COALESCE(sum(school_hours) FILTER (WHERE school_status = 'signed'), 0)::float8 AS school,
                COALESCE(sum(workplace_hours) FILTER (WHERE workplace_status = 'signed'), 0)::float8 AS workplace
           FROM apprenticeship_log_weeks WHERE agreement_id = $1`,
        [old.id],
      );
      const terms = {
        programmeId: old.programmeId,
        occupationCode: old.occupationCode,
        occupationName: old.occupationName,
        schoolMentorUserId: old.schoolMentorUserId,
        enterpriseMentorUserId: dto.enterpriseMentorUserId ?? null,
        startDate: dto.effectiveDate,
        plannedEndDate: old.plannedEndDate,
        plannedSchoolHours: Math.max(0, Math.ceil(old.plannedSchoolHours - signed.school)),
        plannedWorkplaceHours: Math.max(0, Math.ceil(old.plannedWorkplaceHours - signed.workplace)),
        guardianName: old.guardianName,
        guardianRelationship: old.guardianRelationship,
        guardianMobile: old.guardianMobile,
      };
      const parties = {
        providerId: old.providerId,
        enterpriseId: dto.enterpriseId,
        apprenticeUserId: old.apprenticeUserId,
      };
      await this.agreements.checkTerms(m, parties, terms);
      const successor = await m.save(
        m.create(ApprenticeshipAgreement, {
          ...terms,
          ...parties,
          scheme: old.scheme,
          version: 1,
          predecessorId: old.id,
          createdByUserId: user.id,
        }),
      );
      await this.agreements.startVersion(m, successor, user, AgreementEventType.Drafted, {
        transferredFrom: old.id,
      });
      return successor.id;
    });
  }

  private async change(
    user: AuthUser,
    id: string,
    allowed: AgreementState[],
    input: Omit<EventInput, 'actorUserId'>,
  ) {
    await this.dataSource.transaction((m) => this.record(m, user, id, allowed, input));
  }

  /** Checks the school's right, the state and the date, then appends the event and its audit entry. */
  private async record(
    m: EntityManager,
    user: AuthUser,
    id: string,
    allowed: AgreementState[],
    input: Omit<EventInput, 'actorUserId'>,
  ): Promise<ApprenticeshipAgreement> {
    const { agreement, parties } = await loadAgreement(m, user, id, true);
    requireParty(parties, AgreementParty.School, `record that an agreement is ${input.type}`);
    const today = todayInChina();
    const current = await stateOn(m, id, today);
    assertState(current, allowed, input.type);
    assertEffectiveDate(current, input.effectiveDate, today);
    await appendEvent(m, agreement, { ...input, actorUserId: user.id });
    await this.audit.record(m, {
      action: `apprenticeship.${input.type}`,
      entityType: 'apprenticeship_agreement',
      entityId: id,
      actorUserId: user.id,
      onBehalfOfUserId: agreement.apprenticeUserId,
      details: { effectiveDate: input.effectiveDate, reasonCode: input.reasonCode ?? null },
    });
    return agreement;
  }
}
