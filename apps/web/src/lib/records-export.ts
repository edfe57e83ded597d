import { isUuid } from './ids.js';
import { isCalendarDate } from './roster-form.js';

/** What the records download form sends: the school, and optional completion dates and course. */
export interface RecordsExportRequest {
  providerId: string;
  query: { from?: string; to?: string; courseId?: string };
}

/**
 * Reads the download form's query string. Empty fields mean "no filter"; anything the form could not have sent (a date
 * that is not a calendar date, a course that is not an id, an end before the start) gives null.
 */
export function readRecordsExport(params: URLSearchParams): RecordsExportRequest | null {
  const providerId = params.get('provider') ?? '';
  if (!isUuid(providerId)) return null;
  const from = params.get('from')?.trim() || undefined;
  const to = params.get('to')?.trim() || undefined;
  const courseId = params.get('course')?.trim() || undefined;
  if ((from && !isCalendarDate(from)) || (to && !isCalendarDate(to))) return null;
  if (from && to && from > to) return null;
  if (courseId && !isUuid(courseId)) return null;
  return { providerId, query: { from, to, courseId } };
}
