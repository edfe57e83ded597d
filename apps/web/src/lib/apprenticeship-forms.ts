import type { Schemas } from '@cll/api-client';
import {
  APPRENTICESHIP_SCHEMES,
  ASSESSMENT_KINDS,
  ASSESSMENT_RESULTS,
  ErrorCode,
  MOBILE_PATTERN,
  OCCUPATION_CODE_PATTERN,
  WITHDRAWAL_REASONS,
} from '@cll/domain';
import {
  checkChoice,
  checkedChoice,
  checkLength,
  checkMaxLength,
  readNumber,
  requireFields,
} from './form-rules.js';
import { hasErrors, type FormErrors } from './forms.js';
import { isUuid } from './ids.js';
import { isCalendarDate } from './roster-form.js';

/**
 * The apprenticeship forms: drafting and changing an agreement, the school's lifecycle changes, the guardian's consent
 * and assessments. Each checks what the API would refuse, with the API's field names, and builds the request body.
 * Limits follow apps/api/src/apprenticeship/dto/*.ts.
 */

export const TERM_FIELDS = [
  'programmeId',
  'occupationCode',
  'occupationName',
  'schoolMentorUserId',
  'enterpriseMentorUserId',
  'startDate',
  'plannedEndDate',
  'plannedSchoolHours',
  'plannedWorkplaceHours',
  'guardian.name',
  'guardian.relationship',
  'guardian.mobile',
] as const;
export type TermValues = Record<(typeof TERM_FIELDS)[number], string>;

export const DRAFT_FIELDS = [...TERM_FIELDS, 'scheme', 'enterpriseId', 'apprenticeMobile'] as const;
export type DraftValues = Record<(typeof DRAFT_FIELDS)[number], string>;

type Terms = Omit<Schemas['AmendAgreementDto'], 'version'>;

const GUARDIAN_FIELDS = ['guardian.name', 'guardian.relationship', 'guardian.mobile'] as const;
export const PLANNED_HOURS_MAX = 10_000;

function checkDate(value: string, name: string, errors: FormErrors): void {
  if (value && !isCalendarDate(value)) errors[name] ??= { key: 'validation.isDateString' };
}

function checkOptionalId(value: string, name: string, errors: FormErrors): void {
  if (value && !isUuid(value)) errors[name] ??= { key: 'validation.isUuid' };
}

function checkMobileFormat(value: string, name: string, errors: FormErrors): void {
  if (value && !MOBILE_PATTERN.test(value)) errors[name] ??= { key: 'validation.isMobilePhone' };
}

