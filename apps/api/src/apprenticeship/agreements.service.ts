import { Injectable } from '@nestjs/common';
import {
  ADULT_AGE,
  AgreementEventType,
  AgreementParty,
  AgreementState,
  APPRENTICE_MIN_AGE,
  ageOn,
  ErrorCode,
} from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { todayInChina } from '../common/date-only.js';
import { DomainException } from '../common/domain.exception.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { assertProviderMember } from '../organisations/provider-access.js';
import { appendEvent, assertState, stateOn } from './agreement-events.js';
import { requiredParties } from './agreement.queries.js';
import { loadAgreement, requireParty } from './apprenticeship-access.js';
import { AgreementVersion, ApprenticeshipAgreement } from './apprenticeship.entities.js';
import type {
  AgreementTermsDto,
  AmendAgreementDto,
  ConfirmAgreementDto,
  DraftAgreementDto,
  GuardianConsentDto,
} from './dto/agreement.dto.js';

/** The terms stored on the agreement row and in each version, in one shape. */
function termsOf(dto: AgreementTermsDto) {
  return {
    programmeId: dto.programmeId,
    occupationCode: dto.occupationCode ?? null,
    occupationName: dto.occupationName,
    schoolMentorUserId: dto.schoolMentorUserId ?? null,
    enterpriseMentorUserId: dto.enterpriseMentorUserId ?? null,
    startDate: dto.startDate,
    plannedEndDate: dto.plannedEndDate,
    plannedSchoolHours: dto.plannedSchoolHours,
    plannedWorkplaceHours: dto.plannedWorkplaceHours,
    guardianName: dto.guardian?.name ?? null,
    guardianRelationship: dto.guardian?.relationship ?? null,
    guardianMobile: dto.guardian?.mobile ?? null,
  };
}
type Terms = ReturnType<typeof termsOf>;
const TERM_KEYS = Object.keys(termsOf({} as AgreementTermsDto)) as Array<keyof Terms>;

/**
 * Drafting, changing and confirming agreements. Every write runs in one transaction with its event, its audit entry
 * and its notifications; the agreement row is locked so two confirmations or a confirmation and an edit serialise.
 */
