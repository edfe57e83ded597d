import { describe, expect, it } from 'vitest';
import { addDays } from './apprenticeship.js';
import {
  type ClassSchedule,
  classDates,
  formatClassPattern,
  isoWeekday,
  nearestClassDate,
  nextClassDate,
  scheduleProblem,
} from './schedule.js';

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generated(seed: number): ClassSchedule {
  const r = random(seed);
  const weekdays = [1, 2, 3, 4, 5, 6, 7].filter(() => r() < 0.35);
  if (!weekdays.length) weekdays.push(1 + Math.floor(r() * 7));
  const startHour = 6 + Math.floor(r() * 12);
  const pad = (n: number) => String(n).padStart(2, '0');
  const firstDate = addDays('2026-01-01', Math.floor(r() * 700));
  return {
    weekdays,
    startTime: `${pad(startHour)}:${pad(Math.floor(r() * 4) * 15)}`,
    endTime: `${pad(startHour + 1 + Math.floor(r() * 3))}:${pad(Math.floor(r() * 4) * 15)}`,
    firstDate,
    lastDate: addDays(firstDate, Math.floor(r() * 120)),
  };
}

// Day names a second way: the runtime's own calendar names for a known week (2026-11-30 is a Monday).
const MONDAY = Date.UTC(2026, 10, 30);
const enName = (d: number) =>
  new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: 'UTC' }).format(
    MONDAY + (d - 1) * 86_400_000,
  );
const zhName = (d: number) =>
  new Intl.DateTimeFormat('zh-CN', { weekday: 'short', timeZone: 'UTC' })
    .format(MONDAY + (d - 1) * 86_400_000)
    .replace('周', '');

describe('formatClassPattern', () => {
  it('says the class days and times in both languages', () => {
    const s = { weekdays: [4, 2], startTime: '09:00', endTime: '11:00' };
    expect(formatClassPattern('zh-CN', s)).toBe('每周二、四 09:00–11:00');
    expect(formatClassPattern('en', s)).toBe('Tue, Thu 09:00–11:00');
    expect(formatClassPattern('zh-CN', { ...s, weekdays: [1, 2, 3, 4, 5, 6, 7] })).toBe('每天 09:00–11:00');
    expect(formatClassPattern('en', { ...s, weekdays: [7] })).toBe('Sun 09:00–11:00');
  });

  it('agrees with the runtime calendar names over 500 generated schedules', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const s = generated(seed);
      const days = [...s.weekdays].sort((a, b) => a - b);
      const time = `${s.startTime}–${s.endTime}`;
      const en = days.length === 7 ? `Daily ${time}` : `${days.map(enName).join(', ')} ${time}`;
      const zh = days.length === 7 ? `每天 ${time}` : `每周${days.map(zhName).join('、')} ${time}`;
      expect(formatClassPattern('en', s), `seed ${seed}`).toBe(en);
      expect(formatClassPattern('zh-CN', s), `seed ${seed}`).toBe(zh);
    }
  });
});

describe('classDates', () => {
  it('agrees with stepping a week at a time from each weekday, over 300 generated schedules', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const s = generated(seed);
      const second: string[] = [];
      for (const d of s.weekdays) {
        let date = s.firstDate;
        while (isoWeekday(date) !== d) date = addDays(date, 1);
        for (; date <= s.lastDate; date = addDays(date, 7)) second.push(date);
      }
      expect(classDates(s), `seed ${seed}`).toEqual(second.sort());
    }
  });
});

describe('nextClassDate', () => {
  // Tuesdays and Thursdays 09:00–11:00 from Tue 2026-12-01 to Thu 2026-12-17 (Beijing time).
  const s: ClassSchedule = {
    weekdays: [2, 4],
    startTime: '09:00',
    endTime: '11:00',
    firstDate: '2026-12-01',
    lastDate: '2026-12-17',
  };
  const at = (local: string) => new Date(`${local}+08:00`);

  it('is today while today’s class has not begun, the next class date once it has', () => {
    expect(nextClassDate(s, at('2026-12-03T08:59:00'))).toBe('2026-12-03');
    expect(nextClassDate(s, at('2026-12-03T09:00:00'))).toBe('2026-12-08');
    expect(nextClassDate(s, at('2026-12-03T23:59:00'))).toBe('2026-12-08');
  });

  it('uses the county date, not UTC: 00:30 in Beijing on a Thursday is still before its class', () => {
    expect(nextClassDate(s, new Date('2026-12-02T16:30:00Z'))).toBe('2026-12-03');
  });

  it('is the first date before the class starts, none once the last class has begun', () => {
    expect(nextClassDate(s, at('2026-11-20T12:00:00'))).toBe('2026-12-01');
    expect(nextClassDate(s, at('2026-12-17T08:00:00'))).toBe('2026-12-17');
    expect(nextClassDate(s, at('2026-12-17T09:00:00'))).toBeNull();
    expect(nextClassDate(s, at('2027-01-05T09:00:00'))).toBeNull();
  });

  it('agrees with comparing each class’s start instant to now, over generated schedules and times', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const schedule = generated(seed);
      const r = random(seed * 7919);
      const dates = classDates(schedule);
      for (let k = 0; k < 20; k++) {
        const now = new Date(
          Date.parse(`${schedule.firstDate}T00:00:00+08:00`) + (r() * 140 - 10) * 86_400_000,
        );
        const second =
          dates.find((d) => Date.parse(`${d}T${schedule.startTime}:00+08:00`) > now.getTime()) ?? null;
        expect(nextClassDate(schedule, now), `seed ${seed} at ${now.toISOString()}`).toBe(second);
      }
    }
  });
});

describe('nearestClassDate', () => {
  const s: ClassSchedule = {
    weekdays: [2, 4],
    startTime: '09:00',
    endTime: '11:00',
    firstDate: '2026-12-01',
    lastDate: '2026-12-17',
  };
  it('opens on today on a class day, else the closest class date', () => {
    expect(nearestClassDate(s, '2026-12-08')).toBe('2026-12-08');
    expect(nearestClassDate(s, '2026-11-02')).toBe('2026-12-01');
    expect(nearestClassDate(s, '2027-03-01')).toBe('2026-12-17');
    expect(nearestClassDate(s, '2026-12-09')).toBe('2026-12-08');
    expect(nearestClassDate(s, '2026-12-05')).toBe('2026-12-03');
    // Sat 12-05 → Thu 12-03 (2 days) beats Tue 12-08 (3 days); Mon 12-07 → Tue 12-08.
    expect(nearestClassDate(s, '2026-12-07')).toBe('2026-12-08');
  });
});

describe('scheduleProblem', () => {
  const ok: ClassSchedule = {
    weekdays: [3],
    startTime: '14:00',
    endTime: '16:00',
    firstDate: '2026-12-01',
    lastDate: '2026-12-10',
  };
  it('refuses empty or impossible weekdays, end before start, and a range without a class day', () => {
    expect(scheduleProblem(ok)).toBeNull();
    expect(scheduleProblem({ ...ok, weekdays: [] })).toBe('weekdays');
    expect(scheduleProblem({ ...ok, weekdays: [0] })).toBe('weekdays');
    expect(scheduleProblem({ ...ok, endTime: '14:00' })).toBe('times');
    expect(scheduleProblem({ ...ok, startTime: '24:00' })).toBe('times');
    // 2026-12-01 is a Tuesday: a Monday class between Tue and Sat never meets.
    expect(scheduleProblem({ ...ok, weekdays: [1], lastDate: '2026-12-05' })).toBe('no_class_date');
  });
});
