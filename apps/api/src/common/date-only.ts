import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export function IsDateOnly(): PropertyDecorator {
  const message = { message: '$property must be a date like 2026-09-01' };
  return applyDecorators(IsISO8601({ strict: true }, message), Matches(/^\d{4}-\d{2}-\d{2}$/, message));
}

/** Today's date in China Standard Time, YYYY-MM-DD (the county's calendar, whatever the server's zone). */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
