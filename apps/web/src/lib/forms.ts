import type { Message } from './i18n/index.js';

/** Errors that belong to no single field (wrong password, rate limit, API down) are reported under this key. */
export const FORM_ERROR = '_form';

/** Field name → message; field names are the API's request property names. */
export type FormErrors = Record<string, Message>;

/** What a failed form action returns: the submitted values (never passwords) and the errors. */
export interface FormFailure<V extends object> {
  values: V;
  errors: FormErrors;
}

export function hasErrors(errors: FormErrors): boolean {
  return Object.keys(errors).length > 0;
}