@Injectable()
export class AgreementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async draft(user: AuthUser, dto: DraftAgreementDto): Promise<string> {
    assertProviderMember(user, dto.providerId);
    return this.dataSource.transaction(async (m) => {
      const [provider]: Array<{ status: string }> = await m.query(
        `SELECT status FROM providers WHERE id = $1`,
        [dto.providerId],
      );
      if (provider.status !== 'approved') {
        throw new DomainException(ErrorCode.ProviderNotApproved, 'The school has not been approved yet.');
      }
      const [enterprise]: unknown[] = await m.query(`SELECT 1 FROM enterprises WHERE id = $1`, [
        dto.enterpriseId,
      ]);
      if (!enterprise) throw DomainException.field(ErrorCode.NotFound, 'enterpriseId', 'No such enterprise.');
      const [apprentice]: Array<{ id: string }> = await m.query(
        `SELECT id FROM users WHERE mobile = $1 AND status = 'active'`,
        [dto.apprenticeMobile],
      );
      if (!apprentice) {
        throw DomainException.field(
          ErrorCode.LearnerNotFound,
          'apprenticeMobile',
          'No learner is registered with this mobile number.',
        );
      }
      const terms = termsOf(dto);
      await this.checkTerms(m, { ...dto, apprenticeUserId: apprentice.id }, terms);
      const agreement = await m.save(
        m.create(ApprenticeshipAgreement, {
          ...terms,
          scheme: dto.scheme,
          providerId: dto.providerId,
          enterpriseId: dto.enterpriseId,
          apprenticeUserId: apprentice.id,
          version: 1,
          createdByUserId: user.id,
        }),
      );
      await this.startVersion(m, agreement, user, AgreementEventType.Drafted);
      return agreement.id;
    });
  }

  /** Any change makes a new version that every party must confirm again; the same terms change nothing. */
  async amend(user: AuthUser, id: string, dto: AmendAgreementDto): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const { agreement, parties } = await loadAgreement(m, user, id, true);
      requireParty(parties, AgreementParty.School, 'change an agreement');
      this.assertVersion(agreement, dto.version);
      const today = todayInChina();
      const current = await stateOn(m, id, today);
      assertState(current, [AgreementState.Pending, AgreementState.Active], 'changed');
      const terms = termsOf(dto);
      if (current.everActivated && terms.startDate !== agreement.startDate) {
        throw DomainException.field(
          ErrorCode.AgreementDatesInvalid,
          'startDate',
          'The start date of an apprenticeship that has begun cannot change.',
        );
      }
      await this.checkTerms(m, agreement, terms);
      if (TERM_KEYS.every((k) => terms[k] === agreement[k])) {
        await this.recordUnchanged(m, agreement, user.id, 'apprenticeship.amendment_unchanged');
        return;
      }
      Object.assign(agreement, terms, { version: agreement.version + 1 });
      await m.save(agreement);
      await this.startVersion(m, agreement, user, AgreementEventType.Amended);
    });
  }

  /** The signed-in user confirms the current version for each party they act for (school, enterprise, apprentice). */
  async confirm(user: AuthUser, id: string, dto: ConfirmAgreementDto): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const { agreement, parties } = await loadAgreement(m, user, id, true);
      this.assertVersion(agreement, dto.version);
      const [done]: Array<{ n: number }> = await m.query(
        `SELECT count(*)::int AS n FROM apprenticeship_confirmations WHERE agreement_id = $1 AND version = $2
            AND party = ANY($3)`,
        [id, dto.version, parties],
      );
      if (done.n === parties.length) {
        // A repeated confirmation changes nothing, but who repeated it is still on record.
        await this.recordUnchanged(m, agreement, user.id, 'apprenticeship.confirmation_repeated');
        return;
      }
      await this.assertConfirmable(m, agreement, dto.version);
      for (const party of parties) await this.addConfirmation(m, agreement, party, user.id, null);
      await this.activateIfConfirmed(m, agreement, user.id);
    });
  }

  /** The school records the guardian's consent from the signed form (知情同意书) for the current version. */
  async guardianConsent(user: AuthUser, id: string, dto: GuardianConsentDto): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const { agreement, parties } = await loadAgreement(m, user, id, true);
      requireParty(parties, AgreementParty.School, 'record a guardian’s consent');
      await this.assertConfirmable(m, agreement, dto.version);
      if (!agreement.guardianName) {
        throw DomainException.field(
          ErrorCode.GuardianRequired,
          'guardian',
          'The agreement names no guardian.',
        );
      }
      if (dto.consentedOn > todayInChina()) {
        throw DomainException.field(
          ErrorCode.EventDateInvalid,
          'consentedOn',
          'The date cannot be in the future.',
        );
      }
      const note = [`consented ${dto.consentedOn}`, dto.note].filter(Boolean).join(' · ');
      await this.addConfirmation(m, agreement, AgreementParty.Guardian, user.id, note);
      await this.activateIfConfirmed(m, agreement, user.id);
    });
  }

  private async recordUnchanged(
    m: EntityManager,
    agreement: ApprenticeshipAgreement,
    actorUserId: string,
    action: string,
  ): Promise<void> {
    await this.audit.record(m, {
      action,
      entityType: 'apprenticeship_agreement',
      entityId: agreement.id,
      actorUserId,
      details: { version: agreement.version },
    });
  }

  // ---- rules ---------------------------------------------------------------------------------------------------

  /** The rules on terms, each with its own code: dates, the programme, age and guardian, and both mentors' sides. */
  async checkTerms(
    m: EntityManager,
    parties: { providerId: string; enterpriseId: string; apprenticeUserId: string },
    terms: Terms,
  ): Promise<void> {
    if (terms.plannedEndDate <= terms.startDate) {
      throw DomainException.field(
        ErrorCode.AgreementDatesInvalid,
        'plannedEndDate',
        'The planned end must be after the start date.',
      );
    }
    const [programme]: unknown[] = await m.query(
      `SELECT 1 FROM programmes WHERE id = $1 AND provider_id = $2`,
      [terms.programmeId, parties.providerId],
    );
    if (!programme)
      throw DomainException.field(ErrorCode.NotFound, 'programmeId', 'No such programme at the school.');
    const [profile]: Array<{ birth_date: string }> = await m.query(
      `SELECT to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM learner_profiles WHERE user_id = $1`,
      [parties.apprenticeUserId],
    );
    if (!profile) {
      throw new DomainException(
        ErrorCode.LearnerProfileRequired,
        'The apprentice has no learner profile yet.',
      );
    }
    const age = ageOn(profile.birth_date, terms.startDate);
    if (age < APPRENTICE_MIN_AGE) {
      throw DomainException.field(
        ErrorCode.ApprenticeTooYoung,
        'startDate',
        `An apprentice must be at least ${APPRENTICE_MIN_AGE} at the start; this one would be ${age}.`,
      );
    }
    if (age < ADULT_AGE && !terms.guardianName) {
      throw DomainException.field(
        ErrorCode.GuardianRequired,
        'guardian',
        `The apprentice is under ${ADULT_AGE} at the start, so a guardian must be named and consent.`,
      );
    }
    await this.checkMentor(m, terms.schoolMentorUserId, 'schoolMentorUserId', {
      column: 'provider_id',
      id: parties.providerId,
      roles: ['provider_staff', 'provider_admin'],
    });
    await this.checkMentor(m, terms.enterpriseMentorUserId, 'enterpriseMentorUserId', {
      column: 'enterprise_id',
      id: parties.enterpriseId,
      roles: ['enterprise_mentor', 'enterprise_admin'],
    });
    if (terms.schoolMentorUserId && terms.schoolMentorUserId === terms.enterpriseMentorUserId) {
      throw DomainException.field(
        ErrorCode.MentorNotInOrganisation,
        'enterpriseMentorUserId',
        'The school mentor and the enterprise mentor are two different people (双导师).',
      );
    }
  }

  private async checkMentor(
    m: EntityManager,
    userId: string | null,
    field: string,
    side: { column: 'provider_id' | 'enterprise_id'; id: string; roles: string[] },
  ): Promise<void> {
    if (!userId) return;
    const [member]: unknown[] = await m.query(
      `SELECT 1 FROM role_assignments WHERE user_id = $1 AND ${side.column} = $2 AND role = ANY($3)`,
      [userId, side.id, side.roles],
    );
    if (!member) {
      throw DomainException.field(
        ErrorCode.MentorNotInOrganisation,
        field,
        field === 'schoolMentorUserId'
          ? 'The school mentor must be on the school’s staff.'
          : 'The enterprise mentor must be a mentor of the enterprise.',
      );
    }
  }

  private assertVersion(agreement: ApprenticeshipAgreement, version: number): void {
    if (version !== agreement.version) {
      throw new DomainException(
        ErrorCode.AgreementVersionChanged,
        `The agreement has changed since version ${version}; read version ${agreement.version} and confirm that.`,
      );
    }
  }

  private async assertConfirmable(m: EntityManager, agreement: ApprenticeshipAgreement, version: number) {
    this.assertVersion(agreement, version);
    assertState(await stateOn(m, agreement.id, todayInChina()), [AgreementState.Pending], 'confirmed');
    if (!agreement.schoolMentorUserId || !agreement.enterpriseMentorUserId) {
      throw new DomainException(
        ErrorCode.MentorsRequired,
        'Both mentors (school and enterprise) must be assigned before the agreement can be confirmed.',
      );
    }
  }

  private async addConfirmation(
    m: EntityManager,
    agreement: ApprenticeshipAgreement,
    party: AgreementParty,
    userId: string,
    note: string | null,
  ): Promise<void> {
    const inserted: unknown[] = await m.query(
      `INSERT INTO apprenticeship_confirmations (agreement_id, version, party, confirmed_by_user_id, note)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT ON CONSTRAINT uq_confirmations_party DO NOTHING RETURNING id`,
      [agreement.id, agreement.version, party, userId, note],
    );
    if (!inserted.length) return;
    await appendEvent(m, agreement, {
      type: AgreementEventType.Confirmed,
      effectiveDate: todayInChina(),
      actorUserId: userId,
      party,
    });
    await this.audit.record(m, {
      action: 'apprenticeship.confirmed',
      entityType: 'apprenticeship_agreement',
      entityId: agreement.id,
      actorUserId: userId,
      details: { party, version: agreement.version },
    });
  }

  /**
   * Activates when every required party has confirmed the current version. A first activation takes effect on the
   * start date (so an agreement signed late is counted from its real start); a re-activation after a change, today.
   */
  private async activateIfConfirmed(
    m: EntityManager,
    agreement: ApprenticeshipAgreement,
    actorUserId: string,
  ) {
    const [facts]: Array<{ birth_date: string | null; confirmed: string[]; ever: boolean; other: number }> =
      await m.query(
        `SELECT (SELECT to_char(birth_date, 'YYYY-MM-DD') FROM learner_profiles WHERE user_id = $2) AS birth_date,
                ARRAY(SELECT party FROM apprenticeship_confirmations WHERE agreement_id = $1 AND version = $3) AS confirmed,
                EXISTS (SELECT 1 FROM apprenticeship_events WHERE agreement_id = $1 AND type = 'activated') AS ever,
                (SELECT count(*) FROM apprenticeship_agreements o
                  WHERE o.apprentice_user_id = $2 AND o.id <> $1
                    AND (SELECT e.state_after FROM apprenticeship_events e
                          WHERE e.agreement_id = o.id AND e.state_after IS NOT NULL AND e.effective_date <= $4
                          ORDER BY e.seq DESC LIMIT 1) IN ('active', 'paused'))::int AS other`,
        [agreement.id, agreement.apprenticeUserId, agreement.version, todayInChina()],
      );
    const required = requiredParties({ birthDate: facts.birth_date, startDate: agreement.startDate });
    if (!required.every((p) => facts.confirmed.includes(p))) return;
    if (facts.other > 0) {
      throw new DomainException(
        ErrorCode.ApprenticeAlreadyActive,
        'The apprentice already has an active apprenticeship; end or transfer it first.',
      );
    }
    const today = todayInChina();
    const effectiveDate = facts.ever && agreement.startDate < today ? today : agreement.startDate;
    await appendEvent(m, agreement, { type: AgreementEventType.Activated, effectiveDate, actorUserId });
    await this.audit.record(m, {
      action: 'apprenticeship.activated',
      entityType: 'apprenticeship_agreement',
      entityId: agreement.id,
      actorUserId,
      details: { version: agreement.version, effectiveDate },
    });
    await this.notifications.notify(
      m,
      [agreement.apprenticeUserId, agreement.schoolMentorUserId, agreement.enterpriseMentorUserId].filter(
        (u): u is string => Boolean(u),
      ),
      'agreement_active',
      { occupationName: agreement.occupationName, agreementId: agreement.id, startDate: effectiveDate },
      `agreement-active:${agreement.id}:${agreement.version}`,
    );
  }

  /** Stores the version's terms, records the event, and asks the apprentice and the enterprise mentor to confirm. */
  async startVersion(
    m: EntityManager,
    agreement: ApprenticeshipAgreement,
    user: AuthUser,
    type: AgreementEventType.Drafted | AgreementEventType.Amended,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    const terms = Object.fromEntries(TERM_KEYS.map((k) => [k, agreement[k]]));
    await m.insert(AgreementVersion, {
      agreementId: agreement.id,
      version: agreement.version,
      terms: terms as never,
      createdByUserId: user.id,
    });
    await appendEvent(m, agreement, { type, effectiveDate: todayInChina(), actorUserId: user.id, details });
    await this.audit.record(m, {
      action: `apprenticeship.${type}`,
      entityType: 'apprenticeship_agreement',
      entityId: agreement.id,
      actorUserId: user.id,
      onBehalfOfUserId: agreement.apprenticeUserId,
      details: { version: agreement.version, ...details },
    });
    await this.notifications.notify(
      m,
      [agreement.apprenticeUserId, agreement.enterpriseMentorUserId].filter((u): u is string => Boolean(u)),
      'agreement_to_confirm',
      { occupationName: agreement.occupationName, agreementId: agreement.id, version: agreement.version },
      `agreement-confirm:${agreement.id}:${agreement.version}`,
    );
  }
}
