import { describe, expect, it } from 'vitest';
import {
  chooseWeek,
  formValuesOf,
  isLoggableDay,
  logFieldOf,
  loggableWeeks,
  readLogWeekForm,
  renameErrors,
  weekDates,
  weekParts,
} from './training-log.js';

const period = { startDate: '2026-09-30', plannedEndDate: '2028-06-30' };
const WEEK = weekDates('2026-W47');

describe('weeks of the training log', () => {
  it('lists the seven days of an ISO week from Monday, and nothing for a week that does not exist', () => {
    expect(WEEK).toEqual([
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
    expect(weekDates('2026-W54')).toEqual([]);
    expect(weekDates('next week')).toEqual([]);
  });

  it('names a week by its year, number, Monday and Sunday', () => {
    expect(weekParts('2026-W01')).toEqual({ year: 2026, number: 1, start: '2025-12-29', end: '2026-01-04' });
    expect(weekParts('2026-W99')).toBeNull();
  });

  it('offers the weeks from the start of the agreement up to today, newest first', () => {
    const weeks = loggableWeeks(period, '2026-11-29');
    expect(weeks[0]).toBe('2026-W48');
    expect(weeks.at(-1)).toBe('2026-W40');
    expect(weeks).toHaveLength(9);
    expect(loggableWeeks(period, '2026-11-29', 3)).toEqual(['2026-W48', '2026-W47', '2026-W46']);
  });

  it('offers no week before the start, and none after the planned end', () => {
    expect(loggableWeeks({ startDate: '2026-12-01', plannedEndDate: '2027-06-30' }, '2026-11-29')).toEqual(
      [],
    );
    expect(loggableWeeks({ startDate: '2026-01-05', plannedEndDate: '2026-01-20' }, '2026-11-29')).toEqual([
      '2026-W04',
      '2026-W03',
      '2026-W02',
    ]);
  });

  it('keeps the week asked for when it can be logged, otherwise shows the newest', () => {
    expect(chooseWeek('2026-W46', ['2026-W48', '2026-W47', '2026-W46'])).toBe('2026-W46');
    expect(chooseWeek('2025-W01', ['2026-W48', '2026-W47'])).toBe('2026-W48');
    expect(chooseWeek(null, [])).toBeNull();
  });

  it('lets only days inside the agreement and not ahead of today be logged', () => {
    expect(isLoggableDay('2026-09-29', period, '2026-11-29')).toBe(false);
    expect(isLoggableDay('2026-09-30', period, '2026-11-29')).toBe(true);
    expect(isLoggableDay('2026-11-30', period, '2026-11-29')).toBe(false);
  });
});

describe('the week form', () => {
  const blank = Object.fromEntries(
    WEEK.flatMap((d) => [
      [`school-${d}`, ''],
      [`workplace-${d}`, ''],
    ]),
  );

  it('sends only the days with hours, sorted, with empty boxes read as 0', () => {
    const { errors, body } = readLogWeekForm(
      {
        ...blank,
        'workplace-2026-11-18': '7.5',
        'school-2026-11-16': '４',
        'workplace-2026-11-16': '',
        description: '学习数控车床对刀。',
      },
      WEEK,
    );
    expect(errors).toEqual({});
    expect(body).toEqual({
      days: [
        { date: '2026-11-16', schoolHours: 4, workplaceHours: 0 },
        { date: '2026-11-18', schoolHours: 0, workplaceHours: 7.5 },
      ],
      description: '学习数控车床对刀。',
    });
  });

  it('refuses quarter hours, more than 8 workplace hours a day and a week without hours', () => {
    expect(
      readLogWeekForm(
        { ...blank, 'school-2026-11-16': '2.25', 'workplace-2026-11-17': '9', description: '实习' },
        WEEK,
      ).errors,
    ).toEqual({
      'school-2026-11-16': { key: 'validation.halfHours' },
      'workplace-2026-11-17': { key: 'error.LOG_DAY_LIMIT' },
    });
    expect(readLogWeekForm({ ...blank, description: '实习' }, WEEK).errors).toEqual({
      days: { key: 'log.noHours' },
    });
    expect(readLogWeekForm({ ...blank, 'school-2026-11-16': 'abc', description: '' }, WEEK).errors).toEqual({
      'school-2026-11-16': { key: 'validation.numberRange', params: { min: 0, max: 12 } },
      description: { key: 'validation.required' },
    });
  });

  it('refuses more than 40 workplace hours in the week', () => {
    const sixDays = Object.fromEntries(WEEK.slice(0, 6).map((d) => [`workplace-${d}`, '7']));
    expect(readLogWeekForm({ ...blank, ...sixDays, description: '实习' }, WEEK).errors).toEqual({
      days: { key: 'error.LOG_WEEK_LIMIT' },
    });
  });

  it('reads only the days that can be logged', () => {
    const { body } = readLogWeekForm(
      { ...blank, 'workplace-2026-11-16': '8', 'workplace-2026-11-22': '8', description: '实习' },
      WEEK.slice(0, 3),
    );
    expect(body?.days).toEqual([{ date: '2026-11-16', schoolHours: 0, workplaceHours: 8 }]);
  });

  it('puts the API’s field errors beside the box of the day they are about', () => {
    const sent = [{ date: '2026-11-16' }, { date: '2026-11-18' }];
    expect(logFieldOf('days.1.workplaceHours', sent)).toBe('workplace-2026-11-18');
    expect(logFieldOf('days.0.schoolHours', sent)).toBe('school-2026-11-16');
    expect(logFieldOf('days.1.date', sent)).toBe('day-2026-11-18');
    expect(logFieldOf('days.7.date', sent)).toBe('days');
    expect(logFieldOf('description', sent)).toBe('description');
    expect(
      renameErrors({ 'days.1.workplaceHours': { key: 'error.LOG_DAY_LIMIT' } }, (f) => logFieldOf(f, sent)),
    ).toEqual({ 'workplace-2026-11-18': { key: 'error.LOG_DAY_LIMIT' } });
  });

  it('shows a logged week again in the form', () => {
    expect(formValuesOf([{ date: '2026-11-16', schoolHours: 0, workplaceHours: 7.5 }], '对刀')).toEqual({
      description: '对刀',
      'school-2026-11-16': '',
      'workplace-2026-11-16': '7.5',
    });
  });
});
