import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { shanghaiDate } from '../datetime.js';
import { isUuid } from '../ids.js';
import { isCalendarDate } from '../roster-form.js';

export type RosterEvent = RequestEvent<{ sessionId: string }>;

/** Which of the roster page's forms was sent, and what it held (never more than the page shows again). */
export interface RosterValues {
  which: 'attendance' | 'enrol' | 'import' | 'outcome';
  date?: string;
  present?: string[];
  mobile?: string;
  csv?: string;
  enrolmentId?: string;
  outcome?: string;
  reason?: string;
}

/**
 * The page's query: the provider acted for, the course to go back to, the class date shown ('' lets the API open
 * the roster on the class date nearest today).
 */
export function rosterQuery(event: RosterEvent) {
  if (!isUuid(event.params.sessionId)) error(404, { message: 'error.NOT_FOUND' });
  const params = event.url.searchParams;
  const course = params.get('course') ?? '';
  const date = params.get('date') ?? '';
  const today = shanghaiDate(new Date().toISOString());
  return {
    sessionId: event.params.sessionId,
    provider: params.get('provider') ?? '',
    course: isUuid(course) ? course : '',
    date: isCalendarDate(date) ? date : '',
    today,
  };
}

/** After a change, back to the roster (post/redirect/get) for the same provider, course and date. */
export function backToRoster(event: RosterEvent, done: string, date?: string): never {
  const { sessionId, provider, course, date: shown } = rosterQuery(event);
  const params = new URLSearchParams({ provider, done });
  if (date ?? shown) params.set('date', date ?? shown);
  if (course) params.set('course', course);
  redirect(303, `/provider/sessions/${sessionId}/roster?${params.toString()}`);
}
