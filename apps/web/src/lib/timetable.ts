import { formatClassPattern } from '@cll/domain';
import { formatWeekday } from './format.js';
import type { Locale } from './i18n/index.js';

/** What a session card says about when a class meets (issue 19). */
export interface Timetable {
  classWeekdays: number[];
  classStartTime: string;
  classEndTime: string;
  firstClassDate: string;
  lastClassDate: string;
  nextClassDate: string | null;
}

/** "每周二、四 09:00–11:00" / "Tue, Thu 09:00–11:00". */
export function classPattern(locale: Locale, t: Timetable): string {
  if (t.firstClassDate === t.lastClassDate) {
    return `${formatWeekday(locale, t.firstClassDate)} ${t.classStartTime}–${t.classEndTime}`;
  }
  return formatClassPattern(locale, {
    weekdays: t.classWeekdays,
    startTime: t.classStartTime,
    endTime: t.classEndTime,
  });
}

/** The next class with its weekday (12月8日星期二 / Tuesday 8 December), or null once the last one began. */
export function nextClass(locale: Locale, t: Timetable): string | null {
  return t.nextClassDate ? formatWeekday(locale, t.nextClassDate) : null;
}

/** A fee in fen as residents say it: 免费 / Free, 120 元 / ¥120, 35.50 元 / ¥35.50. */
export function formatFee(locale: Locale, fen: number): string {
  if (fen <= 0) return locale === 'en' ? 'Free' : '免费';
  const yuan = fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
  return locale === 'en' ? `¥${yuan}` : `${yuan} 元`;
}

/** A phone number as a tel: link target (digits and the extension's comma-free form). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
