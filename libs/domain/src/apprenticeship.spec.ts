import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isoWeekOf,
  mondayOfIsoWeek,
  plannedHoursBy,
  riskScore,
  WarningFlag,
  warningsFor,
  type WarningFacts,
} from './apprenticeship.js';

describe('ISO weeks', () => {
  it.each([
    ['2026-11-29', '2026-W48'], // a Sunday belongs to the week that began on Monday
    ['2026-11-30', '2026-W49'],
    ['2021-01-03', '2020-W53'], // early January can belong to the previous year
    ['2024-12-30', '2025-W01'], // late December can belong to the next year
    ['2026-12-31', '2026-W53'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it('finds the Monday of a week and refuses weeks that do not exist', () => {
    expect(mondayOfIsoWeek('2026-W48')).toBe('2026-11-23');
    expect(mondayOfIsoWeek('2025-W01')).toBe('2024-12-30');
    expect(mondayOfIsoWeek('2020-W53')).toBe('2020-12-28');
    expect(mondayOfIsoWeek('2025-W53')).toBeNull();
    expect(mondayOfIsoWeek('2025-W00')).toBeNull();
    expect(mondayOfIsoWeek('2025-48')).toBeNull();
  });

  it('counts days across month and year ends', () => {
    expect(addDays('2025-12-30', 3)).toBe('2026-01-02');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-01', '2025-02-01')).toBe(-28);
  });
});

describe('early warning', () => {
  const base: WarningFacts = {
    startDate: '2025-01-01',
    plannedEndDate: '2026-01-01', // 365 days
    plannedWorkplaceHours: 1460, // 4 a day
    signedWorkplaceHours: 0,
    unsignedSubmittedOn: [],
    lastAssessmentOn: '2025-06-20',
  };
  const today = '2025-07-01'; // day 181: 724 hours expected

  it('spreads the planned hours evenly from start to planned end', () => {
    expect(plannedHoursBy(base, today)).toBe(724);
    expect(plannedHoursBy(base, '2024-12-01')).toBe(0);
    expect(plannedHoursBy(base, '2027-01-01')).toBe(1460);
  });

  it('flags hours more than 20% behind the plan, and not at exactly 20%', () => {
    expect(warningsFor({ ...base, signedWorkplaceHours: 580 }, today)).toEqual([]); // 19.9% short
    const behind = warningsFor({ ...base, signedWorkplaceHours: 579 }, today);
    expect(behind).toEqual([
      { flag: WarningFlag.HoursBehind, figures: { expected: 724, signed: 579, shortShare: 0.2 } },
    ]);
  });

  it('flags two or more weeks waiting more than ten days for a signature', () => {
    const facts = { ...base, signedWorkplaceHours: 724 };
    expect(warningsFor({ ...facts, unsignedSubmittedOn: ['2025-06-20', '2025-06-21'] }, today)).toEqual([]);
    expect(warningsFor({ ...facts, unsignedSubmittedOn: ['2025-06-10', '2025-06-25'] }, today)).toEqual([]);
    expect(warningsFor({ ...facts, unsignedSubmittedOn: ['2025-06-10', '2025-06-20'] }, today)).toEqual([
      { flag: WarningFlag.UnsignedWeeks, figures: { weeks: 2 } },
    ]);
  });

  it('flags no milestone in the last twelve weeks, counting from the start when there was none', () => {
    const facts = { ...base, signedWorkplaceHours: 724 };
    expect(warningsFor({ ...facts, lastAssessmentOn: '2025-04-08' }, today)).toEqual([]); // 84 days
    expect(warningsFor({ ...facts, lastAssessmentOn: '2025-04-07' }, today)[0].flag).toBe(
      WarningFlag.NoMilestone,
    );
    expect(warningsFor({ ...facts, lastAssessmentOn: null }, '2025-03-20')).toEqual([]);
    expect(warningsFor({ ...facts, lastAssessmentOn: null }, today)[0].figures).toEqual({
      lastAssessmentOn: null,
      weeks: 25,
    });
  });

  it('scores more and worse flags higher', () => {
    const one = warningsFor({ ...base, signedWorkplaceHours: 500 }, today);
    const two = warningsFor({ ...base, signedWorkplaceHours: 100, lastAssessmentOn: null }, today);
    expect(riskScore([])).toBe(0);
    expect(riskScore(two)).toBeGreaterThan(riskScore(one));
  });
});
