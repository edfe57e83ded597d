import type { FormErrors } from './forms.js';

/** A 6-digit SMS code as people type it: spaces and full-width digits allowed. */
export function normaliseCode(raw: string): string {
  return raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\s/g, '');
}

export function checkCode(code: string, errors: FormErrors): void {
  if (!code) errors.code = { key: 'validation.required' };
  else if (!/^\d{6}$/.test(code)) errors.code = { key: 'validation.code' };
}

/** The new password twice; the API checks the rest (length, letter and digit, leaked lists, personal details). */
export function checkNewPassword(password: string, confirm: string, errors: FormErrors): void {
  if (!password) errors.newPassword = { key: 'validation.required' };
  else if (password !== confirm) errors.confirmPassword = { key: 'validation.passwordsDiffer' };
}
