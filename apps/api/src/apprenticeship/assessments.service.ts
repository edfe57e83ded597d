import { Injectable } from '@nestjs/common';
import {
  AgreementEventType,
  AgreementParty,
  AgreementState,
  AssessmentKind,
  AssessmentResult,
  TrainingSetting,
} from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { todayInChina } from '../common/date-only.js';
import { issueCertificate } from '../credentials/issue-certificate.js';
import { OpenBadgesService } from '../credentials/open-badges.service.js';
import { OutboxService } from '../jobs/outbox.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { appendEvent, assertEffectiveDate, assertState, stateOn } from './agreement-events.js';
import { loadAgreement, requireParty } from './apprenticeship-access.js';
import { Assessment, type ApprenticeshipAgreement } from './apprenticeship.entities.js';
import type { AssessmentDto } from './dto/assessment.dto.js';

/**
 * Milestones and the final assessment (出师考核), recorded by the school or the enterprise. A passed final assessment
 * completes the apprenticeship in the same transaction: the completed event, a learning-record entry with the signed
 * hours, and a certificate whose PDF the worker makes.
 */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
    private readonly badges: OpenBadgesService,
  ) {}

  async record(user: AuthUser, agreementId: string, dto: AssessmentDto): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      const { agreement, parties } = await loadAgreement(m, user, agreementId, true);
      const side = parties.includes(AgreementParty.School)
        ? TrainingSetting.School
        : parties.includes(AgreementParty.Enterprise)
          ? TrainingSetting.Workplace
          : null;
      if (!side) requireParty(parties, AgreementParty.School, 'record assessments');
      const today = todayInChina();
      const current = await stateOn(m, agreementId, today);
      const completes = dto.kind === AssessmentKind.Final && dto.result === AssessmentResult.Passed;
      assertState(
        current,
        completes ? [AgreementState.Active] : [AgreementState.Active, AgreementState.Paused],
        'assessed',
      );
      assertEffectiveDate(current, dto.assessedOn, today, 'assessedOn');
      const assessment = await m.save(
        m.create(Assessment, {
          agreementId,
          kind: dto.kind,
          title: dto.title,
          result: dto.result,
          assessedOn: dto.assessedOn,
          assessorUserId: user.id,
          assessorSide: side as TrainingSetting,
          comment: dto.comment ?? null,
        }),
      );
      await this.audit.record(m, {
        action: 'apprenticeship.assessed',
        entityType: 'apprenticeship_agreement',
        entityId: agreementId,
        actorUserId: user.id,
        onBehalfOfUserId: agreement.apprenticeUserId,
        details: { assessmentId: assessment.id, kind: dto.kind, result: dto.result },
      });
      if (completes) await this.complete(m, agreement, assessment, user.id);
      return assessment.id;
    });
  }

  private async complete(
    m: EntityManager,
    agreement: ApprenticeshipAgreement,
    assessment: Assessment,
    actorUserId: string,
  ): Promise<void> {
    await appendEvent(m, agreement, {
      type: AgreementEventType.Completed,
      effectiveDate: assessment.assessedOn,
      actorUserId,
      details: { assessmentId: assessment.id },
    });
    const [record]: Array<{ id: string; name: string; school: number; workplace: number }> = await m.query(
      `WITH hours AS (
         SELECT COALESCE(sum(school_hours) FILTER (WHERE school_status = 'signed'), 0) AS school,
                COALESCE(sum(workplace_hours) FILTER (WHERE workplace_status = 'signed'), 0) AS workplace
           FROM apprenticeship_log_weeks WHERE agreement_id = $1)
       INSERT INTO learning_records (learner_user_id, agreement_id, provider_id, course_title, provider_name, category,
                                     hours, credits, completed_on, evidence)
       SELECT a.apprentice_user_id, a.id, a.provider_id, pg.title || '（' || a.occupation_name || '）', p.name,
              'apprenticeship', hours.school + hours.workplace, 0, $2,
              jsonb_build_object('by', 'apprenticeship', 'assessmentId', $3::text,
                                 'schoolHours', hours.school, 'workplaceHours', hours.workplace)
         FROM apprenticeship_agreements a JOIN programmes pg ON pg.id = a.programme_id
         JOIN providers p ON p.id = a.provider_id CROSS JOIN hours
        WHERE a.id = $1
       RETURNING id, (SELECT name FROM users WHERE id = learner_user_id) AS name`,
      [agreement.id, assessment.assessedOn, assessment.id],
    );
    const certificateId = await issueCertificate(m, this.outbox, this.badges, {
      agreementId: agreement.id,
      recordId: record.id,
      learnerUserId: agreement.apprenticeUserId,
      holderName: record.name,
    });
    await this.notifications.notify(
      m,
      [agreement.apprenticeUserId],
      'apprenticeship_completed',
      { occupationName: agreement.occupationName, agreementId: agreement.id },
      `apprenticeship-completed:${agreement.id}`,
    );
    await this.audit.record(m, {
      action: 'apprenticeship.completed',
      entityType: 'apprenticeship_agreement',
      entityId: agreement.id,
      actorUserId,
      onBehalfOfUserId: agreement.apprenticeUserId,
      details: { certificateId, assessmentId: assessment.id },
    });
  }
}
