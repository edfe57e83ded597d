import { describe, expect, it } from 'vitest';
import { classPattern, formatFee, nextClass, telHref } from './timetable.js';

const t = {
  classWeekdays: [2, 4],
  classStartTime: '09:00',
  classEndTime: '11:00',
  firstClassDate: '2026-12-01',
  lastClassDate: '2026-12-17',
  nextClassDate: '2026-12-08',
};

describe('timetable', () => {
  it('says the class days and times in both languages', () => {
    expect(classPattern('zh-CN', t)).toBe('每周二、四 09:00–11:00');
    expect(classPattern('en', t)).toBe('Tue, Thu 09:00–11:00');
  });

  it('names the day of a one-day class instead of a weekly pattern', () => {
    const oneDay = { ...t, classWeekdays: [2], lastClassDate: '2026-12-01' };
    expect(classPattern('zh-CN', oneDay)).toBe('12月1日星期二 09:00–11:00');
    expect(classPattern('en', oneDay)).toBe('Tuesday, December 1 09:00–11:00');
  });

  it('gives the next class with its weekday, none after the last', () => {
    expect(nextClass('zh-CN', t)).toBe('12月8日星期二');
    expect(nextClass('en', { ...t, nextClassDate: null })).toBeNull();
  });

  it('says free or the amount in yuan', () => {
    expect(formatFee('zh-CN', 0)).toBe('免费');
    expect(formatFee('en', 0)).toBe('Free');
    expect(formatFee('zh-CN', 12000)).toBe('120 元');
    expect(formatFee('en', 3550)).toBe('¥35.50');
  });

  it('dials a landline with its area code', () => {
    expect(telHref('0571-12345678')).toBe('tel:057112345678');
  });
});
