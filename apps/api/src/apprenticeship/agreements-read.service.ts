import { Injectable } from '@nestjs/common';
import { ageOn, ErrorCode, maskMobile } from '@cll/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { todayInChina } from '../common/date-only.js';
import { DomainException } from '../common/domain.exception.js';
import { assertProviderMember, providerIdsOf } from '../organisations/provider-access.js';
import { AGREEMENT_ROWS, type AgreementRow, requiredParties, toSummary } from './agreement.queries.js';
import { enterpriseIdsOf, partiesOf, visibleAgreementsSql } from './apprenticeship-access.js';
import type { ApprenticeshipAgreement } from './apprenticeship.entities.js';
import type {
  AgreementDetail,
  AgreementEventResponse,
  AgreementListQuery,
  AgreementOptions,
  AgreementSummary,
  ConfirmationResponse,
  PersonOption,
} from './dto/agreement.dto.js';
import type { AssessmentResponse } from './dto/assessment.dto.js';

const LIST_LIMIT = 500;

/** What each party sees of the agreements it is part of. */
@Injectable()
export class AgreementsReadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * The school's coordinator gets its agreements sorted by risk (most worrying first); an enterprise's users and an
   * apprentice get theirs, newest first.
   */
  async list(user: AuthUser, query: AgreementListQuery): Promise<AgreementSummary[]> {
    const today = todayInChina();
    const scope = visibleAgreementsSql(user, 2);
    const rows: AgreementRow[] = await this.dataSource.query(
      `${AGREEMENT_ROWS}
        WHERE ${scope.sql} AND ($5::uuid IS NULL OR a.provider_id = $5)
        ORDER BY a.start_date DESC, a.created_at DESC LIMIT ${LIST_LIMIT}`,
      [today, ...scope.params, query.providerId ?? null],
    );
    const summaries = rows
      .map((r) => toSummary(r, today))
      .filter((s) => !query.state || s.state === query.state);
    return summaries.sort((a, b) => b.riskScore - a.riskScore);
  }

  async detail(user: AuthUser, id: string): Promise<AgreementDetail> {
    const today = todayInChina();
    const [row]: AgreementRow[] = await this.dataSource.query(`${AGREEMENT_ROWS} WHERE a.id = $2`, [
      today,
      id,
    ]);
    const parties = row ? partiesOf(user, row as unknown as ApprenticeshipAgreement) : [];
    if (!row || !parties.length)
      throw new DomainException(ErrorCode.NotFound, 'No such apprenticeship agreement.');
    const [confirmations, events, assessments] = await Promise.all([
      this.dataSource.query<ConfirmationResponse[]>(
        `SELECT c.party, c.version, c.confirmed_at AS "confirmedAt", u.name AS "confirmedByName", c.note
           FROM apprenticeship_confirmations c JOIN users u ON u.id = c.confirmed_by_user_id
          WHERE c.agreement_id = $1 AND c.version = $2 ORDER BY c.confirmed_at`,
        [id, row.version],
      ),
      this.dataSource.query<AgreementEventResponse[]>(
        `SELECT e.seq, e.type, e.state_after AS "stateAfter", to_char(e.effective_date, 'YYYY-MM-DD') AS "effectiveDate",
                e.version, u.name AS "actorName", e.reason_code AS "reasonCode", e.reason,
                e.details->>'party' AS party, e.occurred_at AS "occurredAt"
           FROM apprenticeship_events e LEFT JOIN users u ON u.id = e.actor_user_id
          WHERE e.agreement_id = $1 ORDER BY e.seq`,
        [id],
      ),
      this.dataSource.query<AssessmentResponse[]>(
        `SELECT x.id, x.kind, x.title, x.result, to_char(x.assessed_on, 'YYYY-MM-DD') AS "assessedOn",
                u.name AS "assessorName", x.assessor_side AS "assessorSide", x.comment
           FROM apprenticeship_assessments x JOIN users u ON u.id = x.assessor_user_id
          WHERE x.agreement_id = $1 ORDER BY x.assessed_on, x.created_at`,
        [id],
      ),
    ]);
    return {
      ...toSummary(row, today),
      programmeId: row.programmeId,
      programmeTitle: row.programmeTitle,
      occupationCode: row.occupationCode,
      guardian: row.guardianName
        ? {
            name: row.guardianName,
            relationship: row.guardianRelationship as string,
            mobileMasked: maskMobile(row.guardianMobile as string),
          }
        : null,
      guardianRequired: requiredParties(row).length === 4,
      apprenticeAgeAtStart: row.birthDate ? ageOn(row.birthDate, row.startDate) : 0,
      myParties: parties,
      confirmations: confirmations.map((c) => ({ ...c, confirmedAt: new Date(c.confirmedAt).toISOString() })),
      events: events.map((e) => ({ ...e, occurredAt: new Date(e.occurredAt).toISOString() })),
      assessments,
      predecessorId: row.predecessorId,
      successorId: row.successorId,
    };
  }

  /** Programmes and staff a coordinator chooses from when drafting. */
  async options(user: AuthUser, providerId: string): Promise<AgreementOptions> {
    assertProviderMember(user, providerId);
    const [programmes, schoolMentors] = await Promise.all([
      this.dataSource.query<AgreementOptions['programmes']>(
        `SELECT id, title, occupation_code AS "occupationCode" FROM programmes
          WHERE provider_id = $1 AND kind IN ('apprenticeship', 'vocational_skill') ORDER BY kind, title`,
        [providerId],
      ),
      this.people(`r.provider_id = $1 AND r.role IN ('provider_staff', 'provider_admin')`, providerId),
    ]);
    return { programmes, schoolMentors };
  }

  /**
   * Mentors of an enterprise (names and account ids: personal data), for the enterprise's own users and for staff of
   * a school that has an agreement with it in any state, a draft included; a school drafts first and assigns the
   * enterprise mentor once the draft exists. Anyone else gets 404, as for an enterprise that does not exist. Each
   * answer that shows people is audited.
   */
  async enterpriseMentors(user: AuthUser, enterpriseId: string): Promise<PersonOption[]> {
    return this.dataSource.transaction(async (m) => {
      const own = enterpriseIdsOf(user).includes(enterpriseId);
      const [row]: Array<{ works_with: boolean }> = await m.query(
        `SELECT EXISTS (SELECT 1 FROM apprenticeship_agreements
                         WHERE enterprise_id = $1 AND provider_id = ANY($2::uuid[])) AS works_with`,
        [enterpriseId, providerIdsOf(user)],
      );
      if (!own && !row.works_with) throw new DomainException(ErrorCode.NotFound, 'No such enterprise.');
      const mentors: PersonOption[] = await m.query(
        `SELECT DISTINCT u.id AS "userId", u.name FROM role_assignments r JOIN users u ON u.id = r.user_id
          WHERE r.enterprise_id = $1 AND r.role IN ('enterprise_mentor', 'enterprise_admin') AND u.status = 'active'
          ORDER BY u.name`,
        [enterpriseId],
      );
      await this.audit.record(m, {
        action: 'enterprise.mentors_viewed',
        entityType: 'enterprise',
        entityId: enterpriseId,
        actorUserId: user.id,
        details: { shown: mentors.length },
      });
      return mentors;
    });
  }

  private people(where: string, id: string): Promise<PersonOption[]> {
    return this.dataSource.query(
      `SELECT DISTINCT u.id AS "userId", u.name FROM role_assignments r JOIN users u ON u.id = r.user_id
        WHERE ${where} AND u.status = 'active' ORDER BY u.name`,
      [id],
    );
  }
}
