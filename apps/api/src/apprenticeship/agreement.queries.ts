import {
  ADULT_AGE,
  AgreementParty,
  AgreementState,
  ageOn,
  riskScore,
  warningsFor,
  type Warning,
} from '@cll/domain';
import type { AgreementSummary } from './dto/agreement.dto.js';

/**
 * One row per agreement with everything the lists and the detail page show. `$1` is today's date: the state is the
 * last state-changing event in effect on it.
 */
export const AGREEMENT_ROWS = `
  SELECT a.id, a.scheme, a.version, a.apprentice_user_id AS "apprenticeUserId", u.name AS "apprenticeName",
         a.provider_id AS "providerId", p.name AS "providerName", a.enterprise_id AS "enterpriseId",
         e.name AS "enterpriseName", a.occupation_name AS "occupationName", a.occupation_code AS "occupationCode",
         a.programme_id AS "programmeId", pg.title AS "programmeTitle",
         a.school_mentor_user_id AS "schoolMentorUserId", sm.name AS "schoolMentorName",
         a.enterprise_mentor_user_id AS "enterpriseMentorUserId", em.name AS "enterpriseMentorName",
         to_char(a.start_date, 'YYYY-MM-DD') AS "startDate", to_char(a.planned_end_date, 'YYYY-MM-DD') AS "plannedEndDate",
         a.planned_school_hours AS "plannedSchoolHours", a.planned_workplace_hours AS "plannedWorkplaceHours",
         a.guardian_name AS "guardianName", a.guardian_relationship AS "guardianRelationship",
         a.guardian_mobile AS "guardianMobile", a.predecessor_id AS "predecessorId",
         (SELECT s.id FROM apprenticeship_agreements s WHERE s.predecessor_id = a.id) AS "successorId",
         to_char(lp.birth_date, 'YYYY-MM-DD') AS "birthDate",
         COALESCE(st.state_after, 'pending') AS state,
         COALESCE(h.school, 0)::float8 AS "signedSchoolHours", COALESCE(h.workplace, 0)::float8 AS "signedWorkplaceHours",
         COALESCE(h.to_sign, 0)::int AS "weeksToSign", COALESCE(h.unsigned, '{}') AS "unsignedSubmittedOn",
         (SELECT to_char(max(x.assessed_on), 'YYYY-MM-DD') FROM apprenticeship_assessments x
           WHERE x.agreement_id = a.id) AS "lastAssessmentOn",
         ARRAY(SELECT c.party FROM apprenticeship_confirmations c
                WHERE c.agreement_id = a.id AND c.version = a.version) AS confirmed
    FROM apprenticeship_agreements a
    JOIN users u ON u.id = a.apprentice_user_id
    JOIN providers p ON p.id = a.provider_id
    JOIN enterprises e ON e.id = a.enterprise_id
    JOIN programmes pg ON pg.id = a.programme_id
    LEFT JOIN users sm ON sm.id = a.school_mentor_user_id
    LEFT JOIN users em ON em.id = a.enterprise_mentor_user_id
    LEFT JOIN learner_profiles lp ON lp.user_id = a.apprentice_user_id
    LEFT JOIN LATERAL (
      SELECT ev.state_after FROM apprenticeship_events ev
       WHERE ev.agreement_id = a.id AND ev.state_after IS NOT NULL AND ev.effective_date <= $1
       ORDER BY ev.seq DESC LIMIT 1) st ON true
    LEFT JOIN LATERAL (
      SELECT sum(w.school_hours) FILTER (WHERE w.school_status = 'signed') AS school,
             sum(w.workplace_hours) FILTER (WHERE w.workplace_status = 'signed') AS workplace,
             count(*) FILTER (WHERE 'submitted' IN (w.school_status, w.workplace_status)) AS to_sign,
             array_agg(to_char(w.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'))
               FILTER (WHERE 'submitted' IN (w.school_status, w.workplace_status)) AS unsigned
        FROM apprenticeship_log_weeks w WHERE w.agreement_id = a.id) h ON true`;

export interface AgreementRow {
  id: string;
  scheme: AgreementSummary['scheme'];
  version: number;
  apprenticeUserId: string;
  apprenticeName: string;
  providerId: string;
  providerName: string;
  enterpriseId: string;
  enterpriseName: string;
  occupationName: string;
  occupationCode: string | null;
  programmeId: string;
  programmeTitle: string;
  schoolMentorUserId: string | null;
  schoolMentorName: string | null;
  enterpriseMentorUserId: string | null;
  enterpriseMentorName: string | null;
  startDate: string;
  plannedEndDate: string;
  plannedSchoolHours: number;
  plannedWorkplaceHours: number;
  guardianName: string | null;
  guardianRelationship: string | null;
  guardianMobile: string | null;
  predecessorId: string | null;
  successorId: string | null;
  birthDate: string | null;
  state: AgreementState;
  signedSchoolHours: number;
  signedWorkplaceHours: number;
  weeksToSign: number;
  unsignedSubmittedOn: string[];
  lastAssessmentOn: string | null;
  confirmed: AgreementParty[];
}

/** Parties whose confirmation the current version needs: the guardian too when the apprentice is a minor. */
export function requiredParties(row: Pick<AgreementRow, 'birthDate' | 'startDate'>): AgreementParty[] {
  const parties = [AgreementParty.School, AgreementParty.Enterprise, AgreementParty.Apprentice];
  if (row.birthDate && ageOn(row.birthDate, row.startDate) < ADULT_AGE) parties.push(AgreementParty.Guardian);
  return parties;
}

export function warningsOf(row: AgreementRow, today: string): Warning[] {
  if (row.state !== AgreementState.Active) return [];
  return warningsFor(
    {
      startDate: row.startDate,
      plannedEndDate: row.plannedEndDate,
      plannedWorkplaceHours: row.plannedWorkplaceHours,
      signedWorkplaceHours: row.signedWorkplaceHours,
      unsignedSubmittedOn: row.unsignedSubmittedOn,
      lastAssessmentOn: row.lastAssessmentOn,
    },
    today,
  );
}

export function toSummary(row: AgreementRow, today: string): AgreementSummary {
  const warnings = warningsOf(row, today);
  const pendingParties =
    row.state === AgreementState.Pending
      ? requiredParties(row).filter((p) => !row.confirmed.includes(p))
      : [];
  return {
    id: row.id,
    scheme: row.scheme,
    state: row.state,
    version: row.version,
    apprenticeUserId: row.apprenticeUserId,
    apprenticeName: row.apprenticeName,
    providerId: row.providerId,
    providerName: row.providerName,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    occupationName: row.occupationName,
    schoolMentorUserId: row.schoolMentorUserId,
    schoolMentorName: row.schoolMentorName,
    enterpriseMentorUserId: row.enterpriseMentorUserId,
    enterpriseMentorName: row.enterpriseMentorName,
    startDate: row.startDate,
    plannedEndDate: row.plannedEndDate,
    plannedSchoolHours: row.plannedSchoolHours,
    plannedWorkplaceHours: row.plannedWorkplaceHours,
    signedSchoolHours: row.signedSchoolHours,
    signedWorkplaceHours: row.signedWorkplaceHours,
    pendingParties,
    weeksToSign: row.weeksToSign,
    warnings,
    riskScore: riskScore(warnings),
  };
}
