import { describe, expect, it } from 'vitest';
import { canLearn, canWithdraw, enrolmentOutcome, groupEnrolments, isActive } from './enrolment.js';

const make = (id: string, status: string) => ({ id, status });

describe('groupEnrolments', () => {
  it('puts each status in its group and keeps the order within a group', () => {
    const groups = groupEnrolments([
      make('a', 'enrolled'),
      make('b', 'waitlisted'),
      make('c', 'completed'),
      make('d', 'withdrawn'),
      make('e', 'enrolled'),
      make('f', 'failed'),
    ]);
    expect(groups.current.map((e) => e.id)).toEqual(['a', 'e']);
    expect(groups.waiting.map((e) => e.id)).toEqual(['b']);
    expect(groups.completed.map((e) => e.id)).toEqual(['c']);
    expect(groups.ended.map((e) => e.id)).toEqual(['d', 'f']);
  });

  it('shows a status it does not know as ended', () => {
    expect(groupEnrolments([make('x', 'suspended')]).ended).toHaveLength(1);
  });
});

describe('what a learner may do', () => {
  it.each([
    ['enrolled', true, true, true],
    ['waitlisted', true, false, true],
    ['completed', false, true, true],
    ['withdrawn', false, false, false],
    ['failed', false, false, false],
  ])('%s: withdraw %s, learn %s, active %s', (status, withdraw, learn, active) => {
    expect(canWithdraw(status)).toBe(withdraw);
    expect(canLearn(status)).toBe(learn);
    expect(isActive(status)).toBe(active);
  });
});

describe('enrolmentOutcome', () => {
  it('says enrolled for a place', () => {
    expect(enrolmentOutcome({ status: 'enrolled', waitlistPosition: null })).toEqual({
      key: 'enrol.done.enrolled',
    });
  });

  it('gives the position in the queue for the waiting list', () => {
    expect(enrolmentOutcome({ status: 'waitlisted', waitlistPosition: 3 })).toEqual({
      key: 'enrol.done.waitlisted',
      params: { position: 3 },
    });
  });
});
