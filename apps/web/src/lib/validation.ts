import {
  ATTAINMENT_LEVELS,
  EMPLOYMENT_STATUSES,
  ErrorCode,
  MOBILE_PATTERN,
  SEXES,
  townshipOf,
} from '@cll/domain';
import type { Schemas } from '@cll/api-client';
import type { FormErrors } from './forms.js';

/** Checks done in the web action before calling the API, so the common mistakes get an answer without a round trip. */

export const REGISTRATION_FIELDS = [
  'name',
  'mobile',
  'email',
  'birthDate',
  'sex',
  'townshipCode',
  'villageCode',
  'attainment',
  'employmentStatus',
  'idNumber',
  'idNumberConsent',
] as const;
export type RegistrationValues = Record<(typeof REGISTRATION_FIELDS)[number], string>;

export const PROFILE_FIELDS = [
  'name',
  'townshipCode',
  'villageCode',
  'attainment',
  'employmentStatus',
  'idNumber',
  'idNumberConsent',
] as const;
export type ProfileValues = Record<(typeof PROFILE_FIELDS)[number], string>;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isOneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}

export function isStrongEnoughPassword(password: string): boolean {
  return password.length >= 8 && /\p{L}/u.test(password) && /\d/.test(password);
}

function requireFields(values: Record<string, string>, names: readonly string[], errors: FormErrors): void {
  for (const name of names) if (!values[name]) errors[name] ??= { key: 'validation.required' };
}

function checkChoices(values: Partial<Record<string, string>>, errors: FormErrors): void {
  const choices: Array<[string, readonly string[]]> = [
    ['sex', SEXES],
    ['attainment', ATTAINMENT_LEVELS],
    ['employmentStatus', EMPLOYMENT_STATUSES],
  ];
  for (const [name, allowed] of choices) {
    const value = values[name];
    if (value && !allowed.includes(value)) errors[name] ??= { key: 'validation.isEnum' };
  }
}

/**
 * Without JavaScript the village list shows every township's villages, so someone may pick a village and leave the
 * township empty: the village tells us the township. A village from another township than the one chosen is an error.
 */
export function fillTownshipFromVillage<V extends { townshipCode: string; villageCode: string }>(
  values: V,
): V {
  if (!values.townshipCode && values.villageCode)
    return { ...values, townshipCode: townshipOf(values.villageCode) };
  return values;
}

function checkResidence(values: { townshipCode: string; villageCode: string }, errors: FormErrors): void {
  const { townshipCode, villageCode } = values;
  if (townshipCode && villageCode && townshipOf(villageCode) !== townshipCode) {
    errors.villageCode ??= { key: 'validation.villageMismatch' };
  }
}

export function validateRegistration(
  values: RegistrationValues,
  password: string,
  confirmPassword: string,
): FormErrors {
  const errors: FormErrors = {};
  requireFields(values, ['name'], errors);
  if (!values.mobile && !values.email) errors.mobile = { key: `error.${ErrorCode.ContactRequired}` };
  if (values.mobile && !MOBILE_PATTERN.test(values.mobile))
    errors.mobile = { key: 'validation.isMobilePhone' };
  if (values.email && !EMAIL_PATTERN.test(values.email)) errors.email = { key: 'validation.isEmail' };
  if (!password) errors.password = { key: 'validation.required' };
  else if (!isStrongEnoughPassword(password)) errors.password = { key: 'validation.passwordWeak' };
  if (!confirmPassword) errors.confirmPassword = { key: 'validation.required' };
  else if (password && confirmPassword !== password)
    errors.confirmPassword = { key: 'validation.passwordMismatch' };
  requireFields(
    values,
    ['birthDate', 'sex', 'townshipCode', 'villageCode', 'attainment', 'employmentStatus'],
    errors,
  );
  if (values.birthDate && !DATE_PATTERN.test(values.birthDate))
    errors.birthDate = { key: 'validation.isDateString' };
  checkChoices(values, errors);
  checkResidence(values, errors);
  checkIdNumberConsent(values, errors);
  return errors;
}

export function validateProfileEdit(values: ProfileValues): FormErrors {
  const errors: FormErrors = {};
  requireFields(values, ['name', 'townshipCode', 'villageCode', 'attainment', 'employmentStatus'], errors);
  checkChoices(values, errors);
  checkResidence(values, errors);
  checkIdNumberConsent(values, errors);
  return errors;
}

/** The ID number is sensitive: given only with its own ticked consent (PIPL art. 29), never bundled. */
function checkIdNumberConsent(
  values: { idNumber: string; idNumberConsent: string },
  errors: FormErrors,
): void {
  if (values.idNumber && values.idNumberConsent !== 'true') {
    errors.idNumberConsent = { key: `error.${ErrorCode.IdNumberConsentRequired}` };
  }
}

/** A choice the validation above has already checked against its list; failing here is a programming error. */
function checked<T extends string>(allowed: readonly T[], value: string): T {
  if (!isOneOf(allowed, value)) throw new Error(`Unvalidated choice: ${value}`);
  return value;
}

/** The API request for valid registration values; optional fields left empty are left out. */
export function toRegisterBody(values: RegistrationValues, password: string): Schemas['RegisterDto'] {
  return {
    name: values.name,
    mobile: values.mobile || undefined,
    email: values.email || undefined,
    password,
    birthDate: values.birthDate,
    sex: checked(SEXES, values.sex),
    townshipCode: values.townshipCode,
    villageCode: values.villageCode,
    attainment: checked(ATTAINMENT_LEVELS, values.attainment),
    employmentStatus: checked(EMPLOYMENT_STATUSES, values.employmentStatus),
    idNumber: values.idNumber || undefined,
    idNumberConsent: values.idNumber ? values.idNumberConsent === 'true' : undefined,
  };
}

export function toProfileBody(values: ProfileValues): Schemas['UpdateProfileDto'] {
  return {
    name: values.name,
    townshipCode: values.townshipCode,
    villageCode: values.villageCode,
    attainment: checked(ATTAINMENT_LEVELS, values.attainment),
    employmentStatus: checked(EMPLOYMENT_STATUSES, values.employmentStatus),
    idNumber: values.idNumber || undefined,
    idNumberConsent: values.idNumber ? values.idNumberConsent === 'true' : undefined,
  };
}
