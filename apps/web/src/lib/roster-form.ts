import { MOBILE_PATTERN } from '@cll/domain';
import { isUuid } from './ids.js';
import type { FormErrors } from './forms.js';

/** The provider's roster page: what its forms send, checked before the API sees it. */

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** The API takes a roster CSV of up to 200,000 characters (2,000 rows). */
export const MAX_CSV_LENGTH = 200_000;

/** A calendar date as the date field sends it; anything else is no date. */
export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The ticked boxes: each an enrolment id, duplicates and stray values dropped. */
export function readPresentIds(form: FormData): string[] {
  const ids = form.getAll('present').filter((v): v is string => typeof v === 'string' && isUuid(v));
  return [...new Set(ids)];
}

export function checkMobile(mobile: string, name: string, errors: FormErrors): void {
  if (!mobile) errors[name] = { key: 'validation.required' };
  else if (!MOBILE_PATTERN.test(mobile)) errors[name] = { key: 'validation.isMobilePhone' };
}

/** A CSV from the file input (preferred when one was chosen) or the text box; a spreadsheet's BOM is dropped. */
export async function readRosterCsv(form: FormData): Promise<{ csv: string; errors: FormErrors }> {
  const file = form.get('csvFile');
  const typed = form.get('csv');
  let csv =
    file instanceof File && file.size > 0 ? await file.text() : typeof typed === 'string' ? typed : '';
  csv = csv.replace(/^\uFEFF/, '').trim();
  const errors: FormErrors = {};
  if (!csv) errors.csv = { key: 'roster.csv.required' };
  else if (csv.length > MAX_CSV_LENGTH) errors.csv = { key: 'roster.csv.tooLong' };
  return { csv, errors };
}
