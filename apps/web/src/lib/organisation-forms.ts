import { isValidCreditCode, MOBILE_PATTERN, PROVIDER_KINDS, type ProviderKind } from '@cll/domain';
import { checkChoice, checkedChoice, checkLength, requireFields } from './form-rules.js';
import type { FormErrors } from './forms.js';

/** Forms about organisations: applying to become a provider, inviting staff, registering an enterprise. */

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A mobile number or a landline with its area code (0579-8xxxxxxx). */
const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export const APPLICATION_FIELDS = ['name', 'kind', 'townshipCode', 'contactName', 'contactPhone'] as const;
export type ApplicationValues = Record<(typeof APPLICATION_FIELDS)[number], string>;

export function readApplicationForm(values: ApplicationValues): {
  errors: FormErrors;
  fields?: Omit<ApplicationValues, 'kind'> & { kind: ProviderKind };
} {
  const errors: FormErrors = {};
  requireFields(values, APPLICATION_FIELDS, errors);
  checkLength(values.name, 2, 100, 'name', errors);
  checkLength(values.contactName, 1, 50, 'contactName', errors);
  checkChoice(values.kind, PROVIDER_KINDS, 'kind', errors);
  const contactPhone = values.contactPhone.replace(/\s/g, '');
  if (contactPhone && !PHONE_PATTERN.test(contactPhone)) errors.contactPhone ??= { key: 'validation.phone' };
  if (Object.keys(errors).length > 0) return { errors };
  return { errors, fields: { ...values, contactPhone, kind: checkedChoice(PROVIDER_KINDS, values.kind) } };
}

export const INVITATION_ROLES = ['provider_staff', 'provider_admin'] as const;
export type InvitationRole = (typeof INVITATION_ROLES)[number];

export function readInvitationForm(values: { contact: string; role: string }): {
  errors: FormErrors;
  fields?: { contact: string; role: InvitationRole };
} {
  return readContactAndRole(values, INVITATION_ROLES);
}

/** Who a school or a company's administrator may invite to a company: mentors and administrators. */
export const ENTERPRISE_INVITATION_ROLES = ['enterprise_mentor', 'enterprise_admin'] as const;
export type EnterpriseInvitationRole = (typeof ENTERPRISE_INVITATION_ROLES)[number];

export function readEnterpriseInvitationForm(values: { contact: string; role: string }): {
  errors: FormErrors;
  fields?: { contact: string; role: EnterpriseInvitationRole };
} {
  return readContactAndRole(values, ENTERPRISE_INVITATION_ROLES);
}

function readContactAndRole<R extends string>(
  values: { contact: string; role: string },
  roles: readonly R[],
): { errors: FormErrors; fields?: { contact: string; role: R } } {
  const errors: FormErrors = {};
  requireFields(values, ['contact', 'role'], errors);
  const contact = values.contact.replace(/\s/g, '');
  if (contact && !MOBILE_PATTERN.test(contact) && !EMAIL_PATTERN.test(contact)) {
    errors.contact = { key: 'validation.contact' };
  }
  checkChoice(values.role, roles, 'role', errors);
  if (Object.keys(errors).length > 0) return { errors };
  return { errors, fields: { contact, role: checkedChoice(roles, values.role) } };
}

export const ENTERPRISE_FIELDS = ['name', 'creditCode', 'industry', 'townshipCode'] as const;
export type EnterpriseValues = Record<(typeof ENTERPRISE_FIELDS)[number], string>;

export function readEnterpriseForm(values: EnterpriseValues): {
  errors: FormErrors;
  fields?: EnterpriseValues;
} {
  const errors: FormErrors = {};
  requireFields(values, ENTERPRISE_FIELDS, errors);
  checkLength(values.name, 2, 100, 'name', errors);
  checkLength(values.industry, 1, 60, 'industry', errors);
  const creditCode = values.creditCode.replace(/\s/g, '').toUpperCase();
  if (creditCode && !isValidCreditCode(creditCode)) errors.creditCode = { key: 'validation.isCreditCode' };
  if (Object.keys(errors).length > 0) return { errors };
  return { errors, fields: { ...values, creditCode } };
}
