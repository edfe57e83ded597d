import { addDays } from './apprenticeship.js';
import { DEFAULT_COUNTY_TIME_ZONE, dateInTimeZone } from './county-time.js';

/**
 * When a class meets (issue 19): on some weekdays, at the same time of day, from its first to its last date.
 * Weekdays are ISO numbers (1 Monday … 7 Sunday); times are the county's wall clock, "HH:MM"; dates "YYYY-MM-DD".
 */
export interface ClassSchedule {
  weekdays: number[];
  startTime: string;
  endTime: string;
  firstDate: string;
  lastDate: string;
}

const DAY_MS = 86_400_000;

function utcDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(utcDay(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Every class date of the schedule, in order. */
export function classDates(schedule: ClassSchedule): string[] {
  const days = new Set(schedule.weekdays);
  const dates: string[] = [];
  const last = utcDay(schedule.lastDate);
  for (let ms = utcDay(schedule.firstDate); ms <= last; ms += DAY_MS) {
    const date = dateOf(ms);
    if (days.has(isoWeekday(date))) dates.push(date);
  }
  return dates;
}

export function isClassDate(schedule: ClassSchedule, date: string): boolean {
  return (
    date >= schedule.firstDate && date <= schedule.lastDate && schedule.weekdays.includes(isoWeekday(date))
  );
}

/** The county's wall-clock time of an instant, "HH:MM". */
export function timeInTimeZone(instant: Date, timeZone: string = DEFAULT_COUNTY_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('hour')}:${get('minute')}`;
}

/**
 * The next class that has not begun at `now`: today's class counts until its start time, then the next class date.
 * None once the last class has begun.
 */
export function nextClassDate(
  schedule: ClassSchedule,
  now: Date,
  timeZone: string = DEFAULT_COUNTY_TIME_ZONE,
): string | null {
  const today = dateInTimeZone(now, timeZone);
  let from = today < schedule.firstDate ? schedule.firstDate : today;
  if (from === today && isClassDate(schedule, today) && timeInTimeZone(now, timeZone) >= schedule.startTime) {
    from = addDays(today, 1);
  }
  for (let date = from; date <= schedule.lastDate; date = addDays(date, 1)) {
    if (isClassDate(schedule, date)) return date;
  }
  return null;
}

/**
 * The class date a roster opens on: today when the class meets today, otherwise the class date closest to today
 * (before the class begins, its first date; after it ended, its last; between two, the nearer, the past one on a tie).
 */
export function nearestClassDate(schedule: ClassSchedule, today: string): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const date of classDates(schedule)) {
    const distance = Math.abs(utcDay(date) - utcDay(today));
    if (distance < bestDistance) {
      best = date;
      bestDistance = distance;
    }
  }
  return best;
}

const ZH_DAYS = ['一', '二', '三', '四', '五', '六', '日'];
const EN_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "每周二、四 09:00–11:00" / "Tue, Thu 09:00–11:00"; every day: "每天 …" / "Daily …". */
export function formatClassPattern(
  locale: string,
  schedule: Pick<ClassSchedule, 'weekdays' | 'startTime' | 'endTime'>,
): string {
  const days = [...new Set(schedule.weekdays)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const time = `${schedule.startTime}–${schedule.endTime}`;
  const zh = !locale.toLowerCase().startsWith('en');
  if (days.length === 7) return zh ? `每天 ${time}` : `Daily ${time}`;
  return zh
    ? `每周${days.map((d) => ZH_DAYS[d - 1]).join('、')} ${time}`
    : `${days.map((d) => EN_DAYS[d - 1]).join(', ')} ${time}`;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Why a schedule cannot be used, or null: weekdays 1–7 (at least one), start before end, at least one class date. */
export function scheduleProblem(schedule: ClassSchedule): 'weekdays' | 'times' | 'no_class_date' | null {
  if (!schedule.weekdays.length || schedule.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    return 'weekdays';
  }
  if (
    !TIME.test(schedule.startTime) ||
    !TIME.test(schedule.endTime) ||
    schedule.endTime <= schedule.startTime
  ) {
    return 'times';
  }
  if (schedule.lastDate < schedule.firstDate) return 'no_class_date';
  for (
    let i = 0, date = schedule.firstDate;
    i < 7 && date <= schedule.lastDate;
    i++, date = addDays(date, 1)
  ) {
    if (schedule.weekdays.includes(isoWeekday(date))) return null;
  }
  return 'no_class_date';
}
