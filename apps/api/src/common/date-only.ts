import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';
import { dateInTimeZone, DEFAULT_COUNTY_TIME_ZONE } from '@cll/domain';

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export function IsDateOnly(): PropertyDecorator {
  const message = { message: '$property must be a date like 2026-09-01' };
  return applyDecorators(IsISO8601({ strict: true }, message), Matches(/^\d{4}-\d{2}-\d{2}$/, message));
}

let countyTimeZone = DEFAULT_COUNTY_TIME_ZONE;

/** Set once at start from the configuration (COUNTY_TIME_ZONE), before any request or job runs. */
export function useCountyTimeZone(timeZone: string): void {
  countyTimeZone = timeZone;
}

export function currentCountyTimeZone(): string {
  return countyTimeZone;
}

/** Today's date in the county's time zone, YYYY-MM-DD (the county's calendar, whatever the server's zone). */
export function todayInCounty(now = new Date()): string {
  return dateInTimeZone(now, countyTimeZone);
}

/** @deprecated the county's zone is a setting now: use todayInCounty. */
export const todayInChina = todayInCounty;
