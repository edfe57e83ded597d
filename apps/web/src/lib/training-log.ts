import type { Schemas } from '@cll/api-client';
import {
  addDays,
  ErrorCode,
  isoWeekOf,
  MAX_WORKPLACE_HOURS_PER_DAY,
  MAX_WORKPLACE_HOURS_PER_WEEK,
  mondayOfIsoWeek,
} from '@cll/domain';
import { checkLength, readNumber, requireFields } from './form-rules.js';
import { hasErrors, type FormErrors } from './forms.js';

/**
 * The apprentice's weekly log (周记): which weeks can be logged, the week form's fields (one row per day, school and
 * workplace hours), the request body it makes, and where the API's field errors go back on the form.
 */

/** The API's limits (apps/api/src/apprenticeship/dto/training-log.dto.ts). */
export const SCHOOL_HOURS_MAX = 12;
export const DESCRIPTION_MAX = 2000;

export interface AgreementPeriod {
  startDate: string;
  plannedEndDate: string;
}

/** The seven dates (Monday to Sunday) of an ISO week such as 2026-W48; empty for a week that does not exist. */
export function weekDates(isoWeek: string): string[] {
  const monday = mondayOfIsoWeek(isoWeek);
  return monday ? Array.from({ length: 7 }, (_, i) => addDays(monday, i)) : [];
}

/** A day can be logged when it lies within the agreement and is not ahead of today. */
export function isLoggableDay(date: string, period: AgreementPeriod, today: string): boolean {
  return date >= period.startDate && date <= period.plannedEndDate && date <= today;
}

/** The weeks with at least one loggable day, newest first, at most `limit` of them. */
export function loggableWeeks(period: AgreementPeriod, today: string, limit = 12): string[] {
  const last = period.plannedEndDate < today ? period.plannedEndDate : today;
  if (last < period.startDate) return [];
  const weeks: string[] = [];
  let day = last;
  while (weeks.length < limit) {
    const week = isoWeekOf(day);
    weeks.push(week);
    const monday = mondayOfIsoWeek(week) as string;
    if (monday <= period.startDate) break;
    day = addDays(monday, -1);
  }
  return weeks;
}

/** The week shown by default: the one asked for when it can be logged, else the newest one that can. */
export function chooseWeek(wanted: string | null, weeks: readonly string[]): string | null {
  if (wanted && weeks.includes(wanted)) return wanted;
  return weeks[0] ?? null;
}

/** An ISO week as the page names it: year, week number and its Monday and Sunday. */
export function weekParts(
  isoWeek: string,
): { year: number; number: number; start: string; end: string } | null {
  const monday = mondayOfIsoWeek(isoWeek);
  if (!monday) return null;
  return {
    year: Number(isoWeek.slice(0, 4)),
    number: Number(isoWeek.slice(6)),
    start: monday,
    end: addDays(monday, 6),
  };
}

export const schoolField = (date: string) => `school-${date}`;
export const workplaceField = (date: string) => `workplace-${date}`;
export const dayField = (date: string) => `day-${date}`;

/** The names of the week form's fields for these days, in the order the page shows them. */
export function logFieldNames(dates: readonly string[]): string[] {
  return [...dates.flatMap((date) => [schoolField(date), workplaceField(date)]), 'description'];
}

/**
 * Reads the week form: empty hours are 0, hours go in half-hour steps, a day without hours is left out, and the
 * workplace limits (8 a day, 40 a week) are checked before the API sees them. Only `loggable` days are read.
 */
export function readLogWeekForm(
  values: Record<string, string>,
  loggable: readonly string[],
): { errors: FormErrors; body?: Schemas['LogWeekDto'] } {
  const errors: FormErrors = {};
  const days: Schemas['LogDayDto'][] = [];
  for (const date of [...loggable].sort()) {
    const school = readHours(values[schoolField(date)] ?? '', schoolField(date), SCHOOL_HOURS_MAX, errors);
    const workplace = readHours(values[workplaceField(date)] ?? '', workplaceField(date), 24, errors);
    if (workplace !== undefined && workplace > MAX_WORKPLACE_HOURS_PER_DAY) {
      errors[workplaceField(date)] ??= { key: `error.${ErrorCode.LogDayLimit}` };
    }
    const schoolHours = school ?? 0;
    const workplaceHours = workplace ?? 0;
    if (schoolHours > 0 || workplaceHours > 0) days.push({ date, schoolHours, workplaceHours });
  }
  const description = values.description ?? '';
  requireFields({ description }, ['description'], errors);
  checkLength(description, 1, DESCRIPTION_MAX, 'description', errors);
  if (hasErrors(errors)) return { errors };
  if (days.length === 0) return { errors: { days: { key: 'log.noHours' } } };
  const workplaceTotal = days.reduce((sum, d) => sum + d.workplaceHours, 0);
  if (workplaceTotal > MAX_WORKPLACE_HOURS_PER_WEEK) {
    return { errors: { days: { key: `error.${ErrorCode.LogWeekLimit}` } } };
  }
  return { errors, body: { days, description } };
}

/** Hours typed into a box: '' is 0; 0 to `max` in steps of half an hour (7.5, not 7.25). */
function readHours(raw: string, name: string, max: number, errors: FormErrors): number | undefined {
  const value = readNumber(raw.replace(/[,，]/g, '.'), name, errors, { min: 0, max });
  if (value === undefined) return raw ? undefined : 0;
  if (!Number.isInteger(value * 2)) {
    errors[name] ??= { key: 'validation.halfHours' };
    return undefined;
  }
  return value;
}

const DAY_FIELD = /^days\.(\d+)\.(date|schoolHours|workplaceHours)$/;

/**
 * The form field an API error names: `days.2.workplaceHours` is the third day sent (the API sorts them by date, and so
 * does `readLogWeekForm`), i.e. that date's workplace box; `days.2.date` is that day's row.
 */
export function logFieldOf(apiField: string, sent: ReadonlyArray<{ date: string }>): string {
  const match = DAY_FIELD.exec(apiField);
  if (!match) return apiField;
  const day = sent[Number(match[1])];
  if (!day) return 'days';
  switch (match[2]) {
    case 'schoolHours':
      return schoolField(day.date);
    case 'workplaceHours':
      return workplaceField(day.date);
    default:
      return dayField(day.date);
  }
}

/** Renames the keys of form errors (API field names → the form's own names). */
export function renameErrors(errors: FormErrors, rename: (field: string) => string): FormErrors {
  const renamed: FormErrors = {};
  for (const [field, message] of Object.entries(errors)) renamed[rename(field)] ??= message;
  return renamed;
}

/** A week's logged hours as the form shows them: '' for none, else the number as typed (7.5). */
export function formValuesOf(
  days: ReadonlyArray<{ date: string; schoolHours: number; workplaceHours: number }>,
  description: string,
): Record<string, string> {
  const values: Record<string, string> = { description };
  for (const day of days) {
    values[schoolField(day.date)] = day.schoolHours ? String(day.schoolHours) : '';
    values[workplaceField(day.date)] = day.workplaceHours ? String(day.workplaceHours) : '';
  }
  return values;
}
