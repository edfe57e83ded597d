import { ATTAINMENT_LEVELS, EMPLOYMENT_STATUSES, SEXES, townshipOf } from '@cll/domain';
import type { Schemas } from '@cll/api-client';
import { characterCount, checkChoice, checkedChoice, requireFields } from './form-rules.js';
import type { FormErrors } from './forms.js';
import { isUuid } from './ids.js';
import { checkMobile } from './roster-form.js';
import { fillTownshipFromVillage } from './validation.js';

/**
 * Enrolling someone else (a family member, a villager) in three steps that work without JavaScript: their mobile
 * number, then a course session with the relationship and their consent, then (only when no account has that
 * mobile) their registration. Every step sends the earlier answers again in hidden fields.
 */

export const RELATIONSHIPS = ['family', 'village_worker', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** `learner` (an account id) and `learnerName` stand in for `mobile` for a resident whose consent was recorded in person. */
export const PROXY_FIELDS = [
  'mobile',
  'learner',
  'learnerName',
  'q',
  'sessionId',
  'relationship',
  'consent',
  'register',
] as const;
export const NEW_LEARNER_FIELDS = [
  'name',
  'birthDate',
  'sex',
  'townshipCode',
  'villageCode',
  'attainment',
  'employmentStatus',
] as const;
export type ProxyValues = Record<(typeof PROXY_FIELDS)[number] | (typeof NEW_LEARNER_FIELDS)[number], string>;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The enrolment itself: whose mobile, which session, who is asking, and that the learner agreed. */
export function checkProxyEnrolment(values: ProxyValues, errors: FormErrors): void {
  if (!isUuid(values.learner)) checkMobile(values.mobile, 'mobile', errors);
  if (!isUuid(values.sessionId)) errors.sessionId = { key: 'validation.required' };
  requireFields(values, ['relationship'], errors);
  checkChoice(values.relationship, RELATIONSHIPS, 'relationship', errors);
  if (values.consent !== 'true') errors.consent = { key: 'error.CONSENT_REQUIRED' };
}

/** The learner's registration (step 3), checked like the register page's personal fields. */
export function checkNewLearner(values: ProxyValues, errors: FormErrors): void {
  requireFields(values, NEW_LEARNER_FIELDS, errors);
  if (values.name && characterCount(values.name) > 50)
    errors.name ??= { key: 'validation.maxLengthOf', params: { max: 50 } };
  if (values.birthDate && !DATE_PATTERN.test(values.birthDate))
    errors.birthDate ??= { key: 'validation.isDateString' };
  checkChoice(values.sex, SEXES, 'sex', errors);
  checkChoice(values.attainment, ATTAINMENT_LEVELS, 'attainment', errors);
  checkChoice(values.employmentStatus, EMPLOYMENT_STATUSES, 'employmentStatus', errors);
  if (values.townshipCode && values.villageCode && townshipOf(values.villageCode) !== values.townshipCode)
    errors.villageCode ??= { key: 'validation.villageMismatch' };
}

/** Without JavaScript every village is listed: a village chosen alone tells us its township. */
export function normaliseProxyValues(values: ProxyValues): ProxyValues {
  return fillTownshipFromVillage(values);
}

/** The API's request for checked values; the registration goes along only in step 3. */
export function toProxyBody(values: ProxyValues): Schemas['ProxyEnrolDto'] {
  return {
    sessionId: values.sessionId,
    relationship: checkedChoice(RELATIONSHIPS, values.relationship),
    consent: true,
    ...(isUuid(values.learner) ? { learnerUserId: values.learner } : { learnerMobile: values.mobile }),
    newLearner:
      values.register === '1'
        ? {
            name: values.name,
            birthDate: values.birthDate,
            sex: checkedChoice(SEXES, values.sex),
            townshipCode: values.townshipCode,
            villageCode: values.villageCode,
            attainment: checkedChoice(ATTAINMENT_LEVELS, values.attainment),
            employmentStatus: checkedChoice(EMPLOYMENT_STATUSES, values.employmentStatus),
          }
        : undefined,
  };
}

/** The API names nested fields `newLearner.name` and the mobile `learnerMobile`; the form calls them otherwise. */
export function formFieldOf(apiField: string): string {
  if (apiField === 'learnerMobile' || apiField === 'learnerUserId') return 'mobile';
  return apiField.startsWith('newLearner.') ? apiField.slice('newLearner.'.length) : apiField;
}
