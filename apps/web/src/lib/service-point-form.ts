import { isValidIdNumber } from '@cll/domain';
import type { FormErrors } from './forms.js';

export const ID_DOCUMENT_TYPES = ['resident_id_card', 'temporary_id_card', 'household_register'] as const;
export const PROXY_KINDS = ['family', 'village_worker', 'other'] as const;

/** An ID number as staff type it: spaces dropped, full-width digits and a lower-case x accepted. */
export function normaliseIdNumber(raw: string): string {
  return raw
    .replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s/g, '')
    .toUpperCase();
}

/** The checks every staff action starts with: a service point, the document, a valid ID number. */
export function checkIdentity(
  values: { townshipCode: string; documentType: string; idNumber: string },
  errors: FormErrors,
): void {
  if (!values.townshipCode) errors.townshipCode = { key: 'validation.required' };
  if (!(ID_DOCUMENT_TYPES as readonly string[]).includes(values.documentType))
    errors.documentType = { key: 'validation.required' };
  if (!values.idNumber) errors.idNumber = { key: 'validation.required' };
  else if (!isValidIdNumber(values.idNumber)) errors.idNumber = { key: 'validation.isResidentIdNumber' };
}

/** A consent form dated today or within the last year (the API checks the same). */
export function checkFormDate(date: string, today: string, field: string, errors: FormErrors): void {
  if (!date) {
    errors[field] = { key: 'validation.required' };
    return;
  }
  const [y, m, d] = today.split('-');
  const yearAgo = `${Number(y) - 1}-${m}-${d}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > today || date < yearAgo)
    errors[field] = { key: 'validation.consentFormDate' };
}
