import type { Locale } from './i18n/index.js';

/**
 * Sessions are entered with `<input type="datetime-local">`, which carries no time zone: the wall-clock time is read
 * as Asia/Shanghai. China has kept UTC+8 all year since 1991, so a fixed offset is exact.
 */
const SHANGHAI_OFFSET = '+08:00';
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const LOCAL_INPUT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `2026-03-01T09:30` (Shanghai wall clock) → `2026-03-01T09:30:00+08:00`; null when it is no real moment. */
export function fromShanghaiLocalInput(value: string): string | null {
  const match = LOCAL_INPUT_PATTERN.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '00'] = match;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${SHANGHAI_OFFSET}`;
  const date = new Date(iso);
  // Reject dates the calendar does not have (2026-02-30) rather than letting them roll over.
  if (Number.isNaN(date.getTime()) || toShanghaiLocalInput(iso) !== `${y}-${mo}-${d}T${h}:${mi}`) return null;
  return iso;
}

/** An instant → the `datetime-local` value showing it on a Shanghai clock; '' for an unreadable value. */
export function toShanghaiLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);
}

/** The calendar date (YYYY-MM-DD) of an instant in Shanghai. */
export function shanghaiDate(iso: string): string {
  return toShanghaiLocalInput(iso).slice(0, 10);
}

function format(locale: Locale, iso: string, options: Intl.DateTimeFormatOptions): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'Asia/Shanghai' }).format(date);
}

/**
 * When a session runs, in the county's time zone: `2026年3月1日星期日 09:30–11:00`, or both ends in full when it
 * spans several days.
 */
export function formatSessionTime(locale: Locale, startsAt: string, endsAt: string): string {
  const day: Intl.DateTimeFormatOptions = { dateStyle: 'full' };
  const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (shanghaiDate(startsAt) === shanghaiDate(endsAt)) {
    return `${format(locale, startsAt, day)} ${format(locale, startsAt, time)}–${format(locale, endsAt, time)}`;
  }
  const whole = (iso: string) => `${format(locale, iso, day)} ${format(locale, iso, time)}`;
  return `${whole(startsAt)} – ${whole(endsAt)}`;
}

/** A date without its time (`2026年3月1日`), for lists. */
export function formatDay(locale: Locale, iso: string): string {
  return format(locale, iso, { dateStyle: 'long' });
}
