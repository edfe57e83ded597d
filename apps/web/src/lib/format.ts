import type { Locale } from './i18n/index.js';

/** The county's time zone: server and browser format alike, so hydration never changes a date. */
const TIME_ZONE = 'Asia/Shanghai';

/** A calendar date (YYYY-MM-DD) such as a birth date: 1958年3月21日 / 21 March 1958. */
export function formatDate(locale: Locale, isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A moment (ISO timestamp) in the county's time zone. */
export function formatDateTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(date);
}

/** A day within the year, for week ranges: 11月16日 / 16 Nov. */
export function formatShortDate(locale: Locale, isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A day with its weekday, for the rows of a week: 11月16日星期一 / Monday 16 November. */
export function formatWeekday(locale: Locale, isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