/** The terms every party confirms; the guardian is all three fields or none. */
export function readTerms(values: TermValues): { errors: FormErrors; terms?: Terms } {
  const errors: FormErrors = {};
  requireFields(
    values,
    [
      'programmeId',
      'occupationName',
      'startDate',
      'plannedEndDate',
      'plannedSchoolHours',
      'plannedWorkplaceHours',
    ],
    errors,
  );
  checkOptionalId(values.programmeId, 'programmeId', errors);
  checkOptionalId(values.schoolMentorUserId, 'schoolMentorUserId', errors);
  checkOptionalId(values.enterpriseMentorUserId, 'enterpriseMentorUserId', errors);
  checkLength(values.occupationName, 1, 100, 'occupationName', errors);
  const occupationCode = values.occupationCode.replace(/\s/g, '');
  if (occupationCode && !OCCUPATION_CODE_PATTERN.test(occupationCode))
    errors.occupationCode = { key: 'validation.occupationCode' };
  checkDate(values.startDate, 'startDate', errors);
  checkDate(values.plannedEndDate, 'plannedEndDate', errors);
  if (!errors.startDate && !errors.plannedEndDate && values.plannedEndDate <= values.startDate)
    errors.plannedEndDate ??= { key: `error.${ErrorCode.AgreementDatesInvalid}` };
  const hours = { min: 0, max: PLANNED_HOURS_MAX, integer: true };
  const plannedSchoolHours = readNumber(values.plannedSchoolHours, 'plannedSchoolHours', errors, hours);
  const plannedWorkplaceHours = readNumber(
    values.plannedWorkplaceHours,
    'plannedWorkplaceHours',
    errors,
    hours,
  );

  const guardianGiven = GUARDIAN_FIELDS.some((name) => values[name]);
  if (guardianGiven) {
    requireFields(values, GUARDIAN_FIELDS, errors);
    checkLength(values['guardian.name'], 1, 50, 'guardian.name', errors);
    checkLength(values['guardian.relationship'], 1, 20, 'guardian.relationship', errors);
    checkMobileFormat(values['guardian.mobile'], 'guardian.mobile', errors);
  }
  if (hasErrors(errors) || plannedSchoolHours === undefined || plannedWorkplaceHours === undefined) {
    return { errors };
  }
  return {
    errors,
    terms: {
      programmeId: values.programmeId,
      occupationCode: occupationCode || undefined,
      occupationName: values.occupationName,
      schoolMentorUserId: values.schoolMentorUserId || undefined,
      enterpriseMentorUserId: values.enterpriseMentorUserId || undefined,
      startDate: values.startDate,
      plannedEndDate: values.plannedEndDate,
      plannedSchoolHours,
      plannedWorkplaceHours,
      guardian: guardianGiven
        ? {
            name: values['guardian.name'],
            relationship: values['guardian.relationship'],
            mobile: values['guardian.mobile'],
          }
        : undefined,
    },
  };
}

/** A new agreement drafted by the school `providerId`. */
export function readDraftForm(
  values: DraftValues,
  providerId: string,
): { errors: FormErrors; body?: Schemas['DraftAgreementDto'] } {
  const { errors, terms } = readTerms(values);
  requireFields(values, ['scheme', 'enterpriseId', 'apprenticeMobile'], errors);
  checkChoice(values.scheme, APPRENTICESHIP_SCHEMES, 'scheme', errors);
  checkOptionalId(values.enterpriseId, 'enterpriseId', errors);
  checkMobileFormat(values.apprenticeMobile, 'apprenticeMobile', errors);
  if (hasErrors(errors) || !terms) return { errors };
  return {
    errors,
    body: {
      ...terms,
      providerId,
      enterpriseId: values.enterpriseId,
      apprenticeMobile: values.apprenticeMobile,
      scheme: checkedChoice(APPRENTICESHIP_SCHEMES, values.scheme),
    },
  };
}

/** A change of terms to `version`, which every party then confirms again. */
export function readAmendForm(
  values: TermValues,
  version: number,
): { errors: FormErrors; body?: Schemas['AmendAgreementDto'] } {
  const { errors, terms } = readTerms(values);
  if (!terms) return { errors };
  return { errors, body: { ...terms, version } };
}

/** The version a confirmation or change refers to, from a hidden field; 0 when it is missing or not a version. */
export function readVersion(raw: string): number {
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : 0;
}

// ---- the school's lifecycle changes ----------------------------------------------------------------------------

export const LIFECYCLE_FIELDS = [
  'effectiveDate',
  'reason',
  'reasonCode',
  'enterpriseId',
  'enterpriseMentorUserId',
] as const;
export type LifecycleValues = Record<(typeof LIFECYCLE_FIELDS)[number], string>;

export type LifecycleChange = 'pause' | 'resume' | 'withdraw' | 'transfer';

export type LifecycleBody =
  | { change: 'pause'; body: Schemas['PauseDto'] }
  | { change: 'resume'; body: Schemas['EffectiveDateDto'] }
  | { change: 'withdraw'; body: Schemas['WithdrawDto'] }
  | { change: 'transfer'; body: Schemas['TransferDto'] };

