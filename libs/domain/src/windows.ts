/**
 * The one window rule of the indicators: every rolling window is the half-open interval (reference − length,
 * reference], i.e. it starts the day after "reference minus the length" and ends on the reference date itself. The
 * 12-month window of 2025-12-31 is 2025-01-01 to 2025-12-31; its 4 weeks are 2025-12-04 to 2025-12-31 (28 days);
 * its 90 days are 2025-10-03 to 2025-12-31. Every query takes the first and last day from here.
 */
export type RollingWindow = '12m' | '4w' | '90d';
export const ROLLING_WINDOWS: RollingWindow[] = ['12m', '4w', '90d'];

export interface DateWindow {
  /** First day counted (inclusive), YYYY-MM-DD. */
  first: string;
  /** Last day counted (inclusive): the reference date. */
  last: string;
}

const DAY_MS = 86_400_000;
const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const shift = (date: string, days: number) => iso(new Date(utc(date).getTime() + days * DAY_MS));

/** The same calendar day `months` earlier, clamped to the month's last day (2024-02-29 − 12 months = 2023-02-28). */
function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(year, month, Math.min(d, lastDay))));
}

/** First and last day of a rolling window ending on the reference date. */
export function rollingWindow(referenceDate: string, window: RollingWindow): DateWindow {
  const before =
    window === '12m' ? monthsBefore(referenceDate, 12) : shift(referenceDate, window === '4w' ? -28 : -90);
  return { first: shift(before, 1), last: referenceDate };
}

/** The reporting period of a year up to the reference date: 1 January to the reference date, both counted. */
export function periodWindow(year: number, referenceDate: string): DateWindow {
  return { first: `${String(year).padStart(4, '0')}-01-01`, last: referenceDate };
}

/** Whether a day is inside a window (both ends counted). */
export function inWindow(day: string, window: DateWindow): boolean {
  return day >= window.first && day <= window.last;
}