/** A break, a return, a withdrawal or a transfer, each from its effective date (today or earlier). */
export function readLifecycleForm(
  change: LifecycleChange,
  values: LifecycleValues,
): { errors: FormErrors; request?: LifecycleBody } {
  const errors: FormErrors = {};
  requireFields(values, ['effectiveDate'], errors);
  checkDate(values.effectiveDate, 'effectiveDate', errors);
  const { effectiveDate } = values;
  switch (change) {
    case 'pause':
      requireFields(values, ['reason'], errors);
      checkLength(values.reason, 1, 500, 'reason', errors);
      return hasErrors(errors)
        ? { errors }
        : { errors, request: { change, body: { effectiveDate, reason: values.reason } } };
    case 'resume':
      return hasErrors(errors) ? { errors } : { errors, request: { change, body: { effectiveDate } } };
    case 'withdraw': {
      requireFields(values, ['reasonCode'], errors);
      checkChoice(values.reasonCode, WITHDRAWAL_REASONS, 'reasonCode', errors);
      checkMaxLength(values.reason, 500, 'reason', errors);
      if (hasErrors(errors)) return { errors };
      const reasonCode = checkedChoice(WITHDRAWAL_REASONS, values.reasonCode);
      return {
        errors,
        request: { change, body: { effectiveDate, reasonCode, reason: values.reason || undefined } },
      };
    }
    case 'transfer':
      requireFields(values, ['enterpriseId', 'reason'], errors);
      checkOptionalId(values.enterpriseId, 'enterpriseId', errors);
      checkOptionalId(values.enterpriseMentorUserId, 'enterpriseMentorUserId', errors);
      checkLength(values.reason, 1, 500, 'reason', errors);
      if (hasErrors(errors)) return { errors };
      return {
        errors,
        request: {
          change,
          body: {
            effectiveDate,
            enterpriseId: values.enterpriseId,
            enterpriseMentorUserId: values.enterpriseMentorUserId || undefined,
            reason: values.reason,
          },
        },
      };
  }
}

// ---- guardian's consent and assessments --------------------------------------------------------------------------

export function readGuardianConsentForm(
  values: { consentedOn: string; note: string },
  version: number,
): { errors: FormErrors; body?: Schemas['GuardianConsentDto'] } {
  const errors: FormErrors = {};
  requireFields(values, ['consentedOn'], errors);
  checkDate(values.consentedOn, 'consentedOn', errors);
  checkMaxLength(values.note, 200, 'note', errors);
  if (hasErrors(errors)) return { errors };
  return { errors, body: { version, consentedOn: values.consentedOn, note: values.note || undefined } };
}

export const ASSESSMENT_FIELDS = ['kind', 'title', 'result', 'assessedOn', 'comment'] as const;
export type AssessmentValues = Record<(typeof ASSESSMENT_FIELDS)[number], string>;

export function readAssessmentForm(values: AssessmentValues): {
  errors: FormErrors;
  body?: Schemas['AssessmentDto'];
} {
  const errors: FormErrors = {};
  requireFields(values, ['kind', 'title', 'result', 'assessedOn'], errors);
  checkChoice(values.kind, ASSESSMENT_KINDS, 'kind', errors);
  checkChoice(values.result, ASSESSMENT_RESULTS, 'result', errors);
  checkLength(values.title, 1, 100, 'title', errors);
  checkDate(values.assessedOn, 'assessedOn', errors);
  checkMaxLength(values.comment, 1000, 'comment', errors);
  if (hasErrors(errors)) return { errors };
  return {
    errors,
    body: {
      kind: checkedChoice(ASSESSMENT_KINDS, values.kind),
      title: values.title,
      result: checkedChoice(ASSESSMENT_RESULTS, values.result),
      assessedOn: values.assessedOn,
      comment: values.comment || undefined,
    },
  };
}

/** A mentor's comment when returning a week to the apprentice: 1–500 characters. */
export function readReturnComment(comment: string): FormErrors {
  const errors: FormErrors = {};
  requireFields({ comment }, ['comment'], errors);
  checkLength(comment, 1, 500, 'comment', errors);
  return errors;
}
